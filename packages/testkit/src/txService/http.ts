import { type ServerResponse, STATUS_CODES } from 'node:http'

/** @internal What a handler answers; the router turns it into an HTTP response. */
export type Reply =
  | { status: number; json: unknown }
  | { status: number; html: string; reason?: string }
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

/**
 * @internal
 * nginx's own 413 page: the real service sits behind nginx with its default
 * `client_max_body_size` (1 MiB), so an oversized body never reaches Django.
 */
export const tooLargePage: Reply = {
  status: 413,
  reason: 'Request Entity Too Large',
  html: '<html>\r\n<head><title>413 Request Entity Too Large</title></head>\r\n<body>\r\n<center><h1>413 Request Entity Too Large</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n',
}

/** @internal Thrown by body parsing; becomes DRF's 400 or 415. */
export class ParseError extends Error {
  constructor(
    message: string,
    readonly status: 400 | 415 = 400,
  ) {
    super(message)
  }
}

/**
 * DRF's parser negotiation with the service's only parser
 * (`CamelCaseJSONParser`, `application/json`): parameters are ignored and the
 * request side may use wildcards.
 */
function isJsonMediaType(contentType: string): boolean {
  const [type = '', subtype = ''] = (contentType.split(';')[0] ?? '')
    .trim()
    .toLowerCase()
    .split('/')
  return (
    (type === 'application' || type === '*') &&
    (subtype === 'json' || subtype === '*')
  )
}

/**
 * @internal
 * Parses a request body that was read in full before queueing. As DRF: an
 * empty body is `{}` whatever its type, any other body needs a JSON content
 * type (else 415 naming the type as sent), then valid JSON (else 400).
 */
export function parseJsonBody(
  bytes: Buffer,
  contentType: string | undefined,
): unknown {
  if (bytes.length === 0) return {}
  if (!isJsonMediaType(contentType ?? ''))
    throw new ParseError(
      `Unsupported media type "${contentType ?? ''}" in request.`,
      415,
    )
  const text = bytes.toString('utf8')
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
 * `statusText` for field-keyed errors, docs/safe-transaction-service.md#how-api-kit-reaches-the-service).
 * `close` asks the client to open a new connection for its next request.
 */
export function send(
  response: ServerResponse,
  reply: Reply,
  options: { close?: boolean } = {},
): void {
  const reason =
    ('reason' in reply ? reply.reason : undefined) ??
    STATUS_CODES[reply.status] ??
    'Unknown'
  if (options.close) response.setHeader('connection', 'close')
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
