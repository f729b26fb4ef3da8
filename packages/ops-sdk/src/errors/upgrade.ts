import { OpsError } from '@storydao/core'
import { version } from './version.js'

const docsPath = 'packages/ops-sdk/README.md#errors'

export type ArtifactNotFoundErrorType = ArtifactNotFoundError & {
  name: 'ArtifactNotFoundError'
}

/** The Foundry build has no artifact for the contract (unknown name, or not built). */
export class ArtifactNotFoundError extends OpsError {
  override name = 'ArtifactNotFoundError'
  constructor({
    contract,
    out,
    reason,
    candidates,
    cause,
  }: {
    contract: string
    out: string
    reason: 'missing' | 'ambiguous' | 'unreadable' | 'no-build'
    candidates?: readonly string[] | undefined
    cause?: unknown
  }) {
    const messages = {
      missing: `The Foundry build ${out} has no contract "${contract}".`,
      ambiguous: `"${contract}" names several contracts in ${out}.`,
      unreadable: `The Foundry artifact of "${contract}" in ${out} cannot be read.`,
      'no-build': `There is no Foundry build at ${out}.`,
    } as const
    super(messages[reason], {
      code: 'ARTIFACT_NOT_FOUND',
      docsPath,
      cause,
      metaMessages:
        candidates && candidates.length > 0
          ? [`Candidates: ${candidates.join(', ')}`]
          : undefined,
      hint:
        reason === 'ambiguous'
          ? 'Name it as File.sol:Contract.'
          : 'Build the contracts first (cd contracts && npx forge build), or point --contracts at the Foundry project; use a contract name exactly as in Solidity.',
      version,
    })
  }
}

export type NotUpgradeableErrorType = NotUpgradeableError & {
  name: 'NotUpgradeableError'
}

/** The upgrade target is not a UUPS proxy, a transparent proxy or a beacon. */
export class NotUpgradeableError extends OpsError {
  override name = 'NotUpgradeableError'
  constructor({ name, kind }: { name: string; kind: string }) {
    super(`${name} has kind "${kind}", which cannot be upgraded directly.`, {
      code: 'CONTRACT_NOT_UPGRADEABLE',
      docsPath,
      hint:
        kind === 'beacon-proxy'
          ? 'A beacon proxy is upgraded through its beacon: target the beacon.'
          : 'Target a contract of kind "uups-proxy", "transparent-proxy" or "beacon".',
      version,
    })
  }
}

export type UpgradeCallInvalidErrorType = UpgradeCallInvalidError & {
  name: 'UpgradeCallInvalidError'
}

/** `--call` does not name a function of the new implementation with matching arguments. */
export class UpgradeCallInvalidError extends OpsError {
  override name = 'UpgradeCallInvalidError'
  constructor({
    call,
    contract,
    reason,
    functions,
    cause,
  }: {
    call: string
    contract: string
    reason: string
    functions: readonly string[]
    cause?: unknown
  }) {
    super(`The call "${call}" cannot be encoded for ${contract}: ${reason}`, {
      code: 'UPGRADE_CALL_INVALID',
      docsPath,
      cause,
      metaMessages: [`Functions of ${contract}: ${functions.join(', ')}`],
      hint: "Write it as name(arg, …) with plain values, e.g. --call 'initializeV2(1000000000000000000000000)'.",
      version,
    })
  }
}

export type UpgradeIdTakenErrorType = UpgradeIdTakenError & {
  name: 'UpgradeIdTakenError'
}

/** The manifest already has an upgrade with this id. */
export class UpgradeIdTakenError extends OpsError {
  override name = 'UpgradeIdTakenError'
  constructor({ id, network }: { id: string; network: string }) {
    super(`deployments/${network}.json already has an upgrade "${id}".`, {
      code: 'UPGRADE_EXISTS',
      docsPath,
      hint: 'Pass another --id, or continue that upgrade with "storydao-ops upgrade propose --id <id>".',
      version,
    })
  }
}

export type UnknownUpgradeErrorType = UnknownUpgradeError & {
  name: 'UnknownUpgradeError'
}

