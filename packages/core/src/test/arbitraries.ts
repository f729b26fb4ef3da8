import fc from 'fast-check'
import { type Address, bytesToHex, getAddress, type Hex } from 'viem'
import { upgradeStatuses } from '../manifestConstants.js'
import type {
  ContractEntry,
  Manifest,
  ManifestSafe,
  UpgradeEntry,
} from '../manifestSchema.js'

const addressArbitrary: fc.Arbitrary<Address> = fc
  .uint8Array({ minLength: 20, maxLength: 20 })
  .map((bytes) => getAddress(bytesToHex(bytes)))

const hashArbitrary: fc.Arbitrary<Hex> = fc
  .uint8Array({ minLength: 32, maxLength: 32 })
  .map((bytes) => bytesToHex(bytes))

const calldataArbitrary: fc.Arbitrary<Hex> = fc
  .uint8Array({ maxLength: 68 })
  .map((bytes) => bytesToHex(bytes))

const optional = <value>(arbitrary: fc.Arbitrary<value>) =>
  fc.option(arbitrary, { nil: undefined })

// Plain prototypes, so results compare equal to parsed JSON.
const record = <value>(
  shape: {
    [key in keyof value]: fc.Arbitrary<value[key]>
  },
): fc.Arbitrary<value> =>
  fc.record(shape, { noNullPrototype: true }) as fc.Arbitrary<value>

/** Copies `base`, setting each optional key only when defined (exactOptionalPropertyTypes). */
function compact<value>(base: value, extra: Record<string, unknown>): value {
  const out: Record<string, unknown> = { ...(base as Record<string, unknown>) }
  for (const [key, item] of Object.entries(extra))
    if (item !== undefined) out[key] = item
  return out as value
}

const kinds = [
  'plain',
  'uups-proxy',
  'transparent-proxy',
  'beacon-proxy',
  'beacon',
  'timelock',
  'governor',
] as const

/**
 * Valid manifests with every optional part sometimes present. Addresses come
 * from one pool of distinct random addresses, since the manifest forbids
 * reusing one for two contracts.
 */
export const manifestArbitrary: fc.Arbitrary<Manifest> = record({
  pool: fc.uniqueArray(addressArbitrary, {
    minLength: 80,
    maxLength: 80,
    selector: (address) => address.toLowerCase(),
  }),
  network: record({
    name: fc.stringMatching(/^[a-z0-9][a-z0-9_-]{0,12}$/),
    chainId: fc.integer({ min: 1, max: 2 ** 40 }),
    rpcEnv: optional(fc.stringMatching(/^[A-Z_][A-Z0-9_]{0,16}$/)),
  }),
  ops: record({ owners: fc.integer({ min: 1, max: 5 }), threshold: fc.nat() }),
  emergency: optional(
    record({ owners: fc.integer({ min: 1, max: 5 }), threshold: fc.nat() }),
  ),
  contracts: fc.uniqueArray(
    record({
      name: fc.stringMatching(/^[A-Za-z][A-Za-z0-9_-]{0,12}$/),
      kind: fc.constantFrom(...kinds),
      artifact: fc.stringMatching(/^[A-Za-z][A-Za-z0-9]{0,12}$/),
      deployment: optional(record({ block: fc.nat(), tx: hashArbitrary })),
      verified: optional(fc.boolean()),
    }),
    { maxLength: 8, selector: (entry) => entry.name.toLowerCase() },
  ),
  roles: optional(
    record({
      timelock: fc.boolean(),
      governor: fc.boolean(),
      token: fc.boolean(),
      treasury: fc.boolean(),
    }),
  ),
  upgrades: optional(
    fc.array(
      record({
        target: fc.nat(),
        calldata: calldataArbitrary,
        status: fc.constantFrom(...upgradeStatuses),
        createdAt: fc
          .date({
            min: new Date('2000-01-01T00:00:00.000Z'),
            max: new Date('2999-12-31T23:59:59.999Z'),
            noInvalidDate: true,
          })
          .map((date) => date.toISOString()),
        safeTxHash: optional(hashArbitrary),
        proposalId: optional(
          fc
            .bigInt({ min: 0n, max: 2n ** 256n - 1n })
            .map((id) => id.toString()),
        ),
        operationId: optional(hashArbitrary),
        executedTx: optional(hashArbitrary),
        notes: optional(fc.string({ unit: 'grapheme', maxLength: 40 })),
      }),
      { maxLength: 4 },
    ),
  ),
}).map((draft): Manifest => {
  let next = 0
  const take = () => draft.pool[next++]!
  const safe = (spec: { owners: number; threshold: number }): ManifestSafe => {
    const owners = Array.from({ length: spec.owners }, take)
    return {
      address: take(),
      threshold: (spec.threshold % owners.length) + 1,
      owners,
    }
  }
  const ops = safe(draft.ops)
  const emergency = draft.emergency && safe(draft.emergency)

  const contracts: Record<string, ContractEntry> = {}
  const beacons: Address[] = []
  const ordered = [...draft.contracts].sort(
    // Beacons first, so every beacon proxy has one to point at.
    (a, b) => Number(b.kind === 'beacon') - Number(a.kind === 'beacon'),
  )
  for (const spec of ordered) {
    const kind =
      spec.kind === 'beacon-proxy' && beacons.length === 0 ? 'plain' : spec.kind
    const address = take()
    const head =
      kind === 'uups-proxy' || kind === 'beacon'
        ? { address, kind, implementation: take() }
        : kind === 'transparent-proxy'
          ? { address, kind, implementation: take(), proxyAdmin: take() }
          : kind === 'beacon-proxy'
            ? { address, kind, beacon: beacons[next % beacons.length]! }
            : { address, kind }
    if (kind === 'beacon') beacons.push(address)
    contracts[spec.name] = compact(
      { ...head, artifact: spec.artifact } as ContractEntry,
      { deployment: spec.deployment, verified: spec.verified },
    )
  }

  const names = Object.keys(contracts)
  const ofKind = (...wanted: string[]) =>
    names.filter((name) => wanted.includes(contracts[name]!.kind))
  const assign = (use: boolean | undefined, candidates: string[]) =>
    use ? candidates[0] : undefined
  const holders = ['plain', 'uups-proxy', 'transparent-proxy', 'beacon-proxy']
  const roles = draft.roles && {
    ...compact(
      {},
      {
        timelock: assign(draft.roles.timelock, ofKind('timelock')),
        governor: assign(draft.roles.governor, ofKind('governor')),
        token: assign(draft.roles.token, ofKind(...holders)),
        treasury: assign(draft.roles.treasury, ofKind(...holders)),
      },
    ),
  }

  const upgradeable = ofKind('uups-proxy', 'transparent-proxy', 'beacon')
  const upgrades =
    draft.upgrades &&
    (upgradeable.length === 0
      ? []
      : draft.upgrades.map(
          ({ target, calldata, status, createdAt, ...extra }, index) =>
            compact(
              {
                id: `upgrade-${index}`,
                target: upgradeable[target % upgradeable.length]!,
                fromImplementation: take(),
                toImplementation: take(),
                calldata,
                status,
                createdAt,
              } satisfies UpgradeEntry,
              extra,
            ),
        ))

  return compact(
    {
      $schema: './manifest.schema.json',
      schemaVersion: 1,
      network: compact(
        { name: draft.network.name, chainId: draft.network.chainId },
        { rpcEnv: draft.network.rpcEnv },
      ),
      safes: compact({ ops }, { emergency }),
      contracts,
    } satisfies Manifest,
    { roles, upgrades },
  )
})
