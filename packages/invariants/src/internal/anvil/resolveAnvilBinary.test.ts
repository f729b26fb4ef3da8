import {
  mkdirSync,
  readdirSync,
  readFileSync,
  statSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { OptionalDependencyMissingError } from '@storydao/core'
import { afterEach, describe, expect, test } from 'vitest'
import { createFork } from '../../createFork.js'
import '../../test/helpers.js'
import { anvilResolver, resolveAnvilBinary } from './resolveAnvilBinary.js'

/**
 * Node's own ESM resolution from a temp folder where no package is installed
 * (ESM ignores NODE_PATH, which pnpm sets for the test runner).
 */
async function resolverFromEmptyFolder(): Promise<
  (specifier: string) => string
> {
  const dir = path.join(tmpdir(), 'storydao-no-packages')
  mkdirSync(dir, { recursive: true })
  const file = path.join(dir, 'resolve.mjs')
  writeFileSync(file, 'export const resolve = (s) => import.meta.resolve(s)\n')
  const module = (await import(
    /* @vite-ignore */ pathToFileURL(file).href
  )) as {
    resolve: (specifier: string) => string
  }
  return module.resolve
}

const original = anvilResolver.resolve
afterEach(() => {
  anvilResolver.resolve = original
})

describe('resolveAnvilBinary', () => {
  test('default', () => {
    expect(path.basename(resolveAnvilBinary())).toMatch(/^anvil(\.exe)?$/)
  })

  test('error: @foundry-rs/anvil missing is OPTIONAL_DEPENDENCY_MISSING from createFork', async () => {
    anvilResolver.resolve = await resolverFromEmptyFolder()
    const error = await createFork({ rpcUrl: 'http://127.0.0.1:8545' }).catch(
      (error: unknown) => error,
    )
    expect(error).toBeInstanceOf(OptionalDependencyMissingError)
    expect(error).toMatchObject({
      code: 'OPTIONAL_DEPENDENCY_MISSING',
      packages: ['@foundry-rs/anvil'],
    })
    expect(error).toMatchObject({
      shortMessage:
        'createFork/startAnvil needs @foundry-rs/anvil, which is not installed.',
      metaMessages: ['Install: npm install @foundry-rs/anvil@1.7.1'],
    })
  })
})

describe('optional peer dependencies', () => {
  const src = fileURLToPath(new URL('../..', import.meta.url))
  const sources = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => {
      const file = path.join(dir, name)
      if (statSync(file).isDirectory()) return sources(file)
      return /\.ts$/.test(name) && !/\.test(-d)?\.ts$/.test(name) ? [file] : []
    })

  test('behavior: @foundry-rs/anvil is only resolved at call time, never imported', () => {
    const offenders = sources(src).flatMap((file) =>
      readFileSync(file, 'utf8')
        .split('\n')
        .filter((line) =>
          /(from\s+|import\s*\(\s*|require\(\s*)['"]@foundry-rs\//.test(line),
        )
        .map((line) => `${path.relative(src, file)}: ${line.trim()}`),
    )
    expect(offenders).toEqual([])
  })

  test('behavior: package.json lists it as an optional peer', () => {
    const manifest = JSON.parse(
      readFileSync(new URL('../../../package.json', import.meta.url), 'utf8'),
    )
    expect(manifest.dependencies?.['@foundry-rs/anvil']).toBeUndefined()
    expect(manifest.peerDependencies?.['@foundry-rs/anvil']).toBeDefined()
    expect(manifest.peerDependenciesMeta?.['@foundry-rs/anvil']).toEqual({
      optional: true,
    })
    expect(manifest.devDependencies?.['@foundry-rs/anvil']).toBeDefined()
  })
})
