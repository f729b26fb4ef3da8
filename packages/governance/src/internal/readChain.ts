import { ChainReadError } from '@storydao/core'

/** @internal Runs reads together; any failure becomes a `ChainReadError`. */
export async function readChain<const reads extends readonly unknown[]>(
  what: string,
  reads: () => reads,
): Promise<{ -readonly [index in keyof reads]: Awaited<reads[index]> }> {
  try {
    return (await Promise.all(reads())) as {
      -readonly [index in keyof reads]: Awaited<reads[index]>
    }
  } catch (error) {
    throw new ChainReadError({ what, cause: error })
  }
}
