import { OpsError } from '@storydao/core'
import { version } from './version.js'

export type SimulationErrorType = SimulationError & { name: 'SimulationError' }

/**
 * A Safe plan could not be rehearsed on the fork (wrong chain, Safe missing,
 * a safeTxHash the Safe does not compute, a spent nonce, signers who are not
 * owners). A transaction that runs and reverts is not an error: it is a
 * simulation result with `status: 'reverted'`.
 *
 * - Docs: https://github.com/storydao/ops-sdk/blob/main/packages/invariants/README.md#errors
 *
 * @example
 * ```ts
 * import { SimulationError, simulateSafePlan } from '@storydao/invariants'
 *
 * try {
 *   await simulateSafePlan(fork, { plan })
 * } catch (error) {
 *   if (error instanceof SimulationError) console.error(error.code, error.hint)
 * }
 * ```
 */
export class SimulationError extends OpsError {
  override name = 'SimulationError'

  constructor(
    shortMessage: string,
    parameters: {
      code: string
      hint?: string | undefined
      cause?: unknown
      metaMessages?: string[] | undefined
    },
  ) {
    super(shortMessage, {
      ...parameters,
      docsPath: 'packages/invariants/README.md#errors',
      version,
    })
  }
}
