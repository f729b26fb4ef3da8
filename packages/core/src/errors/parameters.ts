import { OpsError } from './base.js'
import { version } from './version.js'

export type MissingParameterErrorType = MissingParameterError & {
  name: 'MissingParameterError'
}

/**
 * A public function was called without a parameter it needs at runtime (a
 * plain-JavaScript caller, or a value that was `undefined` by accident).
 *
 * - Docs: https://github.com/storydao/ops-sdk/blob/main/packages/core/README.md#errors
 *
 * @example
 * ```ts
 * import { MissingParameterError } from '@storydao/core'
 *
 * try {
 *   // e.g. hashSafeTransaction() with no argument
 * } catch (error) {
 *   if (error instanceof MissingParameterError) console.error(error.parameter)
 * }
 * ```
 */
export class MissingParameterError extends OpsError {
  override name = 'MissingParameterError'
  /** The function that was called. */
  functionName: string
  /** The missing parameter (`parameters`, `client`, `plan`, …). */
  parameter: string

  constructor({
    functionName,
    parameter,
    expected,
    version: packageVersion,
  }: {
    functionName: string
    parameter: string
    /** What the parameter should be (`a viem PublicClient`, `a SafePlan`…). */
    expected: string
    /** The raising package, as `@storydao/<name>@<version>`. */
    version?: string | undefined
  }) {
    super(`${functionName}: missing \`${parameter}\` (expected ${expected}).`, {
      code: 'PARAMETER_MISSING',
      docsPath: 'packages/core/README.md#errors',
      hint: `Call ${functionName}(…) with \`${parameter}\` set; see its doc comment for an example.`,
      version: packageVersion ?? version,
    })
    this.functionName = functionName
    this.parameter = parameter
  }
}

export type AssertParametersReturnType = undefined

export type AssertParametersErrorType = MissingParameterErrorType

/**
 * Throws {@link MissingParameterError} for the first listed key that is
 * `undefined` or `null` on `parameters` (or when `parameters` itself is
 * missing). Lets every public function fail with a typed error instead of
 * `Cannot read properties of undefined`.
 *
 * @example
 * ```ts
 * import { assertParameters } from '@storydao/core'
 *
 * export function buildThing(parameters: { to: string }) {
 *   assertParameters('buildThing', parameters, ['to'], {
 *     version: '@storydao/governance@0.1.0',
 *   })
 * }
 * ```
 *
 * - Docs: https://github.com/storydao/ops-sdk/blob/main/packages/core/README.md#errors
 *
 * @param functionName - The public function checking its parameters (named in the error).
 * @param parameters - What it was called with.
 * @param required - Keys that must not be `undefined` or `null`.
 * @param options - `version`: the calling package, as `@storydao/<name>@<version>`.
 */
export function assertParameters<parameters extends object>(
  functionName: string,
  parameters: parameters | undefined | null,
  required: readonly (keyof parameters & string)[],
  options: { version?: string | undefined } = {},
): asserts parameters is parameters {
  if (parameters === undefined || parameters === null)
    throw new MissingParameterError({
      functionName,
      parameter: 'parameters',
      expected: `an object with ${required.map((key) => `\`${key}\``).join(', ')}`,
      version: options.version,
    })
  for (const key of required) {
    const value = (parameters as Record<string, unknown>)[key]
    if (value === undefined || value === null)
      throw new MissingParameterError({
        functionName,
        parameter: key,
        expected: 'a value',
        version: options.version,
      })
  }
}
