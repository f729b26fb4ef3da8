// The Deployment playbook as one Safe transaction: the whole StoryDAO system
// (AuthorCoin behind a UUPS proxy, the timelock, the governor, the Treasury
// behind a beacon, and the timelock's role wiring) is CREATE2-deployed by a
// single ops-Safe batch, rehearsed on a fork first, approved through the
// Transaction Service, executed, and recorded in a new manifest that is then
// checked against the chain.
//
// Run: cd examples && npx tsx --conditions=source deploy_release/index.ts
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import {
  assertCreate2AddressesFree,
  assertCreate2DeployerPresent,
  buildRelease,
  buildSafePlan,
  checkManifestAgainstChain,
  createFork,
  createSafeService,
  getProxyState,
  type Manifest,
  simulateSafePlan,
  writeManifest,
} from '@storydao/ops-sdk'
import { startLocalStack, storyDaoRelease } from '@storydao/testkit'
import { approveAndExecute } from '../shared/approveAndExecute.js'
import { createStepLog } from '../shared/step.js'

const out =
  process.env.DEMO_OUT_DIR ?? mkdtempSync(join(tmpdir(), 'storydao-release-'))
const { step, log, done } = createStepLog(
  'Deployment: StoryDAO release in one ops-Safe batch',
)

step('Start the local stack')
const stack = await startLocalStack({ txService: true })
try {
  const { client, manifest } = stack
  const ops = manifest.safes.ops
  const service = createSafeService({
    chainId: stack.chainId,
    txServiceUrl: stack.txServiceUrl,
  })

  step('Resolve the release: predicted CREATE2 addresses, ordered calls')
  const { calls, addresses, deployments } = buildRelease({
    release: storyDaoRelease({ holder: ops.address }),
    manifest,
  })
  for (const deployment of deployments)
    log(`${deployment.name.padEnd(26)} ${deployment.address}`)
  await assertCreate2DeployerPresent(client)
  await assertCreate2AddressesFree(client, {
    addresses: Object.values(addresses),
  })

  step(
    `Build one Safe transaction for all ${calls.length} calls (MultiSendCallOnly)`,
  )
  const plan = await buildSafePlan(client, {
    safe: ops.address,
    calls,
    service,
  })
  log(`safeTxHash ${plan.safeTxHash}`)

  step('Rehearse on a fork')
  const fork = await createFork({ rpcUrl: stack.rpcUrl })
  try {
    const simulation = await simulateSafePlan(fork, { plan, manifest })
    if (simulation.status !== 'success')
      throw new Error(
        `rehearsal failed: ${simulation.revert?.reason ?? 'reverted'}`,
      )
    log(`success, gas used ${simulation.gasUsed}`)
  } finally {
    await fork.stop()
  }

  step('Owners approve; execute from the queue')
  const transactionHash = await approveAndExecute({
    plan,
    service,
    owners: stack.accounts.opsOwners.slice(0, ops.threshold),
    executor: client,
    origin: 'storydao-ops deployment',
    log,
  })
  const receipt = await client.getTransactionReceipt({ hash: transactionHash })

  step('Record the release in a manifest and check it against the chain')
  const deployment = { block: Number(receipt.blockNumber), tx: transactionHash }
  const coin = await getProxyState(client, { proxy: addresses.AuthorCoin! })
  const released: Manifest = {
    $schema: './manifest.schema.json',
    schemaVersion: manifest.schemaVersion,
    network: { ...manifest.network, name: 'local-release' },
    safes: manifest.safes,
    roles: {
      timelock: 'StoryTimelock',
      governor: 'StoryDAO',
      token: 'AuthorCoin',
      treasury: 'Treasury',
    },
    contracts: {
      AuthorCoin: {
        address: addresses.AuthorCoin!,
        kind: 'uups-proxy',
        implementation: addresses.AuthorCoinImplementation!,
        artifact: 'AuthorCoin',
        deployment,
      },
      StoryTimelock: {
        address: addresses.StoryTimelock!,
        kind: 'timelock',
        artifact: 'StoryTimelock',
        deployment,
      },
      StoryDAO: {
        address: addresses.StoryDAO!,
        kind: 'governor',
        artifact: 'StoryDAO',
        deployment,
      },
      TreasuryBeacon: {
        address: addresses.TreasuryBeacon!,
        kind: 'beacon',
        implementation: addresses.TreasuryImplementation!,
        artifact: 'UpgradeableBeacon',
        deployment,
      },
      Treasury: {
        address: addresses.Treasury!,
        kind: 'beacon-proxy',
        beacon: addresses.TreasuryBeacon!,
        artifact: 'Treasury',
        deployment,
      },
    },
    upgrades: [],
  }
  const manifestPath = join(out, 'local-release.json')
  await writeManifest(manifestPath, { manifest: released, archive: false })
  const check = await checkManifestAgainstChain(client, { manifest: released })
  if (!check.ok) throw new Error(JSON.stringify(check.findings, null, 2))
  if (coin.implementation !== addresses.AuthorCoinImplementation)
    throw new Error(`AuthorCoin proxy points at ${coin.implementation}`)
  log(`AuthorCoin implementation slot ${coin.implementation}`)
  log(`${manifestPath} matches the chain`)
  process.stdout.write(
    `${JSON.stringify({ ok: true, safeTxHash: plan.safeTxHash, transactionHash, calls: calls.length, addresses, manifestPath })}\n`,
  )
  done()
} finally {
  await stack.stop()
}
