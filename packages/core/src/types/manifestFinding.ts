/**
 * One mismatch between a manifest and the chain.
 *
 * @example
 * ```ts
 * import type { ManifestFinding } from '@storydao/core'
 *
 * const finding: ManifestFinding = {
 *   severity: 'error',
 *   code: 'threshold_mismatch',
 *   path: 'safes.ops.threshold',
 *   message: "The ops Safe's threshold is 2 on chain, the manifest says 3.",
 *   expected: 3,
 *   actual: 2,
 * }
 * ```
 */
export type ManifestFinding = {
  /** `error`: the manifest is wrong (or the chain is); `warning`: worth a look. */
  severity: 'error' | 'warning'
  /** Stable code: `chain_id_mismatch`, `no_code`, `implementation_mismatch`, … */
  code: string
  /** JSON path in the manifest (`contracts.AuthorCoin.implementation`). */
  path: string
  /** What differs. */
  message: string
  /** The manifest's value. */
  expected?: string | number | readonly string[]
  /** The chain's value. */
  actual?: string | number | readonly string[]
}
