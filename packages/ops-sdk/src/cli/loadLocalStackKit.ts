import { OptionalDependencyMissingError } from '@storydao/core'
import { version } from '../errors/version.js'

type Testkit = typeof import('@storydao/testkit')

/**
 * @internal Loads `@storydao/testkit` (the local stack), an optional peer:
 * only `local` and `demo` need anvil, the Safe contracts and the local
 * Transaction Service, so an app that plans and proposes never installs them.
 * The name sits in a variable so a bundler leaves the import to run time.
 */
export async function loadLocalStackKit(feature: string): Promise<Testkit> {
  const specifier = '@storydao/testkit'
  try {
    return (await import(
      /* webpackIgnore: true */ /* @vite-ignore */ specifier
    )) as Testkit
  } catch (cause) {
    if (!OptionalDependencyMissingError.isModuleNotFound(cause, specifier))
      throw cause
    throw new OptionalDependencyMissingError({
      packages: [specifier],
      feature,
      install: 'npm install --save-dev @storydao/testkit',
      cause,
      version,
    })
  }
}
