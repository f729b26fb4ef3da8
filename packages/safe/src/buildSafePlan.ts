import {
  assertParameters,
  type Call,
  ChainReadError,
  type ChainReadErrorType,
  type InvalidAddressErrorType,
  type MissingParameterErrorType,
  safeAbi,
} from '@storydao/core'
import {
  type Address,
  CallExecutionError,
  type Chain,
  type Client,
  ContractFunctionExecutionError,
  ContractFunctionRevertedError,
  ContractFunctionZeroDataError,
  ExecutionRevertedError,
  type Hex,
  keccak256,
  size,
  type Transport,
  zeroAddress,
} from 'viem'
import { getChainId, getCode, readContract } from 'viem/actions'
import { getAction } from 'viem/utils'
import { encodeMultiSend } from './encodeMultiSend.js'
import {
  MultiSendUnavailableError,
  type MultiSendUnavailableErrorType,
  SafeDelegateCallError,
  type SafeDelegateCallErrorType,
  SafeNonceConflictError,
  type SafeNonceConflictErrorType,
  SafeNonceTooLowError,
  type SafeNonceTooLowErrorType,
  SafePlanInputError,
  type SafePlanInputErrorType,
} from './errors/plan.js'
import {
  NotASafeError,
  type NotASafeErrorType,
  SafeChainMismatchError,
  type SafeChainMismatchErrorType,
  SafeNotDeployedError,
  type SafeNotDeployedErrorType,
  SafeVersionMismatchError,
  type SafeVersionMismatchErrorType,
  type UnsupportedSafeVersionErrorType,
} from './errors/safeIdentity.js'
import type {
  SafeServiceConfigErrorType,
  SafeServiceErrorType,
  SafeServiceUnreachableErrorType,
} from './errors/service.js'
import { version as packageVersion } from './errors/version.js'
import { hashSafeTransaction } from './hashSafeTransaction.js'
import { assertPresent } from './internal/assertPresent.js'
import {
  type MultiSendCallOnlyDeployment,
  multiSendCallOnlyCandidates,
  multiSendCallOnlyDeployments,
} from './internal/multiSendDeployments.js'
import { isVersionString, parseSafeVersion } from './internal/safeVersion.js'
import { fetchServiceQueue } from './internal/serviceQueue.js'
import {
  checkAddress,
  checkChainId,
  checkHexData,
  checkUint,
  describe,
} from './internal/validate.js'
import type { SafePlan, SafePlanCall, SafeTransaction } from './types/safe.js'
import type { SafeService } from './types/service.js'

export type BuildSafePlanParameters = {
  /** The Safe that will execute the calls. */
  safe: Address
  /** Calls in execution order: one becomes a plain CALL, several a MultiSendCallOnly batch. */
  calls: readonly (Call | SafePlanCall)[]
  /** Nonce to use. Default: the next free one after the chain nonce and the service queue. */
  nonce?: bigint | undefined
  /** Expected Safe version; must equal the on-chain `VERSION()`. */
  safeVersion?: string | undefined
  /** Expected chain id; the RPC (and service) must be on it. */
  chainId?: number | undefined
  /** Transaction Service whose queue is taken into account for the nonce. */
  service?: SafeService | undefined
  /** Allow an explicit nonce that collides with queued transactions (to replace or reject them). */
  replace?: boolean | undefined
  /** Allow one `operation: 'delegatecall'` call (never in a batch); the plan then carries a warning. */
  allowDelegateCall?: boolean | undefined
}

export type BuildSafePlanReturnType = SafePlan

export type BuildSafePlanErrorType =
  | MissingParameterErrorType
  | ChainReadErrorType
  | InvalidAddressErrorType
  | MultiSendUnavailableErrorType
  | NotASafeErrorType
  | SafeChainMismatchErrorType
  | SafeDelegateCallErrorType
  | SafeNonceConflictErrorType
  | SafeNonceTooLowErrorType
  | SafeNotDeployedErrorType
  | SafePlanInputErrorType
  | SafeServiceErrorType
  | SafeServiceConfigErrorType
  | SafeServiceUnreachableErrorType
  | SafeVersionMismatchErrorType
  | UnsupportedSafeVersionErrorType

