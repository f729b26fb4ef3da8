import { createServer } from 'node:net'
import { TestkitError } from '../errors.js'

/**
 * A TCP port on 127.0.0.1 that was free a moment ago (the OS picks it).
 *
 * @example
 * const port = await getFreePort()
 */
export function getFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.unref()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() => {
        if (address && typeof address === 'object') resolve(address.port)
        else
          reject(
            new TestkitError('The OS assigned no loopback port.', {
              code: 'NO_FREE_PORT',
            }),
          )
      })
    })
  })
}
