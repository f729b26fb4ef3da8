import {
  assertParameters,
  type MissingParameterErrorType,
} from '@storydao/core'
import {
  type Address,
  concat,
  encodeAbiParameters,
  type Hex,
  keccak256,
} from 'viem'
import type { SafePlanInputErrorType } from './errors/plan.js'
import type { UnsupportedSafeVersionErrorType } from './errors/safeIdentity.js'
import { version } from './errors/version.js'
import { domainHasChainId } from './internal/safeVersion.js'
import {
  checkAddress,
  checkChainId,
  checkSafeTransaction,
} from './internal/validate.js'
import type { SafeTransaction } from './types/safe.js'

/** `keccak256("EIP712Domain(uint256 chainId,address verifyingContract)")` (Safe ≥ 1.3.0). */
const domainTypehash =
  '0x47e79534a245952e8b16893a336b85a3d9ea9fa8c573f3d803afb92a79469218'
/** `keccak256("EIP712Domain(address verifyingContract)")` (Safe 1.0.0 – 1.2.0). */
const legacyDomainTypehash =
  '0x035aff83d86937d35b32e04f0ddc6ff469290eef2f1b692d8a815c89404d4749'
/** `keccak256("SafeTx(address to,uint256 value,bytes data,uint8 operation,uint256 safeTxGas,uint256 baseGas,uint256 gasPrice,address gasToken,address refundReceiver,uint256 nonce)")`. */
const safeTxTypehash =
  '0xbb8310d486368db6bd6f849402fdd73ad53d316b5a4b2644ad6efe0f941286d8'

export type HashSafeTransactionParameters = {
  /** Chain id (in the domain from Safe 1.3.0 on). */
  chainId: number
  /** The Safe (EIP-712 `verifyingContract`). */
  safe: Address
  /** The Safe's `VERSION()` (`1.3.0`, `1.4.1`, `1.5.0`…; ≥ 1.0.0). */
  safeVersion: string
  /** The EIP-712 `SafeTx` message. */
  safeTx: SafeTransaction
}

export type HashSafeTransactionReturnType = {
  /** EIP-712 domain separator (the Safe's `domainSeparator()`). */
  domainHash: Hex
  /** EIP-712 struct hash of the `SafeTx`. */
  messageHash: Hex
  /** `keccak256(0x19 ‖ 0x01 ‖ domainHash ‖ messageHash)`: the Safe's `getTransactionHash`. */
  safeTxHash: Hex
}

export type HashSafeTransactionErrorType =
  | MissingParameterErrorType
  | SafePlanInputErrorType
  | UnsupportedSafeVersionErrorType

/**
 * Computes the three hashes of a Safe transaction a hardware wallet (and the
 * safe-tx-hashes tools) show: domain hash, message hash and safeTxHash. Equal
 * to the Safe's `getTransactionHash` for Safe 1.0.0 – 1.5.x (the domain has no
 * `chainId` before 1.3.0). Pure: no RPC, no Safe SDK.
 *
 * - Docs: https://github.com/storydao/ops-sdk/blob/main/packages/safe/README.md#hashsafetransaction
 *
 * @example
 * ```ts
 * import { hashSafeTransaction } from '@storydao/safe'
 * import { zeroAddress } from 'viem'
 *
 * const { domainHash, messageHash, safeTxHash } = hashSafeTransaction({
 *   chainId: 31337,
 *   safe: '0x2B0b9cBDA3D7b0F760187c52A8FFB18C48E5d96A',
 *   safeVersion: '1.4.1',
 *   safeTx: {
 *     to: '0x79613FD49472C3C7a32188e45ff00e7bdC8a897d',
 *     value: 2n,
 *     data: '0x1212',
 *     operation: 0,
 *     safeTxGas: 0n,
 *     baseGas: 0n,
 *     gasPrice: 0n,
 *     gasToken: zeroAddress,
 *     refundReceiver: zeroAddress,
 *     nonce: 0n,
 *   },
 * })
 * // safeTxHash: 0xe544095d9b08cf0abe384ea08089f98b56421810d18c6822082a831269d4c787
 * ```
 *
 * @param parameters - {@link HashSafeTransactionParameters}
 * @returns The domain hash, message hash and safeTxHash. {@link HashSafeTransactionReturnType}
 * @throws {SafePlanInputError} When a field is malformed.
 * @throws {UnsupportedSafeVersionError} For versions before 1.0.0 or from 2.0.0.
 */
export function hashSafeTransaction(
  parameters: HashSafeTransactionParameters,
): HashSafeTransactionReturnType {
  assertParameters(
    'hashSafeTransaction',
    parameters,
    ['chainId', 'safe', 'safeVersion', 'safeTx'],
    { version },
  )
  const chainId = checkChainId(parameters.chainId, 'chainId')
  const safe = checkAddress(parameters.safe, 'safe')
  const safeTx = checkSafeTransaction(parameters.safeTx)

  const domainHash = domainHasChainId(parameters.safeVersion)
    ? keccak256(
        encodeAbiParameters(
          [{ type: 'bytes32' }, { type: 'uint256' }, { type: 'address' }],
          [domainTypehash, BigInt(chainId), safe],
        ),
      )
    : keccak256(
        encodeAbiParameters(
          [{ type: 'bytes32' }, { type: 'address' }],
          [legacyDomainTypehash, safe],
        ),
      )

  const messageHash = keccak256(
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
        safeTxTypehash,
        safeTx.to,
        safeTx.value,
        keccak256(safeTx.data),
        safeTx.operation,
        safeTx.safeTxGas,
        safeTx.baseGas,
        safeTx.gasPrice,
        safeTx.gasToken,
        safeTx.refundReceiver,
        safeTx.nonce,
      ],
    ),
  )

  const safeTxHash = keccak256(concat(['0x1901', domainHash, messageHash]))
  return { domainHash, messageHash, safeTxHash }
}
