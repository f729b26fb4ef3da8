import type { Hex } from 'viem'
import { InvalidBytecodeError } from '../errors/deploy.js'

// solc's link reference: `__$` + 17 bytes of keccak256(fully qualified
// library name) in hex + `$__`, 40 characters standing for a 20-byte address.
const placeholderRegex = /__\$[0-9a-fA-F]{34}\$__/g

/**
 * @internal Checks creation bytecode: every library linked (no `__$…$__`
 * placeholder), then whole-byte hex. Placeholders are reported first: they
 * are not hex, and "not hex" would hide what to do.
 */
export function toBytecode(
  bytecode: unknown,
  { contract, path }: { contract?: string | undefined; path: string },
): Hex {
  if (typeof bytecode !== 'string' || !bytecode.startsWith('0x'))
    throw new InvalidBytecodeError({
      path,
      contract,
      reason:
        typeof bytecode === 'string'
          ? 'expected "0x" followed by hex digits'
          : `expected hex, got ${typeof bytecode}`,
    })
  const placeholders = [...bytecode.matchAll(placeholderRegex)].map(
    (match) => ({
      placeholder: match[0],
      // Offsets count bytes after "0x"; placeholders sit on byte boundaries.
      offset: Math.floor((match.index - 2) / 2),
    }),
  )
  const [first, ...rest] = placeholders
  if (first)
    throw new InvalidBytecodeError({
      path,
      contract,
      placeholders: [first, ...rest],
    })
  const invalid = /[^0-9a-fA-F]/.exec(bytecode.slice(2))
  if (invalid)
    throw new InvalidBytecodeError({
      path,
      contract,
      reason: `"${invalid[0]}" at hex digit ${invalid.index} is not hex`,
    })
  if (bytecode.length % 2 !== 0)
    throw new InvalidBytecodeError({
      path,
      contract,
      reason: `odd number of hex digits (${bytecode.length - 2}), bytecode is whole bytes`,
    })
  return bytecode as Hex
}
