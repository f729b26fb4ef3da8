import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join, relative } from 'node:path'
import type { Address, Hex } from 'viem'
import { DemoExpectationError } from '../errors/demo.js'
import type { OpsContext } from '../playbooks/createOpsContext.js'
import { deployRelease } from '../playbooks/deployment/deployRelease.js'
import { recordDeployment } from '../playbooks/deployment/recordDeployment.js'
import { validateDeployment } from '../playbooks/deployment/validateDeployment.js'
import { refreshOpsContext } from '../playbooks/refreshOpsContext.js'
import { approveQueued } from './approveQueued.js'
import { type DemoLog, logSafeTransaction } from './demoLog.js'

/** What the deployment act leaves behind. */
export type DeployActResult = {
  safeTxHash: Hex
  transactionHash: Hex
  blockNumber: bigint
  contracts: Record<string, Address>
  changeRecord: string
  frontend: string
}

/**
 * The deployment playbook: the release planned as one ops-Safe batch,
 * rehearsed, proposed, confirmed, executed, then recorded (manifest, frontend
 * artefacts, bytecode checked against the build, change record) and
 * validated against the chain.
 */
export async function deploySystem(
  context: OpsContext,
  {
    release,
    contracts,
    holder,
    log,
  }: { release: string; contracts: string; holder: Address; log: DemoLog },
): Promise<{ context: OpsContext; result: DeployActResult }> {
  log.step('storydao-ops deploy: the StoryDAO release as one ops-Safe batch')
  const releaseCopy = copyReleaseWithHolder(context.root, { release, holder })
  const planned = await deployRelease(context, {
    release: releaseCopy,
    contracts,
    propose: true,
  })
  if (planned.status !== 'planned')
    throw new DemoExpectationError({
      expected: 'a fresh manifest to need the whole release',
      actual: planned.status,
    })
  log.detail(
    `${planned.deployments.length} contracts, ${planned.calls.length} calls`,
  )
  logSafeTransaction(log, planned, context.root)
  await approveQueued(context, {
    safeTxHash: planned.safeTxHash,
    transactionBuilderFile: planned.files.transactionBuilder,
    contracts,
    log,
  })

  log.step(
    'storydao-ops record: manifest, frontend artefacts, bytecode, change record',
  )
  const recorded = await recordDeployment(context, {
    safeTxHash: planned.safeTxHash,
    contracts,
  })
  if (!recorded.ok)
    throw new DemoExpectationError({
      expected: 'every deployed contract to match the local build',
    })
  for (const entry of recorded.contracts)
    log.detail(`${entry.name.padEnd(24)} ${entry.address}`)
  log.detail(
    `change record ${relative(context.root, recorded.files.changeRecord)}`,
  )

  log.step('storydao-ops validate: the new manifest against the chain')
  const reloaded = await refreshOpsContext(context)
  const validation = await validateDeployment(reloaded, {})
  if (!validation.ok)
    throw new DemoExpectationError({
      expected: 'the recorded deployment to validate',
      actual: JSON.stringify(validation.findings),
    })
  log.detail('code, proxy slots, Safes and role wiring match the manifest')
  return {
    context: reloaded,
    result: {
      safeTxHash: planned.safeTxHash,
      transactionHash: recorded.transactionHash,
      blockNumber: recorded.blockNumber,
      contracts: Object.fromEntries(
        recorded.contracts.map((entry) => [entry.name, entry.address]),
      ),
      changeRecord: recorded.files.changeRecord,
      frontend: recorded.files.frontend,
    },
  }
}

/**
 * The demo's copy of the release, whose initial AuthorCoin supply goes to a
 * token holder who will vote (in the repository's release it is the ops Safe).
 */
function copyReleaseWithHolder(
  root: string,
  { release, holder }: { release: string; holder: Address },
): string {
  const file = JSON.parse(readFileSync(release, 'utf8'))
  const initialize = file.contracts.find(
    (entry: { name: string }) => entry.name === 'AuthorCoin',
  )?.constructorArgs?.[1]?.encode
  if (initialize?.functionName !== 'initialize')
    throw new DemoExpectationError({
      expected: `${release} to initialize AuthorCoin through its proxy`,
    })
  initialize.args[5] = holder
  const copy = join(root, 'deployments', 'releases', 'storydao.json')
  mkdirSync(dirname(copy), { recursive: true })
  writeFileSync(copy, `${JSON.stringify(file, null, 2)}\n`)
  return copy
}