/**
 * Turns calls into a {@link SafePlan}: the Safe transaction (one call → a
 * plain CALL; several → a DELEGATECALL to the canonical MultiSendCallOnly of
 * the Safe's version, its code hash checked), the nonce and the three hashes.
 *
 * Reads the Safe's `VERSION()`, `nonce()` and the chain id in one round; with
 * a `service`, then reads its queue. Nonce: by default the next free one after
 * the chain and the queue; an explicit nonce below the chain nonce is refused
 * (the service would accept it, the chain never executes it), and one that
 * collides with a queued transaction needs `replace: true`.
 *
 * - Docs: https://github.com/storydao/ops-sdk/blob/main/packages/safe/README.md#buildsafeplan
 *
 * @example
 * ```ts
 * import { authorCoinAbi } from '@storydao/core'
 * import { buildSafePlan } from '@storydao/safe'
 * import { encodeFunctionData } from 'viem'
 *
 * const plan = await buildSafePlan(client, {
 *   safe: manifest.safes.emergency.address,
 *   calls: [{
 *     to: manifest.contracts.AuthorCoin.address,
 *     value: 0n,
 *     data: encodeFunctionData({ abi: authorCoinAbi, functionName: 'pause' }),
 *     operation: 'call',
 *     label: 'AuthorCoin: pause',
 *     abi: authorCoinAbi,
 *   }],
 * })
 * plan.safeTxHash // what the owners' hardware wallets show
 * ```
 *
 * @param client - A viem client on the Safe's chain.
 * @param parameters - {@link BuildSafePlanParameters}
 * @returns The plan. {@link SafePlan}
 */
export async function buildSafePlan(
  client: Client<Transport, Chain | undefined>,
  parameters: BuildSafePlanParameters,
): Promise<BuildSafePlanReturnType> {
  assertPresent('buildSafePlan', client, 'client', 'a viem client')
  assertParameters('buildSafePlan', parameters, ['safe', 'calls'], {
    version: packageVersion,
  })
  const { safe, calls, requestedNonce } = checkInputs(parameters)
  const { service } = parameters
  const batch = calls.length > 1
  // The version is read in the same round, so every canonical deployment's
  // code is read; pickMultiSend then prefers the version's own.
  const candidates = batch ? multiSendCallOnlyDeployments : []
  const state = await readSafeState(client, safe, candidates)
  checkChain(state.chainId, client.chain?.id, parameters.chainId, service)
  const safeVersion = await checkIsSafe(client, safe, state, parameters)
  const chainNonce = (state.chainNonce as { value: bigint }).value
  const warnings: string[] = []
  const queued = service
    ? await fetchServiceQueue(service, safe, { minNonce: chainNonce })
    : []
  const nonce = chooseNonce({
    safe,
    chainNonce,
    queuedNonces: queuedNoncesOf(queued, chainNonce),
    requestedNonce,
    replace: parameters.replace,
    warnings,
  })
  const safeTx = batch
    ? transaction({
        to: pickMultiSend(
          state.chainId,
          safeVersion,
          candidates,
          state.codes,
          warnings,
        ),
        value: 0n,
        data: encodeMultiSend(
          calls.map(({ to, value, data }) => ({
            operation: 0,
            to,
            value,
            data,
          })),
        ),
        operation: 1,
        nonce,
      })
    : singleCall(calls[0]!, nonce, warnings)
  const chainId = state.chainId
  const hashes = hashSafeTransaction({ chainId, safe, safeVersion, safeTx })
  return {
    chainId,
    safe,
    safeVersion,
    nonce,
    safeTx,
    ...hashes,
    calls,
    warnings,
  }
}

/** The parameters that need no chain, checked before any request. */
function checkInputs(parameters: BuildSafePlanParameters): {
  safe: Address
  calls: SafePlanCall[]
  requestedNonce: bigint | undefined
} {
  const safe = checkAddress(parameters.safe, 'safe')
  const calls = checkCalls(parameters.calls, parameters.allowDelegateCall)
  const requestedNonce =
    parameters.nonce === undefined
      ? undefined
      : checkUint(parameters.nonce, 'nonce')
  if (parameters.safeVersion !== undefined)
    parseSafeVersion(parameters.safeVersion)
  if (parameters.chainId !== undefined)
    checkChainId(parameters.chainId, 'chainId')
  return { safe, calls, requestedNonce }
}

