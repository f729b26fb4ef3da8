import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { accessControlAbi, authorCoinAbi } from '@storydao/core'
import { keccak256, toHex, zeroHash } from 'viem'
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest'
import {
  type LocalRepository,
  startLocalRepository,
} from '../../test/localRepository.js'
import { fingerprint, runBin } from '../../test/runBin.js'

let repo: LocalRepository
beforeAll(async () => {
  repo = await startLocalRepository()
})
afterAll(() => repo?.stop())
beforeEach(() => repo.reset())

const run = (args: string[], env: Record<string, string | undefined> = {}) =>
  runBin(args, { cwd: repo.root, env: { ...repo.env, ...env } })

const trees = ['deployments', 'docs', 'safe-transactions']

type ValidateJson = {
  ok: boolean
  network: string
  rolesChecked: number
  findings: {
    severity: string
    code: string
    path: string
    message: string
    hint: string
  }[]
}

/** Sends a transaction as the timelock (the admin of its own roles and AuthorCoin's). */
async function impersonateTimelock(): Promise<`0x${string}`> {
  const { stack } = repo
  const timelock = stack.manifest.contracts.StoryTimelock!.address
  await stack.client.request({
    method: 'anvil_impersonateAccount' as never,
    params: [timelock] as never,
  })
  await stack.client.request({
    method: 'anvil_setBalance' as never,
    params: [timelock, '0xde0b6b3a7640000'] as never,
  })
  return timelock
}

/** Revokes AuthorCoin's PAUSER_ROLE from the emergency Safe, as its admin (the timelock) would. */
async function revokePauser(): Promise<void> {
  const { stack } = repo
  const timelock = await impersonateTimelock()
  const hash = await stack.client.writeContract({
    address: stack.manifest.contracts.AuthorCoin!.address,
    abi: authorCoinAbi,
    functionName: 'revokeRole',
    args: [
      keccak256(toHex('PAUSER_ROLE')),
      stack.manifest.safes.emergency!.address,
    ],
    account: timelock,
    chain: null,
  })
  await stack.client.waitForTransactionReceipt({ hash })
}

describe('storydao-ops validate', () => {
  test('default: the local stack is clean (exit 0), every role read', async () => {
    const { code, json, stderr } = await run(['validate', '--json'])
    expect(code, stderr).toBe(0)
    const result = json as ValidateJson
    expect(result).toMatchObject({ ok: true, network: 'local', findings: [] })
    // ops Safe ×3, governor ×3, emergency canceller + pauser, deployer admin.
    expect(result.rolesChecked).toBe(9)

    const human = await run(['validate'])
    expect(human.code).toBe(0)
    expect(human.stdout).toContain('deployments/local.json matches the chain')
  })

  test('error: the emergency Safe without PAUSER_ROLE exits 1, naming it with a hint', async () => {
    await revokePauser()
    const before = fingerprint(repo.root, trees)
    const { code, stdout, stderr } = await run(['validate'])
    expect(code, stderr).toBe(1)
    expect(stdout).toContain(
      'error   contracts.AuthorCoin: emergency Safe does not have PAUSER_ROLE on AuthorCoin',
    )
    expect(stdout).toContain(
      `hint: Grant it through the role's admin (the timelock): AuthorCoin.grantRole(PAUSER_ROLE, ${repo.stack.manifest.safes.emergency!.address})`,
    )
    expect(stdout).toContain('1 problem found.')
    expect(fingerprint(repo.root, trees)).toEqual(before)

    const json = (await run(['validate', '--json'])).json as ValidateJson
    expect(json.ok).toBe(false)
    expect(json.findings).toEqual([
      expect.objectContaining({
        code: 'role_missing',
        path: 'contracts.AuthorCoin',
      }),
    ])
  })

  test('error: a deployer that holds the timelock admin role again exits 1', async () => {
    const { stack } = repo
    const timelock = await impersonateTimelock()
    const hash = await stack.client.writeContract({
      address: timelock,
      abi: accessControlAbi,
      functionName: 'grantRole',
      args: [zeroHash, stack.accounts.deployer.address],
      account: timelock,
      chain: null,
    })
    await stack.client.waitForTransactionReceipt({ hash })
    const { code, json } = await run(['validate', '--json'])
    expect(code).toBe(1)
    expect((json as ValidateJson).findings).toEqual([
      expect.objectContaining({
        code: 'admin_not_renounced',
        path: 'contracts.StoryTimelock',
        hint: expect.stringContaining(
          `StoryTimelock.renounceRole(DEFAULT_ADMIN_ROLE, ${stack.accounts.deployer.address})`,
        ),
      }),
    ])
  })

  test('error: a manifest Safe threshold the chain does not have exits 1', async () => {
    const path = join(repo.root, 'deployments', 'local.json')
    const manifest = JSON.parse(readFileSync(path, 'utf8'))
    manifest.safes.ops.threshold = 3
    writeFileSync(path, `${JSON.stringify(manifest, null, 2)}\n`)
    const before = fingerprint(repo.root, trees)
    const { code, stdout } = await run(['validate'])
    expect(code).toBe(1)
    expect(stdout).toContain('safes.ops.threshold')
    expect(stdout).toContain('hint: ')
    expect(fingerprint(repo.root, trees)).toEqual(before)
  })

  test('error: an unknown network exits 2', async () => {
    const { code, stderr } = await run(['validate', '--network', 'atlantis'])
    expect(code).toBe(2)
    expect(stderr).toMatch(/atlantis/)
  })
})

describe('storydao-ops check', () => {
  test('default: validate and the live invariants hold on the local stack', async () => {
    const { code, json, stderr } = await run(['check', '--json'])
    expect(code, stderr).toBe(0)
    const result = json as ValidateJson & {
      invariants: { name: string; ok: boolean }[]
    }
    expect(result.ok).toBe(true)
    expect(result.invariants.map(({ name }) => name).sort()).toEqual([
      'beaconImplementationIs',
      'implementationIs',
      'supplyWithinCap',
    ])
    expect(result.invariants.every(({ ok }) => ok)).toBe(true)
  })

  test('error: a proxy on another implementation than the manifest records exits 1', async () => {
    const path = join(repo.root, 'deployments', 'local.json')
    const manifest = JSON.parse(readFileSync(path, 'utf8'))
    // The Treasury implementation is real code, just not AuthorCoin's.
    manifest.contracts.AuthorCoin.implementation =
      manifest.contracts.TreasuryBeacon?.implementation ??
      repo.stack.manifest.contracts.StoryTimelock!.address
    writeFileSync(path, `${JSON.stringify(manifest, null, 2)}\n`)
    const { code, stdout, json } = await run(['check'])
    expect(code).toBe(1)
    expect(json).toBeUndefined()
    expect(stdout).toContain('contracts.AuthorCoin.implementation')
    expect(stdout).toContain('invariant')
    expect(stdout).toContain('smoke check FAILED')
  })
})
