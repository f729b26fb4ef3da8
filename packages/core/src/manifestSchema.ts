import type { z } from 'zod'
import { collectReferenceIssues } from './internal/manifestReferences.js'
import { manifestStructureSchema } from './internal/manifestStructure.js'

/**
 * The zod 4 schema of `deployments/<network>.json`: the single source of the
 * manifest's shape, its TypeScript types and its JSON Schema
 * ({@link manifestJsonSchema}).
 *
 * Objects are strict (unknown keys are errors), addresses must be EIP-55
 * checksummed, and a refinement checks references between entries (beacons,
 * roles, upgrade targets, unique names and addresses, Safe owners and
 * threshold). Prefer {@link parseManifest}, which reports every problem with
 * its JSON path and a hint.
 *
 * - Docs: https://github.com/storydao/ops-sdk/blob/main/packages/core/README.md#manifest
 *
 * @example
 * ```ts
 * import { manifestSchema } from '@storydao/core'
 *
 * const result = manifestSchema.safeParse(JSON.parse(text))
 * if (!result.success) console.error(result.error.issues)
 * ```
 */
export const manifestSchema = manifestStructureSchema.superRefine(
  (value, context) => {
    for (const issue of collectReferenceIssues(value))
      context.addIssue({
        code: 'custom',
        path: [...issue.path],
        message: issue.message,
        params: { code: issue.code, hint: issue.hint },
      })
  },
)

/**
 * A validated deployment manifest (`z.output` of {@link manifestSchema}).
 * Addresses are viem `Address`es, always checksummed.
 *
 * @example
 * ```ts
 * import type { Manifest } from '@storydao/core'
 *
 * function opsSafe(manifest: Manifest) {
 *   return manifest.safes.ops.address
 * }
 * ```
 */
export type Manifest = z.output<typeof manifestSchema>

/** What {@link manifestSchema} accepts before validation (same JSON shape). */
export type ManifestInput = z.input<typeof manifestSchema>

/** `manifest.network`: the network the manifest describes. */
export type ManifestNetwork = Manifest['network']

/** `manifest.safes`: the ops Safe and the optional emergency council Safe. */
export type ManifestSafes = Manifest['safes']

/** One Safe: address, threshold and owners. */
export type ManifestSafe = Manifest['safes']['ops']

/** `manifest.roles`: which contract plays which protocol role. */
export type ManifestRoles = NonNullable<Manifest['roles']>

/** A role name: `timelock`, `governor`, `token` or `treasury`. */
export type ManifestRole = keyof ManifestRoles

/**
 * One `contracts` entry; a union discriminated on `kind`, so kind-specific
 * fields need narrowing.
 *
 * @example
 * ```ts
 * import type { ContractEntry } from '@storydao/core'
 *
 * function implementationOf(entry: ContractEntry) {
 *   return 'implementation' in entry ? entry.implementation : undefined
 * }
 * ```
 */
export type ContractEntry = Manifest['contracts'][string]

/** A contract kind (see `contractKinds`). */
export type ContractKind = ContractEntry['kind']

/** Where and when a contract was deployed. */
export type ContractDeployment = NonNullable<ContractEntry['deployment']>

/**
 * One `upgrades[]` entry. `proposalId` is a decimal string because JSON
 * numbers cannot hold a uint256 and JSON has no bigint; convert with
 * `BigInt(entry.proposalId)`.
 */
export type UpgradeEntry = NonNullable<Manifest['upgrades']>[number]

/** An upgrade's lifecycle state (see `upgradeStatuses`). */
export type UpgradeStatus = UpgradeEntry['status']
