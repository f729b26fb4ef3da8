/** How many `eth_getLogs` requests run at once. */
const concurrency = 4

/**
 * How RPCs word a rejected log range: Alchemy ("Log response size exceeded",
 * "up to a 2K block range"), Infura ("query returned more than 10000
 * results"), QuickNode ("eth_getLogs is limited to a 10,000 range"), Ankr
 * ("block range is too wide"), Cloudflare/drpc ("ranges over 10000 blocks are
 * not supported"), geth/erigon ("query timeout exceeded"), and JSON-RPC
 * "limit exceeded" (-32005).
 */
const rangeErrorPattern =
  /block range|range (?:is )?too (?:large|wide|big)|range (?:limit|exceeded)|exceed\w* (?:the )?(?:max\w* )?(?:block )?range|limited to (?:a )?[\d,]+|ranges? over [\d,]+ blocks|too many (?:blocks|results|logs)|more than [\d,]+ (?:results|logs|blocks)|response size|limit exceeded|query timeout/i

/**
 * @internal Whether an error (or one of its causes) is an RPC refusing a
 * log query for its block range or result size.
 */
export function isRangeTooLargeError(error: unknown): boolean {
  for (let current = error, depth = 0; current && depth < 10; depth++) {
    const { code, details, shortMessage, message, cause } = current as {
      code?: unknown
      details?: unknown
      shortMessage?: unknown
      message?: unknown
      cause?: unknown
    }
    if (code === -32005) return true
    // viem's HTTP transport caps a response at 10 MiB: a smaller range fits.
    // Matched by name, not imported: viem releases below the cap (the peer
    // range allows them) do not export the class, and an ESM import of a
    // missing export fails the whole package at load.
    if ((current as { name?: unknown }).name === 'ResponseBodyTooLargeError')
      return true
    for (const text of [details, shortMessage, message])
      if (typeof text === 'string' && rangeErrorPattern.test(text)) return true
    current = cause
  }
  return false
}

/**
 * @internal Reads logs from `fromBlock` to `toBlock` (both included) in
 * ranges of `blockRange` blocks, a few requests at a time, and returns them
 * in chain order. A range the RPC rejects as too large is split in halves
 * (down to one block), and later ranges start from the smaller size.
 */
export async function getLogsPaginated<log>(parameters: {
  fromBlock: bigint
  toBlock: bigint
  blockRange: bigint
  getLogs: (range: { fromBlock: bigint; toBlock: bigint }) => Promise<log[]>
}): Promise<log[]> {
  const { fromBlock, toBlock, getLogs } = parameters
  let blockRange = parameters.blockRange
  let cursor = fromBlock
  const pages: { fromBlock: bigint; logs: log[] }[] = []

  const read = async (from: bigint, to: bigint): Promise<log[]> => {
    try {
      return await getLogs({ fromBlock: from, toBlock: to })
    } catch (error) {
      if (to <= from || !isRangeTooLargeError(error)) throw error
      const half = (to - from + 1n) / 2n
      if (half < blockRange) blockRange = half
      const middle = from + half - 1n
      return [...(await read(from, middle)), ...(await read(middle + 1n, to))]
    }
  }

  let failed = false
  const worker = async () => {
    while (!failed && cursor <= toBlock) {
      const from = cursor
      const to =
        from + blockRange - 1n < toBlock ? from + blockRange - 1n : toBlock
      cursor = to + 1n
      try {
        pages.push({ fromBlock: from, logs: await read(from, to) })
      } catch (error) {
        failed = true
        throw error
      }
    }
  }
  await Promise.all(Array.from({ length: concurrency }, worker))
  return pages
    .sort((a, b) => (a.fromBlock < b.fromBlock ? -1 : 1))
    .flatMap((page) => page.logs)
}