/** No `upgrades[]` entry has this id. */
export class UnknownUpgradeError extends OpsError {
  override name = 'UnknownUpgradeError'
  constructor({
    id,
    network,
    known,
  }: {
    id: string
    network: string
    known: readonly string[]
  }) {
    super(`deployments/${network}.json has no upgrade "${id}".`, {
      code: 'UPGRADE_UNKNOWN',
      docsPath,
      metaMessages: [`Known: ${known.join(', ') || '(none)'}`],
      hint: 'Prepare it first: storydao-ops upgrade prepare --target <contract> --to <new implementation>.',
      version,
    })
  }
}

export type UpgradeNotProposableErrorType = UpgradeNotProposableError & {
  name: 'UpgradeNotProposableError'
}

/** The upgrade is past the proposal stage, or was not prepared by `upgrade prepare`. */
export class UpgradeNotProposableError extends OpsError {
  override name = 'UpgradeNotProposableError'
  constructor({ id, reason }: { id: string; reason: string }) {
    super(`Upgrade "${id}" cannot be proposed: ${reason}`, {
      code: 'UPGRADE_NOT_PROPOSABLE',
      docsPath,
      hint: 'Only an upgrade written by "storydao-ops upgrade prepare" (status prepared or proposed) can be proposed; prepare a new one otherwise.',
      version,
    })
  }
}

export type ImplementationMismatchErrorType = ImplementationMismatchError & {
  name: 'ImplementationMismatchError'
}

/** The build's CREATE2 address is not the implementation the manifest entry expects. */
export class ImplementationMismatchError extends OpsError {
  override name = 'ImplementationMismatchError'
  constructor({
    id,
    contract,
    expected,
    actual,
  }: {
    id: string
    contract: string
    expected: string
    actual: string
  }) {
    super(
      `The build of ${contract} no longer deploys to the implementation upgrade "${id}" expects.`,
      {
        code: 'UPGRADE_IMPLEMENTATION_MISMATCH',
        docsPath,
        metaMessages: [`Expected: ${expected}`, `Build:    ${actual}`],
        hint: 'The contract or the compiler settings changed since "upgrade prepare": rebuild the reviewed commit, or prepare a new upgrade.',
        version,
      },
    )
  }
}

export type GovernorNotInManifestErrorType = GovernorNotInManifestError & {
  name: 'GovernorNotInManifestError'
}

/** The manifest names no Governor (no `roles.governor`, no contract of kind `governor`). */
export class GovernorNotInManifestError extends OpsError {
  override name = 'GovernorNotInManifestError'
  constructor({ network }: { network: string }) {
    super(`deployments/${network}.json has no governor.`, {
      code: 'GOVERNOR_NOT_IN_MANIFEST',
      docsPath,
      hint: 'Add the Governor as a contract of kind "governor" (and roles.governor), or use --via timelock.',
      version,
    })
  }
}

export type UpgradeNotReadyErrorType = UpgradeNotReadyError & {
  name: 'UpgradeNotReadyError'
}

/**
 * The chain is not where the step needs it yet: the proposal has not
 * succeeded (queue), the operation is not scheduled or its delay has not
 * passed (execute).
 */
export class UpgradeNotReadyError extends OpsError {
  override name = 'UpgradeNotReadyError'
  constructor({
    id,
    step,
    reason,
    details,
    hint,
  }: {
    id: string
    step: 'queued' | 'executed'
    reason: string
    details?: readonly string[] | undefined
    hint: string
  }) {
    super(`Upgrade "${id}" cannot be ${step} yet: ${reason}`, {
      code: 'UPGRADE_NOT_READY',
      docsPath,
      metaMessages: details && details.length > 0 ? [...details] : undefined,
      hint,
      version,
    })
  }
}

export type UpgradeNotRollbackableErrorType = UpgradeNotRollbackableError & {
  name: 'UpgradeNotRollbackableError'
}

/** Only an executed (validated) upgrade has a reverse upgrade to propose. */
export class UpgradeNotRollbackableError extends OpsError {
  override name = 'UpgradeNotRollbackableError'
  constructor({ id, reason }: { id: string; reason: string }) {
    super(`Upgrade "${id}" cannot be rolled back: ${reason}`, {
      code: 'UPGRADE_NOT_ROLLBACKABLE',
      docsPath,
      hint: 'Roll back an upgrade whose status is executed (run "storydao-ops upgrade validate --id <id>" after it ran); an upgrade still queued is cancelled instead (storydao-ops timelock cancel <operation id>).',
      version,
    })
  }
}
