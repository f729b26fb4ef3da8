import type { MissingParameterErrorType } from '@storydao/core'
import {
  type Address,
  concat,
  type Hex,
  hexToNumber,
  isAddressEqual,
  pad,
  size,
  slice,
  toHex,
} from 'viem'
import {
  SafeSignatureError,
  type SafeSignatureErrorType,
} from './errors/signature.js'
import { assertPresent } from './internal/assertPresent.js'
import { checkAddress } from './internal/validate.js'
import type { SafeSignature } from './types/safe.js'

export type EncodeSafeSignaturesParameters = readonly SafeSignature[]

export type EncodeSafeSignaturesReturnType = Hex

export type EncodeSafeSignaturesErrorType =
  | MissingParameterErrorType
  | SafeSignatureErrorType

/**
 * Builds the `signatures` bytes of `execTransaction` (docs/safe-formats.md#signature-bytes): one
 * 65-byte `r ‖ s ‖ v` part per owner, sorted by owner address ascending as
 * the Safe requires. `APPROVED_HASH` parts are `r = owner, s = 0, v = 1`;
 * `ETH_SIGN` parts get `v + 4` if given as 27/28; `CONTRACT_SIGNATURE` parts
 * are `r = owner, s = offset, v = 0` with `{length}{bytes}` appended after the
 * static parts (protocol-kit `buildSignatureBytes`).
 *
 * - Docs: https://github.com/storydao/ops-sdk/blob/main/packages/safe/README.md#encodesafesignatures
 *
 * @example
 * ```ts
 * import { encodeSafeSignatures, signSafePlan } from '@storydao/safe'
 *
 * const signatures = encodeSafeSignatures([
 *   await signSafePlan({ plan, account: ownerKeyA }),
 *   await signSafePlan({ plan, account: ownerKeyB }),
 * ])
 * ```
 *
 * @param signatures - One per owner, in any order. {@link SafeSignature}
 * @returns The concatenated, sorted signature bytes.
 * @throws {SafeSignatureError} When a signature is malformed or an owner appears twice.
 */
export function encodeSafeSignatures(
  signatures: EncodeSafeSignaturesParameters,
): EncodeSafeSignaturesReturnType {
  assertPresent(
    'encodeSafeSignatures',
    signatures,
    'signatures',
    'an array of SafeSignature',
  )
  const parts = signatures.map((entry, index) => {
    const signer = checkAddress(entry?.signer, `signatures[${index}].signer`)
    return entry.type === 'CONTRACT_SIGNATURE'
      ? {
          signer,
          part: '0x' as Hex,
          dynamic: contractPayload(entry, signer, index),
        }
      : { signer, part: encodePart(entry, signer, index), dynamic: undefined }
  })
  const seen = new Set<string>()
  for (const { signer } of parts) {
    if (seen.has(signer))
      throw new SafeSignatureError({
        message: `Owner ${signer} signed more than once.`,
        signer,
        hint: 'The Safe counts each owner once and rejects unsorted or repeated owners (GS026). Drop the duplicate and collect another owner’s signature.',
      })
    seen.add(signer)
  }
  // The Safe walks owners in strictly increasing address order.
  parts.sort((a, b) =>
    a.signer.toLowerCase() < b.signer.toLowerCase() ? -1 : 1,
  )
  // Contract signatures: static part {owner, offset, 0}, then {length}{bytes}
  // after all static parts; offsets count from the start of the blob.
  let offset = parts.length * 65
  const tail: Hex[] = []
  const statics = parts.map(({ signer, part, dynamic }) => {
    if (dynamic === undefined) return part
    const staticPart = concat([
      pad(signer, { size: 32 }),
      toHex(offset, { size: 32 }),
      '0x00',
    ])
    const entry = concat([toHex(size(dynamic), { size: 32 }), dynamic])
    tail.push(entry)
    offset += size(entry)
    return staticPart
  })
  const all = [...statics, ...tail]
  return all.length === 0 ? '0x' : (concat(all).toLowerCase() as Hex)
}

/** The EIP-1271 payload, from raw bytes or the service's standalone form. */
function contractPayload(
  entry: SafeSignature,
  signer: Address,
  index: number,
): Hex {
  const signature = entry.signature
  if (typeof signature !== 'string' || !/^0x([0-9a-fA-F]{2})*$/.test(signature))
    throw new SafeSignatureError({
      message: `signatures[${index}] (${signer}) is not hex bytes.`,
      signer,
    })
  const bytes = size(signature)
  // Standalone form: r = owner, s = 65, v = 0, then {length}{payload}.
  if (
    bytes >= 97 &&
    isAddressEqual(slice(signature, 12, 32), signer) &&
    hexToNumber(slice(signature, 32, 64)) === 65 &&
    hexToNumber(slice(signature, 64, 65)) === 0
  ) {
    const length = hexToNumber(slice(signature, 65, 97))
    if (97 + length > bytes)
      throw new SafeSignatureError({
        message: `signatures[${index}] (${signer}) declares ${length} contract-signature bytes but holds ${bytes - 97}.`,
        signer,
      })
    return length === 0 ? '0x' : slice(signature, 97, 97 + length)
  }
  return signature
}

function encodePart(entry: SafeSignature, signer: Address, index: number): Hex {
  if (entry.type === 'APPROVED_HASH')
    return concat([pad(signer, { size: 32 }), pad('0x', { size: 32 }), '0x01'])
  if (entry.type !== 'EOA' && entry.type !== 'ETH_SIGN')
    throw new SafeSignatureError({
      message: `signatures[${index}] has unsupported type ${JSON.stringify(entry.type)}.`,
      signer,
      hint: 'Supported: EOA (EIP-712, v 27/28), ETH_SIGN (v 31/32), APPROVED_HASH (v 1) and CONTRACT_SIGNATURE (EIP-1271). Passkey (SECP256R1) signatures are not encoded by this package.',
    })
  const signature = entry.signature
  if (
    typeof signature !== 'string' ||
    !/^0x[0-9a-fA-F]*$/.test(signature) ||
    size(signature) !== 65
  )
    throw new SafeSignatureError({
      message: `signatures[${index}] (${signer}) is not 65 bytes r ‖ s ‖ v.`,
      signer,
    })
  let v = hexToNumber(slice(signature, 64, 65))
  if (v === 0 || v === 1) v += 27
  if (entry.type === 'ETH_SIGN' && v < 31) v += 4
  const valid =
    entry.type === 'EOA' ? v === 27 || v === 28 : v === 31 || v === 32
  if (!valid)
    throw new SafeSignatureError({
      message: `signatures[${index}] (${signer}) has v = ${v}, invalid for a ${entry.type} signature.`,
      signer,
    })
  return concat([
    slice(signature, 0, 64),
    toHex(v, { size: 1 }),
  ]).toLowerCase() as Hex
}
