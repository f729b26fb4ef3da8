import { assertParameters } from '@storydao/core'
import type { Address, Chain, Client, Transport } from 'viem'
import { type BuildSafePlanErrorType, buildSafePlan } from './buildSafePlan.js'
import { version } from './errors/version.js'
import { assertPresent } from './internal/assertPresent.js'
import { checkAddress, checkUint } from './internal/validate.js'
import type { SafePlan } from './types/safe.js'
import type { SafeService } from './types/service.js'

export type BuildRejectionParameters = {
  /** The Safe. */
  safe: Address
  /** The nonce whose queued transaction(s) to reject. */
  nonce: bigint
  /** Expected chain id. */
  chainId?: number | undefined
  /** Transaction Service, to check the nonce against its queue (collisions are expected here). */
  service?: SafeService | undefined
}

export type BuildRejectionReturnType = SafePlan

export type BuildRejectionErrorType = BuildSafePlanErrorType

/**
 * Builds the Safe's standard on-chain rejection for a nonce: a 0-value call
 * from the Safe to itself with empty data. Executing it consumes the nonce, so
 * every other transaction queued at that nonce can never execute (this is what
 * Safe{Wallet}'s "Reject" does).
 *
 * - Docs: https://github.com/storydao/ops-sdk/blob/main/packages/safe/README.md#buildrejection
 *
 * @example
 * ```ts
 * import { buildRejection } from '@storydao/safe'
 *
 * const rejection = await buildRejection(client, { safe, nonce: 7n, service })
 * ```
 *
 * @param client - A viem client on the Safe's chain.
 * @param parameters - {@link BuildRejectionParameters}
 * @returns The rejection plan. {@link SafePlan}
 */
export async function buildRejection(
  client: Client<Transport, Chain | undefined>,
  parameters: BuildRejectionParameters,
): Promise<BuildRejectionReturnType> {
  assertPresent('buildRejection', client, 'client', 'a viem client')
  assertParameters('buildRejection', parameters, ['safe', 'nonce'], {
    version,
  })
  const safe = checkAddress(parameters.safe, 'safe')
  const nonce = checkUint(parameters.nonce, 'nonce')
  return buildSafePlan(client, {
    safe,
    nonce,
    calls: [
      {
        to: safe,
        value: 0n,
        data: '0x',
        operation: 'call',
        label: `Reject the Safe transaction(s) queued at nonce ${nonce}`,
      },
    ],
    // A rejection shares its nonce with what it rejects, by design.
    replace: true,
    ...(parameters.chainId === undefined
      ? {}
      : { chainId: parameters.chainId }),
    ...(parameters.service ? { service: parameters.service } : {}),
  })
}
