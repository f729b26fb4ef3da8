import { execFile } from 'node:child_process'
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import {
  authorCoinAbi,
  confirmSafeTransaction,
  createOpsContext,
  executeSafeTransaction,
  type Manifest,
  recordDeployment,
  safeAbi,
  storyTimelockAbi,
  validateUpgrade,
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
const repository = join(here, '..')
const tsx = join(
  dirname(createRequire(import.meta.url).resolve('tsx/package.json')),
  'dist/cli.mjs',
)

let stack: LocalStack<true>
/** A repository whose `local` network is the stack's deployed StoryDAO. */
let root: string
/** A repository whose `local` network has the Safes and nothing deployed. */
let freshRoot: string

/**
 * A repository root as a protocol repository holds it: deployments/ (the
 * networks, the manifest, the release files) and contracts/ (the Foundry
 * project, built).
 */
async function writeRepository(manifest: Manifest): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'storydao-examples-'))
  mkdirSync(join(dir, 'deployments'))
  const networks = JSON.parse(
    readFileSync(join(repository, 'deployments/networks.json'), 'utf8'),
  )
  networks.networks.local.defaultRpcUrl = stack.rpcUrl
  networks.networks.local.txServiceUrl = stack.txServiceUrl
  writeFileSync(
    join(dir, 'deployments/networks.json'),
    `${JSON.stringify(networks, null, 2)}\n`,
  )
  cpSync(
    join(repository, 'deployments/releases'),
    join(dir, 'deployments/releases'),
    { recursive: true },
  )
  symlinkSync(join(repository, 'contracts'), join(dir, 'contracts'))
  await writeManifest(join(dir, 'deployments/local.json'), {
    manifest,
    archive: false,
  })
  return dir
}

beforeAll(async () => {
  stack = await startLocalStack({ txService: true })
  const { manifest } = stack
  root = await writeRepository(manifest)
  freshRoot = await writeRepository({
    schemaVersion: manifest.schemaVersion,
    network: manifest.network,
    safes: manifest.safes,
    contracts: {},
  })
}, 120_000)
afterAll(() => stack?.stop())

/** The owners' part, done here as signers would in Safe{Wallet}: confirm, execute. */
async function approveAndExecute(dir: string, safeTxHash: Hex) {
  const context = await createOpsContext({
    network: 'local',
    root: dir,
    env: { LOCAL_RPC_URL: stack.rpcUrl },
  })
  await confirmSafeTransaction(context, { safeTxHash })
  return executeSafeTransaction(context, { safeTxHash })
}

async function runExample(
  name: string,
  args: string[] = [],
  cwd: string = root,
) {
  const { stdout, stderr } = await promisify(execFile)(
    process.execPath,
    [tsx, '--conditions=source', join(here, name, 'index.ts'), ...args],
    {
      cwd,
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

describe('examples: deployment', () => {
  /** Signers approve and execute the batch; then `record` writes the manifest. */
  async function executeAndRecord(safeTxHash: Hex) {
    await approveAndExecute(freshRoot, safeTxHash)
    const recorded = await recordDeployment(
      await createOpsContext({
        network: 'local',
        root: freshRoot,
        env: { LOCAL_RPC_URL: stack.rpcUrl },
      }),
      { safeTxHash },
    )
    expect(recorded.ok).toBe(true)
    return JSON.parse(
      readFileSync(join(freshRoot, 'deployments/local.json'), 'utf8'),
    ) as Manifest
  }

  test('deploy-timelock: a network without a timelock gets one', async () => {
    const { result } = await runExample('deploy-timelock', [], freshRoot)
    expect(result).toMatchObject({ ok: true, status: 'planned' })
    expect(await safeTxHashOnChain(result.safe, BigInt(result.nonce))).toBe(
      result.safeTxHash,
    )
    const manifest = await executeAndRecord(result.safeTxHash)
    expect(manifest.contracts.StoryTimelock?.address).toBe(result.timelock)
  })

  test('deploy-core: the rest of the release as one ops-Safe batch, the timelock skipped', async () => {
    const { result } = await runExample('deploy-core', [], freshRoot)
    expect(result).toMatchObject({
      ok: true,
      status: 'planned',
      skipped: ['StoryTimelock'],
    })
    expect(Object.keys(result.contracts)).toContain('AuthorCoin')
    expect(await safeTxHashOnChain(result.safe, BigInt(result.nonce))).toBe(
      result.safeTxHash,
    )
    const manifest = await executeAndRecord(result.safeTxHash)
    for (const [name, address] of Object.entries(result.contracts))
      expect(manifest.contracts[name]?.address ?? address).toBe(address)
    expect(manifest.contracts.AuthorCoin?.address).toBe(
      result.contracts.AuthorCoin,
    )
  })

  test('deploy-timelock: with a timelock recorded, nothing is planned', async () => {
    const { result } = await runExample('deploy-timelock', [], freshRoot)
    expect(result).toMatchObject({
      ok: true,
      status: 'nothing-to-deploy',
      skipped: ['StoryTimelock'],
    })
  })
})

describe('examples: upgrade (timelock route)', () => {
  test('prepare-upgrade → propose-upgrade → queue-upgrade → execute-upgrade, then validated', async () => {
    const prepared = await runExample('prepare-upgrade')
    expect(prepared.result).toMatchObject({ ok: true })
    const id: string = prepared.result.id

    const proposed = await runExample('propose-upgrade', [id])
    expect(proposed.result.ok).toBe(true)
    expect(
      await safeTxHashOnChain(
        proposed.result.safe,
        BigInt(proposed.result.nonce),
      ),
    ).toBe(proposed.result.safeTxHash)
    await approveAndExecute(root, proposed.result.safeTxHash)

    const queued = await runExample('queue-upgrade', [id])
    expect(queued.result).toMatchObject({
      ok: true,
      route: 'timelock',
      status: 'queued',
      operationId: proposed.result.operationId,
    })

    const early = await runExample('execute-upgrade', [id]).catch(
      (error: { code: number; stderr: string }) => error,
    )
    expect(early).toMatchObject({ code: 1 })
    expect((early as { stderr: string }).stderr).toContain('UPGRADE_NOT_READY')

    await stack.client.request({
      method: 'evm_increaseTime',
      params: [toHex(3601)],
    })
    await stack.client.request({
      method: 'anvil_mine',
      params: ['0x1', undefined],
    })
    const executing = await runExample('execute-upgrade', [id])
    expect(executing.result.ok).toBe(true)
    expect(
      await safeTxHashOnChain(
        executing.result.safe,
        BigInt(executing.result.nonce),
      ),
    ).toBe(executing.result.safeTxHash)
    await approveAndExecute(root, executing.result.safeTxHash)

    const validated = await validateUpgrade(
      await createOpsContext({
        network: 'local',
        root,
        env: { LOCAL_RPC_URL: stack.rpcUrl },
      }),
      { id },
    )
    expect(validated.ok).toBe(true)
    expect(
      await stack.client.readContract({
        address: stack.manifest.contracts.AuthorCoin!.address,
        abi: authorCoinAbi,
        functionName: 'version',
      }),
    ).toBe('2.0.0')
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
