import { pausableAbi } from '@storydao/core'
import type { Address } from 'viem'
import { readContract } from 'viem/actions'
import {
  ContractNotInManifestError,
  NotPausableError,
} from '../../errors/playbook.js'
import { NotPausedError } from '../../errors/unpause.js'
import type { OpsContext } from '../createOpsContext.js'

/** @internal A manifest contract to unpause. */
export type UnpauseTarget = { name: string; address: Address }

/**
 * @internal The requested targets (AuthorCoin by default) that are paused
 * now, and those that are not; refused when none is paused.
 */
export async function pausedTargets(
  context: OpsContext,
  requested: readonly string[] | undefined,
): Promise<{ paused: UnpauseTarget[]; skipped: string[] }> {
  const names = [...new Set(requested ?? ['AuthorCoin'])]
  const targets = names.map((name) => {
    const entry = context.manifest.contracts[name]
    if (!entry)
      throw new ContractNotInManifestError({
        name,
        network: context.networkName,
        known: Object.keys(context.manifest.contracts),
      })
    return { name, address: entry.address }
  })
  const flags = await Promise.all(
    targets.map(({ name, address }) =>
      readContract(context.client, {
        address,
        abi: pausableAbi,
        functionName: 'paused',
      }).catch((cause: unknown) => {
        throw new NotPausableError({ name, cause })
      }),
    ),
  )
  const paused = targets.filter((_, index) => flags[index])
  if (paused.length === 0) throw new NotPausedError({ names })
  return {
    paused,
    skipped: targets
      .filter((_, index) => !flags[index])
      .map(({ name }) => name),
  }
}
