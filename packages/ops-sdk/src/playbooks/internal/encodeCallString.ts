import {
  type Abi,
  type AbiFunction,
  type AbiParameter,
  encodeFunctionData,
  getAddress,
  type Hex,
  isHex,
} from 'viem'
import { UpgradeCallInvalidError } from '../../errors/upgrade.js'

/**
 * @internal Encodes a call typed on the command line (`initializeV2(1000)`)
 * against a contract's ABI. Only plain values (numbers, addresses, booleans,
 * hex, strings) are accepted: arrays and tuples would need a grammar of their
 * own, and an upgrade initializer rarely takes them.
 */
export function encodeCallString({
  call,
  abi,
  contract,
}: {
  call: string
  abi: Abi
  contract: string
}): Hex {
  const functions = abi.filter(
    (item): item is AbiFunction => item.type === 'function',
  )
  const fail = (reason: string, cause?: unknown) =>
    new UpgradeCallInvalidError({
      call,
      contract,
      reason,
      functions: functions.map(signatureOf),
      cause,
    })
  const match = /^\s*([A-Za-z_$][A-Za-z0-9_$]*)\s*\((.*)\)\s*$/s.exec(call)
  if (!match) throw fail('expected name(arg, …).')
  const [, name, body] = match as unknown as [string, string, string]
  const args = body.trim() === '' ? [] : body.split(',').map((s) => s.trim())
  const candidates = functions.filter(
    (item) => item.name === name && item.inputs.length === args.length,
  )
  if (candidates.length !== 1)
    throw fail(
      candidates.length === 0
        ? `no function ${name} with ${args.length} argument(s).`
        : `${name} is overloaded with ${args.length} argument(s).`,
    )
  const item = candidates[0]!
  try {
    return encodeFunctionData({
      abi: [item],
      functionName: item.name,
      args: item.inputs.map((input, index) => toValue(input, args[index]!)),
    })
  } catch (cause) {
    throw fail(
      `its arguments do not fit ${signatureOf(item)} (${(cause as Error).message.split('\n')[0]}).`,
      cause,
    )
  }
}

function toValue(input: AbiParameter, text: string): unknown {
  if (/^u?int\d*$/.test(input.type)) return BigInt(text.replace(/_/g, ''))
  if (input.type === 'address') return getAddress(text)
  if (input.type === 'bool') {
    if (text !== 'true' && text !== 'false')
      throw new TypeError(`${text} is not true or false`)
    return text === 'true'
  }
  if (input.type === 'string') return text.replace(/^(['"])(.*)\1$/s, '$2')
  if (input.type.startsWith('bytes') && isHex(text)) return text
  throw new TypeError(
    `${input.type} values are not supported on the command line`,
  )
}

function signatureOf(item: AbiFunction): string {
  return `${item.name}(${item.inputs.map((input) => input.type).join(',')})`
}
