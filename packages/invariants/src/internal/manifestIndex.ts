import {
  accessControlAbi,
  beaconProxyAbi,
  erc1967ProxyAbi,
  type Manifest,
  safeAbi,
  storyDaoAbis,
  transparentUpgradeableProxyAbi,
} from '@storydao/core'
import { type Abi, type Address, getAddress } from 'viem'
import { erc20ReadAbi, timelockReadAbi } from './abis.js'

/** @internal What a manifest says about an address. */
export type ManifestEntry = {
  /** `AuthorCoin`, `safes.ops`, `safes.ops owner`. */
  name: string
  /**
   * `contract`, `safe` or `owner` (the manifest's), `known` (named by the
   * caller: not in the manifest yet) or `canonical` (infrastructure every
   * chain shares, such as the CREATE2 deployer).
   */
  role: 'contract' | 'safe' | 'owner' | 'known' | 'canonical'
  /** Decoding ABI (artifact ABI plus the proxy's own), if known. */
  abi: Abi | undefined
}

/** @internal Addresses and ABIs of a manifest, looked up by address. */
export type ManifestIndex = {
  manifest: Manifest | undefined
  get(address: string): ManifestEntry | undefined
  /** Name of a listed address, else the address itself. */
  label(address: string): string
  /** Every known address (contracts, implementations, beacons, Safes, owners). */
  addresses(): Address[]
  /** Error fragments of every known ABI, plus Error/Panic handled by viem. */
  errorAbi: Abi
  /** Event fragments of every known ABI. */
  eventAbi: Abi
  /** Function fragments of every known ABI (decodes calls to unlisted addresses). */
  functionAbi: Abi
}

/** @internal A name for an address the manifest does not list. */
export type ExtraName = {
  address: Address
  name: string
  role: 'known' | 'canonical'
}

/**
 * @internal Indexes a manifest: contracts (with their artifact ABI; proxies
 * also get their proxy ABI), implementations, Safes and Safe owners.
 * `abis` adds or overrides artifact ABIs by artifact name; `extra` names
 * addresses the manifest does not list (the manifest's own name wins).
 */
export function indexManifest(
  manifest: Manifest | undefined,
  abis: { readonly [artifact: string]: Abi } = {},
  extra: readonly ExtraName[] = [],
): ManifestIndex {
  const known: { readonly [artifact: string]: Abi } = {
    ...storyDaoAbis,
    ...abis,
  }
  const entries = new Map<string, ManifestEntry>()
  const add = (address: Address, entry: ManifestEntry) => {
    const key = address.toLowerCase()
    if (!entries.has(key)) entries.set(key, entry)
  }
  const proxyAbi = (kind: string): Abi =>
    kind === 'uups-proxy'
      ? erc1967ProxyAbi
      : kind === 'transparent-proxy'
        ? transparentUpgradeableProxyAbi
        : kind === 'beacon-proxy'
          ? beaconProxyAbi
          : []
  const contracts = Object.entries(manifest?.contracts ?? {})
  const safes = Object.entries(manifest?.safes ?? {})
  for (const [name, contract] of contracts) {
    const artifact = known[contract.artifact]
    add(contract.address, {
      name,
      role: 'contract',
      abi: artifact ? [...artifact, ...proxyAbi(contract.kind)] : undefined,
    })
  }
  for (const [name, contract] of contracts) {
    if ('implementation' in contract && contract.implementation)
      add(contract.implementation, {
        name: `${name} implementation`,
        role: 'contract',
        abi: known[contract.artifact],
      })
  }
  for (const [name, safe] of safes) {
    if (!safe) continue
    add(safe.address, { name: `${name} Safe`, role: 'safe', abi: safeAbi })
  }
  for (const [name, safe] of safes) {
    if (!safe) continue
    for (const owner of safe.owners)
      add(owner, { name: `${name} Safe owner`, role: 'owner', abi: undefined })
  }
  for (const { address, name, role } of extra)
    add(address, { name, role, abi: undefined })

  const all = [
    ...Object.values(known),
    safeAbi,
    erc1967ProxyAbi,
    beaconProxyAbi,
    transparentUpgradeableProxyAbi,
    erc20ReadAbi,
    accessControlAbi,
    timelockReadAbi,
  ]
  const unique = (type: 'error' | 'event' | 'function') => {
    const seen = new Set<string>()
    const items: Abi[number][] = []
    for (const abi of all)
      for (const item of abi) {
        if (item.type !== type) continue
        const key = JSON.stringify([
          item.name,
          item.inputs.map((input) => input.type),
        ])
        if (seen.has(key)) continue
        seen.add(key)
        items.push(item)
      }
    return items as Abi
  }

  return {
    manifest,
    get: (address) => entries.get(address.toLowerCase()),
    label: (address) =>
      entries.get(address.toLowerCase())?.name ?? getAddress(address),
    addresses: () => [...entries.keys()].map((key) => getAddress(key)),
    errorAbi: unique('error'),
    eventAbi: unique('event'),
    functionAbi: unique('function'),
  }
}
