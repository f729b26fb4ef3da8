import { relative } from 'node:path'
import { deployRelease } from '../../playbooks/deployment/deployRelease.js'
import { openContext } from '../openContext.js'
import { createOutput } from '../output.js'
import { recordForIncident } from '../recordForIncident.js'
import {
  renderSafeTransaction,
  toSafeTransactionJson,
} from '../renderSafeTransaction.js'
import { requiredOption } from '../requiredOption.js'
import type { CommandInvocation } from '../types.js'
import { stringOption } from '../values.js'

/** `storydao-ops deploy --release <file> [--fresh] [--propose]`. */
export async function run(invocation: CommandInvocation): Promise<number> {
  const output = createOutput(
    { json: invocation.values.json === true },
    invocation.streams,
  )
  const release = requiredOption(invocation, 'release', 'the release file')
  output.step(`Load the ${invocation.values.network ?? 'local'} network`)
  const context = await openContext(invocation)
  output.step(`Read the release ${release} and the Foundry build`)
  const result = await deployRelease(context, {
    release,
    fresh: invocation.values.fresh === true,
    propose: invocation.values.propose === true,
    contracts: stringOption(invocation, 'contracts'),
    onStep: output.step,
  })
  const skippedLine =
    result.skipped.length > 0
      ? [
          `Already in deployments/${context.networkName}.json, skipped: ${result.skipped.join(', ')}`,
        ]
      : []
  if (result.status === 'nothing-to-deploy') {
    output.result(
      {
        ok: true,
        status: result.status,
        release: result.release,
        skipped: result.skipped,
      },
      [
        ...skippedLine,
        output.bold(
          `Nothing to deploy: every contract of ${result.release} is in the manifest.`,
        ),
      ],
    )
    return 0
  }
  const shown = (path: string) => relative(context.root, path)
  output.result(
    toSafeTransactionJson(result, {
      status: result.status,
      release: result.release,
      deployments: result.deployments,
      skipped: result.skipped,
      skippedCalls: result.skippedCalls,
      snapshot: shown(result.snapshot),
      pending: result.pending ? shown(result.pending) : null,
    }),
    [
      ...skippedLine,
      ...result.deployments.map(
        (entry) =>
          `  ${entry.name.padEnd(26)} ${entry.address}  ${entry.manifest?.kind ?? 'implementation'}`,
      ),
      `  Snapshot      ${shown(result.snapshot)}`,
      ...(result.pending ? [`  Pending       ${shown(result.pending)}`] : []),
      ...renderSafeTransaction(result, {
        output,
        root: context.root,
        networkName: context.networkName,
      }),
      ...(result.pending
        ? [
            `  After the execution: storydao-ops record --safe-tx ${result.safeTxHash} --network ${context.networkName}`,
          ]
        : []),
    ],
  )
  await recordForIncident(invocation, output, {
    summary: `Deploy ${result.release}: ops Safe transaction nonce ${result.nonce}${result.proposed ? ', proposed' : ''}${result.rehearsal.ok ? '' : ' (rehearsal FAILED)'}`,
    details: [
      `safeTxHash ${result.safeTxHash}`,
      `Transaction Builder file ${result.files.transactionBuilder}`,
    ],
  })
  return result.rehearsal.ok ? 0 : 1
}
