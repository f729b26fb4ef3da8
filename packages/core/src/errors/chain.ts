import { OpsError } from './base.js'

export type ChainReadErrorType = ChainReadError & { name: 'ChainReadError' }

/**
 * Reading the chain failed for a reason that is not a finding (the RPC is
 * unreachable, rejects the request…); `cause` holds the viem error.
 *
 * - Docs: https://github.com/storydao/ops-sdk/blob/main/packages/core/README.md#errors
 *
 * @example
 * ```ts
 * import { ChainReadError, checkManifestAgainstChain } from '@storydao/core'
 *
 * try {
 *   await checkManifestAgainstChain(client, { manifest })
 * } catch (error) {
 *   if (error instanceof ChainReadError) console.error(error.details)
 * }
 * ```
 */
export class ChainReadError extends OpsError {
  override name = 'ChainReadError'

  constructor({ what, cause }: { what: string; cause: unknown }) {
    super(`Could not read ${what} from the RPC.`, {
      code: 'CHAIN_READ_FAILED',
      cause,
      hint: 'Check that the RPC URL is reachable and serves the manifest’s network.',
    })
  }
}

export type InvalidSlotValueErrorType = InvalidSlotValueError & {
  name: 'InvalidSlotValueError'
}

/**
 * A storage slot value is not a hex word of at most 32 bytes, so no address
 * can be decoded from it.
 *
 * - Docs: https://github.com/storydao/ops-sdk/blob/main/packages/core/README.md#errors
 *
 * @example
 * ```ts
 * import { InvalidSlotValueError, toAddressFromSlot } from '@storydao/core'
 *
 * try {
 *   toAddressFromSlot('0xnot-hex')
 * } catch (error) {
 *   if (error instanceof InvalidSlotValueError) console.error(error.value)
 * }
 * ```
 */
export class InvalidSlotValueError extends OpsError {
  override name = 'InvalidSlotValueError'
  /** The rejected value. */
  value: unknown

  constructor({ value }: { value: unknown }) {
    super(
      `Invalid storage slot value ${typeof value === 'string' ? `"${value}"` : String(value)}: expected "0x" followed by at most 64 hex digits.`,
      {
        code: 'SLOT_VALUE_INVALID',
        hint: 'Pass the value `eth_getStorageAt` returned (viem: `getStorageAt(client, { address, slot }) ?? "0x"`).',
      },
    )
    this.value = value
  }
}
