import {
  assertParameters,
  type MissingParameterErrorType,
} from '@storydao/core'
import { type Address, isAddress, isAddressEqual } from 'viem'
import { version } from './errors/version.js'
import { multiSendCallOnlyDeployments } from './internal/multiSendDeployments.js'
import type { MultiSendCallOnlyVersion } from './types/safe.js'

export type IsMultiSendCallOnlyParameters = {
  /** The address to test (e.g. a plan's `safeTx.to`); any letter case. */
  address: Address
  /**
   * Only accept the deployment(s) of this MultiSendCallOnly release
   * (`1.3.0`, `1.4.1` or `1.5.0`); any release when omitted.
   */
  version?: MultiSendCallOnlyVersion | undefined
}

export type IsMultiSendCallOnlyReturnType = boolean

export type IsMultiSendCallOnlyErrorType = MissingParameterErrorType

/**
 * Whether `address` is a canonical MultiSendCallOnly deployment
 * (`@safe-global/safe-deployments` v1.3.0 `canonical` and `eip155`, v1.4.1,
 * v1.5.0): the only contract a Safe transaction should ever delegatecall.
 * Case-insensitive; checks the address only, not the code at it
 * (`buildSafePlan` also checks the code hash).
 *
 * - Docs: https://github.com/storydao/ops-sdk/blob/main/packages/safe/README.md#ismultisendcallonly
 *
 * @example
 * ```ts
 * import { isMultiSendCallOnly } from '@storydao/safe'
 *
 * if (
 *   plan.safeTx.operation === 1 &&
 *   !isMultiSendCallOnly({ address: plan.safeTx.to })
 * )
 *   console.warn('The Safe delegatecalls something other than MultiSendCallOnly')
 *
 * isMultiSendCallOnly({
 *   address: '0x9641d764fc13c8B624c04430C7356C1C7C8102e2',
 *   version: '1.4.1',
 * }) // true
 * ```
 *
 * @param parameters - {@link IsMultiSendCallOnlyParameters}
 * @returns `true` for a canonical MultiSendCallOnly (of `version`, when given).
 */
export function isMultiSendCallOnly(
  parameters: IsMultiSendCallOnlyParameters,
): IsMultiSendCallOnlyReturnType {
  assertParameters('isMultiSendCallOnly', parameters, ['address'], { version })
  const { address } = parameters
  // A malformed address is simply not MultiSendCallOnly.
  if (typeof address !== 'string' || !isAddress(address, { strict: false }))
    return false
  return multiSendCallOnlyDeployments.some(
    (deployment) =>
      isAddressEqual(deployment.address, address) &&
      (parameters.version === undefined ||
        deployment.version === parameters.version),
  )
}
