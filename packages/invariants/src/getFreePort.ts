import { createServer } from 'node:net'
import { ForkError, type ForkErrorType } from './errors/fork.js'

export type GetFreePortReturnType = number

export type GetFreePortErrorType = ForkErrorType

/**
 * A TCP port on 127.0.0.1 that was free a moment ago (the OS picks it).
 *
 * - Docs: https://github.com/storydao/ops-sdk/blob/main/packages/invariants/README.md#startanvil
 *
 * @example
 * ```ts
 * import { getFreePort } from '@storydao/invariants'
 *
 * const deadRpcUrl = `http://127.0.0.1:${await getFreePort()}`
 * ```
 *
 * @returns The port number.
 * @throws {ForkError} `NO_FREE_PORT` when the OS assigns no loopback port.
 */
export function getFreePort(): Promise<GetFreePortReturnType> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.unref()
    server.once('error', (cause) =>
      reject(
        new ForkError('Could not bind a loopback port.', {
          code: 'NO_FREE_PORT',
          cause,
        }),
      ),
    )
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() => {
        if (address && typeof address === 'object') resolve(address.port)
        else
          reject(
            new ForkError('The OS assigned no loopback port.', {
              code: 'NO_FREE_PORT',
            }),
          )
      })
    })
  })
}
