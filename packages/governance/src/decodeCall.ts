import {
  assertParameters,
  type MissingParameterErrorType,
} from '@storydao/core'
import {
  type Abi,
  type AbiFunction,
  type Address,
  decodeFunctionData,
  getAddress,
  getContractAddress,
  type Hex,
  isAddress,
  keccak256,
  slice,
  toFunctionSelector,
  toFunctionSignature,
} from 'viem'
import { create2DeployerAddress } from './constants.js'
import { version } from './errors/version.js'
import { abiFunctions } from './internal/abis.js'

/** What {@link decodeCall} reads: a `Call` fits. */
export type DecodeCallInput = {
  /** Target. */
  to: Address
  /** Wei sent; `0n` when omitted. */
  value?: bigint | undefined
  /** Calldata. */
  data: Hex
  /** Label, copied to the result. */
  label?: string | undefined
  /** ABI tried first. */
  abi?: Abi | undefined
}

type DecodedBase = {
  /** Target. */
  to: Address
  /** Wei sent. */
  value: bigint
  /** The call's label, if it had one. */
  label?: string | undefined
}

/** A call whose function was found in an ABI. */
export type DecodedFunctionCall = DecodedBase & {
  status: 'decoded'
  /** Function name. */
  functionName: string
  /** Canonical signature, e.g. `schedule(address,uint256,bytes,bytes32,bytes32,uint256)`. */
  signature: string
  /** The 4-byte selector. */
  selector: Hex
  /** Arguments by parameter name (`arg0`, `arg1`… for unnamed ones). */
  args: Record<string, unknown>
  /**
   * Calls made on behalf of this one, decoded the same way: a timelock
   * operation's calls (`schedule`, `scheduleBatch`, `execute`,
   * `executeBatch`), a governor proposal's (`propose`, `queue`, `execute`,
   * `cancel`), or the call made right after an upgrade (`upgradeToAndCall`,
   * `upgradeAndCall`).
   */
  inner?: DecodedCall[] | undefined
}

/** A deployment through the CREATE2 deployer. */
export type DecodedCreate2Deploy = DecodedBase & {
  status: 'create2-deploy'
  /** CREATE2 salt. */
  salt: Hex
  /** `keccak256(initCode)`. */
  initCodeHash: Hex
  /** The address the contract will have. */
  address: Address
}

/** A call no ABI given knows. */
export type UnknownCall = DecodedBase & {
  status: 'unknown'
  /** First 4 bytes of the data (`undefined` for shorter data: a plain transfer). */
  selector: Hex | undefined
  /** The raw calldata. */
  data: Hex
}

/** The result of {@link decodeCall}. */
export type DecodedCall =
  | DecodedFunctionCall
  | DecodedCreate2Deploy
  | UnknownCall

export type DecodeCallParameters = {
  /** The call (a `Call`, or `{ to, value?, data }`). Its own `abi` is tried first. */
  call: DecodeCallInput
  /** ABIs to look the selector up in (an array, or a record such as `storyDaoAbis`). Default none. */
  abis?: readonly Abi[] | Readonly<Record<string, Abi>> | undefined
}

export type DecodeCallReturnType = DecodedCall

export type DecodeCallErrorType = MissingParameterErrorType

/** Inner calls: `[targets, values, datas]` argument positions, or a single call. */
const innerCallShapes: Record<
  string,
  | { kind: 'batch'; targets: number; values: number; datas: number }
  | { kind: 'single'; target: number; value: number; data: number }
  | { kind: 'self'; data: number }
  | { kind: 'proxy'; proxy: number; data: number }
> = {
  'schedule(address,uint256,bytes,bytes32,bytes32,uint256)': {
    kind: 'single',
    target: 0,
    value: 1,
    data: 2,
  },
  'execute(address,uint256,bytes,bytes32,bytes32)': {
    kind: 'single',
    target: 0,
    value: 1,
    data: 2,
  },
  'scheduleBatch(address[],uint256[],bytes[],bytes32,bytes32,uint256)': {
    kind: 'batch',
    targets: 0,
    values: 1,
    datas: 2,
  },
  'executeBatch(address[],uint256[],bytes[],bytes32,bytes32)': {
    kind: 'batch',
    targets: 0,
    values: 1,
    datas: 2,
  },
  'propose(address[],uint256[],bytes[],string)': {
    kind: 'batch',
    targets: 0,
    values: 1,
    datas: 2,
  },
  'queue(address[],uint256[],bytes[],bytes32)': {
    kind: 'batch',
    targets: 0,
    values: 1,
    datas: 2,
  },
  'execute(address[],uint256[],bytes[],bytes32)': {
    kind: 'batch',
    targets: 0,
    values: 1,
    datas: 2,
  },
  'cancel(address[],uint256[],bytes[],bytes32)': {
    kind: 'batch',
    targets: 0,
    values: 1,
    datas: 2,
  },
  'upgradeToAndCall(address,bytes)': { kind: 'self', data: 1 },
  'upgradeAndCall(address,address,bytes)': { kind: 'proxy', proxy: 0, data: 2 },
}

/** Inner calls deeper than this are left undecoded (guards hostile nesting). */
const maxDepth = 8

function functionsBySelector(abis: readonly Abi[]): Map<Hex, AbiFunction> {
  const map = new Map<Hex, AbiFunction>()
  for (const abi of abis)
    for (const item of abiFunctions(abi)) {
      const selector = toFunctionSelector(item)
      if (!map.has(selector)) map.set(selector, item)
    }
  return map
}

