import type { Hex } from 'viem'
import { SafeSignatureError } from '../errors/signature.js'
import type { SafeSignature } from '../types/safe.js'

/** @internal The hex of a signature given as hex or as a {@link SafeSignature}. */
export function toSignatureHex(signature: Hex | SafeSignature): Hex {
  const hex = typeof signature === 'string' ? signature : signature?.signature
  if (typeof hex !== 'string' || !/^0x([0-9a-fA-F]{2})+$/.test(hex))
    throw new SafeSignatureError({
      message:
        'Expected a signature as 0x-prefixed hex bytes (or signSafePlan’s result).',
    })
  return hex
}
