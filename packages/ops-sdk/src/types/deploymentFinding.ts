import type { ManifestFinding } from '@storydao/core'

/** One problem `validateDeployment` found, with what to do about it. */
export type DeploymentFinding = ManifestFinding & {
  /** How to fix it. */
  hint: string
}
