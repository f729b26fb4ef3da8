import type { DeploymentFinding } from '../types/deploymentFinding.js'
import type { Output } from './output.js'

/** @internal One line per finding, with its hint under it. */
export function renderFindings(
  findings: readonly DeploymentFinding[],
  output: Output,
): string[] {
  return findings.flatMap((finding) => [
    `${finding.severity === 'error' ? output.red('error  ') : 'warning'} ${finding.path}: ${finding.message}`,
    `        hint: ${finding.hint}`,
  ])
}
