import {
  ChainReadError,
  type ContractEntry,
  type Manifest,
  pausableAbi,
  storyDaoAbis,
  upgradeableBeaconAbi,
} from '@storydao/core'
import { getProxyState } from '@storydao/governance'
import type { Abi, Address } from 'viem'
import { readContract } from 'viem/actions'
import type { OpsContext } from '../createOpsContext.js'

const proxyKinds = new Set(['uups-proxy', 'transparent-proxy', 'beacon-proxy'])

/**
 * @internal `paused()` of every manifest contract whose ABI has it, and the
 * implementation in use of every proxy (EIP-1967 slot, or its beacon's) and
 * beacon, read in parallel.
 */
export async function readContractsState(
  context: OpsContext,
  manifest: Manifest,
): Promise<{
  paused: Record<string, boolean>
  implementations: Record<string, Address | undefined>
}> {
  const contracts = Object.entries(manifest.contracts)
  const pausable = contracts.filter(([, entry]) => isPausable(entry))
  const upgradeable = contracts.filter(
    ([, entry]) => proxyKinds.has(entry.kind) || entry.kind === 'beacon',
  )
  const [paused, implementations] = await Promise.all([
    Promise.all(
      pausable.map(async ([name, entry]) => [
        name,
        await readPaused(context, name, entry.address),
      ]),
    ),
    Promise.all(
      upgradeable.map(async ([name, entry]) => [
        name,
        await readImplementation(context, name, entry),
      ]),
    ),
  ])
  return {
    paused: Object.fromEntries(paused),
    implementations: Object.fromEntries(implementations),
  }
}

function isPausable(entry: ContractEntry): boolean {
  const abi = (storyDaoAbis as { readonly [key: string]: Abi })[entry.artifact]
  return (abi ?? []).some(
    (item) => item.type === 'function' && item.name === 'paused',
  )
}

function readPaused(
  context: OpsContext,
  name: string,
  address: Address,
): Promise<boolean> {
  return readContract(context.client, {
    address,
    abi: pausableAbi,
    functionName: 'paused',
  }).catch((cause: unknown) => {
    throw new ChainReadError({ what: `${name}.paused()`, cause })
  })
}

async function readImplementation(
  context: OpsContext,
  name: string,
  entry: ContractEntry,
): Promise<Address | undefined> {
  if (entry.kind !== 'beacon')
    return (await getProxyState(context.client, { proxy: entry.address }))
      .implementation
  return readContract(context.client, {
    address: entry.address,
    abi: upgradeableBeaconAbi,
    functionName: 'implementation',
  }).catch((cause: unknown) => {
    throw new ChainReadError({ what: `${name}.implementation()`, cause })
  })
}
