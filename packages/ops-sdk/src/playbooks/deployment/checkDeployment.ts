import {
  assertParameters,
  type MissingParameterErrorType,
} from '@storydao/core'
import {
  type CheckInvariantsErrorType,
  checkInvariants,
  getDefaultInvariants,
  type InvariantResult,
} from '@storydao/invariants'
import { version } from '../../errors/version.js'
import type { OpsContext } from '../createOpsContext.js'
import {
  type ValidateDeploymentErrorType,
  type ValidateDeploymentReturnType,
  validateDeployment,
} from './validateDeployment.js'

export type CheckDeploymentParameters = {
  /** Progress callback for long steps. */
  onStep?: ((message: string) => void) | undefined
}

export type CheckDeploymentReturnType = ValidateDeploymentReturnType & {
  /** The live-state invariants and their results. */
  invariants: InvariantResult[]
}

export type CheckDeploymentErrorType =
  | MissingParameterErrorType
  | CheckInvariantsErrorType
  | ValidateDeploymentErrorType

/**
 * The post-deploy smoke check: {@link validateDeployment}, then the default
 * invariants that hold on live state without a transaction to compare with
 * (supply within the cap, every proxy and beacon on the implementation the
 * manifest records), read in one batch.
 *
 * - Docs: https://github.com/storydao/ops-sdk/blob/main/docs/operations/deployment.md
 *
 * @example
 * ```ts
 * import { checkDeployment, createOpsContext } from '@storydao/ops-sdk'
 *
 * const context = await createOpsContext({ network: 'sepolia' })
 * const { ok, findings, invariants } = await checkDeployment(context, {})
 * ```
 */
export async function checkDeployment(
  context: OpsContext,
  parameters: CheckDeploymentParameters = {},
): Promise<CheckDeploymentReturnType> {
  assertParameters('checkDeployment', { context }, ['context'], { version })
  const validation = await validateDeployment(context, parameters)
  parameters.onStep?.('Check the default invariants on live state')
  // Relative and log-based invariants need a transaction; the rest hold now.
  const invariants = getDefaultInvariants({
    manifest: context.manifest,
    action: 'role-change',
  }).filter((invariant) => !invariant.needsBefore && !invariant.needsLogs)
  const { ok, results } = await checkInvariants(context.client, {
    invariants,
  })
  return {
    ...validation,
    ok: validation.ok && ok,
    invariants: results,
  }
}
