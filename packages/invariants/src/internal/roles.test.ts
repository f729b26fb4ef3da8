import { authorCoinAbi, storyTimelockAbi } from '@storydao/core'
import fc from 'fast-check'
import { keccak256, toHex } from 'viem'
import { describe, expect, test } from 'vitest'
import { toRoleHash } from '../internal/roles.js'
import {
  coin,
  stack,
  timelock,
  useInvariantStack,
} from '../test/invariantStack.js'

useInvariantStack()

describe('toRoleHash', () => {
  test('behavior: role names hash as the contracts define them', async () => {
    for (const name of [
      'DEFAULT_ADMIN_ROLE',
      'PAUSER_ROLE',
      'MINTER_ROLE',
      'UPGRADER_ROLE',
    ] as const)
      expect(toRoleHash(name)).toBe(
        await stack.client.readContract({
          address: coin,
          abi: authorCoinAbi,
          functionName: name,
        }),
      )
    for (const name of [
      'PROPOSER_ROLE',
      'EXECUTOR_ROLE',
      'CANCELLER_ROLE',
    ] as const)
      expect(toRoleHash(name)).toBe(
        await stack.client.readContract({
          address: timelock,
          abi: storyTimelockAbi,
          functionName: name,
        }),
      )
    // Random names: keccak256 of the name, and a bytes32 passes through.
    fc.assert(
      fc.property(fc.string({ minLength: 1 }), (name) => {
        fc.pre(
          name !== 'DEFAULT_ADMIN_ROLE' && !/^0x[0-9a-fA-F]{64}$/.test(name),
        )
        const hash = keccak256(toHex(name))
        return toRoleHash(name) === hash && toRoleHash(hash) === hash
      }),
    )
  })
})
