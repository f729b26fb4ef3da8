import { OpsError } from '@storydao/core'
import type { Address, Hex } from 'viem'
import { version } from './version.js'

const docsPath = 'docs/operations/deployment.md#release-file'
const recordDocsPath = 'docs/operations/deployment.md#record-the-deployment'

export type ReleaseFileNotFoundErrorType = ReleaseFileNotFoundError & {
  name: 'ReleaseFileNotFoundError'
}

/** `--release` names a file that does not exist or cannot be read. */
export class ReleaseFileNotFoundError extends OpsError {
  override name = 'ReleaseFileNotFoundError'
  constructor({ path, cause }: { path: string; cause?: unknown }) {
    super(`The release file ${path} cannot be read.`, {
      code: 'RELEASE_NOT_FOUND',
      docsPath,
      cause,
      hint: 'Pass the path of a release JSON file, relative to the repository root (the StoryDAO system is deployments/releases/storydao.json).',
      version,
    })
  }
}

export type ReleaseFileInvalidErrorType = ReleaseFileInvalidError & {
  name: 'ReleaseFileInvalidError'
}

/** The release file is not valid JSON or breaks the release format; `path` is the JSON path. */
export class ReleaseFileInvalidError extends OpsError {
  override name = 'ReleaseFileInvalidError'
  /** Where in the file: `contracts[2].constructorArgs[1]`. */
  path: string
  constructor({
    file,
    path,
    problem,
    hint,
    cause,
  }: {
    file: string
    path: string
    problem: string
    hint?: string | undefined
    cause?: unknown
  }) {
    super(`${file}: ${path ? `${path}: ` : ''}${problem}`, {
      code: 'RELEASE_INVALID',
      docsPath,
      cause,
      hint:
        hint ??
        'Fix the value at that JSON path; docs/operations/deployment.md describes every field of a release file.',
      version,
    })
    this.path = path
  }
}

export type ReleaseAlreadyDeployedErrorType = ReleaseAlreadyDeployedError & {
  name: 'ReleaseAlreadyDeployedError'
}

/** `--fresh` was given but the manifest already holds contracts of the release. */
export class ReleaseAlreadyDeployedError extends OpsError {
  override name = 'ReleaseAlreadyDeployedError'
  constructor({ network, names }: { network: string; names: string[] }) {
    super(
      `--fresh: deployments/${network}.json already has ${names.join(', ')}.`,
      {
        code: 'RELEASE_ALREADY_DEPLOYED',
        docsPath: 'docs/operations/deployment.md#deploy-a-release',
        metaMessages: [`Present: ${names.join(', ')}`],
        hint: 'Drop --fresh to deploy only what is missing (present entries are skipped), or deploy to a network whose manifest has no contracts yet.',
        version,
      },
    )
  }
}

export type DeploymentNotPendingErrorType = DeploymentNotPendingError & {
  name: 'DeploymentNotPendingError'
}

/** `record --safe-tx` names a hash for which `deploy` wrote no pending record. */
export class DeploymentNotPendingError extends OpsError {
  override name = 'DeploymentNotPendingError'
  constructor({
    safeTxHash,
    folder,
    pending,
  }: {
    safeTxHash: Hex
    folder: string
    pending: readonly Hex[]
  }) {
    super(`No pending deployment has safeTxHash ${safeTxHash}.`, {
      code: 'DEPLOYMENT_NOT_PENDING',
      docsPath: recordDocsPath,
      metaMessages: [
        `Looked in: ${folder}`,
        `Pending: ${pending.join(', ') || '(none)'}`,
      ],
      hint: 'Pass the safeTxHash printed by storydao-ops deploy on this network (its record sits next to the Transaction Builder file); a deployment already recorded has no pending record any more.',
      version,
    })
  }
}

export type DeploymentNotExecutedErrorType = DeploymentNotExecutedError & {
  name: 'DeploymentNotExecutedError'
}

