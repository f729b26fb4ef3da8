import { createServer } from 'node:net'

/**
 * Whether a TCP port on 127.0.0.1 can be bound right now.
 *
 * @example
 * const port = (await isPortFree(8545)) ? 8545 : await getFreePort()
 */
export function isPortFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer()
    server.unref()
    server.once('error', () => resolve(false))
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)))
  })
}
