import type { Manifest } from '@storydao/core'
import type { Address } from 'viem'
import { DemoExpectationError } from '../errors/demo.js'
import { contractByRole } from '../playbooks/internal/roleWiring.js'

/** The address of the contract playing `role` in the demo's manifest, which the release always records. */
export function roleAddress(
  manifest: Manifest,
  role: 'timelock' | 'token' | 'governor',
): Address {
  const holder = contractByRole(manifest, role)
  if (!holder)
    throw new DemoExpectationError({ expected: `a ${role} in the manifest` })
  return holder.address
}
