import { pausableAbi } from '@storydao/core'
import { buildPause } from '@storydao/governance'
import type { Address } from 'viem'
import { readContract } from 'viem/actions'
import {
  AlreadyPausedError,
  type AlreadyPausedErrorType,
  ContractNotInManifestError,
  type ContractNotInManifestErrorType,
  NotPausableError,
  type NotPausableErrorType,
  type SafeNotInManifestErrorType,
  type SignerNotOwnerErrorType,
} from '../errors/playbook.js'
import type { SafeTransactionOutcome } from '../types/safeTransactionOutcome.js'
import type { OpsContext } from './createOpsContext.js'
import { prepareSafeTransaction } from './internal/prepareSafeTransaction.js'

export type PauseContractsParameters = {
  /** Manifest names of the contracts to pause. Default `['AuthorCoin']`. */
  targets?: readonly string[] | undefined
  /**
   * Nonce of the emergency Safe to use: default the next free one; a queued
   * nonce replaces what sits there (the faster path when a stale
   * transaction blocks the queue).
   */
  nonce?: bigint | undefined
  /** Send it to the Safe Transaction Service, signed by an owner. */
  propose?: boolean | undefined
  /** Progress callback for long steps. */
  onStep?: ((message: string) => void) | undefined
}

export type PauseContractsReturnType = SafeTransactionOutcome & {
  /** The contracts the transaction pauses (already-paused ones are skipped). */
  paused: string[]
  /** Targets that were already paused. */
  skipped: string[]
}

export type PauseContractsErrorType =
  | AlreadyPausedErrorType
  | ContractNotInManifestErrorType
  | NotPausableErrorType
  | SafeNotInManifestErrorType
  | SignerNotOwnerErrorType

/**
 * The incident playbook's emergency pause: one emergency-Safe transaction
 * that pauses the targets (a MultiSendCallOnly batch for several), rehearsed
 * on a fork with the pause invariants (supply, cap and balances unchanged,
 * `paused()` true), written as a Transaction Builder file and, with
 * `propose`, queued on the Transaction Service. Only the timelock can unpause.
 *
 * - Docs: https://github.com/storydao/ops-sdk/blob/main/docs/operations/incident-response.md
 *
 * @example
 * ```ts
 * import { createOpsContext, pauseContracts } from '@storydao/ops-sdk'
 *
 * const context = await createOpsContext({ network: 'mainnet', signerEnv: 'COUNCIL_KEY' })
 * const { safeTxHash, approveUrl } = await pauseContracts(context, { propose: true })
 * ```
 */
export async function pauseContracts(
  context: OpsContext,
  parameters: PauseContractsParameters = {},
): Promise<PauseContractsReturnType> {
  const names = [...new Set(parameters.targets ?? ['AuthorCoin'])]
  const targets = names.map((name) => ({
    name,
    address: contractAddress(context, name),
  }))
  const paused = await readPaused(context, targets)
  const toPause = targets.filter((_, index) => !paused[index])
  if (toPause.length === 0) throw new AlreadyPausedError({ names })
  const title = `Pause ${toPause.map(({ name }) => name).join(', ')}`
  const { outcome } = await prepareSafeTransaction(context, {
    safeName: 'emergency',
    calls: toPause.map(({ name, address }) => ({
      ...buildPause({ target: address }),
      label: `${name}.pause()`,
    })),
    title,
    description: `Incident response: ${title.toLowerCase()}. Only the timelock can unpause.`,
    invariants: { action: 'pause' },
    nonce: parameters.nonce,
    propose: parameters.propose,
    onStep: parameters.onStep,
  })
  return {
    ...outcome,
    paused: toPause.map(({ name }) => name),
    skipped: targets
      .filter((_, index) => paused[index])
      .map(({ name }) => name),
  }
}

function contractAddress(context: OpsContext, name: string): Address {
  const entry = context.manifest.contracts[name]
  if (!entry)
    throw new ContractNotInManifestError({
      name,
      network: context.networkName,
      known: Object.keys(context.manifest.contracts),
    })
  return entry.address
}

async function readPaused(
  context: OpsContext,
  targets: readonly { name: string; address: Address }[],
): Promise<boolean[]> {
  // One read per target (a handful at most); no Multicall3 needed on the chain.
  return Promise.all(
    targets.map(({ name, address }) =>
      readContract(context.client, {
        address,
        abi: pausableAbi,
        functionName: 'paused',
      }).catch((cause: unknown) => {
        throw new NotPausableError({ name, cause })
      }),
    ),
  )
}
