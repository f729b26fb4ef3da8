import { buildCreate2Deploy } from '@storydao/governance'
import { type Hex, keccak256, toHex } from 'viem'
import type { FoundryArtifact } from './readFoundryArtifact.js'

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
