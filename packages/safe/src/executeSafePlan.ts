import {
  assertParameters,
  ChainReadError,
  type ChainReadErrorType,
  isHexEqual,
  MissingParameterError,
  type MissingParameterErrorType,
  safeAbi,
} from '@storydao/core'
import {
  type Account,
  type Address,
  type Chain,
  type Client,
  type Hex,
  isAddressEqual,
  parseEventLogs,
  type TransactionReceipt,
  type Transport,
} from 'viem'
import {
  call,
  estimateContractGas,
  getChainId,
  getCode,
  readContract,
  simulateBlocks,
  simulateContract,
  waitForTransactionReceipt,
  writeContract,
} from 'viem/actions'
import { getAction } from 'viem/utils'
import { decodeSafeRevert } from './decodeSafeRevert.js'
import {
  decodeSafeTransaction,
  type SafeTransactionCall,
} from './decodeSafeTransaction.js'
import { encodeSafeSignatures } from './encodeSafeSignatures.js'
import {
  SafeExecutionFailedError,
  type SafeExecutionFailedErrorType,
  SafeWalletChainMismatchError,
  type SafeWalletChainMismatchErrorType,
} from './errors/execution.js'
import {
  SafePlanInputError,
  type SafePlanInputErrorType,
  type SafePlanIntegrityErrorType,
} from './errors/plan.js'
import {
  SafeChainMismatchError,
  type SafeChainMismatchErrorType,
} from './errors/safeIdentity.js'
import {
  SafeSignatureError,
  type SafeSignatureErrorType,
} from './errors/signature.js'
import { version } from './errors/version.js'
import { assertPlanIntegrity } from './internal/assertPlanIntegrity.js'
import { recoverSafeSigner } from './internal/recoverSafeSigner.js'
import { reasonOf, revertDataOf } from './internal/revertReason.js'
import { toExecTransactionArgs } from './toExecTransactionArgs.js'
import type { SafePlan, SafeSignature } from './types/safe.js'

export type ExecuteSafePlanParameters = {
  /** The plan to execute. */
  plan: SafePlan
  /** At least `threshold` owners' signatures, any order. */
  signatures: readonly SafeSignature[]
  /** Gas limit. Default: the estimate plus 20 %. Pass one when the estimate is unreliable (anvil + ERC20Votes checkpoints). */
  gas?: bigint | undefined
  /** Sender; default: the wallet's account. */
  account?: Account | Address | undefined
  /** Simulate before sending and refuse to send a failing transaction (default `true`). */
  simulate?: boolean | undefined
}

export type ExecuteSafePlanReturnType = {
  /** The Ethereum transaction. */
  transactionHash: Hex
  /** Its receipt (status `success`, with the Safe's `ExecutionSuccess`). */
  receipt: TransactionReceipt
}

export type ExecuteSafePlanErrorType =
  | ChainReadErrorType
  | MissingParameterErrorType
  | SafeChainMismatchErrorType
  | SafeExecutionFailedErrorType
  | SafePlanInputErrorType
  | SafePlanIntegrityErrorType
  | SafeSignatureErrorType
  | SafeWalletChainMismatchErrorType

/**
 * Executes a plan on chain with owners' signatures (`execTransaction`), for
 * the local stack and scripts: checks the plan's hashes and that each
 * signature recovers to its owner, sorts them by owner and builds the
 * signature bytes, simulates, sends, and requires the Safe's
 * `ExecutionSuccess` event for this safeTxHash.
 *
 * - Docs: https://github.com/storydao/ops-sdk/blob/main/packages/safe/README.md#executesafeplan
 *
 * @example
 * ```ts
 * import { executeSafePlan, signSafePlan } from '@storydao/safe'
 *
 * const { transactionHash } = await executeSafePlan(walletClient, {
 *   plan,
 *   signatures: [
 *     await signSafePlan({ plan, account: ownerKeyA }),
 *     await signSafePlan({ plan, account: ownerKeyB }),
 *   ],
 * })
 * ```
 *
 * @param wallet - A viem client with an account (sender pays the gas; need not be an owner).
 * @param parameters - {@link ExecuteSafePlanParameters}
 * @returns The transaction hash and receipt.
 * @throws {SafeExecutionFailedError} On revert (reason decoded, inner reason for GS013) or `ExecutionFailure`.
 * @throws {SafeWalletChainMismatchError} When the wallet client's chain is not its RPC's.
 */
