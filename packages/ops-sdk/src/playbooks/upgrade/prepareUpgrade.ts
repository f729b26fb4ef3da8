import { join, resolve } from 'node:path'
import {
  assertParameters,
  ChainReadError,
  type ChainReadErrorType,
  type ContractEntry,
  type MissingParameterErrorType,
  type UpdateManifestErrorType,
  type UpgradeEntry,
  updateManifest,
  upgradeableBeaconAbi,
} from '@storydao/core'
import {
  type AssertUpgradeSafetyErrorType,
  assertUpgradeSafety,
  type UpgradeKind,
} from '@storydao/governance'
import type { Address, Hex } from 'viem'
import { readContract } from 'viem/actions'
import {
  ContractNotInManifestError,
  type ContractNotInManifestErrorType,
} from '../../errors/playbook.js'
import {
  type ArtifactNotFoundErrorType,
  type NotUpgradeableErrorType,
  UpgradeCallInvalidError,
  type UpgradeCallInvalidErrorType,
  UpgradeIdTakenError,
  type UpgradeIdTakenErrorType,
} from '../../errors/upgrade.js'
import { version } from '../../errors/version.js'
import type { OpsContext } from '../createOpsContext.js'
import { encodeCallString } from '../internal/encodeCallString.js'
import { readFoundryArtifact } from '../internal/readFoundryArtifact.js'
import { buildUpgradeCall, upgradeKindOf } from '../internal/upgradeCall.js'
import {
  buildImplementationDeploy,
  deploymentNote,
  upgradeSalt,
} from '../internal/upgradeDeployment.js'

export type PrepareUpgradeParameters = {
  /** Manifest name of the UUPS proxy, transparent proxy or beacon to upgrade. */
  target: string
  /** The new implementation: a contract of the Foundry build (`Name` or `File.sol:Name`). */
  to: string
  /** A call run on the proxy right after the upgrade, as typed: `initializeV2(1000)`. */
  call?: string | undefined
  /** The current implementation's contract. Default: the manifest entry's `artifact`, else `target`. */
  from?: string | undefined
  /** The `upgrades[]` id. Default `<YYYY-MM-DD>-<target>-<to>` in lowercase. */
  id?: string | undefined
  /** The Foundry project (built with `forge build`). Default `<root>/contracts`. */
  contracts?: string | undefined
  /** Progress callback for long steps. */
  onStep?: ((message: string) => void) | undefined
}

export type PrepareUpgradeReturnType = {
  /** The entry written to `upgrades[]` (status `prepared`). */
  upgrade: UpgradeEntry
  /** How the target is upgraded. */
  kind: UpgradeKind
  /** Where CREATE2 will put the new implementation. */
  implementation: Address
  salt: Hex
  /** The call to the CREATE2 deployer. */
  deploy: { to: Address; data: Hex }
  /** The upgrade call itself (to the proxy, its ProxyAdmin or the beacon). */
  upgradeCall: { to: Address; data: Hex }
  /** Upgrade-safety findings that do not block the upgrade. */
  warnings: string[]
  /** The manifest written (absolute). */
  manifestPath: string
}

export type PrepareUpgradeErrorType =
  | MissingParameterErrorType
  | ArtifactNotFoundErrorType
  | AssertUpgradeSafetyErrorType
  | ChainReadErrorType
  | ContractNotInManifestErrorType
  | NotUpgradeableErrorType
  | UpdateManifestErrorType
  | UpgradeCallInvalidErrorType
  | UpgradeIdTakenErrorType

/**
 * The upgrade playbook's first step: checks that the new implementation is
 * upgrade-safe (storage layout and OpenZeppelin's validations), computes its
 * CREATE2 address and deploy call from the Foundry build, and records an
 * `upgrades[]` entry (status `prepared`, the expected implementation, the
 * upgrade calldata) in `deployments/<network>.json`, archiving the previous
 * version. Nothing is sent to the chain.
 *
 * - Docs: https://github.com/storydao/ops-sdk/blob/main/docs/operations/upgrade.md#prepare
 *
 * @example
 * ```ts
 * import { createOpsContext, prepareUpgrade } from '@storydao/ops-sdk'
 *
 * const context = await createOpsContext({ network: 'sepolia' })
 * const { upgrade } = await prepareUpgrade(context, {
 *   target: 'AuthorCoin',
 *   to: 'AuthorCoinV2',
 *   call: 'initializeV2(1000000000000000000000000)',
 * })
 * ```
 */
