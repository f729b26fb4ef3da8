import {
  createServer,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http'
import type { ServiceContext } from './context.js'
import { send, tooLargePage } from './http.js'
import { readRequestBody } from './readRequestBody.js'
import { routeRequest } from './router.js'

/** Production-like bounds on what one client may cost the service. */
export type TxServiceLimits = {
  /**
   * Largest request body in bytes; larger ones get nginx's 413 page. Default
   * 1 MiB, nginx's default `client_max_body_size` (the real service's proxy).
   */
  maxBodyBytes?: number | undefined
  /**
   * Time a client has to send the request line and headers (Node's
   * `server.headersTimeout`); then 408 and the connection is closed.
   * Default 10 s.
   */
  headersTimeoutMs?: number | undefined
  /**
   * Longest pause between two body chunks (nginx's `client_body_timeout`);
   * then 408 and the connection is closed. Default 10 s.
   */
  bodyTimeoutMs?: number | undefined
  /**
   * Time for a whole request, headers and body (Node's
   * `server.requestTimeout`). Default 30 s.
   */
  requestTimeoutMs?: number | undefined
}

/** @internal {@link TxServiceLimits} with every default filled in. */
export type ResolvedLimits = Required<{
  [key in keyof TxServiceLimits]: number
}>

/** @internal Fills in the defaults; headers never get longer than the whole request (Node requires it). */
export function resolveLimits(limits: TxServiceLimits = {}): ResolvedLimits {
  const requestTimeoutMs = limits.requestTimeoutMs ?? 30_000
  return {
    maxBodyBytes: limits.maxBodyBytes ?? 1024 * 1024,
    headersTimeoutMs: Math.min(
      limits.headersTimeoutMs ?? 10_000,
      requestTimeoutMs,
    ),
    bodyTimeoutMs: limits.bodyTimeoutMs ?? 10_000,
    requestTimeoutMs,
  }
}

/** @internal A promise queue: one handler at a time. */
export type Exclusive = <result>(task: () => Promise<result>) => Promise<result>

/** @internal Handlers read the chain, then mutate the store: one at a time. */
export function createExclusive(): Exclusive {
  let queue: Promise<unknown> = Promise.resolve()
  return (task) => {
    const run = queue.then(task, task)
    queue = run.catch(() => {})
    return run
  }
}

/**
 * After a 413 the client may still be uploading. Closing at once would reset
 * the connection under the response, so keep draining (as nginx's lingering
 * close does) for a bounded time, then close.
 */
function lingerAndClose(request: IncomingMessage, lingerMs: number): void {
  const close = setTimeout(() => request.socket.destroy(), lingerMs)
  close.unref()
  request.once('end', () => clearTimeout(close))
  request.resume()
}

function refuse(
  request: IncomingMessage,
  response: ServerResponse,
  reason: 'too-large' | 'timeout' | 'aborted',
  limits: ResolvedLimits,
): void {
  if (reason === 'aborted') return void request.socket.destroy()
  if (reason === 'timeout') {
    // Node's own answer to a slow request: 408, then the connection is closed.
    send(response, { status: 408, empty: true }, { close: true })
    return void response.once('finish', () => request.socket.destroy())
  }
  send(response, tooLargePage, { close: true })
  lingerAndClose(request, limits.bodyTimeoutMs)
}

/**
 * @internal
 * The HTTP server of the local service. Bodies are read (and bounded) per
 * connection before a request joins the handler queue, so a slow upload
 * never delays anyone else; `reading` holds the requests still uploading,
 * which `stop` closes instead of waiting for them.
 */
export function createServiceServer(parameters: {
  context: ServiceContext
  limits: ResolvedLimits
  exclusive: Exclusive
  onError: (error: unknown) => void
}): { server: Server; reading: Set<IncomingMessage> } {
  const { context, limits, exclusive, onError } = parameters
  const reading = new Set<IncomingMessage>()
  const server = createServer(
    {
      headersTimeout: limits.headersTimeoutMs,
      requestTimeout: limits.requestTimeoutMs,
      // Node checks both timeouts only this often (30 s by default).
      connectionsCheckingInterval: Math.max(
        10,
        Math.min(1000, Math.floor(limits.headersTimeoutMs / 4)),
      ),
    },
    async (request, response) => {
      reading.add(request)
      const body = await readRequestBody(request, limits)
      reading.delete(request)
      if (!body.ok) return refuse(request, response, body.reason, limits)
      await exclusive(async () => {
        send(
          response,
          await routeRequest(context, request, body.bytes, onError),
        )
      }).catch((error: unknown) => {
        onError(error)
        if (!response.headersSent) send(response, { status: 500, html: '' })
      })
    },
  )
  return { server, reading }
}
