import type { Client } from 'viem'

/**
 * @internal Sends a raw JSON-RPC request through a viem client, for methods
 * its typed schema does not list (`debug_traceTransaction`, `anvil_*`).
 */
export function rpc<result = unknown>(
  client: Pick<Client, 'request'>,
  method: string,
  params: readonly unknown[] = [],
): Promise<result> {
  return (
    client.request as (args: {
      method: string
      params: readonly unknown[]
    }) => Promise<result>
  )({ method, params })
}
