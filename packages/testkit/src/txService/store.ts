import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs'
import { dirname } from 'node:path'
import type { Address, Hex } from 'viem'
import { TestkitError } from '../errors/testkit.js'
import { loadStateFile } from './stateFile.js'
import type { TxServiceState } from './storedTypes.js'

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
  let state =
    statePath && existsSync(statePath) ? loadStateFile(statePath) : empty()
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
