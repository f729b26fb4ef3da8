import type { MissingParameterErrorType } from '@storydao/core'
import { getHttpRpcClient } from 'viem/utils'
import type {
  EmergencyRpcErrorType,
  EmergencyRpcUnreachableErrorType,
} from '../../errors/emergency.js'
import { assertParametersLazily } from '../internal/assertParametersLazily.js'

export type CreateEmergencyRpcParameters = {
  /** The network's RPC URL. */
  rpcUrl: string
  /** Milliseconds one request may take. Default 10 000. */
  timeout?: number | undefined
}

/**
 * A minimal JSON-RPC client for the break-glass path: one HTTP request per
 * batch of calls, nothing else loaded (viem's full client and its actions
 * cost more start-up time than firing a lane takes).
 */
export type EmergencyRpc = {
  readonly url: string
  /** Sends the requests as one JSON-RPC batch; results in order. */
  batch(
    requests: readonly { method: string; params: readonly unknown[] }[],
  ): Promise<unknown[]>
}

export type CreateEmergencyRpcReturnType = EmergencyRpc

export type CreateEmergencyRpcErrorType =
  | MissingParameterErrorType
  | EmergencyRpcErrorType
  | EmergencyRpcUnreachableErrorType

/**
 * Creates the JSON-RPC client `fireEmergencyLane` and
 * `getEmergencyLaneStatus` talk through. A transport failure or timeout
 * throws `EmergencyRpcUnreachableError` (exit 3 in the CLI); an error answer
 * throws `EmergencyRpcError` naming the method.
 *
 * - Docs: https://github.com/storydao/ops-sdk/blob/main/docs/operations/incident-response.md#break-glass-lanes
 *
 * @example
 * ```ts
 * import { createEmergencyRpc } from '@storydao/ops-sdk'
 *
 * const rpc = createEmergencyRpc({ rpcUrl: process.env.MAINNET_RPC_URL! })
 * const [chainId] = await rpc.batch([{ method: 'eth_chainId', params: [] }])
 * ```
 */
export function createEmergencyRpc(
  parameters: CreateEmergencyRpcParameters,
): CreateEmergencyRpcReturnType {
  const url = parameters?.rpcUrl
  const client = getHttpRpcClient(url ?? '', {
    timeout: parameters?.timeout ?? 10_000,
  })
  let id = 0
  return {
    url,
    async batch(requests) {
      // A missing URL is reported when first used: creating stays synchronous.
      await assertParametersLazily('createEmergencyRpc', parameters, ['rpcUrl'])
      const body = requests.map(({ method, params }) => ({
        jsonrpc: '2.0' as const,
        id: id++,
        method,
        params: [...params],
      }))
      let responses: {
        id: unknown
        result?: unknown
        error?: { message?: string }
      }[]
      try {
        responses = (await client.request({ body })) as typeof responses
      } catch (cause) {
        const { EmergencyRpcUnreachableError } = await import(
          '../../errors/emergency.js'
        )
        throw new EmergencyRpcUnreachableError({ rpcUrl: url, cause })
      }
      return Promise.all(
        body.map(async (request) => {
          const response = Array.isArray(responses)
            ? responses.find((item) => item.id === request.id)
            : undefined
          if (response && !response.error) return response.result
          const { EmergencyRpcError } = await import(
            '../../errors/emergency.js'
          )
          throw new EmergencyRpcError({
            method: request.method,
            rpcUrl: url,
            message: response?.error?.message ?? 'no answer in the batch',
          })
        }),
      )
    },
  }
}