type SafeState = {
  version: Settled<string>
  chainNonce: Settled<bigint>
  chainId: number
  codes: (Hex | undefined)[]
}

/** One round: VERSION(), nonce(), the chain id and the MultiSendCallOnly candidates' code. */
async function readSafeState(
  client: Client<Transport, Chain | undefined>,
  safe: Address,
  candidates: readonly MultiSendCallOnlyDeployment[],
): Promise<SafeState> {
  const read = getAction(client, readContract, 'readContract')
  const [version, chainNonce, chainId, codes] = await Promise.all([
    settle(read({ address: safe, abi: safeAbi, functionName: 'VERSION' })),
    settle(read({ address: safe, abi: safeAbi, functionName: 'nonce' })),
    getAction(
      client,
      getChainId,
      'getChainId',
    )({}).catch((cause: unknown) => {
      throw new ChainReadError({ what: 'the chain id', cause })
    }),
    Promise.all(
      candidates.map((candidate) =>
        getAction(client, getCode, 'getCode')({ address: candidate.address }),
      ),
    ).catch((cause: unknown) => {
      throw new ChainReadError({ what: 'the MultiSendCallOnly code', cause })
    }),
  ])
  return { version, chainNonce, chainId, codes }
}

/** The Safe answered as a Safe of a supported version, the one expected if given. */
async function checkIsSafe(
  client: Client<Transport, Chain | undefined>,
  safe: Address,
  state: SafeState,
  parameters: BuildSafePlanParameters,
): Promise<string> {
  const { version, chainNonce, chainId } = state
  if (!version.ok || !chainNonce.ok || !isVersionString(version.value))
    throw await notASafe(client, { safe, chainId, version, chainNonce })
  const safeVersion = version.value
  parseSafeVersion(safeVersion)
  if (
    parameters.safeVersion !== undefined &&
    parameters.safeVersion !== safeVersion
  )
    throw new SafeVersionMismatchError({
      safe,
      expected: parameters.safeVersion,
      actual: safeVersion,
    })
  return safeVersion
}

/** Queued safeTxHashes by nonce, from the chain nonce on. */
function queuedNoncesOf(
  queued: readonly { nonce: string | number; safeTxHash: string }[],
  chainNonce: bigint,
): Map<bigint, Hex[]> {
  const byNonce = new Map<bigint, Hex[]>()
  for (const tx of queued) {
    const nonce = BigInt(tx.nonce)
    if (nonce < chainNonce) continue
    const list = byNonce.get(nonce) ?? []
    list.push(tx.safeTxHash as Hex)
    byNonce.set(nonce, list)
  }
  return byNonce
}

/**
 * The next free nonce after the chain and the queue; or the requested one,
 * refused below the chain nonce and, without `replace`, when queued.
 */
function chooseNonce({
  safe,
  chainNonce,
  queuedNonces,
  requestedNonce,
  replace,
  warnings,
}: {
  safe: Address
  chainNonce: bigint
  queuedNonces: Map<bigint, Hex[]>
  requestedNonce: bigint | undefined
  replace: boolean | undefined
  warnings: string[]
}): bigint {
  let nextFree = chainNonce
  for (const nonce of queuedNonces.keys())
    if (nonce >= nextFree) nextFree = nonce + 1n
  if (requestedNonce === undefined) return nextFree
  const nonce = requestedNonce
  if (nonce < chainNonce)
    throw new SafeNonceTooLowError({ safe, nonce, chainNonce })
  const taken = queuedNonces.get(nonce)
  if (taken) {
    if (!replace)
      throw new SafeNonceConflictError({ safe, nonce, queued: taken })
    warnings.push(
      `Nonce ${nonce} is shared with ${taken.length} queued transaction${taken.length === 1 ? '' : 's'} (${taken.join(', ')}): only one of them can ever execute.`,
    )
  }
  if (nonce > nextFree)
    warnings.push(
      `Nonce ${nonce} leaves a gap: nonces ${nextFree}–${nonce - 1n} must execute first, and nothing is queued for them.`,
    )
  return nonce
}

