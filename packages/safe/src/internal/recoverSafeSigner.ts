import {
  type Address,
  type Hex,
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
