import { OpsError } from '@storydao/core'
import { version } from './version.js'

export type InvalidBytes32ErrorType = InvalidBytes32Error & {
  name: 'InvalidBytes32Error'
}

/**
 * A salt, predecessor, role or operation id is not a 32-byte hex string.
 *
 * - Docs: https://github.com/storydao/ops-sdk/blob/main/packages/governance/README.md#errors
 *
 * @example
 * ```ts
 * import { buildTimelockSchedule, InvalidBytes32Error } from '@storydao/governance'
 *
 * try {
 *   buildTimelockSchedule({ timelock, calls, salt: '0x01', delay: 3600n })
 * } catch (error) {
 *   if (error instanceof InvalidBytes32Error) console.error(error.path)
 * }
 * ```
 */
export class InvalidBytes32Error extends OpsError {
  override name = 'InvalidBytes32Error'
  /** Which parameter. */
  path: string

  constructor({ value, path }: { value: unknown; path: string }) {
    super(
      `Invalid ${path} ${typeof value === 'string' ? `"${value}"` : String(value)}: expected 32 bytes of hex.`,
      {
        code: 'BYTES32_INVALID',
        docsPath: 'packages/governance/README.md#errors',
        version,
        hint: 'Pass "0x" followed by exactly 64 hex digits, e.g. `pad(toHex(1), { size: 32 })` or `keccak256(toHex("release-1"))` from viem.',
      },
    )
    this.path = path
  }
}
