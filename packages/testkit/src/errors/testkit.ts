import { OpsError, type OpsErrorParameters } from '@storydao/core'
import { version } from './version.js'

export type TestkitErrorType = TestkitError & { name: 'TestkitError' }

/**
 * Failure of the local stack (anvil, deployments, local Transaction Service).
 * Names `@storydao/testkit` in its `Version:` line and points its `Docs:` line
 * at the testkit README unless the thrower gives a closer section.
 *
 * - Docs: https://github.com/storydao/ops-sdk/blob/main/packages/testkit/README.md#errors
 *
 * @example
 * ```ts
 * import { startLocalStack, TestkitError } from '@storydao/testkit'
 *
 * try {
 *   await startLocalStack()
 * } catch (error) {
 *   if (error instanceof TestkitError) console.error(error.code, error.hint)
 * }
 * ```
 */
export class TestkitError extends OpsError {
  override name = 'TestkitError'
  constructor(shortMessage: string, parameters: OpsErrorParameters) {
    super(shortMessage, {
      docsPath: 'packages/testkit/README.md#errors',
      version,
      ...parameters,
    })
  }
}
