import { isConnectionError } from './chain.js'
import type { ServiceContext, ServiceRequest } from './context.js'
import { isChecksummedAddress } from './fields.js'
import { checksumFailed, empty, json, type Reply } from './http.js'

// The service release whose behaviour the stand-in follows (docs/safe-transaction-service.md#safe-and-service-info).
const serviceVersion = '6.10.1'

/**
 * @internal
 * `GET /v1/safes/{address}/` (docs/safe-transaction-service.md#safe-and-service-info), read live from the chain;
 * 404 with an empty body when the address does not answer like a Safe.
 */
export async function getSafeInfo(
  context: ServiceContext,
  request: ServiceRequest,
): Promise<Reply> {
  const address = request.params.address!
  if (!isChecksummedAddress(address)) return checksumFailed(address)
  let state: Awaited<ReturnType<typeof context.chain.getSafeState>>
  try {
    state = await context.chain.getSafeState(address)
  } catch (error) {
    if (isConnectionError(error))
      return json(422, {
        code: 50,
        message: 'Cannot get Safe info from blockchain',
        arguments: [address],
      })
    throw error
  }
  if (!state) return empty(404)
  return json(200, {
    address: state.address,
    nonce: String(state.nonce),
    threshold: Number(state.threshold),
    owners: state.owners,
    masterCopy: state.masterCopy,
    modules: state.modules,
    fallbackHandler: state.fallbackHandler,
    guard: state.guard,
    moduleGuard: state.moduleGuard,
    version: state.version,
  })
}

/**
 * @internal
 * `GET /v1/about/` — plain `JSONRenderer`, so snake_case keys (docs/safe-transaction-service.md#safe-and-service-info).
 */
export function getAbout(
  context: ServiceContext,
  request: ServiceRequest,
): Reply {
  return json(200, {
    name: 'Safe Transaction Service',
    version: serviceVersion,
    api_version: 'v1',
    secure: false,
    host: request.url.host,
    headers: [],
    settings: {
      AWS_CONFIGURED: false,
      AWS_S3_PUBLIC_URL: '',
      ETHEREUM_NODE_URL: context.rpcUrl,
      ETHEREUM_TRACING_NODE_URL: null,
      ETH_INTERNAL_TXS_BLOCK_PROCESS_LIMIT: 10000,
      ETH_INTERNAL_NO_FILTER: false,
      ETH_REORG_BLOCKS: 10,
      ETH_L2_NETWORK: false,
      SSO_ENABLED: false,
      TOKENS_LOGO_BASE_URI: '',
      TOKENS_LOGO_EXTENSION: '.png',
    },
  })
}
