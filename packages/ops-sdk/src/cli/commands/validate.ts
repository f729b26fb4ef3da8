import { validateDeployment } from '../../playbooks/deployment/validateDeployment.js'
import { openContext } from '../openContext.js'
import { createOutput } from '../output.js'
import { renderFindings } from '../renderFindings.js'
import type { CommandInvocation } from '../types.js'

/** `storydao-ops validate [--network N]`. */
export async function run(invocation: CommandInvocation): Promise<number> {
  const output = createOutput(
    { json: invocation.values.json === true },
    invocation.streams,
  )
  output.step(
    `Load and validate the ${invocation.values.network ?? 'local'} manifest and network`,
  )
  const context = await openContext(invocation)
  const result = await validateDeployment(context, { onStep: output.step })
  const errors = result.findings.filter((f) => f.severity === 'error').length
  output.result({ network: context.networkName, ...result }, [
    ...renderFindings(result.findings, output),
    result.ok
      ? output.green(
          `deployments/${context.networkName}.json matches the chain: code, proxy slots, Safes and ${result.rolesChecked} role assignments checked.`,
        )
      : output.red(
          `deployments/${context.networkName}.json: ${errors} problem${errors === 1 ? '' : 's'} found.`,
        ),
  ])
  return result.ok ? 0 : 1
}
