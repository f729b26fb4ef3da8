import {
  assertParameters,
  type ContractEntry,
  type Manifest,
  type MissingParameterErrorType,
  storyDaoAbis,
  toChecksummedAddress,
} from '@storydao/core'
import type { Abi, Address, Hex } from 'viem'
import {
  UnknownPlaybookActionError,
  type UnknownPlaybookActionErrorType,
  UnknownUpgradeTargetError,
  type UnknownUpgradeTargetErrorType,
} from './errors/parameters.js'
import { version } from './errors/version.js'
import { indexManifest } from './internal/manifestIndex.js'
import { balanceChangedBy } from './invariants/balanceChangedBy.js'
import { balanceUnchanged } from './invariants/balanceUnchanged.js'
import { beaconImplementationIs } from './invariants/beaconImplementationIs.js'
import { capUnchanged } from './invariants/capUnchanged.js'
import { implementationIs } from './invariants/implementationIs.js'
import { isNotPaused } from './invariants/isNotPaused.js'
import { isPaused } from './invariants/isPaused.js'
import { noUnexpectedRoleChanges } from './invariants/noUnexpectedRoleChanges.js'
import { pausedUnchanged } from './invariants/pausedUnchanged.js'
import { safeOwnersAndThresholdUnchanged } from './invariants/safeOwnersAndThresholdUnchanged.js'
import { supplyUnchanged } from './invariants/supplyUnchanged.js'
import { supplyWithinCap } from './invariants/supplyWithinCap.js'
import { timelockMinDelayAtLeast } from './invariants/timelockMinDelayAtLeast.js'
import { timelockOperationIs } from './invariants/timelockOperationIs.js'
import type { Invariant, RoleChange } from './types.js'

/**
 * The playbook actions with a default invariant set.
 *
 * - Docs: https://github.com/storydao/ops-sdk/blob/main/packages/invariants/README.md#getdefaultinvariants
 *
 * @example
 * ```ts
 * import { playbookActions } from '@storydao/invariants'
 *
 * playbookActions.includes('pause') // true
 * ```
 */
export const playbookActions = [
  'pause',
  'unpause',
  'upgrade',
  'timelock-cancel',
  'timelock-schedule',
  'role-change',
  'treasury-transfer',
] as const

/** A playbook action (see {@link playbookActions}). */
export type PlaybookAction = (typeof playbookActions)[number]

export type GetDefaultInvariantsParameters = {
  /** The network's manifest. */
  manifest: Manifest
  /** {@link PlaybookAction} */
  action: PlaybookAction
  /**
   * `upgrade`: the upgraded contract (manifest name of a UUPS/transparent
   * proxy, a beacon, or a beacon proxy) and its new implementation. Default:
   * the newest `upgrades[]` entry that is not executed or cancelled.
   */
  upgrade?: { contract: string; implementation: Address } | undefined
  /**
   * `timelock-cancel`: operations that must end `unset`;
   * `timelock-schedule`: operations that must end pending.
   */
  operationIds?: readonly Hex[] | undefined
  /**
   * `role-change`: the expected grants and revocations (`role` may be a
   * name). Default: any change whose account is listed in the manifest.
   */
  roleChanges?:
    | readonly (Omit<RoleChange, 'role'> & { role: Hex | string })[]
    | undefined
  /** `treasury-transfer`: what leaves the Treasury (`'ETH'` or a token), in base units. */
  treasuryOutflows?:
    | readonly { asset: Address | 'ETH'; amount: bigint }[]
    | undefined
}

export type GetDefaultInvariantsReturnType = Invariant[]

export type GetDefaultInvariantsErrorType =
  | UnknownPlaybookActionErrorType
  | UnknownUpgradeTargetErrorType
  | MissingParameterErrorType

const hasFunction = (abi: Abi | undefined, name: string) =>
  (abi ?? []).some((item) => item.type === 'function' && item.name === name)

