import {
  assertParameters,
  type CheckManifestAgainstChainErrorType,
  checkManifestAgainstChain,
  type MissingParameterErrorType,
} from '@storydao/core'
import {
  type CheckInvariantsErrorType,
  checkInvariants,
} from '@storydao/invariants'
import { type Address, getAddress } from 'viem'
import { getTransaction } from 'viem/actions'
import { version } from '../../errors/version.js'
import type { DeploymentFinding } from '../../types/deploymentFinding.js'
import type { OpsContext } from '../createOpsContext.js'
import { withHint } from '../internal/manifestFindingHints.js'
import { contractByRole, roleExpectations } from '../internal/roleWiring.js'

export type ValidateDeploymentParameters = {
  /** Progress callback for long steps. */
  onStep?: ((message: string) => void) | undefined
}

export type ValidateDeploymentReturnType = {
  /** `true` when no finding is an error. */
  ok: boolean
  /** Every finding, manifest checks first, then the role wiring. */
  findings: DeploymentFinding[]
  /** How many role assignments were read. */
  rolesChecked: number
}

export type ValidateDeploymentErrorType =
  | MissingParameterErrorType
  | CheckInvariantsErrorType
  | CheckManifestAgainstChainErrorType

/**
 * Checks a network's manifest against its chain (the seed's
 * `config:validate`): code at every address, EIP-1967 slots, Safe owners and
 * threshold, then the role wiring the system relies on, read in one batch:
 * the ops Safe (and the governor) propose, execute and cancel on the timelock,
 * the emergency Safe cancels on the timelock and holds PAUSER_ROLE on the
 * token, and the deployer (the sender of the timelock's recorded deployment)
 * has renounced the timelock's admin role. The manifest's schema, references
 * and network entry were already checked by `createOpsContext`.
 *
 * - Docs: https://github.com/storydao/ops-sdk/blob/main/docs/operations/deployment.md
 *
 * @example
 * ```ts
 * import { createOpsContext, validateDeployment } from '@storydao/ops-sdk'
 *
 * const context = await createOpsContext({ network: 'sepolia' })
 * const { ok, findings } = await validateDeployment(context, {})
 * for (const finding of findings) console.log(finding.message, finding.hint)
 * ```
 */
export async function validateDeployment(
  context: OpsContext,
  parameters: ValidateDeploymentParameters = {},
): Promise<ValidateDeploymentReturnType> {
  assertParameters('validateDeployment', { context }, ['context'], { version })
  const step = parameters.onStep ?? (() => {})
  step('Compare the manifest with the chain (code, proxy slots, Safes)')
  const manifestCheck = await checkManifestAgainstChain(context.client, {
    manifest: context.manifest,
  })
  const findings: DeploymentFinding[] = manifestCheck.findings.map(withHint)
  // A chain id mismatch makes every other read meaningless.
  if (findings.some((finding) => finding.code === 'chain_id_mismatch'))
    return { ok: false, findings, rolesChecked: 0 }

  step('Read the role wiring (timelock, pauser, admin) in one batch')
  const deployer = await readDeployer(context, findings)
  const expectations = roleExpectations(context.manifest, { deployer })
  const { results } = await checkInvariants(context.client, {
    invariants: expectations.map(({ invariant }) => invariant),
  })
  results.forEach((result, index) => {
    if (!result.ok)
      findings.push({
        ...expectations[index]!.finding,
        message: result.message,
      })
  })
  return {
    ok: findings.every((finding) => finding.severity !== 'error'),
    findings,
    rolesChecked: expectations.length,
  }
}

/**
 * The account that deployed the timelock (the sender of its recorded
 * deployment transaction); a warning when the manifest does not record it.
 */
async function readDeployer(
  context: OpsContext,
  findings: DeploymentFinding[],
): Promise<Address | undefined> {
  const timelock = contractByRole(context.manifest, 'timelock')
  if (!timelock) return undefined
  const deployment = context.manifest.contracts[timelock.name]?.deployment
  if (deployment) {
    const transaction = await getTransaction(context.client, {
      hash: deployment.tx,
    }).catch(() => undefined)
    if (transaction) return getAddress(transaction.from)
  }
  findings.push({
    severity: 'warning',
    code: 'deployer_unknown',
    path: `contracts.${timelock.name}.deployment`,
    message: `Could not tell who deployed ${timelock.name}, so whether its deployer renounced DEFAULT_ADMIN_ROLE is unchecked.`,
    hint: `Record the deployment (block and tx) of ${timelock.name} in the manifest.`,
  })
  return undefined
}
