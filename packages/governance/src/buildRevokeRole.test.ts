import { authorCoinAbi } from '@storydao/core'
import { keccak256, toHex } from 'viem'
import { describe, expect, test } from 'vitest'
import { buildRevokeRole } from './buildRevokeRole.js'
import {
  contractAddress,
  runThroughTimelock,
  safes,
  useLocalStack,
} from './test/localStack.js'

const context = useLocalStack()

describe('buildRevokeRole', () => {
  test('default', async () => {
    const { stack, client } = context
    const authorCoin = contractAddress(stack, 'AuthorCoin')
    const { emergency } = safes(stack)
    const call = buildRevokeRole({
      target: authorCoin,
      abi: authorCoinAbi,
      role: 'PAUSER_ROLE',
      account: emergency,
    })
    expect(call.label).toMatchInlineSnapshot(
      `"Revoke PAUSER_ROLE from 0x0Ff9b09627773c18136Bb1f46Ad639335C8B7C51 on 0x959922bE3CAee4b8Cd9a407cc3ac1C251C2007B1"`,
    )
    await runThroughTimelock(context, [call])
    expect(
      await client.readContract({
        address: authorCoin,
        abi: authorCoinAbi,
        functionName: 'hasRole',
        args: [keccak256(toHex('PAUSER_ROLE')), emergency],
      }),
    ).toBe(false)
  })

  test('error: role not in the ABI', () => {
    expect(() =>
      buildRevokeRole({
        target: '0x5FbDB2315678afecb367f032d93F642f64180aa3',
        abi: authorCoinAbi,
        role: 'pauser',
        account: '0x70997970C51812dc3A010C7d01b50e0d17dc79C8',
      }),
    ).toThrowErrorMatchingInlineSnapshot(`
      [UnknownRoleError: Unknown role "pauser": the ABI declares no such role.

      Roles in the ABI: DEFAULT_ADMIN_ROLE, MINTER_ROLE, PAUSER_ROLE, UPGRADER_ROLE

      Hint: Use one of the roles above, pass the role id as a 32-byte hex string, or pass the ABI of the contract that declares the role.
      Docs: packages/governance/README.md#errors
      Version: @storydao/core@x.y.z]
    `)
  })
})
