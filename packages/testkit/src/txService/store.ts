import {
  existsSync,
  mkdirSync,
  readFileSync,
  renameSync,
  writeFileSync,
} from 'node:fs'
import { dirname } from 'node:path'
import type { Address, Hex } from 'viem'
import { TestkitError } from '../errors.js'
import type { SignatureType } from './signatures.js'

/** @internal A confirmation (one owner's signature) of a stored transaction. */
export type StoredConfirmation = {
  owner: Address
  /** ISO-8601 creation time. */
  created: string
  signature: Hex
  signatureType: SignatureType
}

/** @internal How and when a stored transaction was executed on chain. */
export type StoredExecution = {
  transactionHash: Hex
  blockHash: Hex
  blockNumber: string
  executionDate: string
  executor: Address
  success: boolean
  payment: string
  ethGasPrice: string | null
  maxFeePerGas: string | null
  maxPriorityFeePerGas: string | null
  gasUsed: string | null
  signatures: Hex | null
}

/** @internal A proposed multisig transaction (big numbers as decimal strings). */
export type StoredTransaction = {
  safe: Address
  to: Address
  value: string
  /** `null` when proposed with empty data. */
  data: Hex | null
  operation: number
  safeTxGas: string
  baseGas: string
  gasPrice: string
  gasToken: Address | null
  refundReceiver: Address | null
  nonce: string
  safeTxHash: Hex
  proposer: Address
  proposedByDelegate: Address | null
  /** Parsed JSON, or the raw string when it is not JSON (as the service's JSONField). */
  origin: unknown
  trusted: boolean
  created: string
  modified: string
  confirmations: StoredConfirmation[]
  execution: StoredExecution | null
}

/** @internal A delegate of an owner, for one Safe or (`safe: null`) all of them. */
export type StoredDelegate = {
  safe: Address | null
  delegate: Address
  delegator: Address
  label: string
  expiryDate: string | null
}

/** @internal Everything the service persists. */
export type TxServiceState = {
  version: 1
  chainId: number
  /** In creation order. */
  transactions: StoredTransaction[]
  /** In creation order. */
  delegates: StoredDelegate[]
}

/** @internal */
export type Store = ReturnType<typeof createStore>

/**
 * @internal
 * The service's state, in memory, mirrored to `statePath` (when given) after
 * every change: written to a temporary file, then renamed over the old one.
 */
export function createStore(parameters: {
  chainId: number
  statePath?: string | undefined
}) {
  const { chainId, statePath } = parameters
  const empty = (): TxServiceState => ({
    version: 1,
    chainId,
    transactions: [],
    delegates: [],
  })
  let state = statePath && existsSync(statePath) ? load(statePath) : empty()
  if (state.chainId !== chainId)
    throw new TestkitError(
      'The Transaction Service state file belongs to another chain.',
      {
        code: 'TX_SERVICE_STATE_CHAIN_MISMATCH',
        metaMessages: [
          `File: ${statePath}`,
          `File chain id: ${state.chainId}`,
          `RPC chain id: ${chainId}`,
        ],
        hint: 'Use another state file (statePath, --tx-service-state) or delete this one.',
      },
    )

  /** Writes the state file (no-op in memory). */
  const save = () => {
    if (!statePath) return
    mkdirSync(dirname(statePath), { recursive: true })
    const temporary = `${statePath}.${process.pid}.tmp`
    writeFileSync(temporary, `${JSON.stringify(state, null, 2)}\n`)
    renameSync(temporary, statePath)
  }

  return {
    get state(): TxServiceState {
      return state
    },
    findTransaction: (safeTxHash: Hex) =>
      state.transactions.find((tx) => tx.safeTxHash === safeTxHash),
    transactionsOf: (safe: Address) =>
      state.transactions.filter((tx) => tx.safe === safe),
    save,
    /** A deep copy to hand back to `restore`. */
    snapshot: (): TxServiceState => structuredClone(state),
    restore(snapshot: TxServiceState) {
      state = structuredClone(snapshot)
      save()
    },
    clear() {
      state = empty()
      save()
    },
  }
}

function load(path: string): TxServiceState {
  let parsed: unknown
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'))
  } catch (cause) {
    throw new TestkitError('Cannot read the Transaction Service state file.', {
      code: 'TX_SERVICE_STATE_INVALID',
      metaMessages: [`File: ${path}`],
      hint: 'Delete the file to start with an empty queue.',
      cause,
    })
  }
  const state = (parsed ?? {}) as Partial<TxServiceState>
  if (
    state.version !== 1 ||
    typeof state.chainId !== 'number' ||
    !Array.isArray(state.transactions) ||
    !Array.isArray(state.delegates)
  )
    throw new TestkitError(
      'The Transaction Service state file has an unknown format.',
      {
        code: 'TX_SERVICE_STATE_INVALID',
        metaMessages: [`File: ${path}`, 'Expected: {"version": 1, …}'],
        hint: 'Delete the file to start with an empty queue.',
      },
    )
  return state as TxServiceState
}
