import type { IncomingMessage } from 'node:http'

/** @internal How much body a request may send, and how slowly. */
export type BodyLimits = {
  /** Largest body in bytes; a bigger one is refused with 413. */
  maxBodyBytes: number
  /** Longest pause between two body chunks before the request is cut (408). */
  bodyTimeoutMs: number
}

/** @internal The body, or why it was not read to the end. */
export type ReadRequestBodyReturnType =
  | { ok: true; bytes: Buffer }
  | { ok: false; reason: 'too-large' | 'timeout' | 'aborted' }

/**
 * @internal
 * Reads a request body outside the service's request queue, so a slow or
 * stalled upload only ever holds its own connection. Like nginx in front of
 * the real service: a declared `Content-Length` over the limit is refused
 * before any byte is read, an undeclared (chunked) body as soon as it grows
 * past the limit, and a body that pauses longer than `bodyTimeoutMs` is cut.
 */
export function readRequestBody(
  request: IncomingMessage,
  limits: BodyLimits,
): Promise<ReadRequestBodyReturnType> {
  const declared = Number(request.headers['content-length'] ?? 0)
  if (declared > limits.maxBodyBytes)
    return Promise.resolve({ ok: false, reason: 'too-large' })
  return new Promise((resolve) => {
    const chunks: Buffer[] = []
    let size = 0
    const finish = (result: ReadRequestBodyReturnType) => {
      clearTimeout(idle)
      request.off('data', onData)
      request.off('end', onEnd)
      request.off('close', onClose)
      request.off('error', onClose)
      // Unread bytes stay in the socket; the caller decides to drain or close.
      if (!result.ok) request.pause()
      resolve(result)
    }
    const onData = (chunk: Buffer) => {
      size += chunk.length
      if (size > limits.maxBodyBytes)
        return finish({ ok: false, reason: 'too-large' })
      chunks.push(chunk)
      idle.refresh()
    }
    const onEnd = () => finish({ ok: true, bytes: Buffer.concat(chunks) })
    const onClose = () => finish({ ok: false, reason: 'aborted' })
    const idle = setTimeout(
      () => finish({ ok: false, reason: 'timeout' }),
      limits.bodyTimeoutMs,
    )
    request.on('data', onData)
    request.once('end', onEnd)
    request.once('close', onClose)
    request.once('error', onClose)
  })
}
