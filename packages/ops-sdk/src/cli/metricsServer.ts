import { createServer, type Server } from 'node:http'
import { isIP } from 'node:net'
import type { Registry } from 'prom-client'
import { CliUsageError } from './cliUsageError.js'

/** @internal Where `--metrics` serves: a loopback or interface address and a port. */
export type MetricsAddress = { host: string; port: number }

/**
 * @internal Reads `--metrics <host:port>` (`127.0.0.1:9464`,
 * `[::1]:9464`, `localhost:0` for any free port).
 */
export function parseMetricsAddress(value: string): MetricsAddress {
  const match = /^(?:\[([0-9a-fA-F:.]+)\]|([^:[\]]+)):(\d{1,5})$/.exec(value)
  const host = match?.[1] ?? match?.[2]
  const port = Number(match?.[3])
  if (
    !host ||
    !(isIP(host) || host === 'localhost') ||
    !Number.isInteger(port) ||
    port > 65_535
  )
    throw new CliUsageError({
      message: `--metrics must be <host>:<port> with an IP address (or localhost) and a port up to 65535, got "${value}".`,
      hint: 'For example --metrics 127.0.0.1:9464 (loopback only) or --metrics 0.0.0.0:9464 (every interface).',
      command: 'watch',
    })
  return { host, port }
}

/**
 * @internal Serves the registry at `GET /metrics` (anything else is a 404).
 * Resolves once listening, with the port bound (for port 0); an address in
 * use or not on this machine is a usage error naming it.
 */
export async function startMetricsServer(
  address: MetricsAddress,
  registry: Registry,
): Promise<{ server: Server; url: string; close(): Promise<void> }> {
  const server = createServer((request, response) => {
    if (request.method !== 'GET' || request.url?.split('?')[0] !== '/metrics') {
      response.writeHead(404, { 'content-type': 'text/plain' })
      response.end('Not found: the metrics are at /metrics\n')
      return
    }
    registry.metrics().then(
      (text) => {
        response.writeHead(200, { 'content-type': registry.contentType })
        response.end(text)
      },
      (error: unknown) => {
        response.writeHead(500, { 'content-type': 'text/plain' })
        response.end(`${String(error)}\n`)
      },
    )
  })
  // Keep-alive connections would hold the process open after close().
  server.keepAliveTimeout = 1_000
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(listenError(address, error)),
    )
    server.listen(address.port, address.host, () => resolve())
  })
  const bound = server.address()
  const port = typeof bound === 'object' && bound ? bound.port : address.port
  const host = address.host.includes(':') ? `[${address.host}]` : address.host
  return {
    server,
    url: `http://${host}:${port}/metrics`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections()
      }),
  }
}

function listenError(
  address: MetricsAddress,
  error: NodeJS.ErrnoException,
): Error {
  const where = `${address.host}:${address.port}`
  if (error.code === 'EADDRINUSE')
    return new CliUsageError({
      message: `Cannot serve metrics on ${where}: the port is in use by another process.`,
      hint: `Pick another port (--metrics ${address.host}:<port>), or stop what listens there (ss -ltnp 'sport = :${address.port}').`,
      command: 'watch',
    })
  if (error.code === 'EADDRNOTAVAIL' || error.code === 'EACCES')
    return new CliUsageError({
      message: `Cannot serve metrics on ${where}: ${error.code === 'EACCES' ? 'permission denied (ports below 1024 need privileges)' : 'the address is not on this machine'}.`,
      hint: "Use 127.0.0.1 (loopback), 0.0.0.0 (every interface) or one of this machine's addresses, and a port from 1024.",
      command: 'watch',
    })
  return error
}
