import { execFile } from 'node:child_process'
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  writeFileSync,
} from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import {
  authorCoinAbi,
  safeAbi,
  storyTimelockAbi,
  writeManifest,
} from '@storydao/ops-sdk'
import { type LocalStack, startLocalStack } from '@storydao/testkit'
import {
  type Address,
  encodeFunctionData,
  type Hex,
  keccak256,
  toHex,
  zeroHash,
} from 'viem'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'

// Each example runs as a user runs it (tsx, from a repository root holding
// deployments/ whose `local` network is the running local stack) and ends
// with one JSON result line on stdout.
const here = dirname(fileURLToPath(import.meta.url))
const tsx = join(
  dirname(createRequire(import.meta.url).resolve('tsx/package.json')),
  'dist/cli.mjs',
)

let stack: LocalStack<true>
let root: string

beforeAll(async () => {
  stack = await startLocalStack({ txService: true })
  root = mkdtempSync(join(tmpdir(), 'storydao-examples-'))
  mkdirSync(join(root, 'deployments'))
  const networks = JSON.parse(
    readFileSync(join(here, '../deployments/networks.json'), 'utf8'),
  )
  networks.networks.local.defaultRpcUrl = stack.rpcUrl
  networks.networks.local.txServiceUrl = stack.txServiceUrl
  writeFileSync(
    join(root, 'deployments/networks.json'),
    `${JSON.stringify(networks, null, 2)}\n`,
  )
  await writeManifest(join(root, 'deployments/local.json'), {
    manifest: stack.manifest,
    archive: false,
  })
}, 120_000)
afterAll(() => stack?.stop())

async function runExample(name: string, args: string[] = []) {
  const { stdout, stderr } = await promisify(execFile)(
    process.execPath,
    [tsx, '--conditions=source', join(here, name, 'index.ts'), ...args],
    {
      cwd: root,
      env: { ...process.env, LOCAL_RPC_URL: stack.rpcUrl },
      maxBuffer: 16 << 20,
    },
  )
  const lines = stdout.trim().split('\n')
  expect(lines).toHaveLength(1)
  return { result: JSON.parse(lines[0]!), stderr }
}

/** The fields of a queued transaction, as the Transaction Service returns them. */
type ServiceTransaction = {
  to: Address
  value: string
  data: Hex | null
  operation: number
  safeTxGas: string
  baseGas: string
  gasPrice: string
  gasToken: Address
  refundReceiver: Address
  nonce: string
}

/** What the Safe contract itself computes for the proposed transaction. */
async function safeTxHashOnChain(safe: Address, nonce: bigint): Promise<Hex> {
  const queued = (await fetch(
    `${stack.txServiceUrl}/v2/safes/${safe}/multisig-transactions/?nonce=${nonce}`,
  ).then((response) => response.json())) as { results: ServiceTransaction[] }
  const tx = queued.results[0]
  if (!tx) throw new Error(`nothing queued at nonce ${nonce}`)
  return stack.client.readContract({
    address: safe,
    abi: safeAbi,
    functionName: 'getTransactionHash',
    args: [
      tx.to,
      BigInt(tx.value),
      tx.data ?? '0x',
      tx.operation,
      BigInt(tx.safeTxGas),
      BigInt(tx.baseGas),
      BigInt(tx.gasPrice),
      tx.gasToken,
      tx.refundReceiver,
      BigInt(tx.nonce),
    ],
  })
}

describe('examples', () => {
  test('dump-state: writes the state of every contract at one block', async () => {
    const { result } = await runExample('dump-state', ['state.json'])
    expect(result.ok).toBe(true)
    expect(result.path).toBe(join(root, 'state.json'))
    expect(existsSync(result.path)).toBe(true)
    expect(result.contracts).toContain('AuthorCoin')
  })

  test('emergency-pause: the emergency Safe proposal the Safe itself hashes the same', async () => {
    const { result, stderr } = await runExample('emergency-pause')
    expect(result).toMatchObject({ ok: true, paused: ['AuthorCoin'] })
    expect(stderr).toContain('Rehearse it on a fork')
    expect(existsSync(result.transactionBuilderFile)).toBe(true)
    expect(await safeTxHashOnChain(result.safe, BigInt(result.nonce))).toBe(
      result.safeTxHash,
    )
  })

  test('cancel-timelock: an operation nobody proposed is cancelled by the emergency Safe', async () => {
    const rogue = await scheduleRogueOperation()
    const { result, stderr } = await runExample('cancel-timelock')
    expect(stderr).toContain(`UNKNOWN ${rogue}`)
    expect(result).toMatchObject({ ok: true, cancelled: [rogue] })
    expect(await safeTxHashOnChain(result.safe, BigInt(result.nonce))).toBe(
      result.safeTxHash,
    )
  })
})

/** A compromised proposer (the governor, impersonated) schedules a role grant. */
async function scheduleRogueOperation(): Promise<Hex> {
  const { contracts } = stack.manifest
  const timelock = contracts.StoryTimelock!.address
  const governor = contracts.StoryDAO!.address
  const data = encodeFunctionData({
    abi: authorCoinAbi,
    functionName: 'grantRole',
    args: [keccak256(toHex('MINTER_ROLE')), stack.accounts.stranger.address],
  })
  const salt = keccak256(toHex('examples-rogue'))
  await stack.client.request({
    method: 'anvil_impersonateAccount',
    params: [governor],
  })
  await stack.client.request({
    method: 'anvil_setBalance',
    params: [governor, toHex(10n ** 18n)],
  })
  const hash = await stack.client.sendTransaction({
    account: governor,
    to: timelock,
    data: encodeFunctionData({
      abi: storyTimelockAbi,
      functionName: 'schedule',
      args: [contracts.AuthorCoin!.address, 0n, data, zeroHash, salt, 3600n],
    }),
  })
  await stack.client.waitForTransactionReceipt({ hash })
  return stack.client.readContract({
    address: timelock,
    abi: storyTimelockAbi,
    functionName: 'hashOperation',
    args: [contracts.AuthorCoin!.address, 0n, data, zeroHash, salt],
  })
}
