/** Parameters of `startAnvil`. */
export type StartAnvilParameters = {
  /** Loopback port; a free one is picked (and retried if taken) when omitted. */
  port?: number | undefined
  /** Chain id of a fresh chain (ignored when forking). Default 31337. */
  chainId?: number | undefined
  /** Number of funded dev accounts. Default anvil's (10). */
  accounts?: number | undefined
  /** JSON-RPC URL to fork from; a fresh chain when omitted. */
  forkUrl?: string | undefined
  /** Block to pin a fork at; the upstream's latest block when omitted. */
  forkBlockNumber?: bigint | undefined
  /** Extra command-line flags passed to anvil verbatim. */
  args?: readonly string[] | undefined
  /** Milliseconds to wait for the RPC to answer. Default 15000. */
  timeoutMs?: number | undefined
}
