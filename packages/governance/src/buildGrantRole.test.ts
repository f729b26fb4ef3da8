import { authorCoinAbi, storyTimelockAbi } from '@storydao/core'
import { type Abi, keccak256, toHex, zeroHash } from 'viem'
import { describe, expect, test } from 'vitest'
import { buildGrantRole } from './buildGrantRole.js'
import {
  contractAddress,
  runThroughTimelock,
  useLocalStack,
} from './test/localStack.js'

const context = useLocalStack()

const roleGetters = (abi: Abi) =>
  abi.flatMap((item) =>
    item.type === 'function' &&
    item.name.endsWith('_ROLE') &&
    item.inputs.length === 0
      ? [item.name]
      : [],
  )

describe('buildGrantRole', () => {
  test('default', async () => {
    const { stack, client } = context
    const authorCoin = contractAddress(stack, 'AuthorCoin')
    const stranger = stack.accounts.stranger.address
    const call = buildGrantRole({
      target: authorCoin,
      abi: authorCoinAbi,
      role: 'MINTER_ROLE',
      account: stranger,
    })
    expect(call.label).toMatchInlineSnapshot(
      `"Grant MINTER_ROLE to 0xa0Ee7A142d267C1f36714E4a8F75612F20a79720 on 0x959922bE3CAee4b8Cd9a407cc3ac1C251C2007B1"`,
    )
    await runThroughTimelock(context, [call])
    expect(
      await client.readContract({
        address: authorCoin,
        abi: authorCoinAbi,
        functionName: 'hasRole',
        args: [keccak256(toHex('MINTER_ROLE')), stranger],
      }),
    ).toBe(true)
  })

  test('behavior: every role name resolves to the id the contract returns', async () => {
    const { stack, client } = context
    for (const [name, abi] of [
      ['AuthorCoin', authorCoinAbi],
      ['StoryTimelock', storyTimelockAbi],
    ] as const) {
      const target = contractAddress(stack, name)
      for (const role of roleGetters(abi)) {
        const call = buildGrantRole({
          target,
          abi,
          role,
          account: stack.accounts.stranger.address,
        })
        const onChain = await client.readContract({
          address: target,
          abi: [
            {
              type: 'function',
              name: role,
              inputs: [],
              outputs: [{ type: 'bytes32' }],
              stateMutability: 'view',
            },
          ] as const,
          functionName: role,
        })
        expect(call.data.slice(10, 74), `${name}.${role}`).toBe(
          onChain.slice(2),
        )
      }
    }
  })

  test('behavior: a role id is used as is and named when the ABI knows it', () => {
    const call = buildGrantRole({
      target: '0x5FbDB2315678afecb367f032d93F642f64180aa3',
      abi: authorCoinAbi,
      role: keccak256(toHex('PAUSER_ROLE')),
      account: '0x70997970C51812dc3A010C7d01b50e0d17dc79C8',
    })
    expect(call.label).toMatchInlineSnapshot(
      `"Grant PAUSER_ROLE to 0x70997970C51812dc3A010C7d01b50e0d17dc79C8 on 0x5FbDB2315678afecb367f032d93F642f64180aa3"`,
    )
    const admin = buildGrantRole({
      target: '0x5FbDB2315678afecb367f032d93F642f64180aa3',
      role: 'DEFAULT_ADMIN_ROLE',
      account: '0x70997970C51812dc3A010C7d01b50e0d17dc79C8',
    })
    expect(admin.data.slice(10, 74)).toBe(zeroHash.slice(2))
  })

  test('error: role not in the ABI', () => {
    expect(() =>
      buildGrantRole({
        target: '0x5FbDB2315678afecb367f032d93F642f64180aa3',
        abi: authorCoinAbi,
        role: 'BURNER_ROLE',
        account: '0x70997970C51812dc3A010C7d01b50e0d17dc79C8',
      }),
    ).toThrowErrorMatchingInlineSnapshot(`
      [UnknownRoleError: Unknown role "BURNER_ROLE": the ABI declares no such role.

      Roles in the ABI: DEFAULT_ADMIN_ROLE, MINTER_ROLE, PAUSER_ROLE, UPGRADER_ROLE

      Hint: Use one of the roles above, pass the role id as a 32-byte hex string, or pass the ABI of the contract that declares the role.
      Docs: packages/governance/README.md#errors
      Version: @storydao/core@x.y.z]
    `)
  })

  test('error: role name without an ABI', () => {
    expect(() =>
      buildGrantRole({
        target: '0x5FbDB2315678afecb367f032d93F642f64180aa3',
        role: 'PAUSER_ROLE',
        account: '0x70997970C51812dc3A010C7d01b50e0d17dc79C8',
      }),
    ).toThrowErrorMatchingInlineSnapshot(`
      [UnknownRoleError: Unknown role "PAUSER_ROLE": the ABI declares no such role.

      Roles in the ABI: DEFAULT_ADMIN_ROLE

      Hint: Use one of the roles above, pass the role id as a 32-byte hex string, or pass the ABI of the contract that declares the role.
      Docs: packages/governance/README.md#errors
      Version: @storydao/core@x.y.z]
    `)
  })
})
