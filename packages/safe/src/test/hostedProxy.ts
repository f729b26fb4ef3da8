import { createServer, type IncomingMessage } from 'node:http'
import type { AddressInfo } from 'node:net'

export type HostedProxy = {
  /** The root to set as `STORYDAO_HOSTED_TX_SERVICE` (`http://127.0.0.1:<port>/tx-service`). */
  root: string
  /** Every request: method, path and query as received, and whether it carried the key. */
  requests: { method: string; url: string; authorized: boolean }[]
  stop(): Promise<void>
}

/**
 * A loopback stand-in for the hosted service's front: requests under
 * `/tx-service/<shortName>/api/` that carry `Authorization: Bearer <apiKey>`
 * are relayed to the service at `forwardTo` (a base ending in `/api`); a
 * missing or wrong key gets the 401 the hosted gateway answers, any other
 * path a 404.
 */
export async function startHostedProxy(options: {
  forwardTo: string
  apiKey: string
  shortName: string
}): Promise<HostedProxy> {
  const requests: HostedProxy['requests'] = []
  const prefix = `/tx-service/${options.shortName}/api/`
  const server = createServer((request, response) => {
    void (async () => {
      const body = await readBody(request)
      const url = request.url ?? ''
      const authorized =
        request.headers.authorization === `Bearer ${options.apiKey}`
      requests.push({ method: request.method ?? '', url, authorized })
      if (!url.startsWith(prefix)) {
        response.writeHead(404, { 'content-type': 'application/json' })
        response.end('{"detail":"Not found."}')
        return
      }
      if (!authorized) {
        response.writeHead(401, { 'content-type': 'application/json' })
        response.end('{"detail":"Invalid API key."}')
        return
      }
      const answer = await fetch(
        `${options.forwardTo}/${url.slice(prefix.length)}`,
        {
          method: request.method ?? 'GET',
          headers: { 'content-type': 'application/json' },
          ...(body === '' ? {} : { body }),
        },
      )
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
    root: `http://127.0.0.1:${port}/tx-service`,
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
