import { OptionalDependencyMissingError } from '@storydao/core'
import { version } from '../errors/version.js'

type UpgradesCore = typeof import('@openzeppelin/upgrades-core')

const install = 'npm install solc@0.8.30 @openzeppelin/upgrades-core@1.46.0'

/**
 * @internal The only place that loads the heavy upgrade-safety packages,
 * optional peer dependencies a user who only builds calls never installs.
 * Tests swap a loader to see the missing case.
 */
export const optionalModules: {
  solc: () => Promise<object>
  upgradesCore: () => Promise<UpgradesCore>
} = {
  solc: () => importAtRunTime('solc') as Promise<object>,
  upgradesCore: () =>
    importAtRunTime('@openzeppelin/upgrades-core') as Promise<UpgradesCore>,
}

/**
 * @internal `import()` of a name held in a variable. A bundler resolves a
 * literal `import('solc')` at build time, and esbuild fails the whole bundle
 * when an optional peer is not installed ("Could not resolve"), so an app
 * that only plans and proposes could not be bundled. This way the package is
 * looked up in node_modules when the feature runs, as without a bundler.
 */
function importAtRunTime(specifier: string): Promise<unknown> {
  return import(/* webpackIgnore: true */ /* @vite-ignore */ specifier)
}

/**
 * @internal Runs one of {@link optionalModules}, turning "not installed" into
 * {@link OptionalDependencyMissingError} (other failures pass through).
 */
export async function loadOptional<name extends keyof typeof optionalModules>(
  name: name,
  feature: string,
): Promise<Awaited<ReturnType<(typeof optionalModules)[name]>>> {
  const specifier = name === 'solc' ? 'solc' : '@openzeppelin/upgrades-core'
  try {
    return (await optionalModules[name]()) as Awaited<
      ReturnType<(typeof optionalModules)[name]>
    >
  } catch (cause) {
    if (!OptionalDependencyMissingError.isModuleNotFound(cause, specifier))
      throw cause
    throw new OptionalDependencyMissingError({
      packages: [specifier],
      feature,
      install,
      cause,
      version,
    })
  }
}
