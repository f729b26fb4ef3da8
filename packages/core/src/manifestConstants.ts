/**
 * Every contract `kind` a manifest entry may have.
 *
 * - `plain`: a non-upgradeable contract.
 * - `uups-proxy`: an ERC-1967 proxy upgraded through its implementation (needs `implementation`).
 * - `transparent-proxy`: an ERC-1967 proxy upgraded through a ProxyAdmin (needs `implementation`, `proxyAdmin`).
 * - `beacon-proxy`: a proxy that reads its implementation from a beacon (needs `beacon`).
 * - `beacon`: an UpgradeableBeacon (needs `implementation`).
 * - `timelock`: the TimelockController.
 * - `governor`: the Governor.
 *
 * - Docs: https://github.com/storydao/ops-sdk/blob/main/packages/core/README.md#manifest
 *
 * @example
 * ```ts
 * import { contractKinds } from '@storydao/core'
 *
 * contractKinds.includes('uups-proxy') // true
 * ```
 */
export const contractKinds = [
  'plain',
  'uups-proxy',
  'transparent-proxy',
  'beacon-proxy',
  'beacon',
  'timelock',
  'governor',
] as const

/**
 * Lifecycle states of an `upgrades[]` entry, in order.
 *
 * - Docs: https://github.com/storydao/ops-sdk/blob/main/packages/core/README.md#manifest
 *
 * @example
 * ```ts
 * import { upgradeStatuses } from '@storydao/core'
 *
 * upgradeStatuses // ['prepared', 'proposed', 'queued', 'executed', 'cancelled']
 * ```
 */
export const upgradeStatuses = [
  'prepared',
  'proposed',
  'queued',
  'executed',
  'cancelled',
] as const

/**
 * The roles a manifest can assign, each with the contract kinds allowed to
 * fill it (`roles.timelock` must name a contract of kind `timelock`, …).
 *
 * - Docs: https://github.com/storydao/ops-sdk/blob/main/packages/core/README.md#manifest
 *
 * @example
 * ```ts
 * import { manifestRoleKinds } from '@storydao/core'
 *
 * manifestRoleKinds.timelock // ['timelock']
 * ```
 */
export const manifestRoleKinds = {
  timelock: ['timelock'],
  governor: ['governor'],
  token: ['plain', 'uups-proxy', 'transparent-proxy', 'beacon-proxy'],
  treasury: ['plain', 'uups-proxy', 'transparent-proxy', 'beacon-proxy'],
} as const satisfies Record<string, readonly (typeof contractKinds)[number][]>

/**
 * The `schemaVersion` this package reads and writes.
 *
 * - Docs: https://github.com/storydao/ops-sdk/blob/main/packages/core/README.md#manifest
 *
 * @example
 * ```ts
 * import { manifestSchemaVersion } from '@storydao/core'
 *
 * manifestSchemaVersion // 1
 * ```
 */
export const manifestSchemaVersion = 1

/**
 * The `$schema` reference written first in every manifest, so editors
 * validate it against `deployments/manifest.schema.json`.
 *
 * - Docs: https://github.com/storydao/ops-sdk/blob/main/packages/core/README.md#manifest
 *
 * @example
 * ```ts
 * import { manifestSchemaRef } from '@storydao/core'
 *
 * manifestSchemaRef // './manifest.schema.json'
 * ```
 */
export const manifestSchemaRef = './manifest.schema.json'

/**
 * Where a manifest's `$schema` points when no copy of the schema can be found
 * from its folder (neither `manifest.schema.json` next to it nor an installed
 * `@storydao/core`): the schema on the repository's main branch.
 *
 * - Docs: https://github.com/storydao/ops-sdk/blob/main/packages/core/README.md#manifestjsonschema
 *
 * @example
 * ```ts
 * import { manifestSchemaUrl } from '@storydao/core'
 *
 * manifestSchemaUrl
 * // 'https://raw.githubusercontent.com/storydao/ops-sdk/main/packages/core/manifest.schema.json'
 * ```
 */
export const manifestSchemaUrl =
  'https://raw.githubusercontent.com/storydao/ops-sdk/main/packages/core/manifest.schema.json'
