import { OpsError } from '@storydao/core'
import { version } from './version.js'

const docsPath = 'packages/ops-sdk/README.md#errors'

export type SafeNotInManifestErrorType = SafeNotInManifestError & {
  name: 'SafeNotInManifestError'
}

/** The manifest has no Safe with this role (`ops`, `emergency`). */
export class SafeNotInManifestError extends OpsError {
  override name = 'SafeNotInManifestError'
  constructor({ safe, network }: { safe: string; network: string }) {
    super(`deployments/${network}.json has no "${safe}" Safe.`, {
      code: 'SAFE_NOT_IN_MANIFEST',
      docsPath,
      hint: `Add safes.${safe} (address and threshold) to deployments/${network}.json.`,
      version,
    })
  }
}

export type ContractNotInManifestErrorType = ContractNotInManifestError & {
  name: 'ContractNotInManifestError'
}

/** A contract name given on the command line is not in the manifest. */
export class ContractNotInManifestError extends OpsError {
  override name = 'ContractNotInManifestError'
  constructor({
    name,
    network,
    known,
  }: {
    name: string
    network: string
    known: readonly string[]
  }) {
    super(`deployments/${network}.json has no contract "${name}".`, {
      code: 'CONTRACT_UNKNOWN',
      docsPath,
      metaMessages: [`Known: ${known.join(', ') || '(none)'}`],
      hint: 'Use a contract name exactly as in the manifest (case matters).',
      version,
    })
  }
}

export type NotPausableErrorType = NotPausableError & {
  name: 'NotPausableError'
}

/** The contract has no `paused()`/`pause()` (not OpenZeppelin Pausable). */
export class NotPausableError extends OpsError {
  override name = 'NotPausableError'
  constructor({ name, cause }: { name: string; cause?: unknown }) {
    super(`${name} is not pausable: paused() did not answer.`, {
      code: 'CONTRACT_NOT_PAUSABLE',
      docsPath,
      cause,
      hint: 'Pause only contracts that inherit OpenZeppelin Pausable (AuthorCoin does).',
      version,
    })
  }
}

export type AlreadyPausedErrorType = AlreadyPausedError & {
  name: 'AlreadyPausedError'
}

/** Every target is already paused: there is nothing to sign. */
export class AlreadyPausedError extends OpsError {
  override name = 'AlreadyPausedError'
  constructor({ names }: { names: readonly string[] }) {
    super(
      `${names.join(', ')} ${names.length === 1 ? 'is' : 'are'} already paused.`,
      {
        code: 'ALREADY_PAUSED',
        docsPath,
        hint: 'Nothing to do. Check with "storydao-ops dump-state"; only the timelock can unpause.',
        version,
      },
    )
  }
}

export type SignerNotOwnerErrorType = SignerNotOwnerError & {
  name: 'SignerNotOwnerError'
}

/** `--propose` was asked, but no available key owns the Safe. */
export class SignerNotOwnerError extends OpsError {
  override name = 'SignerNotOwnerError'
  constructor({
    safe,
    signers,
  }: {
    safe: string
    signers: readonly string[]
  }) {
    super(`No signer available owns the ${safe}.`, {
      code: 'SIGNER_NOT_OWNER',
      docsPath,
      metaMessages: [
        `Signers: ${signers.length > 0 ? signers.join(', ') : '(none: pass --signer-env <VAR>)'}`,
      ],
      hint: "Set --signer-env to a variable holding an owner's key, or drop --propose and import the Transaction Builder file in Safe{Wallet}.",
      version,
    })
  }
}
