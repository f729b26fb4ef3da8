import { OpsError } from '@storydao/core'
import { version } from './version.js'

// `emergency fire` imports this module only on its failure paths (with
// `import()`), so the path that sends the pause loads nothing but viem.
const docsPath = 'docs/operations/incident-response.md#break-glass-lanes'
const rearm =
  'Re-arm: storydao-ops emergency prepare --network <name> (then have the owners sign the new lanes).'

export type EmergencyLanesNotFoundErrorType = EmergencyLanesNotFoundError & {
  name: 'EmergencyLanesNotFoundError'
}

/** There is no lanes file where the command looked. */
export class EmergencyLanesNotFoundError extends OpsError {
  override name = 'EmergencyLanesNotFoundError'
  constructor({ path, cause }: { path: string; cause?: unknown }) {
    super(`No emergency lanes file at ${path}.`, {
      code: 'EMERGENCY_LANES_NOT_FOUND',
      docsPath,
      cause,
      hint: 'Prepare the lanes first (storydao-ops emergency prepare --network <name>) or pass --lanes <file>.',
      version,
    })
  }
}

export type EmergencyLanesInvalidErrorType = EmergencyLanesInvalidError & {
  name: 'EmergencyLanesInvalidError'
}

/** The lanes file is not JSON or does not have the lanes file's shape. */
export class EmergencyLanesInvalidError extends OpsError {
  override name = 'EmergencyLanesInvalidError'
  readonly issues: readonly { path: string; message: string }[]
  constructor({
    path,
    issues,
  }: {
    path: string
    issues: readonly { path: string; message: string }[]
  }) {
    super(
      `The emergency lanes file ${path} is invalid (${issues.length} problem${issues.length === 1 ? '' : 's'}).`,
      {
        code: 'EMERGENCY_LANES_INVALID',
        docsPath,
        metaMessages: issues
          .slice(0, 10)
          .map((issue) => `${issue.path}: ${issue.message}`),
        hint: `Do not edit the lanes file by hand. ${rearm}`,
        version,
      },
    )
    this.issues = issues
  }
}

export type EmergencyLaneTamperedErrorType = EmergencyLaneTamperedError & {
  name: 'EmergencyLaneTamperedError'
}

/**
 * A lane's stored fields do not hash to its safeTxHash, or its signatures do
 * not recover to owners: the Safe would revert, so nothing is sent.
 */
export class EmergencyLaneTamperedError extends OpsError {
  override name = 'EmergencyLaneTamperedError'
  constructor({ lane, problems }: { lane: string; problems: string[] }) {
    super(
      `Lane ${lane} does not verify: the Safe would revert it, so nothing was sent.`,
      {
        code: 'EMERGENCY_LANE_TAMPERED',
        docsPath,
        metaMessages: problems,
        hint: `The lanes file was edited or corrupted after it was prepared. ${rearm}`,
        version,
      },
    )
  }
}

export type EmergencyNoLiveLaneErrorType = EmergencyNoLiveLaneError & {
  name: 'EmergencyNoLiveLaneError'
}

/** No signed lane matches the Safe's current nonce and the selected target. */
export class EmergencyNoLiveLaneError extends OpsError {
  override name = 'EmergencyNoLiveLaneError'
  constructor({
    safe,
    nonce,
    selection,
    details,
  }: {
    safe: string
    nonce: bigint
    selection: string
    details: string[]
  }) {
    super(
      `No live lane for ${selection}: the emergency Safe ${safe} is at nonce ${nonce}.`,
      {
        code: 'EMERGENCY_NO_LIVE_LANE',
        docsPath,
        metaMessages: details,
        hint: `Pause through the queue meanwhile (storydao-ops pause --propose). ${rearm}`,
        version,
      },
    )
  }
}

export type EmergencyAlreadyPausedErrorType = EmergencyAlreadyPausedError & {
  name: 'EmergencyAlreadyPausedError'
}

/** Every target of the lane is paused already: firing would only revert. */
export class EmergencyAlreadyPausedError extends OpsError {
  override name = 'EmergencyAlreadyPausedError'
  constructor({ names }: { names: readonly string[] }) {
    super(
      `${names.join(', ')} ${names.length === 1 ? 'is' : 'are'} already paused: nothing was sent.`,
      {
        code: 'EMERGENCY_ALREADY_PAUSED',
        docsPath,
        hint: 'Check with storydao-ops emergency status; only the timelock can unpause.',
        version,
      },
    )
  }
}

export type EmergencyChainMismatchErrorType = EmergencyChainMismatchError & {
  name: 'EmergencyChainMismatchError'
}

/** The RPC is on another chain than the lanes file, or the Safe changed. */
export class EmergencyChainMismatchError extends OpsError {
  override name = 'EmergencyChainMismatchError'
  constructor({ message, details }: { message: string; details: string[] }) {
    super(message, {
      code: 'EMERGENCY_CHAIN_MISMATCH',
      docsPath,
      metaMessages: details,
      hint: `Check the --network and its RPC URL. ${rearm}`,
      version,
    })
  }
}