function singleCall(
  call: SafePlanCall,
  nonce: bigint,
  warnings: string[],
): SafeTransaction {
  if (call.operation === 'delegatecall')
    warnings.push(
      `DELEGATECALL to ${call.to}: its code runs as the Safe itself, with the Safe’s storage and funds; it can change owners, modules and guards or drain the Safe. Verify the target’s code before signing.`,
    )
  return transaction({
    to: call.to,
    value: call.value,
    data: call.data,
    operation: call.operation === 'delegatecall' ? 1 : 0,
    nonce,
  })
}

type Failure = { ok: false; error: unknown }
type Settled<T> = { ok: true; value: T } | Failure

function settle<T>(promise: Promise<T>): Promise<Settled<T>> {
  return promise.then(
    (value) => ({ ok: true, value }),
    (error: unknown) => ({ ok: false, error }),
  )
}

/**
 * Why `VERSION()`/`nonce()` did not give a Safe's answers, read only on this
 * (failing) path so a good Safe still costs one round: no code → not
 * deployed; code that reverted, returned nothing or returned something that
 * does not decode or is not a version → not a Safe; anything else (the RPC
 * failing) → a read error.
 */
async function notASafe(
  client: Client<Transport, Chain | undefined>,
  {
    safe,
    chainId,
    version,
    chainNonce,
  }: {
    safe: Address
    chainId: number
    version: Settled<string>
    chainNonce: Settled<bigint>
  },
): Promise<Error> {
  const failure = !version.ok
    ? version.error
    : !chainNonce.ok
      ? chainNonce.error
      : undefined
  const readError = () =>
    new ChainReadError({
      what: `the version and nonce of Safe ${safe}`,
      cause: failure,
    })
  let code: Hex | undefined
  try {
    code = await getAction(client, getCode, 'getCode')({ address: safe })
  } catch {
    return readError()
  }
  if (!code || code === '0x')
    return new SafeNotDeployedError({ safe, chainId, cause: failure })
  if (failure !== undefined && classifyReadFailure(failure) === 'rpc')
    return readError()
  return new NotASafeError({
    address: safe,
    chainId,
    codeSize: size(code),
    version: describeRead(version, (value) => JSON.stringify(value)),
    nonce: describeRead(chainNonce, String),
    cause: failure,
  })
}

type ReadFailure = 'reverted' | 'returned no data' | 'undecodable' | 'rpc'

/**
 * How a readContract call failed: the contract answered badly (a revert, no
 * data, data that does not decode), or the RPC failed.
 */
function classifyReadFailure(error: unknown): ReadFailure {
  let current: unknown = error
  while (current instanceof Error) {
    if (
      current instanceof ContractFunctionRevertedError ||
      current instanceof ExecutionRevertedError
    )
      return 'reverted'
    if (current instanceof ContractFunctionZeroDataError)
      return 'returned no data'
    // readContract wraps either the call's failure (CallExecutionError) or,
    // when the call succeeded, the failure to decode what it returned.
    if (
      current instanceof ContractFunctionExecutionError &&
      !(current.cause instanceof CallExecutionError) &&
      !(current.cause instanceof ContractFunctionRevertedError) &&
      !(current.cause instanceof ContractFunctionZeroDataError)
    )
      return 'undecodable'
    current = current.cause
  }
  return 'rpc'
}

function describeRead<T>(read: Settled<T>, show: (value: T) => string): string {
  if (read.ok) return `returned ${show(read.value)}`
  const failure = classifyReadFailure(read.error)
  if (failure === 'undecodable') return 'returned data that does not decode'
  if (failure === 'rpc') return 'could not be read'
  return failure
}

function transaction(
  fields: Pick<
    SafeTransaction,
    'to' | 'value' | 'data' | 'operation' | 'nonce'
  >,
): SafeTransaction {
  return {
    to: fields.to,
    value: fields.value,
    data: fields.data,
    operation: fields.operation,
    safeTxGas: 0n,
    baseGas: 0n,
    gasPrice: 0n,
    gasToken: zeroAddress,
    refundReceiver: zeroAddress,
    nonce: fields.nonce,
  }
}

