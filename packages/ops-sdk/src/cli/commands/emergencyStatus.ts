import { createEmergencyRpc } from '../../playbooks/emergency/createEmergencyRpc.js'
import { getEmergencyLaneStatus } from '../../playbooks/emergency/getEmergencyLaneStatus.js'
import { readEmergencyLanesInput } from '../emergencyLanesInput.js'
import { createOutput } from '../output.js'
import type { CommandInvocation } from '../types.js'

/** `storydao-ops emergency status [--lanes <file>]`. */
export async function run(invocation: CommandInvocation): Promise<number> {
  const output = createOutput(
    { json: invocation.values.json === true },
    invocation.streams,
  )
  const { path, file, rpcUrl } = await readEmergencyLanesInput(invocation)
  const status = await getEmergencyLaneStatus(createEmergencyRpc({ rpcUrl }), {
    file,
  })
  const rearm = `storydao-ops emergency prepare --network ${file.network}`
  output.result(
    {
      ok: true,
      path,
      preparedAt: file.preparedAt,
      ...status,
      rearmCommand: rearm,
    },
    [
      `Emergency Safe ${status.safe} on ${status.network} is at nonce ${status.nonce} (lanes prepared ${file.preparedAt}).`,
      ...status.lanes.map(
        (lane) =>
          `  ${lane.id.padEnd(24)} ${lane.state.padEnd(9)} ${lane.signed}/${lane.required} signatures  ${lane.detail}`,
      ),
      status.armed.length > 0
        ? `Armed now: ${status.armed.join(', ')} (storydao-ops emergency fire${file.pausable.length > 1 ? ' --target <name> | --all' : ''}).`
        : output.red('Nothing can fire at the current nonce.'),
      ...(status.rearm ? [`Re-arm: ${rearm}`] : []),
    ],
  )
  // Non-zero when nothing would fire now, so a cron job can page on it.
  return status.armed.length > 0 ? 0 : 1
}