export async function executeSafePlan(
  wallet: Client<Transport, Chain | undefined, Account | undefined>,
  parameters: ExecuteSafePlanParameters,
): Promise<ExecuteSafePlanReturnType> {
  if (wallet === undefined || wallet === null)
    throw new MissingParameterError({
      functionName: 'executeSafePlan',
      parameter: 'wallet',
      expected: 'a viem wallet client',
      version,
    })
  assertParameters('executeSafePlan', parameters, ['plan', 'signatures'], {
    version,
  })
  const { plan, signatures } = parameters
  assertPlanIntegrity(plan)
  const signatureBytes = encodeSafeSignatures(signatures)
  await verifySignatures(plan, signatures)
  await checkChains(wallet, plan)
  const request = {
    address: plan.safe,
    abi: safeAbi,
    functionName: 'execTransaction',
    args: toExecTransactionArgs({ plan, signatures: signatureBytes }),
    account: senderOf(wallet, parameters.account),
  } as const
  if (parameters.simulate !== false)
    await simulateFirst(wallet, request, plan, signatures)
  const transactionHash = await send(
    wallet,
    request,
    parameters.gas,
    plan,
    signatures,
  )
  const receipt = await getAction(
    wallet,
    waitForTransactionReceipt,
    'waitForTransactionReceipt',
  )({ hash: transactionHash })
  if (receipt.status !== 'success')
    throw await revertError(
      wallet,
      plan,
      signatures,
      undefined,
      transactionHash,
    )
  const events = safeEventsOf(receipt, plan)
  if (events.some((log) => log.eventName === 'ExecutionSuccess'))
    return { transactionHash, receipt }
  throw await failureError(wallet, plan, transactionHash, [
    events.length === 0
      ? 'The transaction emitted neither ExecutionSuccess nor ExecutionFailure for this safeTxHash.'
      : `Nonce ${plan.nonce} is consumed; the calls had no effect.`,
  ])
}

type ExecRequest = {
  address: Address
  abi: typeof safeAbi
  functionName: 'execTransaction'
  args: ReturnType<typeof toExecTransactionArgs>
  account: Account | Address
}

/** Each EOA/ETH_SIGN signature recovers to the owner it is attributed to. */
async function verifySignatures(
  plan: SafePlan,
  signatures: readonly SafeSignature[],
): Promise<void> {
  for (const signature of signatures) {
    // The Safe checks these itself (approvedHashes / isValidSignature).
    if (
      signature.type === 'APPROVED_HASH' ||
      signature.type === 'CONTRACT_SIGNATURE'
    )
      continue
    const recovered = await recoverSafeSigner(
      plan.safeTxHash,
      signature.signature,
      signature.type,
    )
    if (!recovered || !isAddressEqual(recovered, signature.signer))
      throw new SafeSignatureError({
        message: `The ${signature.type} signature attributed to ${signature.signer} does not sign safeTxHash ${plan.safeTxHash}.`,
        signer: signature.signer,
        metaMessages: [`Recovered: ${recovered ?? '(nothing)'}`],
      })
  }
}

/**
 * The RPC's chain is the wallet client's (else viem refuses to send, with a
 * message that does not say why) and the plan's.
 */
async function checkChains(wallet: Wallet, plan: SafePlan): Promise<void> {
  const chainId = await getAction(
    wallet,
    getChainId,
    'getChainId',
  )({}).catch((cause: unknown) => {
    throw new ChainReadError({ what: 'the chain id', cause })
  })
  if (wallet.chain !== undefined && wallet.chain.id !== chainId)
    throw new SafeWalletChainMismatchError({
      walletChainId: wallet.chain.id,
      rpcChainId: chainId,
    })
  if (chainId !== plan.chainId)
    throw new SafeChainMismatchError({
      expected: plan.chainId,
      expectedFrom: 'the plan',
      actual: chainId,
      actualFrom: 'the wallet’s RPC',
    })
}

function senderOf(
  wallet: Wallet,
  account: Account | Address | undefined,
): Account | Address {
  const sender = account ?? wallet.account
  if (!sender)
    throw new SafePlanInputError({
      path: 'wallet.account',
      message: 'no account to send execTransaction from.',
      hint: 'Pass a wallet client with an account, or `account` (any funded account; it need not be an owner).',
    })
  return sender
}

