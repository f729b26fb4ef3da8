import { type Address, keccak256, toHex } from 'viem'
import { describe, expect, test } from 'vitest'
import { checkInvariants } from '../checkInvariants.js'
import { toRoleHash } from '../internal/roles.js'
import {
  client,
  coin,
  ops,
  stranger,
  timelock,
  useInvariantStack,
} from '../test/invariantStack.js'
import type { DecodedLog } from '../types.js'
import { noUnexpectedRoleChanges } from './noUnexpectedRoleChanges.js'

useInvariantStack()

describe('noUnexpectedRoleChanges', () => {
  const grant = (account: Address, role = 'MINTER_ROLE'): DecodedLog => ({
    address: coin,
    topics: [
      keccak256(toHex('RoleGranted(bytes32,address,address)')),
      toRoleHash(role),
      `0x000000000000000000000000${account.slice(2).toLowerCase()}`,
      `0x000000000000000000000000${timelock.slice(2).toLowerCase()}`,
    ],
    data: '0x',
    logIndex: 0,
  })

  test('default', async () => {
    const invariant = noUnexpectedRoleChanges({
      contracts: [coin, timelock],
      labels: { [coin]: 'AuthorCoin' },
    })
    expect(
      (await checkInvariants(client(), { invariants: [invariant] })).ok,
    ).toBe(true)
    const { results } = await checkInvariants(client(), {
      invariants: [invariant],
      logs: [grant(stranger)],
    })
    expect(results[0]!.ok).toBe(false)
    expect(results[0]!.message).toMatchInlineSnapshot(
      `"Unexpected role changes: grant MINTER_ROLE to 0xa0Ee7A142d267C1f36714E4a8F75612F20a79720 on AuthorCoin."`,
    )
  })

  test('behavior: allowed changes by list or predicate; other contracts ignored', async () => {
    const allowedList = noUnexpectedRoleChanges({
      contracts: [coin],
      allowed: [
        {
          contract: coin,
          role: 'MINTER_ROLE',
          account: stranger,
          granted: true,
        },
      ],
    })
    const predicate = noUnexpectedRoleChanges({
      contracts: [coin],
      allowed: (change) => change.account === ops,
    })
    const otherContract = noUnexpectedRoleChanges({ contracts: [timelock] })
    const { results } = await checkInvariants(client(), {
      invariants: [allowedList, predicate, otherContract],
      logs: [grant(stranger)],
    })
    expect(results.map((r) => r.ok)).toEqual([true, false, true])
  })
})
