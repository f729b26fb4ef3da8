import {
  createServer,
  type IncomingHttpHeaders,
  type IncomingMessage,
} from 'node:http'
import type { AddressInfo } from 'node:net'

/** One request as the server received it. */
export type RecordedRequest = {
  method: string
  /** Path and query (`/api/v2/safes/…`). */
  url: string
  headers: IncomingHttpHeaders
  body: string
}

export type RecordingServer = {
  /** `http://127.0.0.1:<port>/api`: a `txServiceUrl`. */
  url: string
  /** Every request received so far, in order. */
  requests: RecordedRequest[]
  stop(): Promise<void>
}

/** What an empty service answers: Safe info for `/v1/safes/<safe>/`, else an empty page. */
function emptyServiceReply(url: string): string {
  const info = /^\/api\/v1\/safes\/(0x[0-9a-fA-F]{40})\/?$/.exec(url)
  if (info)
    return JSON.stringify({
      address: info[1],
      nonce: '0',
      threshold: 1,
      owners: [],
      masterCopy: '0x41675C099F32341bf84BFc5382aF534df5C7461a',
      modules: [],
      fallbackHandler: '0x0000000000000000000000000000000000000000',
      guard: '0x0000000000000000000000000000000000000000',
      version: '1.4.1',
    })
  return JSON.stringify({ count: 0, next: null, previous: null, results: [] })
}

/**
 * A loopback HTTP server that records every request (headers included). With
 * `forwardTo` (a service base URL ending in `/api`) it relays each request
 * there and returns the answer; otherwise it answers as a service with an
 * empty queue (every Safe at nonce 0, version 1.4.1).
 */
export async function startRecordingServer(
  options: { forwardTo?: string | undefined } = {},
): Promise<RecordingServer> {
  const requests: RecordedRequest[] = []
  const upstream = options.forwardTo
    ? new URL(options.forwardTo).origin
    : undefined
  const server = createServer((request, response) => {
    void (async () => {
      const body = await readBody(request)
      const recorded: RecordedRequest = {
        method: request.method ?? '',
        url: request.url ?? '',
        headers: request.headers,
        body,
      }
      requests.push(recorded)
      if (!upstream) {
        response.writeHead(200, { 'content-type': 'application/json' })
        response.end(emptyServiceReply(recorded.url))
        return
      }
      const answer = await fetch(`${upstream}${recorded.url}`, {
        method: recorded.method,
        headers: {
          accept: 'application/json',
          'content-type': 'application/json',
        },
        ...(body === '' ? {} : { body }),
      })
      response.writeHead(answer.status, answer.statusText, {
        'content-type':
          answer.headers.get('content-type') ?? 'application/json',
      })
      response.end(await answer.text())
    })().catch((error: unknown) => {
      response.writeHead(502)
      response.end(String(error))
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}/api`,
    requests,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = []
  for await (const chunk of request) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks).toString('utf8')
}