/** The ops Safe has not executed the deployment's Safe transaction yet. */
export class DeploymentNotExecutedError extends OpsError {
  override name = 'DeploymentNotExecutedError'
  constructor({
    safeTxHash,
    safe,
    nonce,
    safeNonce,
  }: {
    safeTxHash: Hex
    safe: Address
    nonce: bigint
    safeNonce: bigint
  }) {
    const replaced = safeNonce > nonce
    super(
      `The deployment ${safeTxHash} is not executed yet: the Safe ${safe} has no ExecutionSuccess for it.`,
      {
        code: 'DEPLOYMENT_NOT_EXECUTED',
        docsPath: recordDocsPath,
        metaMessages: [
          `Deployment nonce: ${nonce}`,
          `Safe nonce now: ${safeNonce}`,
        ],
        hint: replaced
          ? `The Safe is past nonce ${nonce} without executing this transaction: another transaction used that nonce. Run storydao-ops deploy again.`
          : 'Collect the owner signatures and execute it (storydao-ops safe confirm / safe execute), then run record again.',
        version,
      },
    )
  }
}

export type DeploymentExecutionFailedErrorType =
  DeploymentExecutionFailedError & {
    name: 'DeploymentExecutionFailedError'
  }

/** The Safe executed the transaction but its calls reverted (`ExecutionFailure`). */
export class DeploymentExecutionFailedError extends OpsError {
  override name = 'DeploymentExecutionFailedError'
  constructor({
    safeTxHash,
    transactionHash,
  }: {
    safeTxHash: Hex
    transactionHash: Hex
  }) {
    super(
      `The Safe executed ${safeTxHash} in ${transactionHash}, but the calls reverted (ExecutionFailure).`,
      {
        code: 'DEPLOYMENT_EXECUTION_FAILED',
        docsPath: recordDocsPath,
        hint: 'Nothing was deployed and the nonce is used: find the cause in the transaction trace, then run storydao-ops deploy again.',
        version,
      },
    )
  }
}

export type DeploymentCodeMissingErrorType = DeploymentCodeMissingError & {
  name: 'DeploymentCodeMissingError'
}

/** A predicted address holds no code after the execution. */
export class DeploymentCodeMissingError extends OpsError {
  override name = 'DeploymentCodeMissingError'
  constructor({ missing }: { missing: { name: string; address: Address }[] }) {
    super(
      `No code at the predicted address of ${missing.map(({ name }) => name).join(', ')}.`,
      {
        code: 'DEPLOYMENT_CODE_MISSING',
        docsPath: recordDocsPath,
        metaMessages: missing.map(({ name, address }) => `${name}: ${address}`),
        hint: 'The executed transaction did not deploy what the pending record predicts; nothing was written. Compare the execution with the Transaction Builder file.',
        version,
      },
    )
  }
}

export type VerificationSourceChangedErrorType =
  VerificationSourceChangedError & {
    name: 'VerificationSourceChangedError'
  }

/** A source of the Foundry build changed since the build: its verification input would not match. */
export class VerificationSourceChangedError extends OpsError {
  override name = 'VerificationSourceChangedError'
  constructor({ artifactId, source }: { artifactId: string; source: string }) {
    super(`${source} is missing or changed since the build of ${artifactId}.`, {
      code: 'VERIFICATION_SOURCE_CHANGED',
      docsPath: recordDocsPath,
      hint: 'Rebuild (cd contracts && npx forge build) from the sources that were deployed, then run record again; nothing was written.',
      version,
    })
  }
}

export type PendingDeploymentInvalidErrorType =
  PendingDeploymentInvalidError & {
    name: 'PendingDeploymentInvalidError'
  }

/** A pending-deployment record next to the Transaction Builder files cannot be read. */
export class PendingDeploymentInvalidError extends OpsError {
  override name = 'PendingDeploymentInvalidError'
  constructor({ path, cause }: { path: string; cause: unknown }) {
    super(`The pending-deployment record ${path} cannot be read.`, {
      code: 'DEPLOYMENT_RECORD_INVALID',
      docsPath: recordDocsPath,
      cause,
      hint: 'Restore it from version control, or run storydao-ops deploy again to write it; record only reads what deploy wrote.',
      version,
    })
  }
}
