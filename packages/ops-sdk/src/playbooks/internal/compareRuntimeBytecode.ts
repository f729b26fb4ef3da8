import type { Hex } from 'viem'
import type { FoundryArtifact } from './readFoundryArtifact.js'

/** @internal How deployed code compares with the local build. */
export type RuntimeBytecodeComparison =
  | { status: 'match' }
  /** Same length, different bytes outside the immutables: another source or settings. */
  | { status: 'mismatch'; firstDifference: number }
  /** Nothing deployed at the address. */
  | { status: 'no-code' }
  /** Different lengths: certainly another contract or compiler setting. */
  | { status: 'length-mismatch'; chainLength: number; buildLength: number }

/**
 * @internal Compares the runtime code at an address with forge's build of the
 * contract. Immutables are written by the constructor, so their bytes are
 * masked on both sides (forge's artifact records where they sit); with
 * `cbor_metadata = false` the rest must be identical byte for byte.
 */
export function compareRuntimeBytecode({
  code,
  artifact,
}: {
  code: Hex | undefined
  artifact: Pick<FoundryArtifact, 'deployedBytecode' | 'immutableRanges'>
}): RuntimeBytecodeComparison {
  if (!code || code === '0x') return { status: 'no-code' }
  const chain = masked(code, artifact.immutableRanges)
  const build = masked(artifact.deployedBytecode, artifact.immutableRanges)
  if (chain.length !== build.length)
    return {
      status: 'length-mismatch',
      chainLength: chain.length,
      buildLength: build.length,
    }
  for (let index = 0; index < chain.length; index++)
    if (chain[index] !== build[index])
      return { status: 'mismatch', firstDifference: index }
  return { status: 'match' }
}

function masked(
  code: Hex,
  ranges: readonly { start: number; length: number }[],
): Uint8Array {
  const bytes = Buffer.from(code.slice(2), 'hex')
  for (const { start, length } of ranges)
    if (start + length <= bytes.length) bytes.fill(0, start, start + length)
  return bytes
}
