import { ChainReadError, isHexEqual, OpsError, safeAbi } from '@storydao/core'
import { toExecTransactionArgs } from '@storydao/safe'
import {
  type Address,
  concat,
  encodeFunctionData,
  getAddress,
  type Hex,
  hexToBigInt,
  isAddressEqual,
  numberToHex,
  pad,
} from 'viem'
import { SimulationError } from '../errors/simulation.js'
import type { Fork } from '../types/fork.js'
import type { SafePlanSimulation } from '../types/simulation.js'
import { multicall3ReadAbi } from './abis.js'
import { decodeLogs, type RawLog, toReportedCall } from './decode.js'
import type { ManifestIndex } from './manifestIndex.js'
import { multicall3Address, readKey, readState } from './readState.js'
import { rpc } from './rpc.js'
import { innerCallsOf, type SafePlan } from './safePlan.js'
import {
  balanceChanges,
  byAddress,
  type CallFrame,
  findRevert,
  type PrestateDiff,
  storageChanges,
} from './traces.js'

/** Safe v1.3–1.5 storage: singleton, modules, owners, ownerCount, threshold, nonce. */
const safeNonceSlot = numberToHex(5, { size: 32 })

/** @internal What `runSafePlan` needs besides the plan. */
export type RunSafePlanOptions = {
  fork: Fork
  index: ManifestIndex
  revert: boolean
  signers?: readonly Address[] | undefined
  /** Runs after the transaction, before the fork is reverted. */
  after?: ((simulation: SafePlanSimulation) => Promise<void>) | undefined
}

/** The Safe as the fork sees it, before the transaction. */
type SafeOnFork = {
  owners: readonly Address[]
  threshold: bigint
  nonce: bigint
  /** `getTransactionHash` of the plan's Safe transaction. */
  safeTxHash: Hex
  gasLimit: bigint
}

/** Who signs on the fork: owners that approve, and the owner that executes. */
type ForkSigners = {
  executor: Address
  approvers: Address[]
  /** Pre-validated signatures of every signer. */
  signatures: Hex
}

/**
 * @internal `simulateSafePlan` with a prepared manifest index and a hook that
 * runs after the transaction, before the fork is reverted.
 */
export async function runSafePlan(
  plan: SafePlan,
  options: RunSafePlanOptions,
): Promise<SafePlanSimulation> {
  const { fork, index } = options
  const client = fork.client
  const safe = getAddress(plan.safe)
  assertForkChain(plan, fork)
  const state = await readSafeOnFork(client, plan, safe)
  assertSafeMatchesPlan(plan, state)
  const signers = chooseSigners(safe, state, options.signers)

  const snapshot = options.revert ? await fork.snapshot() : undefined
  try {
    const notes = await alignNonce(client, safe, plan, state)
    const transactionHash = await sendSafeTransaction(client, {
      plan,
      safe,
      state,
      signers,
    })
    const execution = await readExecution(client, transactionHash)
    const { status, blockNumber, gasUsed, ...effects } = toSimulationResult(
      plan,
      safe,
      execution,
      index,
    )
    // The field order JSON output has always had.
    const simulation: SafePlanSimulation = {
      status,
      transactionHash,
      blockNumber,
      gasUsed,
      safeTxHash: state.safeTxHash,
      executor: signers.executor,
      approvers: signers.approvers,
      ...effects,
      notes,
    }
    await options.after?.(simulation)
    return simulation
  } catch (error) {
    if (error instanceof OpsError) throw error
    throw new ChainReadError({
      what: 'the simulation on the fork',
      cause: error,
    })
  } finally {
    if (snapshot) await fork.revert(snapshot)
  }
}

function assertForkChain(plan: SafePlan, fork: Fork): void {
  if (plan.chainId !== fork.chainId)
    throw new SimulationError(
      `The plan is for chain ${plan.chainId}, the fork runs chain ${fork.chainId}.`,
      {
        code: 'SIMULATION_CHAIN_MISMATCH',
        hint: 'Fork the RPC of the network the plan was built for.',
      },
    )
}

