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

/**
 * @internal `simulateSafePlan` with a prepared manifest index and a hook that
 * runs after the transaction, before the fork is reverted.
 */
export async function runSafePlan(
  plan: SafePlan,
  options: {
    fork: Fork
    index: ManifestIndex
    revert: boolean
    signers?: readonly Address[] | undefined
    /** Runs after the transaction, before the fork is reverted. */
    after?: ((simulation: SafePlanSimulation) => Promise<void>) | undefined
  },
): Promise<SafePlanSimulation> {
  const { fork, index } = options
  const client = fork.client
  const safe = getAddress(plan.safe)
  const { safeTx } = plan

  if (plan.chainId !== fork.chainId)
    throw new SimulationError(
      `The plan is for chain ${plan.chainId}, the fork runs chain ${fork.chainId}.`,
      {
        code: 'SIMULATION_CHAIN_MISMATCH',
        hint: 'Fork the RPC of the network the plan was built for.',
      },
    )

  const hashRead = {
    type: 'call' as const,
    address: safe,
    abi: safeAbi,
    functionName: 'getTransactionHash',
    args: [
      safeTx.to,
      safeTx.value,
      safeTx.data,
      safeTx.operation,
      safeTx.safeTxGas,
      safeTx.baseGas,
      safeTx.gasPrice,
      safeTx.gasToken,
      safeTx.refundReceiver,
      safeTx.nonce,
    ],
  }
  const reads = {
    owners: {
      type: 'call' as const,
      address: safe,
      abi: safeAbi,
      functionName: 'getOwners',
    },
    threshold: {
      type: 'call' as const,
      address: safe,
      abi: safeAbi,
      functionName: 'getThreshold',
    },
    nonce: {
      type: 'call' as const,
      address: safe,
      abi: safeAbi,
      functionName: 'nonce',
    },
    hash: hashRead,
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
  const chainNonce = value(reads.nonce) as bigint | undefined
  const computedHash = value(reads.hash) as Hex | undefined
  const gasLimit = (value(reads.gasLimit) as bigint | undefined) ?? 30_000_000n
  if (
    !owners ||
    threshold === undefined ||
    chainNonce === undefined ||
    !computedHash
  )
    throw new SimulationError(`No Safe answers at ${safe} on the fork.`, {
      code: 'SIMULATION_SAFE_NOT_DEPLOYED',
      hint: 'Check the plan’s Safe address and that the fork is of the right network and block.',
    })
  if (!isHexEqual(computedHash, plan.safeTxHash))
    throw new SimulationError(
      'The Safe computes a different safeTxHash for this transaction than the plan says.',
      {
        code: 'SIMULATION_HASH_MISMATCH',
        metaMessages: [`Plan: ${plan.safeTxHash}`, `Safe: ${computedHash}`],
        hint: 'The plan was altered after it was built (or built for another Safe): rebuild it.',
      },
    )
  if (safeTx.nonce < chainNonce)
    throw new SimulationError(
      `Nonce ${safeTx.nonce} was already used: the Safe is at nonce ${chainNonce}.`,
      {
        code: 'SIMULATION_NONCE_USED',
        hint: 'Rebuild the plan with the current nonce.',
      },
    )

  const ownerSet = owners.map((owner) => getAddress(owner))
  const sorted = [...ownerSet].sort(byAddress)
  const signers = (options.signers ?? sorted.slice(0, Number(threshold)))
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
  if (new Set(signers).size < Number(threshold))
    throw new SimulationError(
      `${new Set(signers).size} signer(s) given, the Safe needs ${threshold}.`,
      {
        code: 'SIMULATION_TOO_FEW_SIGNERS',
        hint: 'Pass at least `threshold` distinct owners as `signers`, or omit it.',
      },
    )
  const executor = signers[signers.length - 1]!
  const approvers = signers.slice(0, -1)
  // Pre-validated signatures: r = owner, s = 0, v = 1, sorted by owner.
  const signatures = concat(
    signers.map((signer) =>
      concat([pad(signer, { size: 32 }), pad('0x00', { size: 32 }), '0x01']),
    ),
  )

  const snapshot = options.revert ? await fork.snapshot() : undefined
  const notes: string[] = []
  try {
    if (safeTx.nonce > chainNonce) {
      await rpc(client, 'anvil_setStorageAt', [
        safe,
        safeNonceSlot,
        numberToHex(safeTx.nonce, { size: 32 }),
      ])
      notes.push(
        `The Safe is at nonce ${chainNonce}; the fork moved it to the plan's nonce ${safeTx.nonce} (transactions queued before it were not run).`,
      )
    }
    const automine = await rpc<boolean>(client, 'anvil_getAutomine')
    if (automine) await rpc(client, 'evm_setAutomine', [false])
    let transactionHash: Hex
    try {
      for (const approver of approvers)
        await rpc(client, 'eth_sendTransaction', [
          {
            from: approver,
            to: safe,
            data: encodeFunctionData({
              abi: safeAbi,
              functionName: 'approveHash',
              args: [computedHash],
            }),
            gas: numberToHex(100_000),
            gasPrice: '0x0',
          },
        ])
      if (approvers.length > 0) await rpc(client, 'evm_mine')
      transactionHash = await rpc<Hex>(client, 'eth_sendTransaction', [
        {
          from: executor,
          to: safe,
          data: encodeFunctionData({
            abi: safeAbi,
            functionName: 'execTransaction',
            args: toExecTransactionArgs({ plan, signatures }),
          }),
          // Estimates are unreliable on anvil (ERC20Votes checkpoints); gas is free here.
          gas: numberToHex(gasLimit),
          gasPrice: '0x0',
        },
      ])
      await rpc(client, 'evm_mine')
    } finally {
      if (automine) await rpc(client, 'evm_setAutomine', [true])
    }

    const [receipt, callTrace, prestate] = await Promise.all([
      rpc<{
        status: Hex
        blockNumber: Hex
        gasUsed: Hex
        logs: RawLog[]
      } | null>(client, 'eth_getTransactionReceipt', [transactionHash]),
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
    const simulation: SafePlanSimulation = {
      status: success ? 'success' : 'reverted',
      transactionHash,
      blockNumber: hexToBigInt(receipt.blockNumber),
      gasUsed: hexToBigInt(receipt.gasUsed),
      safeTxHash: computedHash,
      executor,
      approvers,
      calls,
      logs,
      balanceChanges: balanceChanges(prestate, logs, index),
      storageChanges: storageChanges(prestate, index),
      ...(success ? {} : { revert: findRevert(callTrace, plan, calls, index) }),
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
