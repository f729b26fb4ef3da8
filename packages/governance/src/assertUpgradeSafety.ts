import {
  assertParameters,
  type MissingParameterErrorType,
} from '@storydao/core'
import {
  type CheckUpgradeSafetyErrorType,
  type CheckUpgradeSafetyParameters,
  type CheckUpgradeSafetyReturnType,
  checkUpgradeSafety,
} from './checkUpgradeSafety.js'
import {
  UpgradeSafetyError,
  type UpgradeSafetyErrorType,
} from './errors/upgrade.js'
import { version } from './errors/version.js'

export type AssertUpgradeSafetyParameters = CheckUpgradeSafetyParameters

export type AssertUpgradeSafetyReturnType = CheckUpgradeSafetyReturnType

export type AssertUpgradeSafetyErrorType =
  | MissingParameterErrorType
  | UpgradeSafetyErrorType
  | CheckUpgradeSafetyErrorType

/**
 * {@link checkUpgradeSafety} that throws: resolves with the report (warnings
 * included) when the upgrade is safe, throws `UpgradeSafetyError` carrying
 * upgrades-core's messages when it is not.
 *
 * - Docs: https://github.com/storydao/ops-sdk/blob/main/packages/governance/README.md#assertupgradesafety
 *
 * @example
 * ```ts
 * import { assertUpgradeSafety } from '@storydao/governance'
 *
 * await assertUpgradeSafety({ from: 'Treasury', to: 'TreasuryV2', kind: 'beacon' })
 * ```
 *
 * @param parameters - {@link AssertUpgradeSafetyParameters}
 * @returns The report of a safe upgrade.
 * @throws {UpgradeSafetyError} When the report has errors.
 */
export async function assertUpgradeSafety(
  parameters: AssertUpgradeSafetyParameters,
): Promise<AssertUpgradeSafetyReturnType> {
  assertParameters('assertUpgradeSafety', parameters, ['from', 'to', 'kind'], {
    version,
  })
  const report = await checkUpgradeSafety(parameters)
  if (!report.ok) throw new UpgradeSafetyError({ report })
  return report
}
