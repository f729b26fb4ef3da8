import {
  type Address,
  concat,
  encodeAbiParameters,
  type Hex,
  keccak256,
  toBytes,
  zeroAddress,
} from 'viem'

/** @internal The fields of a Safe transaction, as the service stores them. */
export type SafeTxFields = {
  to: Address
  value: bigint
  /** `0x` for no calldata. */
  data: Hex
  operation: number
  safeTxGas: bigint
  baseGas: bigint
  gasPrice: bigint
  /** `null` hashes as the zero address (safe-eth-py `SafeTx`). */
  gasToken: Address | null
  refundReceiver: Address | null
  nonce: bigint
}

/** @internal */
export type HashSafeTxParameters = {
  chainId: number
  safe: Address
  /** The Safe's `VERSION()`, e.g. `1.4.1`. */
  version: string
  tx: SafeTxFields
}

/** @internal */
export type HashSafeTxReturnType = {
  safeTxHash: Hex
  domainSeparator: Hex
  structHash: Hex
  /** `0x1901 ‖ domainSeparator ‖ structHash` (what EIP-1271 owners sign in Safe ≤ 1.4.1). */
  preimage: Hex
}

const typeHash = (text: string) => keccak256(toBytes(text))

/** @internal docs/safe-formats.md#safe-transaction-hash constants, derived from their preimages (tests pin the values). */
export const safeTxTypeHashes = {
  domainWithChainId: typeHash(
    'EIP712Domain(uint256 chainId,address verifyingContract)',
  ),
  domainWithoutChainId: typeHash('EIP712Domain(address verifyingContract)'),
  safeTx: typeHash(
    'SafeTx(address to,uint256 value,bytes data,uint8 operation,uint256 safeTxGas,uint256 baseGas,uint256 gasPrice,address gasToken,address refundReceiver,uint256 nonce)',
  ),
  safeTxDataGas: typeHash(
    'SafeTx(address to,uint256 value,bytes data,uint8 operation,uint256 safeTxGas,uint256 dataGas,uint256 gasPrice,address gasToken,address refundReceiver,uint256 nonce)',
  ),
} as const

/**
 * @internal
 * Compares dotted versions numerically (`1.10.0 > 1.9.0`); anything after the
 * numbers (`+L2`, `-rc1`) is ignored. Unparseable parts count as 0.
 */
export function compareVersions(a: string, b: string): number {
  const parts = (v: string) =>
    v
      .replace(/^v/, '')
      .split(/[+-]/)[0]!
      .split('.')
      .map((part) => Number.parseInt(part, 10) || 0)
  const [x, y] = [parts(a), parts(b)]
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    const diff = (x[i] ?? 0) - (y[i] ?? 0)
    if (diff !== 0) return Math.sign(diff)
  }
  return 0
}

/**
 * @internal
 * The safeTxHash exactly as safe-eth-py's `SafeTx` computes it (docs/safe-formats.md#safe-transaction-hash):
 * chainId in the domain from v1.3.0, `baseGas` from v1.0.0 (`dataGas` before).
 *
 * Deliberately not `hashSafeTransaction` from `@storydao/safe`: the local
 * service stands in for the real one, which recomputes the hash with its own
 * code, so a bug in the SDK's hash must make proposals fail here too.
 */
export function hashSafeTx(
  parameters: HashSafeTxParameters,
): HashSafeTxReturnType {
  const { chainId, safe, version, tx } = parameters
  const withChainId = compareVersions(version, '1.3.0') >= 0
  const domainSeparator = keccak256(
    withChainId
      ? encodeAbiParameters(
          [{ type: 'bytes32' }, { type: 'uint256' }, { type: 'address' }],
          [safeTxTypeHashes.domainWithChainId, BigInt(chainId), safe],
        )
      : encodeAbiParameters(
          [{ type: 'bytes32' }, { type: 'address' }],
          [safeTxTypeHashes.domainWithoutChainId, safe],
        ),
  )
  const structHash = keccak256(
    encodeAbiParameters(
      [
        { type: 'bytes32' },
        { type: 'address' },
        { type: 'uint256' },
        { type: 'bytes32' },
        { type: 'uint8' },
        { type: 'uint256' },
        { type: 'uint256' },
        { type: 'uint256' },
        { type: 'address' },
        { type: 'address' },
        { type: 'uint256' },
      ],
      [
        compareVersions(version, '1.0.0') >= 0
          ? safeTxTypeHashes.safeTx
          : safeTxTypeHashes.safeTxDataGas,
        tx.to,
        tx.value,
        keccak256(tx.data),
        tx.operation,
        tx.safeTxGas,
        tx.baseGas,
        tx.gasPrice,
        tx.gasToken ?? zeroAddress,
        tx.refundReceiver ?? zeroAddress,
        tx.nonce,
      ],
    ),
  )
  const preimage = concat(['0x1901', domainSeparator, structHash])
  return {
    safeTxHash: keccak256(preimage),
    domainSeparator,
    structHash,
    preimage,
  }
}
