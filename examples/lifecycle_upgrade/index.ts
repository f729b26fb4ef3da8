// The upgrade playbook as Safe transactions, end to end on the local stack:
// upgrade-safety check → one ops-Safe batch that deploys AuthorCoinV2 (CREATE2)
// and schedules the upgrade on the timelock → rehearsal on a fork with the
// default invariants → Transaction Builder file → propose / confirm / execute
// through the Transaction Service → timelock delay → a second Safe
// transaction executes the upgrade → the manifest records it and is checked
// against the chain.
//
// Run: npx -y pnpm@10 demo   (or: cd examples && npx tsx --conditions=source lifecycle_upgrade/index.ts)
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import {
  assertCreate2DeployerPresent,
  assertSafePlan,
  authorCoinV2Abi,
  buildCreate2Deploy,
  buildSafePlan,
  buildTimelockExecute,
  buildUupsUpgrade,
  checkManifestAgainstChain,
  checkUpgradeSafety,
  createFork,
  createSafeService,
  getDefaultInvariants,
  getProxyState,
  prepareTimelockSchedule,
  renderReport,
  toTransactionBuilderBatch,
  updateManifest,
  writeManifest,
} from '@storydao/ops-sdk'
import { startLocalStack, storyDaoBytecodes } from '@storydao/testkit'
import { encodeFunctionData, keccak256, parseEther, toHex } from 'viem'
import { approveAndExecute } from '../shared/approveAndExecute.js'
import { createStepLog } from '../shared/step.js'

const out =
  process.env.DEMO_OUT_DIR ?? mkdtempSync(join(tmpdir(), 'storydao-demo-'))
const contractsRoot = fileURLToPath(new URL('../../contracts', import.meta.url))
const { step, log, done } = createStepLog(
  'StoryDAO upgrade lifecycle: AuthorCoin → AuthorCoinV2',
)