function checkCalls(
  input: unknown,
  allowDelegateCall: boolean | undefined,
): SafePlanCall[] {
  if (!Array.isArray(input) || input.length === 0)
    throw new SafePlanInputError({
      path: 'calls',
      message: `expected at least one call, got ${Array.isArray(input) ? 'none' : describe(input)}.`,
    })
  const calls = input.map((raw: unknown, index): SafePlanCall => {
    const path = `calls[${index}]`
    if (raw === null || typeof raw !== 'object')
      throw new SafePlanInputError({ path, message: 'expected a call object.' })
    const call = raw as Record<string, unknown>
    // Builders that compute ids return `{ call, operationId | proposalId … }`.
    if (call.operation === undefined && isCallLike(call.call))
      throw new SafePlanInputError({
        path,
        message: `expected a call, got a builder result with keys ${Object.keys(call).join(', ')}.`,
        hint: `Pass its \`.call\` (e.g. \`calls: [schedule.call]\`).`,
      })
    if (call.operation !== 'call' && call.operation !== 'delegatecall')
      throw new SafePlanInputError({
        path: `${path}.operation`,
        message: `expected "call" (or "delegatecall" with allowDelegateCall), got ${describe(call.operation)}.`,
      })
    if (typeof call.label !== 'string')
      throw new SafePlanInputError({
        path: `${path}.label`,
        message: `expected a string, got ${describe(call.label)}.`,
        hint: 'Every call carries a human-readable label for reviewers.',
      })
    return {
      to: checkAddress(call.to, `${path}.to`),
      value: checkUint(call.value, `${path}.value`),
      data: checkHexData(call.data, `${path}.data`),
      operation: call.operation,
      label: call.label,
      ...(call.abi === undefined ? {} : { abi: call.abi as Call['abi'] }),
    }
  })
  calls.forEach((call, index) => {
    if (call.operation !== 'delegatecall') return
    if (calls.length > 1)
      throw new SafeDelegateCallError({
        index,
        to: call.to,
        reason: 'in-batch',
      })
    if (allowDelegateCall !== true)
      throw new SafeDelegateCallError({
        index,
        to: call.to,
        reason: 'not-allowed',
      })
  })
  return calls
}

function checkChain(
  actual: number,
  clientChainId: number | undefined,
  expected: number | undefined,
  service: SafeService | undefined,
): void {
  if (clientChainId !== undefined && clientChainId !== actual)
    throw new SafeChainMismatchError({
      expected: clientChainId,
      expectedFrom: 'the client’s chain',
      actual,
      actualFrom: 'the RPC',
    })
  if (expected !== undefined && expected !== actual)
    throw new SafeChainMismatchError({
      expected,
      expectedFrom: 'the chainId parameter',
      actual,
      actualFrom: 'the RPC',
    })
  if (service && service.chainId !== actual)
    throw new SafeChainMismatchError({
      expected: service.chainId,
      expectedFrom: 'the Transaction Service',
      actual,
      actualFrom: 'the RPC',
    })
}

function pickMultiSend(
  chainId: number,
  safeVersion: string,
  read: readonly MultiSendCallOnlyDeployment[],
  codes: readonly (Hex | undefined)[],
  warnings: string[],
): Address {
  const codeOf = new Map(read.map((d, i) => [d.address, codes[i]]))
  const ordered = multiSendCallOnlyCandidates(safeVersion)
  const checked: { version: string; address: Address; found: string }[] = []
  for (const candidate of ordered) {
    const code = codeOf.get(candidate.address)
    if (!code || code === '0x') {
      checked.push({ ...candidate, found: 'no code' })
      continue
    }
    // Delegatecalling code that is not MultiSendCallOnly would hand it the Safe.
    if (keccak256(code) !== candidate.codeHash) {
      checked.push({ ...candidate, found: 'unexpected code hash' })
      continue
    }
    if (candidate.version !== ordered[0]!.version)
      warnings.push(
        `MultiSendCallOnly v${ordered[0]!.version} is not deployed on chain ${chainId}; the batch uses v${candidate.version} at ${candidate.address}.`,
      )
    return candidate.address
  }
  throw new MultiSendUnavailableError({ chainId, checked })
}

function isCallLike(value: unknown): boolean {
  return (
    typeof value === 'object' &&
    value !== null &&
    'to' in value &&
    'data' in value &&
    'operation' in value
  )
}
