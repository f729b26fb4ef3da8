import { MissingParameterError } from '@storydao/core'
import { version } from '../errors/version.js'

/**
 * @internal Throws core's `MissingParameterError` (naming this package) when
 * a required argument that is not a parameters object (a client, a service,
 * a single value) is `undefined` or `null`.
 */
export function assertPresent(
  functionName: string,
  value: unknown,
  parameter: string,
  expected: string,
): void {
  if (value === undefined || value === null)
    throw new MissingParameterError({
      functionName,
      parameter,
      expected,
      version,
    })
}
