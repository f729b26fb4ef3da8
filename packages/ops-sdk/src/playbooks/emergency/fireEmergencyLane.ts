import type { MissingParameterErrorType } from '@storydao/core'
import type { Address, Hex, LocalAccount } from 'viem'
import { encodeFunctionData, hexToBigInt } from 'viem/utils'
import type {
  EmergencyAlreadyPausedErrorType,
  EmergencyChainMismatchErrorType,
  EmergencyFireFailedErrorType,
  EmergencyLaneTamperedErrorType,
  EmergencyLaneUnknownErrorType,
  EmergencyNoLiveLaneErrorType,
  EmergencyRpcErrorType,
  EmergencyRpcUnreachableErrorType,
} from '../../errors/emergency.js'
import { assertParametersLazily } from '../internal/assertParametersLazily.js'
import type { EmergencyRpc } from './createEmergencyRpc.js'
import type { EmergencyLane, EmergencyLanesFile } from './emergencyLanes.js'
import { type LaneChain, readLaneChain } from './readLaneChain.js'
import { selectLanes } from './selectLanes.js'
import { verifyEmergencyLane } from './verifyEmergencyLane.js'

export type FireEmergencyLaneParameters = {
  /** The lanes file (`parseEmergencyLanes`). */
  file: EmergencyLanesFile
  /** A manifest contract name, or `'all'` (default): the lane pausing every pausable contract. */
  target?: string | undefined
  /** Any funded account: it only pays gas; the owners' signatures are in the lane. */
  account: LocalAccount
  /** Milliseconds between receipt polls. Default 100. */
  pollingInterval?: number | undefined
  /** Milliseconds to wait for the receipt. Default 180 000. */
  timeout?: number | undefined
}

export type FireEmergencyLaneReturnType = {
  /** The lane that fired (`AuthorCoin@7`). */
  lane: string
  safe: Address
  nonce: bigint
  safeTxHash: Hex
  transactionHash: Hex
  blockNumber: bigint
  /** Who sent (and paid for) it. */
  executor: Address
  /** Owners whose signatures it carried. */
  signers: Address[]
  /** The contracts now paused on chain. */
  paused: string[]
}

export type FireEmergencyLaneErrorType =
  | EmergencyAlreadyPausedErrorType
  | EmergencyChainMismatchErrorType
  | EmergencyFireFailedErrorType
  | EmergencyLaneTamperedErrorType
  | EmergencyLaneUnknownErrorType
  | EmergencyNoLiveLaneErrorType
  | EmergencyRpcErrorType
  | EmergencyRpcUnreachableErrorType
  | MissingParameterErrorType

const execTransactionAbi = [
  {
    type: 'function',
    name: 'execTransaction',
    stateMutability: 'payable',
    inputs: [
      { name: 'to', type: 'address' },
      { name: 'value', type: 'uint256' },
      { name: 'data', type: 'bytes' },
      { name: 'operation', type: 'uint8' },
      { name: 'safeTxGas', type: 'uint256' },
      { name: 'baseGas', type: 'uint256' },
      { name: 'gasPrice', type: 'uint256' },
      { name: 'gasToken', type: 'address' },
      { name: 'refundReceiver', type: 'address' },
      { name: 'signatures', type: 'bytes' },
    ],
    outputs: [{ name: 'success', type: 'bool' }],
  },
] as const
/** `keccak256("ExecutionSuccess(bytes32,uint256)")`. */
const executionSuccess =
  '0x442e715f626346e8c54381002da614f62bee8d27386535b2521ec8540898556e'

/**
 * Break glass: sends the signed lane that matches the emergency Safe's
 * current nonce as one `execTransaction`, from any funded account, and waits
 * for it to be mined. One batched read (nonce, owners, threshold, `paused()`,
 * the sender's nonce and fees), an offline check of the lane's hashes and
 * signatures, one raw transaction, receipt polling: no simulation, no
 * Transaction Service, nothing but viem loaded.
 *
 * - Docs: https://github.com/storydao/ops-sdk/blob/main/docs/operations/incident-response.md#break-glass-lanes
 *
 * @example
 * ```ts
 * import { createEmergencyRpc, fireEmergencyLane } from '@storydao/ops-sdk'
 * import { privateKeyToAccount } from 'viem/accounts'
 *
 * const rpc = createEmergencyRpc({ rpcUrl: process.env.MAINNET_RPC_URL! })
 * const { transactionHash, paused } = await fireEmergencyLane(rpc, {
 *   file, // parseEmergencyLanes(…)
 *   target: 'AuthorCoin',
 *   account: privateKeyToAccount(process.env.RELAYER_KEY as `0x${string}`),
 * })
 * ```
 */
export async function fireEmergencyLane(
  client: EmergencyRpc,
  parameters: FireEmergencyLaneParameters,
): Promise<FireEmergencyLaneReturnType> {
  await assertParametersLazily('fireEmergencyLane', { client }, ['client'])
  await assertParametersLazily('fireEmergencyLane', parameters, [
    'file',
    'account',
  ])
  const { file, account } = parameters
  const candidates = await selectLanes({ file, target: parameters.target })
  const targets = [
    ...new Set(
      candidates.flatMap((lane) => lane.targets.map((t) => t.address)),
    ),
  ]
  const chain = await readLaneChain(client, {
    safe: file.safe,
    targets,
    account: account.address,
  })
  const lane = await matchLane({
    file,
    candidates,
    chain,
    target: parameters.target,
  })
  const { signers } = await verifyEmergencyLane({
    file,
    lane,
    owners: chain.owners,
    threshold: chain.threshold,
  })
  const transactionHash = await sendLane(client, { file, lane, account, chain })
  const receipt = await waitForReceipt(client, {
    transactionHash,
    pollingInterval: parameters.pollingInterval ?? 100,
    timeout: parameters.timeout ?? 180_000,
  })
  await checkFired(client, { file, lane, transactionHash, receipt })
  return {
    lane: lane.id,
    safe: file.safe,
    nonce: lane.nonce,
    safeTxHash: lane.safeTxHash,
    transactionHash,
    blockNumber: hexToBigInt(receipt.blockNumber),
    executor: account.address,
    signers,
    paused: lane.targets.map(({ name }) => name),
  }
}

