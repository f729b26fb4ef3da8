import { OpsError } from '@storydao/core'
import { version } from './version.js'

export type UnknownRoleErrorType = UnknownRoleError & {
  name: 'UnknownRoleError'
}

/**
 * A role name is not declared by the contract's ABI (no `NAME()` getter
 * returning `bytes32`).
 *
 * - Docs: https://github.com/storydao/ops-sdk/blob/main/packages/governance/README.md#errors
 *
 * @example
 * ```ts
 * import { authorCoinAbi } from '@storydao/core'
 * import { buildGrantRole, UnknownRoleError } from '@storydao/governance'
 *
 * try {
 *   buildGrantRole({ target, abi: authorCoinAbi, role: 'BURNER_ROLE', account })
 * } catch (error) {
 *   if (error instanceof UnknownRoleError) console.error(error.available)
 * }
 * ```
 */
export class UnknownRoleError extends OpsError {
  override name = 'UnknownRoleError'
  /** The role asked for. */
  role: string
  /** The roles the ABI declares. */
  available: readonly string[]

  constructor({
    role,
    available,
  }: {
    role: string
    available: readonly string[]
  }) {
    super(`Unknown role "${role}": the ABI declares no such role.`, {
      code: 'ROLE_UNKNOWN',
      docsPath: 'packages/governance/README.md#errors',
      version,
      metaMessages: [
        `Roles in the ABI: ${available.length > 0 ? available.join(', ') : '(none)'}`,
      ],
      hint: 'Use one of the roles above, pass the role id as a 32-byte hex string, or pass the ABI of the contract that declares the role.',
    })
    this.role = role
    this.available = available
  }
}
