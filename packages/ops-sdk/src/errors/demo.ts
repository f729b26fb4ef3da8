import { OpsError } from '@storydao/core'
import { version } from './version.js'

export type DemoExpectationErrorType = DemoExpectationError & {
  name: 'DemoExpectationError'
}

/**
 * The demo checks that each step did what the playbook promises (the rogue
 * operation is flagged, the upgrade landed); this one did not.
 */
export class DemoExpectationError extends OpsError {
  override name = 'DemoExpectationError'
  constructor({ expected, actual }: { expected: string; actual?: string }) {
    super(`The demo expected: ${expected}.`, {
      code: 'DEMO_EXPECTATION_FAILED',
      docsPath: 'packages/ops-sdk/README.md#errors',
      metaMessages: actual ? [`Actual: ${actual}`] : [],
      hint: 'This is a bug in storydao-ops or in the local stack: please report it with the demo output folder.',
      version,
    })
  }
}
