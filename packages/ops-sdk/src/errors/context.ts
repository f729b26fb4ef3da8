import { OpsError } from '@storydao/core'
import { version } from './version.js'

const docsPath = 'packages/ops-sdk/README.md#errors'

export type NetworkChainMismatchErrorType = NetworkChainMismatchError & {
  name: 'NetworkChainMismatchError'
}

/** The RPC answers for another chain than the manifest describes. */
export class NetworkChainMismatchError extends OpsError {
  override name = 'NetworkChainMismatchError'
  constructor({
    network,
    rpcUrl,
    rpcChainId,
    manifestChainId,
  }: {
    network: string
    rpcUrl: string
    rpcChainId: number
    manifestChainId: number
  }) {
    super(
      `The RPC for "${network}" is on chain ${rpcChainId}, but deployments/${network}.json is for chain ${manifestChainId}.`,
      {
        code: 'CHAIN_MISMATCH',
        docsPath,
        metaMessages: [
          `RPC:      ${redactUrl(rpcUrl)} (chain ${rpcChainId})`,
          `Manifest: chain ${manifestChainId}`,
        ],
        hint: "Point the network's rpcEnv variable (deployments/networks.json) at an RPC of the manifest's chain.",
        version,
      },
    )
  }
}

export type RpcUnreachableErrorType = RpcUnreachableError & {
  name: 'RpcUnreachableError'
}

/** The RPC did not answer (refused, timed out, not JSON-RPC). */
export class RpcUnreachableError extends OpsError {
  override name = 'RpcUnreachableError'
  constructor({ rpcUrl, cause }: { rpcUrl: string; cause: unknown }) {
    super(`Could not reach the RPC at ${redactUrl(rpcUrl)}.`, {
      code: 'RPC_UNREACHABLE',
      docsPath,
      cause,
      hint: 'Check the URL in the network\'s rpcEnv variable and that the node is up; on the local network start it with "storydao-ops local".',
      version,
    })
  }
}

export type SignerEnvMissingErrorType = SignerEnvMissingError & {
  name: 'SignerEnvMissingError'
}

/** `--signer-env NAME` names a variable that is not set. */
export class SignerEnvMissingError extends OpsError {
  override name = 'SignerEnvMissingError'
  constructor({ variable }: { variable: string }) {
    super(`The signer variable ${variable} is not set.`, {
      code: 'SIGNER_ENV_MISSING',
      docsPath,
      hint: `Export the owner's private key as ${variable} (never pass a key as a flag), or leave out --signer-env to only write the Transaction Builder file.`,
      version,
    })
  }
}

export type SignerKeyInvalidErrorType = SignerKeyInvalidError & {
  name: 'SignerKeyInvalidError'
}

/** The signer variable does not hold a 32-byte hex private key. */
export class SignerKeyInvalidError extends OpsError {
  override name = 'SignerKeyInvalidError'
  constructor({ variable }: { variable: string }) {
    // The value is deliberately not shown: it may be a real key with a typo.
    super(`${variable} does not hold a private key (64 hex digits).`, {
      code: 'SIGNER_KEY_INVALID',
      docsPath,
      hint: `Set ${variable} to the owner's private key, 0x followed by 64 hex digits.`,
      version,
    })
  }
}

/** Drops credentials and API keys an RPC URL may carry in its path or query. */
function redactUrl(url: string): string {
  try {
    const parsed = new URL(url)
    const hasSecretPath = parsed.pathname.length > 24
    return `${parsed.protocol}//${parsed.host}${hasSecretPath ? '/…' : parsed.pathname}`
  } catch {
    return '(invalid URL)'
  }
}