/** Refuses to send what the simulation says reverts or ends in ExecutionFailure. */
async function simulateFirst(
  wallet: Wallet,
  request: ExecRequest,
  plan: SafePlan,
  signatures: readonly SafeSignature[],
): Promise<void> {
  let success: boolean
  try {
    ;({ result: success } = await getAction(
      wallet,
      simulateContract,
      'simulateContract',
    )(request))
  } catch (error) {
    throw await revertError(wallet, plan, signatures, error)
  }
  if (!success)
    throw await failureError(wallet, plan, undefined, [
      `Not sent: the simulation ended in ExecutionFailure, which would consume nonce ${plan.nonce} without effect.`,
    ])
}

async function send(
  wallet: Wallet,
  request: ExecRequest,
  gasLimit: bigint | undefined,
  plan: SafePlan,
  signatures: readonly SafeSignature[],
): Promise<Hex> {
  try {
    const gas =
      gasLimit ??
      ((await getAction(
        wallet,
        estimateContractGas,
        'estimateContractGas',
      )(request)) *
        12n) /
        10n
    return await getAction(
      wallet,
      writeContract,
      'writeContract',
    )({ ...request, chain: wallet.chain, gas } as Parameters<
      typeof writeContract
    >[1])
  } catch (error) {
    throw await revertError(wallet, plan, signatures, error)
  }
}

/** The Safe's ExecutionSuccess/ExecutionFailure events for this plan. */
function safeEventsOf(receipt: TransactionReceipt, plan: SafePlan) {
  return parseEventLogs({
    abi: safeAbi,
    logs: receipt.logs,
    eventName: ['ExecutionSuccess', 'ExecutionFailure'],
  }).filter(
    (log) =>
      isAddressEqual(log.address, plan.safe) &&
      isHexEqual(log.args.txHash, plan.safeTxHash),
  )
}

type Wallet = Client<Transport, Chain | undefined, Account | undefined>

async function revertError(
  wallet: Wallet,
  plan: SafePlan,
  signatures: readonly SafeSignature[],
  error: unknown,
  transactionHash?: Hex,
): Promise<SafeExecutionFailedError> {
  const abis = plan.calls.map((c) => c.abi)
  const reason =
    error === undefined
      ? await simulateReason(wallet, plan, signatures)
      : reasonOf(error, abis)
  // Mined, reverted, yet the same call succeeds when replayed without a gas
  // limit: the gas limit was the problem. (With safeTxGas 0 an inner call that
  // runs out of gas surfaces as GS013, and the Safe keeps 1/64 of the gas, so
  // the receipt alone does not show it.)
  if (error === undefined && transactionHash && reason === undefined)
    return new SafeExecutionFailedError({
      safeTxHash: plan.safeTxHash,
      transactionHash,
      kind: 'revert',
      reason: 'out of gas',
      metaMessages: [
        'The mined transaction reverted, but replaying it without a gas limit succeeds.',
      ],
      hint: 'Pass a larger `gas` (contract deployments and ERC20Votes checkpoint writes need more than anvil estimates), or omit it to use the estimate plus 20 %. Only the gas was spent; the nonce is unchanged.',
    })
  if (error !== undefined && reason === undefined && !revertDataOf(error))
    return new SafeExecutionFailedError({
      safeTxHash: plan.safeTxHash,
      kind: 'not-sent',
      hint: 'Check the RPC and the wallet’s account (it pays the gas), then retry: nothing was executed.',
      cause: error,
    })
  const code = reason?.slice(0, 5)
  const metaMessages: string[] = []
  let hint: string | undefined
  let innerReason: string | undefined
  if (code === 'GS013') {
    innerReason = await innerRevert(wallet, plan)
    hint =
      'A call in the plan reverts. Fix the cause (roles, pause state, balances) or rebuild the plan; simulate it on a fork first.'
  } else if (code === 'GS020' || code === 'GS025' || code === 'GS026') {
    const [nonce, threshold] = await Promise.all([
      readSafe(wallet, plan.safe, 'nonce'),
      readSafe(wallet, plan.safe, 'getThreshold'),
    ])
    metaMessages.push(
      `Safe nonce on chain: ${nonce ?? '?'} (plan: ${plan.nonce})`,
      `Threshold: ${threshold ?? '?'}, signatures given: ${signatures.length}`,
    )
    hint =
      nonce !== undefined && nonce !== plan.nonce
        ? 'The Safe is no longer at the plan’s nonce: the plan (and its signatures) cannot execute. Build a new plan.'
        : 'Collect signatures from distinct current owners, at least the threshold.'
  }
  return new SafeExecutionFailedError({
    safeTxHash: plan.safeTxHash,
    transactionHash,
    kind: 'revert',
    reason,
    innerReason,
    metaMessages,
    hint,
    cause: error,
  })
}