function decode(
  call: DecodeCallInput,
  known: Map<Hex, AbiFunction>,
  depth: number,
): DecodedCall {
  // Review must not fail on a malformed target: keep it as given.
  const to = isAddress(call.to, { strict: false })
    ? getAddress(call.to)
    : call.to
  const base: DecodedBase = {
    to,
    value: call.value ?? 0n,
    ...(call.label === undefined ? {} : { label: call.label }),
  }
  // `to` is checksummed above, as the constant is.
  if (to === create2DeployerAddress && call.data.length >= 66)
    return toCreate2Deploy(base, call.data)
  const selector =
    call.data.length >= 10
      ? (call.data.slice(0, 10).toLowerCase() as Hex)
      : undefined
  const own = call.abi ? functionsBySelector([call.abi]) : undefined
  const item = selector
    ? (own?.get(selector) ?? known.get(selector))
    : undefined
  const list = item ? decodeArguments(item, call.data) : undefined
  // No ABI knows the selector, or it matched but the arguments do not decode.
  if (!selector || !item || !list)
    return { ...base, status: 'unknown', selector, data: call.data }
  const decoded = toDecodedFunctionCall(base, item, selector, list)
  if (depth >= maxDepth) return decoded
  const innerInputs = innerCallsOf(decoded.signature, list, to)
  if (innerInputs.length > 0)
    decoded.inner = innerInputs.map((inner) => decode(inner, known, depth + 1))
  return decoded
}

/** A CREATE2 deployer call: `salt ++ initCode`, with the address it creates. */
function toCreate2Deploy(base: DecodedBase, data: Hex): DecodedCreate2Deploy {
  const salt = slice(data, 0, 32)
  const initCodeHash = keccak256(slice(data, 32))
  return {
    ...base,
    status: 'create2-deploy',
    salt,
    initCodeHash,
    address: getContractAddress({
      opcode: 'CREATE2',
      from: create2DeployerAddress,
      salt,
      bytecodeHash: initCodeHash,
    }),
  }
}

/** The positional arguments, or `undefined` when the data does not decode. */
function decodeArguments(
  item: AbiFunction,
  data: Hex,
): readonly unknown[] | undefined {
  try {
    return (decodeFunctionData({ abi: [item], data }).args ??
      []) as readonly unknown[]
  } catch {
    return undefined
  }
}

function toDecodedFunctionCall(
  base: DecodedBase,
  item: AbiFunction,
  selector: Hex,
  list: readonly unknown[],
): DecodedFunctionCall {
  const args: Record<string, unknown> = {}
  item.inputs.forEach((input, index) => {
    args[input.name ? input.name : `arg${index}`] = list[index]
  })
  return {
    ...base,
    status: 'decoded',
    functionName: item.name,
    signature: toFunctionSignature(item),
    selector,
    args,
  }
}

/** The calls a decoded call makes on behalf of its caller (see `innerCallShapes`). */
function innerCallsOf(
  signature: string,
  list: readonly unknown[],
  to: Address,
): DecodeCallInput[] {
  const shape = innerCallShapes[signature]
  if (!shape) return []
  if (shape.kind === 'batch') {
    const targets = list[shape.targets] as readonly Address[]
    const values = list[shape.values] as readonly bigint[]
    const datas = list[shape.datas] as readonly Hex[]
    return targets.map((target, index) => ({
      to: target,
      value: values[index] ?? 0n,
      data: datas[index] ?? '0x',
    }))
  }
  if (shape.kind === 'single')
    return [
      {
        to: list[shape.target] as Address,
        value: list[shape.value] as bigint,
        data: list[shape.data] as Hex,
      },
    ]
  const data = list[shape.data] as Hex
  if (data === '0x') return []
  const target = shape.kind === 'self' ? to : (list[shape.proxy] as Address)
  return [{ to: target, value: 0n, data }]
}

/**
 * Decodes a call back to its function name and named arguments, for review
 * by signers. Timelock operations (`schedule`, `scheduleBatch`, `execute`,
 * `executeBatch`), governor proposals (`propose`, `queue`, `execute`,
 * `cancel`) and upgrade-and-call data are decoded recursively into `inner`;
 * deployments through the CREATE2 deployer come back as `create2-deploy`
 * with the address they create.
 *
 * Never throws on unknown data: a selector no ABI has gives
 * `{ status: 'unknown' }`. Only a missing `call` throws.
 *
 * - Docs: https://github.com/storydao/ops-sdk/blob/main/packages/governance/README.md#decodecall
 *
 * @example
 * ```ts
 * import { storyDaoAbis } from '@storydao/core'
 * import { decodeCall } from '@storydao/governance'
 *
 * const decoded = decodeCall({ call, abis: storyDaoAbis })
 * if (decoded.status === 'decoded') console.log(decoded.functionName, decoded.args)
 * ```
 *
 * @param parameters - {@link DecodeCallParameters}
 * @returns The decoded call.
 */
export function decodeCall(
  parameters: DecodeCallParameters,
): DecodeCallReturnType {
  assertParameters('decodeCall', parameters, ['call'], { version })
  const { call, abis = [] } = parameters
  const list = Array.isArray(abis)
    ? (abis as readonly Abi[])
    : Object.values(abis as Readonly<Record<string, Abi>>)
  return decode(call, functionsBySelector(list), 0)
}
