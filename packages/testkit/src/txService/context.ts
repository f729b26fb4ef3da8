import type { ChainReader } from './chain.js'
import type { Store } from './store.js'

/** @internal What every handler works with. */
export type ServiceContext = {
  chain: ChainReader
  store: Store
  chainId: number
  rpcUrl: string
}

/** @internal A matched request: path parameters, the absolute URL and the lazily read body. */
export type ServiceRequest = {
  params: Record<string, string>
  url: URL
  body: () => Promise<unknown>
}

/** @internal safe-eth-py `EthereumNetwork` names used in node-error messages. */
export function networkName(chainId: number): string {
  return (
    (
      { 1: 'MAINNET', 1337: 'GANACHE', 31337: 'GOCHAIN_TESTNET' } as Record<
        number,
        string
      >
    )[chainId] ?? 'UNKNOWN'
  )
}

/** @internal Current time as the ISO string the store keeps. */
export const now = (): string => new Date().toISOString()
