import { checkDeployment } from '../../playbooks/deployment/checkDeployment.js'
import { openContext } from '../openContext.js'
import { createOutput } from '../output.js'
import { renderFindings } from '../renderFindings.js'
import type { CommandInvocation } from '../types.js'

/** `storydao-ops check [--network N]`. */
export async function run(invocation: CommandInvocation): Promise<number> {
  const output = createOutput(
    { json: invocation.values.json === true },
    invocation.streams,
  )
  output.step(
    `Load and validate the ${invocation.values.network ?? 'local'} manifest and network`,
  )
  const context = await openContext(invocation)
  const result = await checkDeployment(context, { onStep: output.step })
  const failed = result.invariants.filter((r) => !r.ok)
  output.result({ network: context.networkName, ...result }, [
    ...renderFindings(result.findings, output),
    ...failed.map(
      (r) =>
        `${output.red('error  ')} invariant ${r.description}: ${r.message}`,
    ),
    result.ok
      ? output.green(
          `${context.networkName}: manifest, role wiring and ${result.invariants.length} live invariants hold.`,
        )
      : output.red(
          `${context.networkName}: smoke check FAILED (${result.findings.filter((f) => f.severity === 'error').length} manifest/role problems, ${failed.length} invariants).`,
        ),
  ])
  return result.ok ? 0 : 1
}
