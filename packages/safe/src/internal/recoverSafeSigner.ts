import {
  type Address,
  getAddress,
  type Hex,
  hexToBigInt,
  hexToNumber,
  recoverAddress,
  recoverMessageAddress,
  size,
  slice,
} from 'viem'
import type { SafeSignatureType } from '../types/safe.js'

/**
 * @internal The owner a 65-byte Safe signature of `safeTxHash` stands for:
 * ecrecover for EOA (v 27/28) and ETH_SIGN (v 31/32), `r` for approved-hash
 * (v 1) signatures; `undefined` when it cannot be recovered.
 */
export async function recoverSafeSigner(
  safeTxHash: Hex,
  signature: Hex,
  type: SafeSignatureType,
): Promise<Address | undefined> {
  if (size(signature) !== 65) return undefined
  const v = hexToNumber(slice(signature, 64, 65))
  try {
    if (type === 'EOA' && (v === 27 || v === 28))
      return await recoverAddress({ hash: safeTxHash, signature })
    if (type === 'ETH_SIGN' && (v === 31 || v === 32)) {
      const adjusted =
        `${signature.slice(0, 130)}${(v - 4).toString(16)}` as Hex
      return await recoverMessageAddress({
        message: { raw: safeTxHash },
        signature: adjusted,
      })
    }
  } catch {
    return undefined
  }
  return undefined
}

/** @internal One signature of a blob, as the Transaction Service reads it. */
export type ParsedSafeSignature = {
  /** Position in the blob (0-based). */
  index: number
  /** The `v` byte. */
  v: number
  /** Kind, by `v` (docs/safe-transaction-service.md#signatures). */
  type: SafeSignatureType | 'SECP256R1'
  /** The owner it stands for; `undefined` when ECDSA recovery fails or `v` is not a known kind. */
  signer: Address | undefined
}

/**
 * @internal The owners a signature blob stands for, read as the Transaction
 * Service reads it (docs/safe-transaction-service.md#signatures, safe-eth-py `parse_signature`): 65-byte
 * `{r}{s}{v}` parts until the first dynamic part; `v` 0 (EIP-1271) and 1
 * (approved hash) name the owner in `r`, 2 (passkey) too; 27/28 and 31/32
 * are recovered with {@link recoverSafeSigner}.
 */
export async function recoverSafeSigners(
  safeTxHash: Hex,
  signatures: Hex,
): Promise<ParsedSafeSignature[]> {
  const length = size(signatures)
  let end = length
  const parsed: ParsedSafeSignature[] = []
  for (let offset = 0; offset + 65 <= end; offset += 65) {
    const part = slice(signatures, offset, offset + 65)
    const v = hexToNumber(slice(part, 64, 65))
    const index = parsed.length
    if (v === 0 || v === 1 || v === 2) {
      // v 0 and 2 keep their data after the static parts, at offset `s`.
      if (v !== 1) {
        const dynamic = hexToBigInt(slice(part, 32, 64))
        if (dynamic < BigInt(end)) end = Number(dynamic)
      }
      parsed.push({
        index,
        v,
        type:
          v === 0
            ? 'CONTRACT_SIGNATURE'
            : v === 1
              ? 'APPROVED_HASH'
              : 'SECP256R1',
        signer: getAddress(slice(part, 12, 32)),
      })
      continue
    }
    const type = v > 30 ? 'ETH_SIGN' : 'EOA'
    parsed.push({
      index,
      v,
      type,
      signer: await recoverSafeSigner(safeTxHash, part, type),
    })
  }
  return parsed
}