export type EmergencyFireFailedErrorType = EmergencyFireFailedError & {
  name: 'EmergencyFireFailedError'
}

/** The lane was sent but did not pause: reverted, or the Safe reported failure. */
export class EmergencyFireFailedError extends OpsError {
  override name = 'EmergencyFireFailedError'
  constructor({
    lane,
    transactionHash,
    reason,
  }: {
    lane: string
    transactionHash: string
    reason: string
  }) {
    super(`Lane ${lane} was sent but did not pause: ${reason}.`, {
      code: 'EMERGENCY_FIRE_FAILED',
      docsPath,
      metaMessages: [`Transaction: ${transactionHash}`],
      hint: 'Look at the transaction on the explorer; run storydao-ops emergency status and fall back to storydao-ops pause --propose.',
      version,
    })
  }
}

export type EmergencyRpcUnreachableErrorType = EmergencyRpcUnreachableError & {
  name: 'EmergencyRpcUnreachableError'
}

/** The RPC did not answer (or answered garbage) while firing or reading status. */
export class EmergencyRpcUnreachableError extends OpsError {
  override name = 'EmergencyRpcUnreachableError'
  constructor({ rpcUrl, cause }: { rpcUrl: string; cause?: unknown }) {
    super(`Could not reach the RPC at ${rpcUrl}.`, {
      code: 'EMERGENCY_RPC_UNREACHABLE',
      docsPath,
      cause,
      metaMessages: [
        `Reason: ${cause instanceof Error ? cause.message.split('\n')[0] : String(cause)}`,
      ],
      hint: "Check the network's RPC variable (deployments/networks.json rpcEnv) or use another RPC provider.",
      version,
    })
  }
}

export type EmergencyNetworkUnknownErrorType = EmergencyNetworkUnknownError & {
  name: 'EmergencyNetworkUnknownError'
}

/** The network is not in `deployments/networks.json`, or has no RPC URL. */
export class EmergencyNetworkUnknownError extends OpsError {
  override name = 'EmergencyNetworkUnknownError'
  constructor({ message, known }: { message: string; known: string[] }) {
    super(message, {
      code: 'EMERGENCY_NETWORK_UNKNOWN',
      docsPath,
      metaMessages: [`Known networks: ${known.join(', ') || '(none)'}`],
      hint: 'Pass a network of deployments/networks.json and set its rpcEnv variable.',
      version,
    })
  }
}

export type EmergencyNothingPausableErrorType =
  EmergencyNothingPausableError & { name: 'EmergencyNothingPausableError' }

/** No manifest contract can be paused by the emergency Safe. */
export class EmergencyNothingPausableError extends OpsError {
  override name = 'EmergencyNothingPausableError'
  constructor({ safe, checked }: { safe: string; checked: string[] }) {
    super(`No manifest contract can be paused by the emergency Safe ${safe}.`, {
      code: 'EMERGENCY_NOTHING_PAUSABLE',
      docsPath,
      metaMessages: checked,
      hint: 'A lane needs a contract whose ABI has pause() and paused() and that grants the emergency Safe PAUSER_ROLE.',
      version,
    })
  }
}

export type EmergencyRpcErrorType = EmergencyRpcError & {
  name: 'EmergencyRpcError'
}

/** The RPC answered a request with an error (a rejected transaction, a failed read). */
export class EmergencyRpcError extends OpsError {
  override name = 'EmergencyRpcError'
  constructor({
    method,
    rpcUrl,
    message,
  }: {
    method: string
    rpcUrl: string
    message: string
  }) {
    super(`The RPC refused ${method}: ${message}`, {
      code: 'EMERGENCY_RPC_ERROR',
      docsPath,
      metaMessages: [`RPC: ${rpcUrl}`],
      hint: 'A rejected eth_sendRawTransaction usually means the sending account has no ETH for gas: fund it or pass another --signer-env.',
      version,
    })
  }
}

export type EmergencyLaneUnknownErrorType = EmergencyLaneUnknownError & {
  name: 'EmergencyLaneUnknownError'
}

/** The lanes file has no lane for the target (or lane id) asked for. */
export class EmergencyLaneUnknownError extends OpsError {
  override name = 'EmergencyLaneUnknownError'
  constructor({ asked, known }: { asked: string; known: readonly string[] }) {
    super(`The lanes file has no lane for "${asked}".`, {
      code: 'EMERGENCY_LANE_UNKNOWN',
      docsPath,
      metaMessages: [`Known: ${known.join(', ') || '(none)'}`],
      hint: `Pick one of the known targets (storydao-ops emergency status lists them). ${rearm}`,
      version,
    })
  }
}
