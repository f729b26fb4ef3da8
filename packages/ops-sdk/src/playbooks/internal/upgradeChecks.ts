import {
  ChainReadError,
  type ContractEntry,
  type Manifest,
  type UpgradeEntry,
  upgradeableBeaconAbi,
} from '@storydao/core'
import { getProxyState } from '@storydao/governance'
import {
  checkInvariants,
  getDefaultInvariants,
  type InvariantResult,
  readInvariantState,
} from '@storydao/invariants'
import { type Address, getAbiItem, isAddressEqual } from 'viem'
import { getCode, getLogs, readContract } from 'viem/actions'
import type { UpgradeCheck } from '../../types/upgrade.js'
import type { OpsContext } from '../createOpsContext.js'
import { compareRuntimeBytecode } from './compareRuntimeBytecode.js'
import { readFoundryArtifact } from './readFoundryArtifact.js'

const upgradedEvent = getAbiItem({
  abi: upgradeableBeaconAbi,
  name: 'Upgraded',
})

/** @internal The proxy's (or beacon's) `Upgraded` log naming the new implementation, since the operation was scheduled. */
export async function checkUpgradedEvent(
  context: OpsContext,
  {
    target,
    implementation,
    fromBlock,
  }: { target: Address; implementation: Address; fromBlock: bigint },
): Promise<UpgradeCheck & { transactionHash?: `0x${string}` }> {
  const logs = await getLogs(context.client, {
    address: target,
    event: upgradedEvent,
    args: { implementation },
    fromBlock,
    toBlock: 'latest',
  }).catch((cause: unknown) => {
    throw new ChainReadError({ what: `the Upgraded logs of ${target}`, cause })
  })
  const log = logs.at(-1)
  return log
    ? {
        name: 'upgraded-event',
        ok: true,
        detail: `Upgraded(${implementation}) logged by ${target} in block ${log.blockNumber} (transaction ${log.transactionHash})`,
        transactionHash: log.transactionHash ?? undefined,
      }
    : {
        name: 'upgraded-event',
        ok: false,
        detail: `no Upgraded(${implementation}) log from ${target} since block ${fromBlock}`,
      }
}

/** @internal The EIP-1967 implementation slot (or the beacon's `implementation()`) against the expected implementation. */
export async function checkImplementation(
  context: OpsContext,
  { entry, expected }: { entry: ContractEntry; expected: Address },
): Promise<UpgradeCheck> {
  const actual =
    entry.kind === 'beacon'
      ? await readContract(context.client, {
          address: entry.address,
          abi: upgradeableBeaconAbi,
          functionName: 'implementation',
        }).catch((cause: unknown) => {
          throw new ChainReadError({
            what: `implementation() of the beacon ${entry.address}`,
            cause,
          })
        })
      : (await getProxyState(context.client, { proxy: entry.address }))
          .implementation
  const where =
    entry.kind === 'beacon' ? 'beacon implementation()' : 'EIP-1967 slot'
  const ok = actual !== undefined && isAddressEqual(actual, expected)
  return {
    name: 'implementation',
    ok,
    detail: ok
      ? `${where} = ${expected}`
      : `${where} = ${actual ?? '(unset)'}, expected ${expected}`,
  }
}

/** @internal The implementation's runtime code against the local forge build (immutables masked). */
export async function checkRuntimeCode(
  context: OpsContext,
  {
    implementation,
    contract,
    project,
  }: { implementation: Address; contract: string; project: string },
): Promise<UpgradeCheck> {
  const [code, artifact] = await Promise.all([
    getCode(context.client, { address: implementation }).catch(
      (cause: unknown) => {
        throw new ChainReadError({
          what: `the code at ${implementation}`,
          cause,
        })
      },
    ),
    readFoundryArtifact({ project, contract }),
  ])
  const comparison = compareRuntimeBytecode({ code, artifact })
  const details = {
    match: `runtime code at ${implementation} matches the local build of ${contract}`,
    mismatch: `runtime code at ${implementation} differs from the local build of ${contract}`,
    'no-code': `no code at ${implementation}`,
    'length-mismatch': `runtime code at ${implementation} has another length than the local build of ${contract}`,
  } as const
  return {
    name: 'runtime-code',
    ok: comparison.status === 'match',
    detail: details[comparison.status],
  }
}

/**
 * @internal The default `upgrade` invariants on the manifest as it will be
 * written: relative ones (supply, Treasury and Safe balances, pause flags)
 * across the execution block, absolute ones (supply within the cap, every
 * proxy on its recorded implementation) on the latest state.
 */
export async function checkUpgradeInvariants(
  context: OpsContext,
  {
    manifest,
    upgrade,
    blockNumber,
  }: { manifest: Manifest; upgrade: UpgradeEntry; blockNumber: bigint },
): Promise<{ check: UpgradeCheck; results: InvariantResult[] }> {
  const invariants = getDefaultInvariants({
    manifest,
    action: 'upgrade',
    upgrade: {
      contract: upgrade.target,
      implementation: upgrade.toImplementation,
    },
  }).filter((invariant) => !invariant.needsLogs)
  const relative = invariants.filter((invariant) => invariant.needsBefore)
  const absolute = invariants.filter((invariant) => !invariant.needsBefore)
  const before = await readInvariantState(context.client, {
    invariants: relative,
    blockNumber: blockNumber - 1n,
  })
  const [across, now] = await Promise.all([
    checkInvariants(context.client, {
      invariants: relative,
      before,
      blockNumber,
    }),
    checkInvariants(context.client, { invariants: absolute }),
  ])
  const results = [...across.results, ...now.results]
  const failed = results.filter((result) => !result.ok)
  return {
    results,
    check: {
      name: 'invariants',
      ok: failed.length === 0,
      detail:
        failed.length === 0
          ? `${results.length} invariants hold (supply and cap, balances and pause flags across block ${blockNumber}, implementations now)`
          : `failed: ${failed.map((result) => result.description).join('; ')}`,
    },
  }
}
