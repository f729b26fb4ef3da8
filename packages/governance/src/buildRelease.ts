import {
  assertParameters,
  type Call,
  type Manifest,
  type MissingParameterErrorType,
  type ToChecksummedAddressErrorType,
  toChecksummedAddress,
} from '@storydao/core'
import type { Address, Hex } from 'viem'
import { buildCreate2Deploy } from './buildCreate2Deploy.js'
import type { AbiEncodingErrorType } from './errors/abi.js'
import type { InvalidCallErrorType } from './errors/calls.js'
import {
  type ConstructorAbiMissingErrorType,
  type InvalidBytecodeErrorType,
  ReleaseAddressCollisionError,
  type ReleaseAddressCollisionErrorType,
  ReleaseDuplicateNameError,
  type ReleaseDuplicateNameErrorType,
  ReleaseReferenceCycleError,
  type ReleaseReferenceCycleErrorType,
  ReleaseUnknownReferenceError,
  type ReleaseUnknownReferenceErrorType,
} from './errors/deploy.js'
import type { InvalidBytes32ErrorType } from './errors/hex.js'
import { version } from './errors/version.js'
import { toBytecode } from './internal/bytecode.js'
import { toCallValue } from './internal/operationCall.js'
import {
  collectReferences,
  isReference,
  renderValue,
  resolveValue,
} from './internal/releaseValues.js'
import type {
  Release,
  ReleaseCall,
  ReleaseContract,
  ReleaseDeployment,
} from './types/release.js'

export type BuildReleaseParameters = {
  /** The release. */
  release: Release
  /** Resolves references to already deployed contracts and to the Safes. */
  manifest?: Manifest | undefined
}

export type BuildReleaseReturnType = {
  /** Every call, in order: deployments (dependencies first), then `release.calls`. */
  calls: Call[]
  /** Predicted address of every release entry, by name. */
  addresses: Record<string, Address>
  /** The deployments, in call order. */
  deployments: ReleaseDeployment[]
}

export type BuildReleaseErrorType =
  | MissingParameterErrorType
  | ReleaseReferenceCycleErrorType
  | ReleaseUnknownReferenceErrorType
  | ReleaseDuplicateNameErrorType
  | ReleaseAddressCollisionErrorType
  | ConstructorAbiMissingErrorType
  | AbiEncodingErrorType
  | InvalidBytecodeErrorType
  | InvalidCallErrorType
  | InvalidBytes32ErrorType
  | ToChecksummedAddressErrorType

function externalAddresses(
  manifest: Manifest | undefined,
): Map<string, Address> {
  const external = new Map<string, Address>()
  if (!manifest) return external
  for (const [name, entry] of Object.entries(manifest.contracts))
    external.set(name, entry.address)
  external.set('safes.ops', manifest.safes.ops.address)
  if (manifest.safes.emergency)
    external.set('safes.emergency', manifest.safes.emergency.address)
  return external
}

/**
 * Turns a declarative release into ordered calls through the CREATE2
 * deployer, with every address predicted up front, so a whole system —
 * implementations, proxies initialized in their constructor, timelock,
 * governor, role wiring — deploys in one Safe batch.
 *
 * Constructor and call arguments may reference other entries by name
 * (`{ ref: 'StoryTimelock' }`) and embed encoded calls
 * (`{ encode: { abi, functionName: 'initialize', args } }`, for a proxy's
 * initializer data). Entries are deployed dependencies first; `release.calls`
 * follow in their order. The CREATE2 deployer is every constructor's
 * `msg.sender`, so admins and owners must be passed explicitly (the Safe, the
 * timelock), never taken from `msg.sender`.
 *
 * A reference cycle cannot be resolved (a CREATE2 address depends on the
 * constructor arguments): a timelock whose proposer is a governor that takes
 * the timelock in its constructor must instead be built with the deploying
 * Safe as temporary admin, and wired with `grantRole` + `renounceRole` calls
 * in `release.calls` — in the same batch.
 *
 * - Docs: https://github.com/storydao/ops-sdk/blob/main/packages/governance/README.md#buildrelease
 *
 * @example
 * ```ts
 * import { beaconProxyAbi, treasuryAbi, upgradeableBeaconAbi } from '@storydao/core'
 * import { buildRelease } from '@storydao/governance'
 *
 * const { calls, addresses } = buildRelease({
 *   release: {
 *     contracts: [
 *       { name: 'TreasuryImplementation', bytecode: treasuryBytecode, salt },
 *       { name: 'TreasuryBeacon', bytecode: beaconBytecode, abi: upgradeableBeaconAbi, salt,
 *         constructorArgs: [{ ref: 'TreasuryImplementation' }, { ref: 'StoryTimelock' }] },
 *       { name: 'Treasury', bytecode: beaconProxyBytecode, abi: beaconProxyAbi, salt,
 *         constructorArgs: [{ ref: 'TreasuryBeacon' },
 *           { encode: { abi: treasuryAbi, functionName: 'initialize', args: [{ ref: 'StoryTimelock' }] } }] },
 *     ],
 *   },
 *   manifest,
 * })
 * ```
 *
 * @param parameters - {@link BuildReleaseParameters}
 * @returns The calls, the predicted addresses and the deployments.
 * @throws {ReleaseReferenceCycleError} When entries reference each other in a cycle.
 * @throws {ReleaseUnknownReferenceError} When a reference names nothing known.
 */
