import type { IncomingMessage } from 'node:http'
import { isConnectionError } from './chain.js'
import { confirmTransaction } from './confirmTransaction.js'
import type { ServiceContext, ServiceRequest } from './context.js'
import { addDelegate, listDelegates, removeDelegate } from './delegates.js'
import {
  json,
  nodeUnavailable,
  notFoundPage,
  ParseError,
  parseJsonBody,
  type Reply,
} from './http.js'
import { proposeTransaction } from './proposeTransaction.js'
import {
  getTransaction,
  listConfirmations,
  listTransactions,
} from './readTransactions.js'
import { getAbout, getSafeInfo } from './serviceInfo.js'

type Handler = (
  context: ServiceContext,
  request: ServiceRequest,
) => Reply | Promise<Reply>

/**
 * Every endpoint api-kit v5 calls for proposals, confirmations, queue reads,
 * Safe info and delegates (docs/safe-transaction-service.md#endpoints), each
 * with and without the trailing slash (api-kit calls some without it,
 * docs/safe-transaction-service.md#conventions).
 */
const routes: { pattern: RegExp; methods: Record<string, Handler> }[] = [
  { pattern: /^\/api\/v1\/about\/?$/, methods: { GET: getAbout } },
  {
    pattern: /^\/api\/v1\/safes\/(?<address>[^/]+)\/?$/,
    methods: { GET: getSafeInfo },
  },
  {
    pattern: /^\/api\/v2\/safes\/(?<address>[^/]+)\/multisig-transactions\/?$/,
    methods: { GET: listTransactions, POST: proposeTransaction },
  },
  {
    pattern: /^\/api\/v2\/multisig-transactions\/(?<safeTxHash>[^/]+)\/?$/,
    methods: { GET: getTransaction },
  },
  {
    pattern:
      /^\/api\/v1\/multisig-transactions\/(?<safeTxHash>[^/]+)\/confirmations\/?$/,
    methods: { GET: listConfirmations, POST: confirmTransaction },
  },
  {
    pattern: /^\/api\/v2\/delegates\/?$/,
    methods: { GET: listDelegates, POST: addDelegate },
  },
  {
    pattern: /^\/api\/v2\/delegates\/(?<delegate>[^/]+)\/?$/,
    methods: { DELETE: removeDelegate },
  },
]

/**
 * @internal
 * Matches a request (its body already read) to its handler and runs it; maps
 * body parse errors to DRF's 400 or 415, node outages to the service's 503, unknown paths to Django's 404
 * page and anything unexpected to a 500 (reported through `onError`).
 */
export async function routeRequest(
  context: ServiceContext,
  request: IncomingMessage,
  bytes: Buffer,
  onError: (error: unknown) => void,
): Promise<Reply> {
  const url = new URL(
    request.url ?? '/',
    `http://${request.headers.host ?? '127.0.0.1'}`,
  )
  const route = routes
    .map(({ pattern, methods }) => ({
      match: pattern.exec(url.pathname),
      methods,
    }))
    .find(({ match }) => match)
  if (!route?.match) return notFoundPage
  const method = request.method ?? 'GET'
  const handler = route.methods[method]
  if (!handler) return json(405, { detail: `Method "${method}" not allowed.` })
  const params = Object.fromEntries(
    Object.entries(route.match.groups ?? {}).map(([key, value]) => [
      key,
      safeDecode(value),
    ]),
  )
  try {
    return await handler(context, {
      params,
      url,
      body: async () => parseJsonBody(bytes, request.headers['content-type']),
    })
  } catch (error) {
    if (error instanceof ParseError)
      return json(error.status, { detail: error.message })
    if (isConnectionError(error)) return nodeUnavailable(error)
    onError(error)
    return { status: 500, html: '<h1>Server Error (500)</h1>' }
  }
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment)
  } catch {
    return segment
  }
}
