import { authorCoinAbi, storyDaoAbi } from '@storydao/core'
import { keccak256, parseEventLogs, toHex } from 'viem'
import { describe, expect, test } from 'vitest'
import { buildGovernorPropose } from './buildGovernorPropose.js'
import { buildGrantRole } from './buildGrantRole.js'
import { proposalState } from './test/governor.js'
import { contractAddress, sendAs, useLocalStack } from './test/localStack.js'

const context = useLocalStack()

describe('buildGovernorPropose', () => {
  test('default', async () => {
    const { stack, client } = context
    const governor = contractAddress(stack, 'StoryDAO')
    const calls = [
      buildGrantRole({
        target: contractAddress(stack, 'AuthorCoin'),
        abi: authorCoinAbi,
        role: 'MINTER_ROLE',
        account: stack.accounts.stranger.address,
      }),
    ]
    const description = '# Grant minting\n\nLet the stranger mint.'
    const { call, proposalId, descriptionHash } = buildGovernorPropose({
      governor,
      calls,
      description,
    })
    expect(descriptionHash).toBe(keccak256(toHex(description)))
    expect({ ...call, data: undefined, abi: undefined }).toMatchInlineSnapshot(`
      {
        "abi": undefined,
        "data": undefined,
        "label": "Governor 0x9A9f2CCfdE556A7E9Ff0848998Aa4a0CFD8863AE: propose "# Grant minting" (1 call, proposal 17506447625185324053136718223630035110481210837199404466865488993965214497522)",
        "operation": "call",
        "to": "0x9A9f2CCfdE556A7E9Ff0848998Aa4a0CFD8863AE",
        "value": 0n,
      }
    `)
    expect(proposalId).toBe(
      await client.readContract({
        address: governor,
        abi: storyDaoAbi,
        functionName: 'hashProposal',
        args: [
          calls.map((c) => c.to),
          calls.map((c) => c.value),
          calls.map((c) => c.data),
          descriptionHash,
        ],
      }),
    )
    const receipt = await sendAs(context, stack.accounts.deployer.address, call)
    const [created] = parseEventLogs({
      abi: storyDaoAbi,
      eventName: 'ProposalCreated',
      logs: receipt.logs,
    })
    expect(created?.args.proposalId).toBe(proposalId)
    expect(created?.args.description).toBe(description)
    expect(await proposalState(context, proposalId)).toBe('Pending')
  })

  test('error: no calls', () => {
    expect(() =>
      buildGovernorPropose({
        governor: '0x5FbDB2315678afecb367f032d93F642f64180aa3',
        calls: [],
        description: 'Nothing',
      }),
    ).toThrowErrorMatchingInlineSnapshot(`
      [NoCallsError: A governor proposal needs at least one call.

      Hint: Pass the calls the timelock or governor should make (\`calls: [{ to, value, data }]\`).
      Docs: packages/governance/README.md#errors
      Version: @storydao/core@x.y.z]
    `)
  })

  test('error: negative call value (not viem’s IntegerOutOfRangeError)', () => {
    expect(() =>
      buildGovernorPropose({
        governor: '0x5FbDB2315678afecb367f032d93F642f64180aa3',
        calls: [
          {
            to: '0x5FbDB2315678afecb367f032d93F642f64180aa3',
            value: -1n,
            data: '0x',
          },
        ],
        description: 'Pay back',
      }),
    ).toThrowErrorMatchingInlineSnapshot(`
      [InvalidCallError: Invalid value at calls[0].value: -1 is negative.

      Hint: Pass wei as a bigint from 0n to 2^256 - 1, e.g. \`0n\` or \`parseEther("1")\` from viem.
      Docs: packages/governance/README.md#errors
      Version: @storydao/core@x.y.z]
    `)
  })
})
