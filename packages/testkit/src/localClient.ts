import {
  type Account,
  type Address,
  type Chain,
  createTestClient,
  defineChain,
  http,
  type PublicActions,
  publicActions,
  type TestClient,
  type Transport,
  type WalletActions,
  walletActions,
} from 'viem'

/** A viem client for an anvil chain with test, public and wallet actions. */
export type LocalClient<
  chain extends Chain | undefined = Chain,
  account extends Account | undefined = Account | undefined,
> = TestClient<'anvil', Transport, chain, account, true> &
  PublicActions<Transport, chain, account> &
  WalletActions<chain, account>

/**
 * The chain definition for a local anvil chain.
 *
 * @example
 * const chain = localChain({ rpcUrl: 'http://127.0.0.1:8545' })
 */
export function localChain(parameters: {
  rpcUrl: string
  chainId?: number
}): Chain {
  return defineChain({
    id: parameters.chainId ?? 31337,
    name: 'StoryDAO local',
    nativeCurrency: { name: 'Ether', symbol: 'ETH', decimals: 18 },
    rpcUrls: { default: { http: [parameters.rpcUrl] } },
  })
}

/**
 * A client that sends from an account anvil has unlocked (JSON-RPC account),
 * so no key material is needed and nothing is signed locally.
 *
 * @example
 * const client = createLocalClient({ rpcUrl, account: accounts.deployer })
 */
export function createLocalClient(parameters: {
  rpcUrl: string
  chainId?: number
  account: Address
}): LocalClient<Chain, Account> {
  const chain = localChain(parameters)
  return createTestClient({
    mode: 'anvil',
    chain,
    account: parameters.account,
    transport: http(parameters.rpcUrl),
    pollingInterval: 10,
    cacheTime: 0,
  })
    .extend(publicActions)
    .extend(walletActions) as unknown as LocalClient<Chain, Account>
}
