import type { Hex } from 'viem'
import type { SafeService } from '../types/service.js'
import { callService } from './callService.js'
import type { ServiceMultisigTransaction } from './serviceTypes.js'

/**
 * @internal One multisig transaction as the service stores it
 * (`GET /v2/multisig-transactions/{safeTxHash}/`), unverified: its fields
 * are not hashed again here.
 */
export function fetchServiceTransaction(
  service: SafeService,
  safeTxHash: Hex,
): Promise<ServiceMultisigTransaction> {
  return callService<ServiceMultisigTransaction>(service, {
    operation: `read Safe transaction ${safeTxHash}`,
    method: 'GET',
    path: `/v2/multisig-transactions/${safeTxHash}/`,
  })
}
