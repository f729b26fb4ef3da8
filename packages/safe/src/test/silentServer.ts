import { createServer, type IncomingMessage } from 'node:http'
import type { Socket } from 'node:net'

/** A loopback HTTP server that accepts every request and never answers. */
export type SilentServer = {
  /** Base URL ending in `/api`, as createSafeService expects. */
  url: string
  /** Requests received (method and path). */
  requests: string[]
  /** Closes the server and every connection it holds open. */
  stop: () => Promise<void>
}

export async function startSilentServer(): Promise<SilentServer> {
  const sockets = new Set<Socket>()
  const requests: string[] = []
  const server = createServer((request: IncomingMessage) => {
    requests.push(`${request.method} ${request.url}`)
    request.resume()
  })
  server.on('connection', (socket) => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  const port = typeof address === 'object' && address ? address.port : 0
  return {
    url: `http://127.0.0.1:${port}/api`,
    requests,
    stop: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy()
        server.close(() => resolve())
      }),
  }
}