/**
 * The default invariant set of a playbook action, derived from the manifest.
 *
 * Every action keeps: each Safe's owners and threshold, the timelock's
 * minimum delay (never shorter), the token's supply within its cap and its
 * cap, every proxy's and beacon's implementation as the manifest records it,
 * and no role changes on AccessControl contracts. Then per action:
 * - `pause`: supply and balances (ETH and token, of the Treasury, the
 *   timelock and the Safes) unchanged, token paused;
 * - `unpause`: the same, token not paused;
 * - `upgrade`: supply, balances and paused flags unchanged, the upgraded
 *   contract on its new implementation;
 * - `timelock-cancel` / `timelock-schedule`: supply, balances and paused
 *   flags unchanged, the given operations unset / pending;
 * - `role-change`: supply, balances and paused flags unchanged, only the
 *   expected role changes;
 * - `treasury-transfer`: supply and paused flags unchanged, the Treasury's
 *   balances changed by exactly the given outflows (others unchanged).
 *
 * - Docs: https://github.com/storydao/ops-sdk/blob/main/packages/invariants/README.md#getdefaultinvariants
 *
 * @example
 * ```ts
 * import { checkSafePlan, getDefaultInvariants } from '@storydao/invariants'
 *
 * const report = await checkSafePlan(fork, {
 *   plan,
 *   manifest,
 *   invariants: getDefaultInvariants({ manifest, action: 'pause' }),
 * })
 * ```
 *
 * @param parameters - {@link GetDefaultInvariantsParameters}
 * @returns The invariants, in a stable order.
 * @throws {UnknownPlaybookActionError} `INVARIANT_ACTION_UNKNOWN` for an unknown action.
 * @throws {UnknownUpgradeTargetError} `INVARIANT_UPGRADE_TARGET_UNKNOWN` for an upgrade target not in the manifest.
 */
