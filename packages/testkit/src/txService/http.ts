import {
  type IncomingMessage,
  type ServerResponse,
  STATUS_CODES,
} from 'node:http'

/** @internal What a handler answers; the router turns it into an HTTP response. */
export type Reply =
  | { status: number; json: unknown }
  | { status: number; html: string }
  | { status: number; empty: true }

/** @internal A JSON reply. */
export const json = (status: number, body: unknown): Reply => ({
  status,
  json: body,
})

/** @internal A reply without a body (201 on proposals, 204, the Safe-info 404). */
export const empty = (status: number): Reply => ({ status, empty: true })

/** @internal Django's 404 page for a path no route matches (api-kit then reports `Not Found`). */
export const notFoundPage: Reply = {
  status: 404,
  html: '<!doctype html>\n<html lang="en">\n<head>\n  <title>Not Found</title>\n</head>\n<body>\n  <h1>Not Found</h1><p>The requested resource was not found on this server.</p>\n</body>\n</html>\n',
}

/** @internal `422 {"code": 1, …}`: a path address that is not EIP-55 checksummed. */
export const checksumFailed = (address: string): Reply =>
  json(422, {
    code: 1,
    message: 'Checksum address validation failed',
    arguments: [address],
  })

/** @internal The service's answer when the node cannot be reached (`history/exceptions.py`). */
export const nodeUnavailable = (error: unknown): Reply =>
  json(503, {
    exception: 'Problem connecting to Ethereum network',
    trace: [String(error instanceof Error ? error.message : error)],
  })

/** @internal Thrown by body parsing; becomes DRF's 400. */
export class ParseError extends Error {}

/** @internal Reads and parses a JSON body; an empty body parses as `{}` (DRF). */
export async function readJsonBody(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = []
  for await (const chunk of request) chunks.push(chunk as Buffer)
  const text = Buffer.concat(chunks).toString('utf8')
  if (text.trim() === '') return {}
  try {
    return JSON.parse(text)
  } catch (error) {
    throw new ParseError(
      `JSON parse error - ${error instanceof Error ? error.message : String(error)}`,
    )
  }
}

/**
 * @internal
 * Writes a reply with the standard reason phrase (api-kit surfaces
 * `statusText` for field-keyed errors, SAFE_SPEC §A.1).
 */
export function send(response: ServerResponse, reply: Reply): void {
  const reason = STATUS_CODES[reply.status] ?? 'Unknown'
  if ('json' in reply) {
    const body = JSON.stringify(reply.json)
    response.writeHead(reply.status, reason, {
      'content-type': 'application/json',
      'content-length': Buffer.byteLength(body),
    })
    response.end(body)
  } else if ('html' in reply) {
    response.writeHead(reply.status, reason, {
      'content-type': 'text/html; charset=utf-8',
      'content-length': Buffer.byteLength(reply.html),
    })
    response.end(reply.html)
  } else {
    response.writeHead(reply.status, reason, { 'content-length': 0 })
    response.end()
  }
}
