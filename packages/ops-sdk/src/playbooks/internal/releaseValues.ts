import type { ReleaseValue } from '@storydao/governance'
import {
  type Abi,
  type AbiFunction,
  type AbiParameter,
  getAddress,
  isAddress,
  keccak256,
  toHex,
} from 'viem'
import { ReleaseFileInvalidError } from '../../errors/deployment.js'

/** @internal The file being read and the ABIs of its artifacts (read beforehand). */
export type ReleaseReader = {
  /** The file as shown in errors. */
  file: string
  abiOf(artifact: string, path: string): Abi
}

/** @internal A problem at a JSON path of the release file. */
export function fail(
  reader: Pick<ReleaseReader, 'file'>,
  path: string,
  problem: string,
  hint?: string,
): never {
  throw new ReleaseFileInvalidError({ file: reader.file, path, problem, hint })
}

/** @internal */
export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

const integerType = /^u?int(\d*)$/
const arrayType = /^(.*)\[(\d*)\]$/
const fixedBytesType = /^bytes(\d+)$/

/**
 * @internal Converts one JSON value to what viem encodes for `parameter`:
 * decimal strings become bigints for integer types, `{ keccak256: "text" }`
 * becomes a bytes32, `{ encode }` gets its artifact's ABI. `{ ref }` objects
 * stay for `buildRelease` to resolve. Every problem names its JSON path.
 */
export function toReleaseValue(
  value: unknown,
  parameter: AbiParameter,
  path: string,
  reader: ReleaseReader,
): ReleaseValue {
  const { type } = parameter
  const array = arrayType.exec(type)
  if (array) return toArray(value, parameter, array, path, reader)
  if (type === 'tuple') return toTuple(value, parameter, path, reader)
  if (isObject(value) && 'ref' in value)
    return toReference(value, type, path, reader)
  if (isObject(value) && 'encode' in value)
    return toEncodedCall(value, type, path, reader)
  if (isObject(value) && 'keccak256' in value)
    return toKeccak(value, type, path, reader)
  if (integerType.test(type)) return toInteger(value, type, path, reader)
  if (type === 'address') {
    if (typeof value === 'string' && isAddress(value, { strict: false }))
      return getAddress(value)
    fail(
      reader,
      path,
      `expected an address or { "ref": "<name>" }, got ${show(value)}.`,
    )
  }
  if (type === 'bool') {
    if (typeof value === 'boolean') return value
    fail(reader, path, `expected true or false (bool), got ${show(value)}.`)
  }
  if (type === 'string') {
    if (typeof value === 'string') return value
    fail(reader, path, `expected a string, got ${show(value)}.`)
  }
  return toBytes(value, type, path, reader)
}

function toArray(
  value: unknown,
  parameter: AbiParameter,
  [, inner, length]: RegExpExecArray,
  path: string,
  reader: ReleaseReader,
): ReleaseValue {
  if (!Array.isArray(value))
    fail(
      reader,
      path,
      `expected an array (${parameter.type}), got ${show(value)}.`,
    )
  if (length && value.length !== Number(length))
    fail(
      reader,
      path,
      `expected ${length} items (${parameter.type}), got ${value.length}.`,
    )
  const item = { ...parameter, type: inner! } as AbiParameter
  return value.map((entry, index) =>
    toReleaseValue(entry, item, `${path}[${index}]`, reader),
  )
}

function toTuple(
  value: unknown,
  parameter: AbiParameter,
  path: string,
  reader: ReleaseReader,
): ReleaseValue {
  const components =
    'components' in parameter ? (parameter.components ?? []) : []
  if (Array.isArray(value)) {
    if (value.length !== components.length)
      fail(
        reader,
        path,
        `expected ${components.length} tuple items, got ${value.length}.`,
      )
    return value.map((entry, index) =>
      toReleaseValue(entry, components[index]!, `${path}[${index}]`, reader),
    )
  }
  if (!isObject(value))
    fail(
      reader,
      path,
      `expected an object or an array (tuple), got ${show(value)}.`,
    )
  return Object.fromEntries(
    components.map((component) => {
      const key = component.name ?? ''
      if (!(key in value))
        fail(reader, `${path}.${key}`, 'missing tuple field.')
      return [
        key,
        toReleaseValue(value[key], component, `${path}.${key}`, reader),
      ]
    }),
  )
}

function toReference(
  value: Record<string, unknown>,
  type: string,
  path: string,
  reader: ReleaseReader,
): ReleaseValue {
  if (type !== 'address')
    fail(
      reader,
      path,
      `a { "ref" } is an address, but the parameter is ${type}.`,
    )
  if (typeof value.ref !== 'string' || Object.keys(value).length !== 1)
    fail(
      reader,
      path,
      '{ "ref" } takes one string: a release entry, a manifest contract, "safes.ops" or "safes.emergency".',
    )
  return { ref: value.ref }
}

