import {
  accessControlAbi,
  type ContractEntry,
  pausableAbi,
  storyDaoAbis,
} from '@storydao/core'
import type { Abi, Address } from 'viem'
import { keccak256, toHex } from 'viem'
import { readContract } from 'viem/actions'
import type { OpsContext } from '../createOpsContext.js'

const pauserRole = keccak256(toHex('PAUSER_ROLE'))

/**
 * @internal The manifest contracts the Safe can pause: the artifact's ABI
 * has `pause()` and `paused()`, and the Safe holds `PAUSER_ROLE` on chain.
 * Each comes with whether it is paused now and why others were left out.
 */
export async function findPausableContracts(
  context: OpsContext,
  { safe }: { safe: Address },
): Promise<{
  pausable: { name: string; address: Address; paused: boolean }[]
  excluded: string[]
}> {
  const candidates = Object.entries(context.manifest.contracts).filter(
    ([, entry]) => hasFunctions(abiOf(entry), ['pause', 'paused', 'hasRole']),
  )
  const read = await Promise.all(
    candidates.map(async ([name, entry]) => {
      const [isPauser, paused] = await Promise.all([
        readContract(context.client, {
          address: entry.address,
          abi: accessControlAbi,
          functionName: 'hasRole',
          args: [pauserRole, safe],
        }),
        readContract(context.client, {
          address: entry.address,
          abi: pausableAbi,
          functionName: 'paused',
        }),
      ])
      return { name, address: entry.address, isPauser, paused }
    }),
  )
  return {
    pausable: read
      .filter(({ isPauser }) => isPauser)
      .map(({ name, address, paused }) => ({ name, address, paused })),
    excluded: read
      .filter(({ isPauser }) => !isPauser)
      .map(({ name }) => `${name}: the Safe does not hold PAUSER_ROLE`),
  }
}

function abiOf(entry: ContractEntry): Abi | undefined {
  return (storyDaoAbis as { readonly [artifact: string]: Abi })[entry.artifact]
}

function hasFunctions(abi: Abi | undefined, names: readonly string[]): boolean {
  return names.every((name) =>
    abi?.some((item) => item.type === 'function' && item.name === name),
  )
}
