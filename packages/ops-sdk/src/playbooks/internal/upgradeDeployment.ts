import type { UpgradeEntry } from '@storydao/core'
import { buildCreate2Deploy } from '@storydao/governance'
import { type Address, type Hex, isAddressEqual, keccak256, toHex } from 'viem'
import {
  ImplementationMismatchError,
  UnknownUpgradeError,
  UpgradeNotProposableError,
} from '../../errors/upgrade.js'
import type { OpsContext } from '../createOpsContext.js'
import {
  type FoundryArtifact,
  readFoundryArtifact,
} from './readFoundryArtifact.js'

/**
 * @internal The CREATE2 salt of an upgrade: derived from its id, so
 * `upgrade propose` rebuilds the same deploy call, and the timelock operation
 * of each upgrade gets an id of its own.
 */
export function upgradeSalt(id: string): Hex {
  return keccak256(toHex(`storydao-ops/upgrade/${id}`))
}

/** @internal The line of an `upgrades[]` entry's `notes` that `upgrade propose` reads back. */
export function deploymentNote({
  contract,
  salt,
}: {
  contract: string
  salt: Hex
}): string {
  return `Deploy ${contract} with CREATE2 salt ${salt}.`
}

/**
 * @internal The `notes` of a rollback entry: it names the contract it goes
 * back to; the implementation is live, so nothing is deployed.
 */
export function rollbackNote({
  of,
  contract,
  implementation,
}: {
  of: string
  contract: string
  implementation: Address
}): string {
  return `Rollback of ${of}: back to ${contract} at ${implementation}, which is live (nothing to deploy).`
}

/** @internal Reads {@link rollbackNote} back. */
export function parseRollbackNote(
  notes: string | undefined,
): { of: string; contract: string } | undefined {
  const match = /Rollback of (\S+): back to (\S+) at 0x/.exec(notes ?? '')
  return match ? { of: match[1]!, contract: match[2]! } : undefined
}

/** @internal Reads {@link deploymentNote} back; `undefined` for entries written by hand. */
export function parseDeploymentNote(
  notes: string | undefined,
): { contract: string; salt: Hex } | undefined {
  const match = /Deploy (\S+) with CREATE2 salt (0x[0-9a-fA-F]{64})\./.exec(
    notes ?? '',
  )
  return match ? { contract: match[1]!, salt: match[2]! as Hex } : undefined
}

/** @internal The CREATE2 deploy of an upgrade's new implementation. */
export function buildImplementationDeploy({
  artifact,
  contract,
  salt,
}: {
  artifact: FoundryArtifact
  contract: string
  salt: Hex
}) {
  return buildCreate2Deploy({
    bytecode: artifact.bytecode,
    salt,
    name: contract,
    label: `Deploy ${contract} (CREATE2)`,
  })
}

/** @internal The `upgrades[]` entry a propose step may work on. */
export function proposableUpgrade(
  context: OpsContext,
  id: string,
): UpgradeEntry {
  const upgrades = context.manifest.upgrades ?? []
  const upgrade = upgrades.find((entry) => entry.id === id)
  if (!upgrade)
    throw new UnknownUpgradeError({
      id,
      network: context.networkName,
      known: upgrades.map((entry) => entry.id),
    })
  // `proposed` may be proposed again: a Safe transaction nobody executed can be replaced.
  if (upgrade.status !== 'prepared' && upgrade.status !== 'proposed')
    throw new UpgradeNotProposableError({
      id,
      reason: `its status is ${upgrade.status}.`,
    })
  return upgrade
}

/**
 * @internal What an upgrade entry runs: the CREATE2 deployment of its new
 * implementation (none for a rollback, whose implementation is live) and the
 * salt its timelock operation uses.
 */
export async function upgradeDeploymentOf({
  upgrade,
  project,
}: {
  upgrade: UpgradeEntry
  project: string
}): Promise<{
  deploy: Awaited<ReturnType<typeof rebuildDeploy>> | undefined
  contract: string
  salt: Hex
}> {
  const rollback = parseRollbackNote(upgrade.notes)
  if (rollback)
    return {
      deploy: undefined,
      contract: rollback.contract,
      salt: upgradeSalt(upgrade.id),
    }
  const deploy = await rebuildDeploy({ upgrade, project })
  return { deploy, contract: deploy.contract, salt: deploy.salt }
}

/**
 * @internal The prepared deploy call, rebuilt from the Foundry build; refused
 * unless it lands on the implementation recorded at prepare time, so signers
 * and voters approve the reviewed bytecode.
 */
export async function rebuildDeploy({
  upgrade,
  project,
}: {
  upgrade: UpgradeEntry
  project: string
}) {
  const note = parseDeploymentNote(upgrade.notes)
  if (!note)
    throw new UpgradeNotProposableError({
      id: upgrade.id,
      reason: 'its notes do not name the contract and CREATE2 salt.',
    })
  const artifact = await readFoundryArtifact({
    project,
    contract: note.contract,
  })
  const deploy = buildImplementationDeploy({ artifact, ...note })
  if (!isAddressEqual(deploy.address, upgrade.toImplementation))
    throw new ImplementationMismatchError({
      id: upgrade.id,
      contract: note.contract,
      expected: upgrade.toImplementation,
      actual: deploy.address,
    })
  return { ...deploy, ...note }
}

/** @internal The contract an upgrade entry goes to, from its notes (the target's name when they say nothing). */
export function upgradeContractOf(upgrade: UpgradeEntry): string {
  return (
    parseDeploymentNote(upgrade.notes)?.contract ??
    parseRollbackNote(upgrade.notes)?.contract ??
    upgrade.target
  )
}