function toKeccak(
  value: Record<string, unknown>,
  type: string,
  path: string,
  reader: ReleaseReader,
): ReleaseValue {
  if (type !== 'bytes32')
    fail(
      reader,
      path,
      `{ "keccak256" } is a bytes32, but the parameter is ${type}.`,
    )
  if (typeof value.keccak256 !== 'string')
    fail(
      reader,
      path,
      '{ "keccak256" } takes the text to hash, e.g. "PROPOSER_ROLE".',
    )
  return keccak256(toHex(value.keccak256))
}

function toInteger(
  value: unknown,
  type: string,
  path: string,
  reader: ReleaseReader,
): bigint {
  if (typeof value === 'number' && Number.isSafeInteger(value))
    return BigInt(value)
  if (typeof value === 'string' && /^-?(?:0|[1-9][0-9]*)$/.test(value))
    return BigInt(value)
  return fail(
    reader,
    path,
    `expected a whole number for ${type}, got ${show(value)}.`,
    'Write big integers as decimal strings ("1000000000000000000000000000"); JSON numbers lose precision past 2^53.',
  )
}

function toBytes(
  value: unknown,
  type: string,
  path: string,
  reader: ReleaseReader,
): ReleaseValue {
  const fixed = fixedBytesType.exec(type)
  if (type !== 'bytes' && !fixed)
    fail(
      reader,
      path,
      `parameters of type ${type} are not supported in release files.`,
    )
  const digits = fixed ? Number(fixed[1]) * 2 : undefined
  const pattern = digits
    ? new RegExp(`^0x[0-9a-fA-F]{${digits}}$`)
    : /^0x(?:[0-9a-fA-F]{2})*$/
  if (typeof value === 'string' && pattern.test(value))
    return value as ReleaseValue
  return fail(
    reader,
    path,
    `expected ${digits ? `${type}: "0x" and ${digits} hex digits` : 'bytes: "0x" and an even number of hex digits, or { "encode": … }'}, got ${show(value)}.`,
  )
}

function toEncodedCall(
  value: Record<string, unknown>,
  type: string,
  path: string,
  reader: ReleaseReader,
): ReleaseValue {
  if (type !== 'bytes')
    fail(
      reader,
      path,
      `an { "encode" } is bytes, but the parameter is ${type}.`,
    )
  const encode = value.encode
  if (!isObject(encode))
    fail(
      reader,
      `${path}.encode`,
      'expected { "artifact", "functionName", "args" }.',
    )
  const { abi, fn, args } = toFunctionCall(encode, `${path}.encode`, reader)
  return { encode: { abi, functionName: fn.name, args } }
}

/**
 * @internal A `{ artifact, functionName, args }` object: the function found
 * in the artifact's ABI by name and argument count, its arguments converted.
 */
export function toFunctionCall(
  call: Record<string, unknown>,
  path: string,
  reader: ReleaseReader,
): { abi: Abi; fn: AbiFunction; args: ReleaseValue[] } {
  if (typeof call.artifact !== 'string')
    fail(
      reader,
      `${path}.artifact`,
      'expected the name of the contract whose ABI has the function.',
    )
  if (typeof call.functionName !== 'string')
    fail(reader, `${path}.functionName`, 'expected a function name.')
  const args = call.args ?? []
  if (!Array.isArray(args)) fail(reader, `${path}.args`, 'expected an array.')
  const abi = reader.abiOf(call.artifact, `${path}.artifact`)
  const named = abi.filter(
    (item): item is AbiFunction =>
      item.type === 'function' && item.name === call.functionName,
  )
  const matching = named.filter((item) => item.inputs.length === args.length)
  if (matching.length !== 1)
    fail(
      reader,
      `${path}.functionName`,
      named.length === 0
        ? `${call.artifact} has no function "${call.functionName}".`
        : `${call.artifact}.${call.functionName} takes ${named.map((item) => item.inputs.length).join(' or ')} arguments, got ${args.length}.`,
    )
  const fn = matching[0]!
  return {
    abi,
    fn,
    args: fn.inputs.map((input, index) =>
      toReleaseValue(args[index], input, `${path}.args[${index}]`, reader),
    ),
  }
}

function show(value: unknown): string {
  const text = JSON.stringify(value)
  return text === undefined
    ? String(value)
    : text.length > 60
      ? `${text.slice(0, 57)}…`
      : text
}