export function buildRelease(
  parameters: BuildReleaseParameters,
): BuildReleaseReturnType {
  assertParameters('buildRelease', parameters, ['release'], { version })
  const { release } = parameters
  const entries = indexEntries(release)
  const external = externalAddresses(parameters.manifest)
  const dependencies = releaseDependencies(release, entries, external)
  const order = deploymentOrder(release, dependencies)
  const { calls, addresses, deployments } = deployEntries(
    order,
    entries,
    external,
  )
  const lookup = (name: string): Address =>
    addresses[name] ?? (external.get(name) as Address)
  ;(release.calls ?? []).forEach((call, index) => {
    calls.push(toReleaseCall(call, index, lookup))
  })
  return { calls, addresses, deployments }
}

/** The release's entries by name; names must be unique. */
function indexEntries(release: Release): Map<string, ReleaseContract> {
  const entries = new Map<string, ReleaseContract>()
  for (const entry of release.contracts) {
    if (entries.has(entry.name))
      throw new ReleaseDuplicateNameError({ duplicate: entry.name })
    entries.set(entry.name, entry)
  }
  return entries
}

/**
 * Which release entries each entry's constructor needs. Every reference, in
 * constructor arguments and in `release.calls`, must name an entry or a
 * manifest contract or Safe.
 */
function releaseDependencies(
  release: Release,
  entries: ReadonlyMap<string, ReleaseContract>,
  external: ReadonlyMap<string, Address>,
): Map<string, string[]> {
  const known = [...new Set([...entries.keys(), ...external.keys()])]
  const assertKnown = (references: { ref: string; path: string }[]) => {
    for (const { ref, path } of references)
      if (!entries.has(ref) && !external.has(ref))
        throw new ReleaseUnknownReferenceError({
          reference: ref,
          path,
          available: known,
        })
  }
  const dependencies = new Map<string, string[]>()
  for (const entry of release.contracts) {
    const references = collectReferences(
      entry.constructorArgs ?? [],
      `contracts.${entry.name}.constructorArgs`,
    )
    assertKnown(references)
    dependencies.set(entry.name, [
      ...new Set(
        references.map(({ ref }) => ref).filter((ref) => entries.has(ref)),
      ),
    ])
  }
  ;(release.calls ?? []).forEach((call, index) => {
    assertKnown([
      ...collectReferences(call.to, `calls[${index}].to`),
      ...collectReferences(call.args ?? [], `calls[${index}].args`),
    ])
  })
  return dependencies
}

/** Depth-first, dependencies first, in declaration order otherwise. */
function deploymentOrder(
  release: Release,
  dependencies: ReadonlyMap<string, string[]>,
): string[] {
  const order: string[] = []
  const state = new Map<string, 'visiting' | 'done'>()
  const visit = (name: string, stack: string[]) => {
    const current = state.get(name)
    if (current === 'done') return
    if (current === 'visiting')
      throw new ReleaseReferenceCycleError({
        cycle: [...stack.slice(stack.indexOf(name)), name],
      })
    state.set(name, 'visiting')
    for (const dependency of dependencies.get(name) ?? [])
      visit(dependency, [...stack, name])
    state.set(name, 'done')
    order.push(name)
  }
  for (const entry of release.contracts) visit(entry.name, [])
  return order
}

/** One CREATE2 deployment per entry, in `order`; two entries may not land on one address. */
function deployEntries(
  order: readonly string[],
  entries: ReadonlyMap<string, ReleaseContract>,
  external: ReadonlyMap<string, Address>,
): BuildReleaseReturnType {
  const addresses: Record<string, Address> = {}
  const lookup = (name: string): Address =>
    addresses[name] ?? (external.get(name) as Address)
  const calls: Call[] = []
  const deployments: ReleaseDeployment[] = []
  const byAddress = new Map<Address, string>()
  for (const name of order) {
    const entry = entries.get(name)!
    const constructorArgs = resolveValue(
      entry.constructorArgs ?? [],
      `contracts.${name}.constructorArgs`,
      lookup,
    ) as unknown[]
    const deploy = buildCreate2Deploy({
      bytecode: toBytecode(entry.bytecode, {
        contract: name,
        path: `contracts.${name}.bytecode`,
      }),
      abi: entry.abi,
      constructorArgs,
      salt: entry.salt,
      name,
    })
    const other = byAddress.get(deploy.address)
    if (other)
      throw new ReleaseAddressCollisionError({
        address: deploy.address,
        names: [other, name],
      })
    byAddress.set(deploy.address, name)
    addresses[name] = deploy.address
    const artifact =
      entry.artifact && entry.artifact !== name ? ` (${entry.artifact})` : ''
    calls.push({
      ...deploy.call,
      label: `Deploy ${name}${artifact} at ${deploy.address}`,
    })
    deployments.push({
      name,
      ...(entry.artifact === undefined ? {} : { artifact: entry.artifact }),
      address: deploy.address,
      salt: entry.salt,
      initCodeHash: deploy.initCodeHash,
    })
  }
  return { calls, addresses, deployments }
}

/** A `release.calls` entry with its references resolved and its arguments encoded. */
function toReleaseCall(
  call: ReleaseCall,
  index: number,
  lookup: (name: string) => Address,
): Call {
  const to = isReference(call.to)
    ? lookup(call.to.ref)
    : toChecksummedAddress({ address: call.to, path: `calls[${index}].to` })
  const data = resolveValue(
    {
      encode: {
        abi: call.abi,
        functionName: call.functionName,
        args: call.args ?? [],
      },
    },
    `calls[${index}]`,
    lookup,
  ) as Hex
  const target = isReference(call.to) ? `${call.to.ref} ${to}` : to
  return {
    to,
    value: toCallValue(call.value, `calls[${index}].value`),
    data,
    operation: 'call',
    label:
      call.label ??
      `${target}: ${call.functionName}(${(call.args ?? []).map(renderValue).join(', ')})`,
    abi: call.abi,
  }
}
