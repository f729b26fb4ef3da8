import type { Address } from 'viem'
import type { SafeService, SafeServiceTransaction } from '../types/service.js'
import { callService } from './callService.js'
import type { ServiceList } from './serviceTypes.js'

const pageSize = 100
const maxPages = 20

/**
 * @internal Not-yet-executed (trusted) transactions of a Safe on the service
 * with `nonce >= minNonce`, highest nonce first, all pages.
 */
export async function fetchServiceQueue(
  service: SafeService,
  safe: Address,
  options: { minNonce?: bigint | undefined } = {},
): Promise<SafeServiceTransaction[]> {
  const results: SafeServiceTransaction[] = []
  for (let page = 0; page < maxPages; page++) {
    const response = await callService<
      ServiceList<SafeServiceTransaction> | undefined
    >(service, {
      operation: `list the queued transactions of ${safe}`,
      method: 'GET',
      path: `/v2/safes/${safe}/multisig-transactions/`,
      query: {
        executed: false,
        ordering: '-nonce',
        limit: pageSize,
        offset: page * pageSize,
        nonce__gte: options.minNonce?.toString(),
      },
    })
    const items = response?.results ?? []
    results.push(...items)
    if (items.length < pageSize || results.length >= (response?.count ?? 0))
      break
  }
  return results
}