/** Loaded only when something fails: firing itself needs nothing but viem. */
const errors = () => import('../../errors/emergency.js')

async function matchLane({
  file,
  candidates,
  chain,
  target,
}: {
  file: EmergencyLanesFile
  candidates: readonly EmergencyLane[]
  chain: LaneChain
  target: string | undefined
}): Promise<EmergencyLane> {
  if (chain.chainId !== file.chainId)
    throw new (await errors()).EmergencyChainMismatchError({
      message: `The RPC is on chain ${chain.chainId}, the lanes were prepared for chain ${file.chainId} (${file.network}).`,
      details: [`Lanes: ${file.network}, Safe ${file.safe}`],
    })
  const lane = candidates.find((entry) => entry.nonce === chain.nonce)
  if (!lane)
    throw new (await errors()).EmergencyNoLiveLaneError({
      safe: file.safe,
      nonce: chain.nonce,
      selection: target ?? 'all',
      details: candidates.map(
        (entry) =>
          `${entry.id}: ${entry.nonce < chain.nonce ? 'stale (its nonce was used)' : 'not yet (a later nonce)'}`,
      ),
    })
  const unpaused = lane.targets.filter(
    ({ address }) => !chain.paused.get(address.toLowerCase()),
  )
  if (unpaused.length === 0)
    throw new (await errors()).EmergencyAlreadyPausedError({
      names: lane.targets.map(({ name }) => name),
    })
  return lane
}

async function sendLane(
  rpc: EmergencyRpc,
  {
    file,
    lane,
    account,
    chain,
  }: {
    file: EmergencyLanesFile
    lane: EmergencyLane
    account: LocalAccount
    chain: LaneChain
  },
): Promise<Hex> {
  const { safeTx } = lane
  const sender = chain.sender!
  // Twice the suggested price so the pause lands in the next block even if
  // the base fee rises; unused fee headroom is not charged.
  const serialized = await account.signTransaction({
    type: 'eip1559',
    chainId: file.chainId,
    nonce: sender.nonce,
    to: file.safe,
    value: 0n,
    gas: lane.gasLimit,
    maxPriorityFeePerGas: sender.tip,
    maxFeePerGas: sender.gasPrice * 2n + sender.tip,
    data: encodeFunctionData({
      abi: execTransactionAbi,
      functionName: 'execTransaction',
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
        lane.signatures,
      ],
    }),
  })
  const [hash] = await rpc.batch([
    { method: 'eth_sendRawTransaction', params: [serialized] },
  ])
  return hash as Hex
}

type Receipt = {
  status: Hex
  blockNumber: Hex
  logs: { address: Address; topics: Hex[]; data: Hex }[]
}

async function waitForReceipt(
  rpc: EmergencyRpc,
  {
    transactionHash,
    pollingInterval,
    timeout,
  }: { transactionHash: Hex; pollingInterval: number; timeout: number },
): Promise<Receipt> {
  const deadline = Date.now() + timeout
  for (;;) {
    const [receipt] = await rpc.batch([
      { method: 'eth_getTransactionReceipt', params: [transactionHash] },
    ])
    if (receipt) return receipt as Receipt
    if (Date.now() > deadline) {
      throw new (await errors()).EmergencyFireFailedError({
        lane: transactionHash,
        transactionHash,
        reason: `no receipt within ${timeout / 1000} s (it may still be mined)`,
      })
    }
    await new Promise((resolve) => setTimeout(resolve, pollingInterval))
  }
}

async function checkFired(
  rpc: EmergencyRpc,
  {
    file,
    lane,
    transactionHash,
    receipt,
  }: {
    file: EmergencyLanesFile
    lane: EmergencyLane
    transactionHash: Hex
    receipt: Receipt
  },
): Promise<void> {
  const succeeded =
    receipt.status === '0x1' &&
    receipt.logs.some(
      (log) =>
        log.address.toLowerCase() === file.safe.toLowerCase() &&
        log.topics[0] === executionSuccess &&
        // Safe 1.4.1 indexes the hash; 1.3.0 puts it first in the data.
        (log.topics[1] ?? log.data.slice(0, 66)).toLowerCase() ===
          lane.safeTxHash.toLowerCase(),
    )
  const chain = succeeded
    ? await readLaneChain(rpc, {
        safe: file.safe,
        targets: lane.targets.map(({ address }) => address),
      })
    : undefined
  const notPaused = lane.targets.filter(
    ({ address }) => !chain?.paused.get(address.toLowerCase()),
  )
  if (succeeded && notPaused.length === 0) return
  throw new (await errors()).EmergencyFireFailedError({
    lane: lane.id,
    transactionHash,
    reason: succeeded
      ? `${notPaused.map(({ name }) => name).join(', ')} still report paused() false`
      : receipt.status === '0x1'
        ? 'the Safe emitted no ExecutionSuccess for it'
        : 'the transaction reverted',
  })
}
