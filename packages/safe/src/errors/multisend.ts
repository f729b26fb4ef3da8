import { OpsError } from '@storydao/core'
import { version } from './version.js'

export type MultiSendDecodeErrorType = MultiSendDecodeError & {
  name: 'MultiSendDecodeError'
}

/**
 * Calldata is not a well-formed `multiSend(bytes)` call (wrong selector, a
 * truncated entry, an unknown operation…).
 *
 * - Docs: https://github.com/storydao/ops-sdk/blob/main/packages/safe/README.md#errors
 *
 * @example
 * ```ts
 * import { MultiSendDecodeError, decodeMultiSend } from '@storydao/safe'
 *
 * try {
 *   decodeMultiSend('0x12345678')
 * } catch (error) {
 *   if (error instanceof MultiSendDecodeError) console.error(error.offset)
 * }
 * ```
 */
export class MultiSendDecodeError extends OpsError {
  override name = 'MultiSendDecodeError'
  /** Byte offset inside the packed transactions where decoding failed, if any. */
  offset?: number | undefined

  constructor({
    message,
    offset,
    cause,
  }: {
    message: string
    offset?: number | undefined
    cause?: unknown
  }) {
    super(
      offset === undefined
        ? `Invalid MultiSend data: ${message}`
        : `Invalid MultiSend data at byte ${offset} of the packed transactions: ${message}`,
      {
        code: 'MULTISEND_DECODE',
        docsPath: 'packages/safe/README.md#errors',
        version,
        cause,
        hint: 'Pass the full calldata of `multiSend(bytes)` (selector 0x8d80ff0a), as found in the Safe transaction `data`.',
      },
    )
    this.offset = offset
  }
}
