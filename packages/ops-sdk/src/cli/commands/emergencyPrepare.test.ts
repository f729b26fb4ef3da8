import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { safeAbi } from '@storydao/core'
import { anvilPrivateKeys } from '@storydao/testkit'
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest'
import { lanesPath, readLanes } from '../../test/emergencyLanes.js'
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
beforeEach(async () => {
  await repo.reset()
  rmSync(join(repo.root, 'safe-transactions'), { recursive: true, force: true })
})

const run = (args: string[], env: Record<string, string | undefined> = {}) =>
  runBin(args, { cwd: repo.root, env: { ...repo.env, ...env } })

const watched = ['deployments', 'docs', 'safe-transactions']

describe('storydao-ops emergency prepare', () => {
  test("default: two rehearsed, signed lanes; every hash is the Safe's and the Safe accepts the signatures", async () => {
    const { code, json, stderr } = await run(['emergency', 'prepare', '--json'])
    expect(code, stderr).toBe(0)
    expect(stderr).toContain('Rehearse every lane at its nonce on a fork')
    expect(json).toMatchObject({
      ok: true,
      path: lanesPath(repo),
      network: 'local',
      threshold: 2,
      lanes: [
        { id: 'AuthorCoin@0', nonce: '0', signed: 2, rehearsal: { ok: true } },
        { id: 'AuthorCoin@1', nonce: '1', signed: 2, rehearsal: { ok: true } },
      ],
    })
    const file = readLanes(lanesPath(repo))
    const emergency = repo.stack.manifest.safes.emergency!
    expect(file.safe).toBe(emergency.address)
    expect(file.pausable).toEqual(['AuthorCoin'])
    // No keys in the file: only addresses, hashes and signature bytes.
    const text = readFileSync(lanesPath(repo), 'utf8')
    for (const key of anvilPrivateKeys)
      expect(text.toLowerCase()).not.toContain(key.slice(2).toLowerCase())
    for (const lane of file.lanes) {
      const fields = lane.safeTx
      const args = [
        fields.to,
        BigInt(fields.value!),
        fields.data,
        Number(fields.operation),
        BigInt(fields.safeTxGas!),
        BigInt(fields.baseGas!),
        BigInt(fields.gasPrice!),
        fields.gasToken,
        fields.refundReceiver,
      ] as const
      const [safeTxHash, domainHash] = await Promise.all([
        repo.stack.client.readContract({
          address: file.safe,
          abi: safeAbi,
          functionName: 'getTransactionHash',
          args: [...args, BigInt(lane.nonce)] as never,
        }),
        repo.stack.client.readContract({
          address: file.safe,
          abi: safeAbi,
          functionName: 'domainSeparator',
        }),
      ])
      expect(safeTxHash).toBe(lane.safeTxHash)
      expect(domainHash).toBe(lane.domainHash)
      expect(
        lane.signers.every((signer) => emergency.owners.includes(signer)),
      ).toBe(true)
      // The Safe's own check of the packed signatures (reverts when wrong).
      await repo.stack.client.readContract({
        address: file.safe,
        abi: safeAbi,
        functionName: 'checkSignatures',
        args: [lane.safeTxHash, '0x', lane.signatures] as never,
      })
    }
  })

  test('behavior: --depth 3 --out writes three nonces to the named file', async () => {
    const { code, json, stderr } = await run([
      'emergency',
      'prepare',
      '--depth',
      '3',
      '--out',
      'lanes/break-glass.json',
      '--json',
    ])
    expect(code, stderr).toBe(0)
    const path = join(repo.root, 'lanes', 'break-glass.json')
    expect((json as { path: string }).path).toBe(path)
    expect(readLanes(path).lanes.map(({ id }) => id)).toEqual([
      'AuthorCoin@0',
      'AuthorCoin@1',
      'AuthorCoin@2',
    ])
    expect(existsSync(lanesPath(repo))).toBe(false)
    // Written atomically: no temporary file left beside it.
    expect(readdirSync(join(repo.root, 'lanes'))).toEqual(['break-glass.json'])
  })

  test('behavior: with an owner key instead of the dev accounts, lanes are proposed to the Transaction Service and stored "unsigned: 1 of 2"', async () => {
    const { code, stdout, stderr } = await run(
      ['emergency', 'prepare', '--signer-env', 'OWNER_KEY'],
      { OWNER_KEY: repo.stack.accounts.emergencyOwners[0].privateKey },
    )
    expect(code, stderr).toBe(0)
    expect(stdout).toMatch(/AuthorCoin@0 .*unsigned: 1 of 2/)
    expect(stdout).toContain('storydao-ops safe confirm <safeTxHash>')
    const file = readLanes(lanesPath(repo))
    expect(file.lanes.map((lane) => lane.signers)).toEqual([
      [repo.stack.accounts.emergencyOwners[0].address],
      [repo.stack.accounts.emergencyOwners[0].address],
    ])
    const status = await run(['emergency', 'status'])
    expect(status.code).toBe(1)
    expect(status.stdout).toMatch(/AuthorCoin@0 +unsigned .*unsigned: 1 of 2/)

    // A second owner confirms on the service; prepare gathers it.
    const lane = file.lanes[0]!
    const confirm = await run(
      ['safe', 'confirm', lane.safeTxHash, '--signer-env', 'OWNER_KEY'],
      { OWNER_KEY: repo.stack.accounts.emergencyOwners[1].privateKey },
    )
    expect(confirm.code, confirm.stderr).toBe(0)
    const again = await run(
      ['emergency', 'prepare', '--signer-env', 'OWNER_KEY'],
      {
        OWNER_KEY: repo.stack.accounts.emergencyOwners[0].privateKey,
      },
    )
    expect(again.code, again.stderr).toBe(0)
    expect(again.stdout).toMatch(/AuthorCoin@0 .*signed/)
    const fired = await run(['emergency', 'fire', '--json'])
    expect(fired.code, fired.stderr).toBe(0)
  })

  test('error: an unknown network exits 2 and changes no file', async () => {
    const before = fingerprint(repo.root, watched)
    const { code, stderr } = await run([
      'emergency',
      'prepare',
      '--network',
      'atlantis',
    ])
    expect(code).toBe(2)
    expect(stderr).toMatch(/atlantis/)
    expect(fingerprint(repo.root, watched)).toEqual(before)
  })

  test('error: a bad --depth exits 2 and changes no file', async () => {
    const before = fingerprint(repo.root, watched)
    const { code, stderr } = await run(['emergency', 'prepare', '--depth', '0'])
    expect(code).toBe(2)
    expect(stderr).toContain('--depth must be a number of nonces from 1 to 10')
    expect(fingerprint(repo.root, watched)).toEqual(before)
  })

  test('error: an unreachable RPC exits 3 and changes no file', async () => {
    const before = fingerprint(repo.root, watched)
    const { code } = await run(['emergency', 'prepare'], {
      LOCAL_RPC_URL: 'http://127.0.0.1:9',
    })
    expect(code).toBe(3)
    expect(fingerprint(repo.root, watched)).toEqual(before)
  })
})
