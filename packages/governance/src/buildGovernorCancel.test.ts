import { describe, expect, test } from 'vitest'
import { buildGovernorCancel } from './buildGovernorCancel.js'
import { buildPause } from './buildPause.js'
import { proposalState, propose } from './test/governor.js'
import { contractAddress, sendAs, useLocalStack } from './test/localStack.js'

const context = useLocalStack()

describe('buildGovernorCancel', () => {
  test('default', async () => {
    const { stack } = context
    const calls = [buildPause({ target: contractAddress(stack, 'AuthorCoin') })]
    const description = 'Pause AuthorCoin'
    const { governor, proposalId } = await propose(context, calls, description)
    const cancel = buildGovernorCancel({ governor, calls, description })
    expect(cancel.proposalId).toBe(proposalId)
    expect({
      ...cancel.call,
      data: undefined,
      abi: undefined,
    }).toMatchInlineSnapshot(`
      {
        "abi": undefined,
        "data": undefined,
        "label": "Governor 0x9A9f2CCfdE556A7E9Ff0848998Aa4a0CFD8863AE: cancel proposal 50538003958898320780235102811390260042041102660580211835762717881744911750471 (1 call)",
        "operation": "call",
        "to": "0x9A9f2CCfdE556A7E9Ff0848998Aa4a0CFD8863AE",
        "value": 0n,
      }
    `)
    // OpenZeppelin 5: the proposer may cancel while the proposal is pending.
    await sendAs(context, stack.accounts.deployer.address, cancel.call)
    expect(await proposalState(context, proposalId)).toBe('Canceled')
  })

  test('behavior: nobody else may cancel, and not once voting started', async () => {
    const { stack, client } = context
    const calls = [buildPause({ target: contractAddress(stack, 'AuthorCoin') })]
    const description = 'Pause AuthorCoin'
    const { governor } = await propose(context, calls, description)
    const { call } = buildGovernorCancel({ governor, calls, description })
    await expect(
      sendAs(context, stack.accounts.stranger.address, call),
    ).rejects.toThrowError(/GovernorUnableToCancel/)
    await client.mine({ blocks: 2 })
    await expect(
      sendAs(context, stack.accounts.deployer.address, call),
    ).rejects.toThrowError(/GovernorUnableToCancel/)
  })

  test('error: no calls', () => {
    expect(() =>
      buildGovernorCancel({
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
})
