import { OpsError, type OpsErrorParameters } from '@storydao/core'

/** Failure of the local stack (anvil, deployments, local Transaction Service). */
export class TestkitError extends OpsError {
  override name = 'TestkitError'
  constructor(shortMessage: string, parameters: OpsErrorParameters) {
    super(shortMessage, parameters)
  }
}