export function getDefaultInvariants(
  parameters: GetDefaultInvariantsParameters,
): GetDefaultInvariantsReturnType {
  assertParameters('getDefaultInvariants', parameters, ['manifest', 'action'], {
    version,
  })
  const { manifest, action, ...options } = parameters
  if (!(playbookActions as readonly string[]).includes(action))
    throw new UnknownPlaybookActionError({ action, actions: playbookActions })
  const index = indexManifest(manifest)
  const contracts = Object.entries(manifest.contracts)
  const abiOf = (entry: ContractEntry): Abi | undefined =>
    (storyDaoAbis as { readonly [key: string]: Abi })[entry.artifact]
  const byRole = (role: 'token' | 'treasury' | 'timelock') => {
    const name =
      manifest.roles?.[role] ??
      (role === 'timelock'
        ? contracts.find(([, entry]) => entry.kind === 'timelock')?.[0]
        : undefined)
    const entry = name ? manifest.contracts[name] : undefined
    return name && entry ? { name, entry } : undefined
  }
  const token = byRole('token')
  const treasury = byRole('treasury')
  const timelock = byRole('timelock')
  const safes = Object.entries(manifest.safes).flatMap(([name, safe]) =>
    safe ? [{ name: `${name} Safe`, address: safe.address }] : [],
  )
  const pausable = contracts.filter(([, entry]) =>
    hasFunction(abiOf(entry), 'paused'),
  )
  const accessControlled = contracts.filter(([, entry]) =>
    hasFunction(abiOf(entry), 'hasRole'),
  )
  const upgrade =
    action === 'upgrade' ? resolveUpgrade(manifest, options) : undefined

  const invariants: Invariant[] = []
  // Kept by every action.
  for (const safe of safes)
    invariants.push(
      safeOwnersAndThresholdUnchanged({ safe: safe.address, label: safe.name }),
    )
  if (timelock)
    invariants.push(
      timelockMinDelayAtLeast({
        timelock: timelock.entry.address,
        minimum: undefined,
        label: timelock.name,
      }),
    )
  if (token && hasFunction(abiOf(token.entry), 'cap')) {
    invariants.push(
      supplyWithinCap({ token: token.entry.address, label: token.name }),
    )
    invariants.push(
      capUnchanged({ token: token.entry.address, label: token.name }),
    )
  }
  for (const [name, entry] of contracts) {
    const target = upgrade?.name === name ? upgrade.implementation : undefined
    if (entry.kind === 'uups-proxy' || entry.kind === 'transparent-proxy')
      invariants.push(
        implementationIs({
          proxy: entry.address,
          implementation: target ?? entry.implementation,
          label: name,
        }),
      )
    else if (entry.kind === 'beacon')
      invariants.push(
        beaconImplementationIs({
          beacon: entry.address,
          implementation: target ?? entry.implementation,
          label: name,
        }),
      )
  }
  if (accessControlled.length > 0) {
    const labels = Object.fromEntries(
      index.addresses().map((address) => [address, index.label(address)]),
    )
    const watched = accessControlled.map(([, entry]) => entry.address)
    invariants.push(
      action === 'role-change'
        ? noUnexpectedRoleChanges({
            contracts: watched,
            labels,
            allowed:
              options.roleChanges ??
              ((change: RoleChange) => index.get(change.account) !== undefined),
          })
        : noUnexpectedRoleChanges({ contracts: watched, labels }),
    )
  }

  // Per action.
  if (token)
    invariants.push(
      supplyUnchanged({ token: token.entry.address, label: token.name }),
    )
  const holders = [
    ...(treasury
      ? [{ name: treasury.name, address: treasury.entry.address }]
      : []),
    ...(timelock
      ? [{ name: timelock.name, address: timelock.entry.address }]
      : []),
    ...safes,
  ]
  const assets: { asset: Address | 'ETH'; label: string }[] = [
    { asset: 'ETH', label: 'ETH' },
    ...(token ? [{ asset: token.entry.address, label: token.name }] : []),
  ]
  for (const holder of holders)
    for (const { asset, label } of assets) {
      const isTreasury =
        treasury !== undefined && holder.address === treasury.entry.address
      if (action === 'treasury-transfer' && isTreasury) {
        const outflow = (options.treasuryOutflows ?? []).filter((item) =>
          item.asset === 'ETH'
            ? asset === 'ETH'
            : asset !== 'ETH' &&
              toChecksummedAddress({ address: item.asset }) === asset,
        )
        const total = outflow.reduce((sum, item) => sum + item.amount, 0n)
        invariants.push(
          balanceChangedBy({
            asset,
            holder: holder.address,
            expected: -total,
            label,
            holderLabel: holder.name,
          }),
        )
        continue
      }
      if (action === 'treasury-transfer') continue
      invariants.push(
        balanceUnchanged({
          asset,
          holder: holder.address,
          label,
          holderLabel: holder.name,
        }),
      )
    }
  for (const [name, entry] of pausable) {
    if (action === 'pause' && token?.name === name)
      invariants.push(isPaused({ contract: entry.address, label: name }))
    else if (action === 'unpause' && token?.name === name)
      invariants.push(isNotPaused({ contract: entry.address, label: name }))
    else
      invariants.push(pausedUnchanged({ contract: entry.address, label: name }))
  }
  if (
    timelock &&
    (action === 'timelock-cancel' || action === 'timelock-schedule')
  )
    for (const id of options.operationIds ?? [])
      invariants.push(
        timelockOperationIs({
          timelock: timelock.entry.address,
          operationId: id,
          state: action === 'timelock-cancel' ? 'unset' : 'pending',
          label: timelock.name,
        }),
      )
  return invariants
}

function resolveUpgrade(
  manifest: Manifest,
  options: Omit<GetDefaultInvariantsParameters, 'manifest' | 'action'>,
): { name: string; implementation: Address } | undefined {
  const requested =
    options.upgrade ??
    [...(manifest.upgrades ?? [])]
      .reverse()
      .filter(
        (entry) => entry.status !== 'executed' && entry.status !== 'cancelled',
      )
      .map((entry) => ({
        contract: entry.target,
        implementation: entry.toImplementation,
      }))[0]
  if (!requested) return undefined
  const entry = manifest.contracts[requested.contract]
  if (!entry)
    throw new UnknownUpgradeTargetError({
      contract: requested.contract,
      contracts: Object.keys(manifest.contracts),
    })
  // A beacon proxy is upgraded through its beacon.
  const name =
    entry.kind === 'beacon-proxy'
      ? (Object.entries(manifest.contracts).find(
          ([, other]) => other.address === entry.beacon,
        )?.[0] ?? requested.contract)
      : requested.contract
  return {
    name,
    implementation: toChecksummedAddress({ address: requested.implementation }),
  }
}