/** Owners, threshold, nonce, the Safe's own hash of the plan, the block gas limit: one read. */
async function readSafeOnFork(
  client: Fork['client'],
  plan: SafePlan,
  safe: Address,
): Promise<SafeOnFork> {
  const safeCall = (functionName: string, args?: readonly unknown[]) => ({
    type: 'call' as const,
    address: safe,
    abi: safeAbi,
    functionName,
    ...(args ? { args } : {}),
  })
  // getTransactionHash takes execTransaction's leading arguments, then the nonce.
  const hashArgs = [
    ...toExecTransactionArgs({ plan, signatures: '0x' }).slice(0, 9),
    plan.safeTx.nonce,
  ]
  const reads = {
    owners: safeCall('getOwners'),
    threshold: safeCall('getThreshold'),
    nonce: safeCall('nonce'),
    hash: safeCall('getTransactionHash', hashArgs),
    gasLimit: {
      type: 'call' as const,
      address: multicall3Address,
      abi: multicall3ReadAbi,
      functionName: 'getBlockGasLimit',
    },
  }
  const values = await readState(client, Object.values(reads))
  const value = (read: (typeof reads)[keyof typeof reads]) => {
    const result = values.get(readKey(read))
    return result?.ok ? result.value : undefined
  }
  const owners = value(reads.owners) as readonly Address[] | undefined
  const threshold = value(reads.threshold) as bigint | undefined
  const nonce = value(reads.nonce) as bigint | undefined
  const safeTxHash = value(reads.hash) as Hex | undefined
  if (!owners || threshold === undefined || nonce === undefined || !safeTxHash)
    throw new SimulationError(`No Safe answers at ${safe} on the fork.`, {
      code: 'SIMULATION_SAFE_NOT_DEPLOYED',
      hint: 'Check the plan’s Safe address and that the fork is of the right network and block.',
    })
  const gasLimit = (value(reads.gasLimit) as bigint | undefined) ?? 30_000_000n
  return { owners, threshold, nonce, safeTxHash, gasLimit }
}

function assertSafeMatchesPlan(plan: SafePlan, state: SafeOnFork): void {
  if (!isHexEqual(state.safeTxHash, plan.safeTxHash))
    throw new SimulationError(
      'The Safe computes a different safeTxHash for this transaction than the plan says.',
      {
        code: 'SIMULATION_HASH_MISMATCH',
        metaMessages: [`Plan: ${plan.safeTxHash}`, `Safe: ${state.safeTxHash}`],
        hint: 'The plan was altered after it was built (or built for another Safe): rebuild it.',
      },
    )
  if (plan.safeTx.nonce < state.nonce)
    throw new SimulationError(
      `Nonce ${plan.safeTx.nonce} was already used: the Safe is at nonce ${state.nonce}.`,
      {
        code: 'SIMULATION_NONCE_USED',
        hint: 'Rebuild the plan with the current nonce.',
      },
    )
}

/** The given signers (default: the first `threshold` owners), checked against the owners. */
function chooseSigners(
  safe: Address,
  state: SafeOnFork,
  requested: readonly Address[] | undefined,
): ForkSigners {
  const ownerSet = state.owners.map((owner) => getAddress(owner))
  const sorted = [...ownerSet].sort(byAddress)
  const signers = (requested ?? sorted.slice(0, Number(state.threshold)))
    .map((signer) => getAddress(signer))
    .sort(byAddress)
  const strangers = signers.filter((signer) => !ownerSet.includes(signer))
  if (strangers.length > 0)
    throw new SimulationError(
      `${strangers.join(', ')} ${strangers.length === 1 ? 'is not an owner' : 'are not owners'} of ${safe}.`,
      {
        code: 'SIMULATION_SIGNER_NOT_OWNER',
        metaMessages: [`Owners: ${ownerSet.join(', ')}`],
      },
    )
  if (new Set(signers).size < Number(state.threshold))
    throw new SimulationError(
      `${new Set(signers).size} signer(s) given, the Safe needs ${state.threshold}.`,
      {
        code: 'SIMULATION_TOO_FEW_SIGNERS',
        hint: 'Pass at least `threshold` distinct owners as `signers`, or omit it.',
      },
    )
  return {
    executor: signers[signers.length - 1]!,
    approvers: signers.slice(0, -1),
    // Pre-validated signatures: r = owner, s = 0, v = 1, sorted by owner.
    signatures: concat(
      signers.map((signer) =>
        concat([pad(signer, { size: 32 }), pad('0x00', { size: 32 }), '0x01']),
      ),
    ),
  }
}

