import {
  type Address,
  concat,
  getAddress,
  type Hex,
  hashMessage,
  numberToHex,
  recoverAddress,
  size,
  slice,
  zeroAddress,
} from 'viem'
import type { ChainReader } from './chain.js'

/** @internal Confirmation `signatureType` names (safe-eth-py `SafeSignatureType`). */
export type SignatureType =
  | 'CONTRACT_SIGNATURE'
  | 'APPROVED_HASH'
  | 'EOA'
  | 'ETH_SIGN'

/** @internal One signature parsed out of a (possibly concatenated) blob. */
export type ParsedSignature = {
  type: SignatureType
  /** Recovered (EOA, ETH_SIGN) or declared (contract, approved hash) signer. */
  owner: Address
  /** The 65-byte static part `{r}{s}{v}`. */
  signature: Hex
  /** EIP-1271 signature bytes (contract signatures only). */
  contractSignature?: Hex
}

const wordToAddress = (word: Hex) => getAddress(`0x${word.slice(-40)}`)

/** ecrecover; a malformed signature recovers to the zero address, as in safe-eth-py. */
async function recover(hash: Hex, r: Hex, s: Hex, v: number): Promise<Address> {
  if (v !== 27 && v !== 28) return zeroAddress
  try {
    return getAddress(
      await recoverAddress({ hash, signature: { r, s, yParity: v - 27 } }),
    )
  } catch {
    return zeroAddress
  }
}

/**
 * @internal
 * safe-eth-py `SafeSignature.parse_signature` (docs/safe-transaction-service.md#signatures): 65-byte
 * chunks, type by `v`, trailing bytes shorter than 65 ignored, parsing stops at
 * the smallest dynamic-data offset of a contract signature.
 */
export async function parseSignatures(
  blob: Hex,
  hash: Hex,
): Promise<ParsedSignature[]> {
  const length = size(blob)
  let dataPosition = length
  const parsed: ParsedSignature[] = []
  for (let i = 0; i + 65 <= length && i < dataPosition; i += 65) {
    const signature = slice(blob, i, i + 65)
    const r = slice(signature, 0, 32)
    const s = slice(signature, 32, 64)
    const v = Number.parseInt(signature.slice(-2), 16)
    if (v === 0) {
      const sValue = BigInt(s)
      const offset = sValue > BigInt(length) ? length : Number(sValue)
      if (offset < dataPosition) dataPosition = offset
      // Python slices: a length word cut short by the end of the blob still counts.
      const lengthWord =
        offset < length
          ? slice(blob, offset, Math.min(offset + 32, length))
          : '0x'
      const declared = lengthWord === '0x' ? 0n : BigInt(lengthWord)
      const start = Math.min(offset + 32, length)
      const end =
        declared > BigInt(length - start) ? length : start + Number(declared)
      parsed.push({
        type: 'CONTRACT_SIGNATURE',
        owner: wordToAddress(r),
        signature,
        contractSignature: start < end ? slice(blob, start, end) : '0x',
      })
    } else if (v === 1)
      parsed.push({ type: 'APPROVED_HASH', owner: wordToAddress(r), signature })
    else if (v > 30)
      parsed.push({
        type: 'ETH_SIGN',
        owner: await recover(hashMessage({ raw: hash }), r, s, v - 4),
        signature,
      })
    else
      parsed.push({
        type: 'EOA',
        owner: await recover(hash, r, s, v),
        signature,
      })
  }
  return parsed
}

/**
 * @internal
 * One signature as it is valid on its own (`export_signature`): contract
 * signatures get their data offset rewritten to 65 and their bytes appended.
 */
export function exportSignature(parsed: ParsedSignature): Hex {
  if (parsed.type !== 'CONTRACT_SIGNATURE') return parsed.signature
  const data = parsed.contractSignature ?? '0x'
  return concat([
    slice(parsed.signature, 0, 32),
    numberToHex(65, { size: 32 }),
    '0x00',
    numberToHex(size(data), { size: 32 }),
    data,
  ]).toLowerCase() as Hex
}

/**
 * @internal
 * safe-eth-py `is_valid`: EOA and ETH_SIGN are always "valid" (a wrong key
 * shows up as a wrong owner), approved hashes are read from `approvalsOn`,
 * contract signatures go through EIP-1271.
 */
export async function isSignatureValid(
  chain: ChainReader,
  parsed: ParsedSignature,
  context: { hash: Hex; preimage: Hex; approvalsOn: Address },
): Promise<boolean> {
  if (parsed.type === 'APPROVED_HASH')
    return chain.isHashApproved(context.approvalsOn, parsed.owner, context.hash)
  if (parsed.type === 'CONTRACT_SIGNATURE')
    return chain.isValidContractSignature(
      parsed.owner,
      context.hash,
      context.preimage,
      parsed.contractSignature ?? '0x',
    )
  return true
}
