import { resolve } from 'node:path'
import { prepareEmergencyLanes } from '../../playbooks/emergency/prepareEmergencyLanes.js'
import { CliUsageError } from '../cliUsageError.js'
import { openContext } from '../openContext.js'
import { createOutput } from '../output.js'
import { recordForIncident } from '../recordForIncident.js'
import type { CommandInvocation } from '../types.js'
import { stringOption, wholeNumberOption } from '../values.js'

/** `storydao-ops emergency prepare [--depth <k>] [--out <file>]`. */
export async function run(invocation: CommandInvocation): Promise<number> {
  const output = createOutput(
    { json: invocation.values.json === true },
    invocation.streams,
  )
  const depth = wholeNumberOption(
    invocation,
    'depth',
    'a number of nonces from 1 to 10',
  )
  if (depth !== undefined && (depth < 1n || depth > 10n))
    throw new CliUsageError({
      message: `--depth must be a number of nonces from 1 to 10, got ${depth}.`,
      command: 'emergency prepare',
    })
  const out = stringOption(invocation, 'out')
  output.step(`Load the ${invocation.values.network ?? 'local'} network`)
  const context = await openContext(invocation)
  const prepared = await prepareEmergencyLanes(context, {
    depth: depth === undefined ? undefined : Number(depth),
    out: out === undefined ? undefined : resolve(invocation.cwd, out),
    onStep: output.step,
  })
  const { file } = prepared
  output.result(
    {
      ok: prepared.ok,
      path: prepared.path,
      safe: file.safe,
      network: file.network,
      threshold: file.threshold,
      skipped: prepared.skipped,
      excluded: prepared.excluded,
      lanes: file.lanes.map((lane) => ({
        id: lane.id,
        target: lane.target,
        nonce: lane.nonce,
        safeTxHash: lane.safeTxHash,
        domainHash: lane.domainHash,
        messageHash: lane.messageHash,
        signed: lane.signers.length,
        rehearsal: lane.rehearsal,
      })),
    },
    [
      `Wrote ${file.lanes.length} lanes for the emergency Safe ${file.safe} to ${prepared.path}`,
      ...file.lanes.map(
        (lane) =>
          `  ${lane.id.padEnd(24)} safeTxHash ${lane.safeTxHash}  ${lane.signers.length >= file.threshold ? 'signed' : `unsigned: ${lane.signers.length} of ${file.threshold}`}  rehearsal ${lane.rehearsal.ok ? 'ok' : output.red(`FAILED: ${lane.rehearsal.failed.join('; ')}`)}`,
      ),
      ...(prepared.skipped.length > 0
        ? [`Already paused, no lanes: ${prepared.skipped.join(', ')}`]
        : []),
      ...(file.lanes.some((lane) => lane.signers.length < file.threshold)
        ? [
            'Owners sign each unsigned lane in Safe{Wallet} or with storydao-ops safe confirm <safeTxHash>; run emergency prepare again to gather them.',
          ]
        : []),
      `Check: storydao-ops emergency status --network ${file.network}`,
    ],
  )
  await recordForIncident(invocation, output, {
    summary: `Emergency lanes prepared: ${file.lanes.map((lane) => lane.id).join(', ')}`,
    details: [`Lanes file ${prepared.path}`],
  })
  return prepared.ok ? 0 : 1
}