export async function prepareUpgrade(
  context: OpsContext,
  parameters: PrepareUpgradeParameters,
): Promise<PrepareUpgradeReturnType> {
  assertParameters('prepareUpgrade', { context }, ['context'], { version })
  assertParameters('prepareUpgrade', parameters, ['target', 'to'], { version })
  const step = parameters.onStep ?? (() => {})
  const { target, to } = parameters
  const entry = upgradeTarget(context, target)
  const kind = upgradeKindOf(target, entry)
  const id = parameters.id ?? defaultUpgradeId(target, to)
  if (context.manifest.upgrades?.some((upgrade) => upgrade.id === id))
    throw new UpgradeIdTakenError({ id, network: context.networkName })
  const project = resolve(
    context.root,
    parameters.contracts ?? join(context.root, 'contracts'),
  )
  const artifact = await readFoundryArtifact({ project, contract: to })
  if (kind === 'beacon' && parameters.call)
    throw new UpgradeCallInvalidError({
      call: parameters.call,
      contract: to,
      reason: 'a beacon upgrade (upgradeTo) runs no call.',
      functions: [],
    })
  const data = parameters.call
    ? encodeCallString({
        call: parameters.call,
        abi: artifact.abi,
        contract: to,
      })
    : undefined

  const from = parameters.from ?? entry.artifact ?? target
  step(`Check the storage layout and upgrade safety of ${from} → ${to}`)
  const safety = await assertUpgradeSafety({ root: project, from, to, kind })

  const salt = upgradeSalt(id)
  const deploy = buildImplementationDeploy({ artifact, contract: to, salt })
  const upgradeCall = buildUpgradeCall(entry, {
    kind,
    implementation: deploy.address,
    data,
  })
  const fromImplementation = await currentImplementation(context, entry)
  const upgrade: UpgradeEntry = {
    id,
    target,
    fromImplementation,
    toImplementation: deploy.address,
    calldata: upgradeCall.data,
    status: 'prepared',
    createdAt: new Date().toISOString(),
    notes: deploymentNote({ contract: to, salt }),
  }
  step(`Record upgrade ${id} in deployments/${context.networkName}.json`)
  const written = await updateManifest(context.manifestPath, {
    update: (current) => ({
      ...current,
      upgrades: [...(current.upgrades ?? []), upgrade],
    }),
  })
  return {
    upgrade,
    kind,
    implementation: deploy.address,
    salt,
    deploy: { to: deploy.call.to, data: deploy.call.data },
    upgradeCall: { to: upgradeCall.to, data: upgradeCall.data },
    warnings: safety.warnings.map((warning) => warning.message),
    manifestPath: written.path,
  }
}

function upgradeTarget(context: OpsContext, name: string): ContractEntry {
  const entry = context.manifest.contracts[name]
  if (!entry)
    throw new ContractNotInManifestError({
      name,
      network: context.networkName,
      known: Object.keys(context.manifest.contracts),
    })
  return entry
}

function defaultUpgradeId(target: string, to: string): string {
  const date = new Date().toISOString().slice(0, 10)
  return `${date}-${target}-${to.split(':').at(-1)}`.toLowerCase()
}

async function currentImplementation(
  context: OpsContext,
  entry: ContractEntry,
): Promise<Address> {
  if ('implementation' in entry) return entry.implementation
  // A beacon's manifest entry does not carry its implementation: ask it.
  return readContract(context.client, {
    address: entry.address,
    abi: upgradeableBeaconAbi,
    functionName: 'implementation',
  }).catch((cause: unknown) => {
    throw new ChainReadError({
      what: `the implementation of the beacon ${entry.address}`,
      cause,
    })
  })
}
