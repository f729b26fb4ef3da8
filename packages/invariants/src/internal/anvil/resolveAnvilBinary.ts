import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { OptionalDependencyMissingError } from '@storydao/core'
import { ForkError } from '../../errors/fork.js'
import { version } from '../../errors/version.js'

const platformPackages: Record<string, string> = {
  'linux-x64': '@foundry-rs/anvil-linux-amd64',
  'linux-arm64': '@foundry-rs/anvil-linux-arm64',
  'darwin-x64': '@foundry-rs/anvil-darwin-amd64',
  'darwin-arm64': '@foundry-rs/anvil-darwin-arm64',
  'win32-x64': '@foundry-rs/anvil-win32-amd64',
}

let cached: { binary: string; resolve: unknown } | undefined

/**
 * @internal How `@foundry-rs/anvil` is found: resolved at call time, never
 * imported, so a user who only plans and proposes need not install it (an
 * optional peer dependency). Tests swap it to see the missing case.
 */
export const anvilResolver = {
  resolve: (specifier: string): string =>
    createRequire(import.meta.url).resolve(specifier),
}

const install = 'npm install @foundry-rs/anvil@1.7.1'

/**
 * @internal Path of the native anvil binary shipped by `@foundry-rs/anvil`'s
 * platform package. Spawning it directly skips the package's Node wrapper
 * (~60 ms per fork).
 */
export function resolveAnvilBinary(): string {
  if (cached?.resolve === anvilResolver.resolve) return cached.binary
  const key = `${process.platform}-${process.arch}`
  const platformPackage = platformPackages[key]
  if (!platformPackage)
    throw new ForkError(`No anvil build for platform ${key}.`, {
      code: 'ANVIL_UNSUPPORTED_PLATFORM',
      hint: `Supported: ${Object.keys(platformPackages).join(', ')}.`,
    })
  // The platform package is a dependency of @foundry-rs/anvil, not of ours, so
  // resolve it from the wrapper's own location (pnpm keeps deps isolated).
  let wrapper: string
  try {
    wrapper = anvilResolver.resolve('@foundry-rs/anvil/bin.mjs')
  } catch (cause) {
    throw new OptionalDependencyMissingError({
      packages: ['@foundry-rs/anvil'],
      feature: 'createFork/startAnvil',
      install,
      cause,
      version,
    })
  }
  let binary: string
  try {
    const wrapperDir = dirname(wrapper)
    const fromWrapper = createRequire(join(wrapperDir, 'bin.mjs'))
    binary = join(
      dirname(fromWrapper.resolve(`${platformPackage}/package.json`)),
      'bin',
      process.platform === 'win32' ? 'anvil.exe' : 'anvil',
    )
  } catch (cause) {
    throw new ForkError(`${platformPackage} is not installed.`, {
      code: 'ANVIL_NOT_INSTALLED',
      hint: 'Install @foundry-rs/anvil with its optional platform dependency.',
      cause,
    })
  }
  if (!existsSync(binary))
    throw new ForkError(`anvil binary missing at ${binary}.`, {
      code: 'ANVIL_NOT_INSTALLED',
      hint: 'Reinstall @foundry-rs/anvil (its platform package holds the binary).',
    })
  cached = { binary, resolve: anvilResolver.resolve }
  return binary
}