async function failureError(
  wallet: Wallet,
  plan: SafePlan,
  transactionHash: Hex | undefined,
  metaMessages: string[],
): Promise<SafeExecutionFailedError> {
  return new SafeExecutionFailedError({
    safeTxHash: plan.safeTxHash,
    transactionHash,
    kind: 'execution-failure',
    innerReason: await innerRevert(wallet, plan),
    metaMessages,
    hint: 'The inner call reverted within its safeTxGas. Fix the cause and build a new plan.',
  })
}

/** Re-runs `execTransaction` as a call to recover the reason of a mined revert. */
async function simulateReason(
  wallet: Wallet,
  plan: SafePlan,
  signatures: readonly SafeSignature[],
): Promise<string | undefined> {
  try {
    await getAction(
      wallet,
      simulateContract,
      'simulateContract',
    )({
      address: plan.safe,
      abi: safeAbi,
      functionName: 'execTransaction',
      args: toExecTransactionArgs({
        plan,
        signatures: encodeSafeSignatures(signatures),
      }),
      ...(wallet.account ? { account: wallet.account } : {}),
    })
    return undefined
  } catch (error) {
    return reasonOf(
      error,
      plan.calls.map((c) => c.abi),
    )
  }
}

/**
 * The revert reason of the Safe's inner call, found by running what
 * `decodeSafeTransaction` says the Safe executes. A CALL runs from the Safe's
 * address. A MultiSendCallOnly batch (whose 1.3.0/1.4.1 code drops revert
 * data) runs as its calls in sequence from the Safe's address
 * (`eth_simulateV1`; one `eth_call` each where unsupported), naming the first
 * that fails. Another DELEGATECALL runs with the target's code placed at the
 * Safe's address (state override).
 */
async function innerRevert(
  wallet: Wallet,
  plan: SafePlan,
): Promise<string | undefined> {
  const executed = decodeSafeTransaction(plan.safeTx)
  const abis = plan.calls.map((c) => c.abi)
  if (executed.kind === 'batch')
    return batchRevert(wallet, plan, executed.calls)
  const [inner] = executed.calls as [SafeTransactionCall]
  try {
    if (executed.kind === 'call')
      await getAction(
        wallet,
        call,
        'call',
      )({
        account: plan.safe,
        to: inner.to,
        value: inner.value,
        data: inner.data,
      })
    else {
      const code = await getAction(
        wallet,
        getCode,
        'getCode',
      )({ address: inner.to })
      if (!code) return undefined
      await getAction(
        wallet,
        call,
        'call',
      )({
        to: plan.safe,
        data: inner.data,
        stateOverride: [{ address: plan.safe, code }],
      })
    }
    return undefined
  } catch (error) {
    return decodeSafeRevert({ data: revertDataOf(error), abis }).reason
  }
}

async function batchRevert(
  wallet: Wallet,
  plan: SafePlan,
  inner: readonly SafeTransactionCall[],
): Promise<string | undefined> {
  const name = (index: number) => {
    const label = plan.calls[index]?.label
    return `call ${index + 1} of ${inner.length}${label ? ` (${label})` : ''}`
  }
  const abis = plan.calls.map((c) => c.abi)
  const describe = (data: Hex | undefined) =>
    decodeSafeRevert({ data, abis }).reason
  const calls = inner.map(({ to, value, data }) => ({
    account: plan.safe,
    to,
    value,
    data,
  }))
  try {
    const [block] = await getAction(
      wallet,
      simulateBlocks,
      'simulateBlocks',
    )({ blocks: [{ calls }] })
    const index = block?.calls.findIndex((c) => c.status === 'failure') ?? -1
    if (index < 0) return undefined
    return `${name(index)}: ${describe(block!.calls[index]!.data)}`
  } catch {
    // No eth_simulateV1: each call alone (earlier calls' effects not applied).
    for (const [index, entry] of calls.entries()) {
      try {
        await getAction(wallet, call, 'call')(entry)
      } catch (error) {
        return `${name(index)}: ${describe(revertDataOf(error))}`
      }
    }
    return undefined
  }
}

async function readSafe(
  wallet: Wallet,
  safe: Address,
  functionName: 'nonce' | 'getThreshold',
): Promise<bigint | undefined> {
  try {
    return await getAction(
      wallet,
      readContract,
      'readContract',
    )({ address: safe, abi: safeAbi, functionName })
  } catch {
    return undefined
  }
}
