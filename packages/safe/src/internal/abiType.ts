const sizedInteger = /^u?int(\d+)$/
const fixedBytes = /^bytes(\d+)$/
const arraySuffix = /\[(\d*)\]$/
const elementaryTypes = new Set([
  'address',
  'bool',
  'string',
  'bytes',
  'function',
  'uint',
  'int',
])

/**
 * @internal Why `type` is not a Solidity ABI type (`uint7`, `int264`,
 * `bytes33`, `uint0`, `address[0]`, `tuple` without components…), or
 * `undefined` when it is one. ethers and viem disagree on some of these
 * (and the app would send whatever its encoder makes of them), so a file
 * naming one is refused.
 */
export function abiTypeProblem(
  type: string,
  components: unknown,
): string | undefined {
  let base = type
  for (
    let suffix = arraySuffix.exec(base);
    suffix;
    suffix = arraySuffix.exec(base)
  ) {
    const length = suffix[1]!
    if (length !== '' && !/^[1-9][0-9]*$/.test(length))
      return `${JSON.stringify(type)} has an array length of ${length}; fixed arrays hold at least one element, written without leading zeros.`
    base = base.slice(0, suffix.index)
  }
  if (base === 'tuple')
    return Array.isArray(components) && components.length > 0
      ? undefined
      : `${JSON.stringify(type)} needs \`components\`.`
  if (elementaryTypes.has(base)) return undefined
  const integer = sizedInteger.exec(base)
  if (integer) {
    const bits = Number(integer[1])
    return bits >= 8 &&
      bits <= 256 &&
      bits % 8 === 0 &&
      !integer[1]!.startsWith('0')
      ? undefined
      : `${JSON.stringify(type)} is not an ABI type: integers take 8 to 256 bits in steps of 8 (uint8 … uint256).`
  }
  const bytes = fixedBytes.exec(base)
  if (bytes) {
    const size = Number(bytes[1])
    return size >= 1 && size <= 32 && !bytes[1]!.startsWith('0')
      ? undefined
      : `${JSON.stringify(type)} is not an ABI type: fixed-size bytes take 1 to 32 bytes (bytes1 … bytes32).`
  }
  return `${JSON.stringify(type)} is not an ABI type.`
}