/** Moves the Safe's nonce up to the plan's (queued transactions are skipped); says so in a note. */
async function alignNonce(
  client: Fork['client'],
  safe: Address,
  plan: SafePlan,
  state: SafeOnFork,
): Promise<string[]> {
  if (plan.safeTx.nonce <= state.nonce) return []
  await rpc(client, 'anvil_setStorageAt', [
    safe,
    safeNonceSlot,
    numberToHex(plan.safeTx.nonce, { size: 32 }),
  ])
  return [
    `The Safe is at nonce ${state.nonce}; the fork moved it to the plan's nonce ${plan.safeTx.nonce} (transactions queued before it were not run).`,
  ]
}

/** Approvals in one block, then `execTransaction` in the next; returns its hash. */
async function sendSafeTransaction(
  client: Fork['client'],
  {
    plan,
    safe,
    state,
    signers,
  }: { plan: SafePlan; safe: Address; state: SafeOnFork; signers: ForkSigners },
): Promise<Hex> {
  const automine = await rpc<boolean>(client, 'anvil_getAutomine')
  if (automine) await rpc(client, 'evm_setAutomine', [false])
  try {
    for (const approver of signers.approvers)
      await rpc(client, 'eth_sendTransaction', [
        {
          from: approver,
          to: safe,
          data: encodeFunctionData({
            abi: safeAbi,
            functionName: 'approveHash',
            args: [state.safeTxHash],
          }),
          gas: numberToHex(100_000),
          gasPrice: '0x0',
        },
      ])
    if (signers.approvers.length > 0) await rpc(client, 'evm_mine')
    const transactionHash = await rpc<Hex>(client, 'eth_sendTransaction', [
      {
        from: signers.executor,
        to: safe,
        data: encodeFunctionData({
          abi: safeAbi,
          functionName: 'execTransaction',
          args: toExecTransactionArgs({
            plan,
            signatures: signers.signatures,
          }),
        }),
        // Estimates are unreliable on anvil (ERC20Votes checkpoints); gas is free here.
        gas: numberToHex(state.gasLimit),
        gasPrice: '0x0',
      },
    ])
    await rpc(client, 'evm_mine')
    return transactionHash
  } finally {
    if (automine) await rpc(client, 'evm_setAutomine', [true])
  }
}

type Receipt = {
  status: Hex
  blockNumber: Hex
  gasUsed: Hex
  logs: RawLog[]
}

type Execution = {
  receipt: Receipt
  callTrace: CallFrame
  prestate: PrestateDiff
}

/** The receipt, the call trace and the state diff of the mined transaction. */
async function readExecution(
  client: Fork['client'],
  transactionHash: Hex,
): Promise<Execution> {
  const [receipt, callTrace, prestate] = await Promise.all([
    rpc<Receipt | null>(client, 'eth_getTransactionReceipt', [transactionHash]),
    rpc<CallFrame>(client, 'debug_traceTransaction', [
      transactionHash,
      { tracer: 'callTracer' },
    ]),
    rpc<PrestateDiff>(client, 'debug_traceTransaction', [
      transactionHash,
      {
        tracer: 'prestateTracer',
        tracerConfig: { diffMode: true, disableCode: true },
      },
    ]),
  ])
  if (!receipt)
    throw new SimulationError('The fork did not mine the Safe transaction.', {
      code: 'SIMULATION_NOT_MINED',
      hint: 'Is the fork in a custom mining mode? createFork starts it with automine.',
    })
  return { receipt, callTrace, prestate }
}

/** Success or revert (the Safe's own Execution event decides), calls, logs and state changes. */
function toSimulationResult(
  plan: SafePlan,
  safe: Address,
  { receipt, callTrace, prestate }: Execution,
  index: ManifestIndex,
): Omit<
  SafePlanSimulation,
  'transactionHash' | 'safeTxHash' | 'executor' | 'approvers' | 'notes'
> {
  const calls = innerCallsOf(plan).map((call, position) =>
    toReportedCall(call, position, index),
  )
  const logs = decodeLogs(receipt.logs, index)
  const executed = logs.find(
    (log) =>
      isAddressEqual(log.address, safe) &&
      (log.eventName === 'ExecutionSuccess' ||
        log.eventName === 'ExecutionFailure'),
  )
  const success =
    receipt.status === '0x1' && executed?.eventName === 'ExecutionSuccess'
  return {
    status: success ? 'success' : 'reverted',
    blockNumber: hexToBigInt(receipt.blockNumber),
    gasUsed: hexToBigInt(receipt.gasUsed),
    calls,
    logs,
    balanceChanges: balanceChanges(prestate, logs, index),
    storageChanges: storageChanges(prestate, index),
    ...(success ? {} : { revert: findRevert(callTrace, plan, calls, index) }),
  }
}
