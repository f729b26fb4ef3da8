import { spawn } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { type Address, getAddress, type Hex, keccak256, toHex } from 'viem'
import type { Manifest } from '../manifestSchema.js'

/** A deterministic checksummed address for a label. */
export function address(label: string): Address {
  return getAddress(`0x${keccak256(toHex(label)).slice(26)}`)
}

/** A deterministic 32-byte hash for a label. */
export function hash(label: string): Hex {
  return keccak256(toHex(`hash:${label}`))
}

/** A valid manifest in the shape of the seed's `deployments/local.json`. */
export function sampleManifest(): Manifest {
  return {
    $schema: './manifest.schema.json',
    schemaVersion: 1,
    network: { name: 'local', chainId: 31337, rpcEnv: 'LOCAL_RPC_URL' },
    safes: {
      ops: {
        address: address('ops-safe'),
        threshold: 2,
        owners: [address('alice'), address('bob'), address('carol')],
      },
      emergency: {
        address: address('emergency-safe'),
        threshold: 2,
        owners: [address('dave'), address('erin'), address('frank')],
      },
    },
    roles: {
      timelock: 'StoryTimelock',
      governor: 'StoryDAO',
      token: 'AuthorCoin',
      treasury: 'Treasury',
    },
    contracts: {
      AuthorCoin: {
        address: address('AuthorCoin'),
        kind: 'uups-proxy',
        implementation: address('AuthorCoinImpl'),
        artifact: 'AuthorCoin',
        deployment: { block: 12, tx: hash('AuthorCoin') },
        verified: false,
      },
      StoryTimelock: {
        address: address('StoryTimelock'),
        kind: 'timelock',
        artifact: 'StoryTimelock',
        deployment: { block: 13, tx: hash('StoryTimelock') },
      },
      StoryDAO: {
        address: address('StoryDAO'),
        kind: 'governor',
        artifact: 'StoryDAO',
      },
      TreasuryBeacon: {
        address: address('TreasuryBeacon'),
        kind: 'beacon',
        implementation: address('TreasuryImpl'),
        artifact: 'UpgradeableBeacon',
      },
      Treasury: {
        address: address('Treasury'),
        kind: 'beacon-proxy',
        beacon: address('TreasuryBeacon'),
        artifact: 'Treasury',
      },
    },
    upgrades: [
      {
        id: '2026-11-26-authorcoin-v2',
        target: 'AuthorCoin',
        fromImplementation: address('AuthorCoinImpl'),
        toImplementation: address('AuthorCoinImplV2'),
        calldata: '0x',
        status: 'prepared',
        createdAt: '2026-11-26T10:00:00.000Z',
      },
    ],
  }
}

/** A JSON copy of a manifest that tests may break at will. */
// biome-ignore lint/suspicious/noExplicitAny: tests break manifests on purpose
export function mutable(manifest: Manifest = sampleManifest()): any {
  return JSON.parse(JSON.stringify(manifest))
}

/** A fresh temp directory, removed by the returned cleanup. */
export async function tempDir(): Promise<{
  dir: string
  cleanup: () => Promise<void>
}> {
  const dir = await mkdtemp(join(tmpdir(), 'storydao-core-'))
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) }
}

/**
 * A valid manifest with `count` extra plain contracts and `notesBytes` of
 * notes: cheap to validate, slow to write.
 */
export function largeManifest(
  count: number,
  variant: string,
  notesBytes = 0,
): Manifest {
  const manifest = sampleManifest()
  if (notesBytes > 0) manifest.upgrades![0]!.notes = variant.repeat(notesBytes)
  for (let index = 0; index < count; index++)
    manifest.contracts[`Filler${index}`] = {
      address: address(`filler-${variant}-${index}`),
      kind: 'plain',
      artifact: `Filler${variant}`,
      deployment: { block: index, tx: hash(`filler-${variant}-${index}`) },
      verified: index % 2 === 0,
    }
  return manifest
}

/** Runs `src/test/manifestWriterProcess.ts` in a child process. */
export function spawnWriter(args: string[]) {
  return spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      fileURLToPath(new URL('./manifestWriterProcess.ts', import.meta.url)),
      ...args,
    ],
    {
      cwd: fileURLToPath(new URL('../..', import.meta.url)),
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  )
}

/** The sample manifest after an upgrade round, a rotation and a new contract. */
export function changedManifest(): Manifest {
  const next = sampleManifest()
  const coin = next.contracts.AuthorCoin!
  if (coin.kind === 'uups-proxy')
    coin.implementation = address('AuthorCoinImplV2')
  const beacon = next.contracts.TreasuryBeacon!
  if (beacon.kind === 'beacon')
    beacon.implementation = address('TreasuryImplV2')
  next.contracts.StoryDAO!.verified = true
  next.contracts.Vesting = {
    address: address('Vesting'),
    kind: 'plain',
    artifact: 'Vesting',
    deployment: { block: 99, tx: hash('Vesting') },
  }
  delete next.contracts.StoryTimelock
  next.roles = { governor: 'StoryDAO', token: 'Vesting', treasury: 'Treasury' }
  next.safes.ops.threshold = 3
  next.safes.ops.owners = [address('alice'), address('bob'), address('grace')]
  delete next.safes.emergency
  next.upgrades = [
    {
      ...next.upgrades![0]!,
      status: 'executed',
      executedTx: hash('executed'),
      proposalId: '1234567890123456789012345678901234567890',
    },
    {
      id: '2026-11-27-treasury-v2',
      target: 'TreasuryBeacon',
      fromImplementation: address('TreasuryImpl'),
      toImplementation: address('TreasuryImplV2'),
      calldata: '0x',
      status: 'prepared',
      createdAt: '2026-11-27T09:00:00.000Z',
    },
  ]
  return next
}