step(
  'Start the local stack (anvil, Safe v1.4.1, StoryDAO, Transaction Service)',
)
const stack = await startLocalStack({ txService: true })
try {
  const { client, manifest } = stack
  const manifestPath = join(out, 'local.json')
  await writeManifest(manifestPath, { manifest, archive: false })
  const coin = manifest.contracts.AuthorCoin
  const timelock = manifest.contracts.StoryTimelock
  if (coin?.kind !== 'uups-proxy' || !timelock)
    throw new Error('unexpected manifest')
  const ops = manifest.safes.ops
  const service = createSafeService({
    chainId: stack.chainId,
    txServiceUrl: stack.txServiceUrl,
  })
  log(`rpc ${stack.rpcUrl}, service ${stack.txServiceUrl}`)
  log(`ops Safe ${ops.address} (${ops.threshold}-of-${ops.owners.length})`)

  step('Check storage-layout and upgrade safety (OpenZeppelin upgrades-core)')
  const safety = await checkUpgradeSafety({
    root: contractsRoot,
    from: 'AuthorCoin',
    to: 'AuthorCoinV2',
    kind: 'uups',
  })
  if (!safety.ok)
    throw new Error(safety.errors.map((e) => e.message).join('\n'))
  log(
    `${safety.from} → ${safety.to}: compatible (${safety.warnings.length} warning(s))`,
  )

  step(
    'Build the batch: CREATE2-deploy AuthorCoinV2, schedule upgradeToAndCall on the timelock',
  )
  await assertCreate2DeployerPresent(client)
  const salt = keccak256(toHex('storydao/AuthorCoinV2/1'))
  const deploy = buildCreate2Deploy({
    bytecode: storyDaoBytecodes.AuthorCoinV2,
    salt,
    name: 'AuthorCoinV2',
  })
  const mintLimit = parseEther('1000000')
  const upgrade = buildUupsUpgrade({
    proxy: coin.address,
    implementation: deploy.address,
    data: encodeFunctionData({
      abi: authorCoinV2Abi,
      functionName: 'initializeV2',
      args: [mintLimit],
    }),
  })
  const delay = 3600n
  const schedule = await prepareTimelockSchedule(client, {
    timelock: timelock.address,
    calls: [upgrade],
    salt,
    delay,
  })
  const plan = await buildSafePlan(client, {
    safe: ops.address,
    calls: [deploy.call, schedule.call],
    service,
  })
  log(`implementation will be at ${deploy.address}`)
  log(`timelock operation ${schedule.operationId}`)
  log(`Safe tx nonce ${plan.nonce}`)
  log(`  domain hash  ${plan.domainHash}`)
  log(`  message hash ${plan.messageHash}`)
  log(`  safeTxHash   ${plan.safeTxHash}`)
  await updateManifest(manifestPath, {
    update: (current) => ({
      ...current,
      upgrades: [
        ...(current.upgrades ?? []),
        {
          id: 'authorcoin-v2',
          target: 'AuthorCoin',
          fromImplementation: coin.implementation,
          toImplementation: deploy.address,
          calldata: upgrade.data,
          status: 'prepared',
          createdAt: new Date().toISOString(),
          operationId: schedule.operationId,
        },
      ],
    }),
    archive: false,
  })

  step(
    'Rehearse on a fork: the Safe executes the batch, invariants checked before/after',
  )
  const fork = await createFork({ rpcUrl: stack.rpcUrl })
  try {
    const invariants = getDefaultInvariants({
      manifest,
      action: 'timelock-schedule',
      operationIds: [schedule.operationId],
    })
    // Throws InvariantViolationError (naming the invariant) unless the rehearsal passes.
    const report = await assertSafePlan(fork, { plan, manifest, invariants })
    writeFileSync(
      join(out, 'schedule-report.md'),
      renderReport({ report, format: 'markdown' }),
    )
    log(
      `${report.invariants.length} invariants hold; report: ${join(out, 'schedule-report.md')}`,
    )
  } finally {
    await fork.stop()
  }

  step('Export the Transaction Builder file signers can import in Safe{Wallet}')
  const batch = toTransactionBuilderBatch({
    plan,
    name: 'AuthorCoin V2: deploy + schedule upgrade',
    description: `Deploys AuthorCoinV2 and schedules upgradeToAndCall on the timelock (delay ${delay} s).`,
  })
  writeFileSync(
    join(out, 'schedule-batch.json'),
    `${JSON.stringify(batch, null, 2)}\n`,
  )
  log(`${join(out, 'schedule-batch.json')} (checksum ${batch.meta.checksum})`)

  step(
    'Signers approve through the Transaction Service; execute from the queue',
  )
  const scheduleTx = await approveAndExecute({
    plan,
    service,
    owners: stack.accounts.opsOwners.slice(0, ops.threshold),
    executor: client,
    origin: 'storydao-ops lifecycle demo',
    log,
  })
  await updateManifest(manifestPath, {
    update: (current) => ({
      ...current,
      upgrades: (current.upgrades ?? []).map((entry) =>
        entry.id === 'authorcoin-v2'
          ? { ...entry, status: 'queued' as const, safeTxHash: plan.safeTxHash }
          : entry,
      ),
    }),
    archive: false,
  })
  log(`manifest: upgrade authorcoin-v2 queued (schedule tx ${scheduleTx})`)

  step(`Wait out the timelock delay (${delay} s, fast-forwarded on anvil)`)
  await client.increaseTime({ seconds: Number(delay) })
  await client.mine({ blocks: 1 })

  step('Second Safe transaction: execute the timelock operation')
  const execute = buildTimelockExecute({
    timelock: timelock.address,
    calls: [upgrade],
    salt,
  })
  const executePlan = await buildSafePlan(client, {
    safe: ops.address,
    calls: [execute.call],
    service,
  })
  log(`safeTxHash ${executePlan.safeTxHash}`)
  const fork2 = await createFork({ rpcUrl: stack.rpcUrl })
  try {
    const report = await assertSafePlan(fork2, {
      plan: executePlan,
      manifest,
      invariants: getDefaultInvariants({
        manifest,
        action: 'upgrade',
        upgrade: { contract: 'AuthorCoin', implementation: deploy.address },
      }),
    })
    writeFileSync(
      join(out, 'execute-report.md'),
      renderReport({ report, format: 'markdown' }),
    )
    log(
      `${report.invariants.length} invariants hold; report: ${join(out, 'execute-report.md')}`,
    )
  } finally {
    await fork2.stop()
  }
  const executedTx = await approveAndExecute({
    plan: executePlan,
    service,
    owners: stack.accounts.opsOwners.slice(0, ops.threshold),
    executor: client,
    origin: 'storydao-ops lifecycle demo',
    log,
  })

  step('Verify on chain and record in the manifest')
  const state = await getProxyState(client, { proxy: coin.address })
  const version = await client.readContract({
    address: coin.address,
    abi: authorCoinV2Abi,
    functionName: 'version',
  })
  const limit = await client.readContract({
    address: coin.address,
    abi: authorCoinV2Abi,
    functionName: 'mintLimitPerCall',
  })
  if (
    state.implementation !== deploy.address ||
    version !== '2.0.0' ||
    limit !== mintLimit
  )
    throw new Error(
      `upgrade did not land: ${state.implementation} ${version} ${limit}`,
    )
  log(
    `AuthorCoin implementation ${state.implementation}, version ${version}, mint limit ${limit}`,
  )
  const updated = await updateManifest(manifestPath, {
    update: (current) => {
      const entry = current.contracts.AuthorCoin
      if (entry?.kind !== 'uups-proxy')
        throw new Error('AuthorCoin is not a UUPS proxy')
      return {
        ...current,
        contracts: {
          ...current.contracts,
          AuthorCoin: {
            ...entry,
            implementation: deploy.address,
            artifact: 'AuthorCoinV2',
          },
        },
        upgrades: (current.upgrades ?? []).map((upgradeEntry) =>
          upgradeEntry.id === 'authorcoin-v2'
            ? { ...upgradeEntry, status: 'executed' as const, executedTx }
            : upgradeEntry,
        ),
      }
    },
    archive: false,
  })
  const findings = await checkManifestAgainstChain(client, {
    manifest: updated.manifest,
  })
  if (!findings.ok) throw new Error(JSON.stringify(findings.findings, null, 2))
  log(
    `manifest ${manifestPath} matches the chain (${findings.findings.length} findings)`,
  )

  // One machine-readable result line on stdout.
  process.stdout.write(
    `${JSON.stringify({
      ok: true,
      implementation: deploy.address,
      scheduleSafeTxHash: plan.safeTxHash,
      executeSafeTxHash: executePlan.safeTxHash,
      operationId: schedule.operationId,
      manifestPath,
      outDir: out,
    })}\n`,
  )
  done()
} finally {
  await stack.stop()
}
