import { authorCoinAbi, safeAbi } from '@storydao/core'
import { encodeFunctionData, type Hex, parseEther, parseEventLogs } from 'viem'
import { privateKeyToAccount } from 'viem/accounts'
import { setBalance } from 'viem/actions'
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest'
import { startLocalStack } from '../startLocalStack.js'
import {
  apiKitFor,
  failure,
  protocolKitFor,
  request,
  type ServiceStack,
  signedProposal,
} from './test/utils.js'

let stack: ServiceStack
let apiKit: ReturnType<typeof apiKitFor>
beforeAll(async () => {
  stack = await startLocalStack({ txService: true })
  apiKit = apiKitFor(stack)
})
beforeEach(async () => {
  await stack.reset()
  await setBalance(stack.client, { address: ops(), value: parseEther('1') })
})
afterAll(() => stack?.stop())

const ops = () => stack.manifest.safes.ops.address
const owners = () => stack.accounts.opsOwners

/** Proposes the default one-call transaction as the first owner. */
async function proposed() {
  const [owner] = owners()
  const proposal = await signedProposal(stack, owner)
  await apiKit.proposeTransaction({
    safeAddress: ops(),
    safeTransactionData: proposal.transaction.data,
    safeTxHash: proposal.safeTxHash,
    senderAddress: owner.address,
    senderSignature: proposal.signature,
  })
  return proposal
}

describe('confirmTransaction', () => {
  test('default: propose, confirm by a second owner, execute on chain, read it back executed', async () => {
    const { safeTxHash } = await proposed()
    const [, second] = owners()
    const secondKit = await protocolKitFor(stack, second)
    const queued = await apiKit.getTransaction(safeTxHash)
    const signed = await secondKit.signTransaction(queued)
    const signature = signed.getSignature(second.address)!.data
    expect(await apiKit.confirmTransaction(safeTxHash, signature)).toEqual({
      signature,
    })
    const confirmations = await apiKit.getTransactionConfirmations(safeTxHash)
    expect(confirmations.count).toBe(2)
    expect(confirmations.results.map((c) => c.owner)).toEqual([
      owners()[0].address,
      second.address,
    ])

    // protocol-kit executes straight from the service's response.
    const ready = await apiKit.getTransaction(safeTxHash)
    const execution = await secondKit.executeTransaction(ready)
    const receipt = await stack.client.waitForTransactionReceipt({
      hash: execution.hash as Hex,
    })
    expect(receipt.status).toBe('success')
    const block = await stack.client.getBlock({
      blockNumber: receipt.blockNumber,
    })

    const executed = await apiKit.getTransaction(safeTxHash)
    expect(executed).toMatchObject({
      isExecuted: true,
      isSuccessful: true,
      transactionHash: receipt.transactionHash,
      blockNumber: Number(receipt.blockNumber),
      executor: second.address,
      executionDate: new Date(Number(block.timestamp) * 1000)
        .toISOString()
        .replace('.000Z', 'Z'),
      gasUsed: Number(receipt.gasUsed),
      ethGasPrice: String(receipt.effectiveGasPrice),
      fee: String(receipt.gasUsed * receipt.effectiveGasPrice),
      payment: '0',
    })
    // The signatures the Safe saw on chain.
    const onChain = await stack.client.getTransaction({
      hash: receipt.transactionHash,
    })
    expect(onChain.input.includes(executed.signatures!.slice(2))).toBe(true)
    expect(
      await stack.client.readContract({
        address: ops(),
        abi: safeAbi,
        functionName: 'nonce',
      }),
    ).toBe(1n)
    // Executed transactions leave the pending queue.
    expect((await apiKit.getPendingTransactions(ops())).results).toEqual([])
    expect(
      (await apiKit.getMultisigTransactions(ops(), { executed: true })).count,
    ).toBe(1)
    expect(
      (await failure(apiKit.confirmTransaction(safeTxHash, signature))).data,
    ).toMatchInlineSnapshot(`
      {
        "signature": [
          "Transaction with safe-tx-hash=0xbd8808e00645d7e496db4b1c7cd8f5f1a751a84781fa90966930c9dd5a14fd87 was already executed",
        ],
      }
    `)
  })

  test('behavior: an ExecutionFailure reads back executed but not successful', async () => {
    const [first, second] = owners()
    // The ops Safe holds no MINTER_ROLE; with safeTxGas set, the Safe emits
    // ExecutionFailure instead of reverting.
    const proposal = await signedProposal(stack, first, {
      safeTxGas: '200000',
      transactions: [
        {
          to: stack.manifest.contracts.AuthorCoin!.address,
          value: '0',
          data: encodeFunctionData({
            abi: authorCoinAbi,
            functionName: 'mint',
            args: [first.address, 1n],
          }),
        },
      ],
    })
    await apiKit.proposeTransaction({
      safeAddress: ops(),
      safeTransactionData: proposal.transaction.data,
      safeTxHash: proposal.safeTxHash,
      senderAddress: first.address,
      senderSignature: proposal.signature,
    })
    const secondKit = await protocolKitFor(stack, second)
    const signed = await secondKit.signTransaction(
      await apiKit.getTransaction(proposal.safeTxHash),
    )
    await apiKit.confirmTransaction(
      proposal.safeTxHash,
      signed.getSignature(second.address)!.data,
    )
    const execution = await secondKit.executeTransaction(
      await apiKit.getTransaction(proposal.safeTxHash),
    )
    const receipt = await stack.client.waitForTransactionReceipt({
      hash: execution.hash as Hex,
    })
    const [event] = parseEventLogs({ abi: safeAbi, logs: receipt.logs })
    expect(event?.eventName).toBe('ExecutionFailure')
    expect(await apiKit.getTransaction(proposal.safeTxHash)).toMatchObject({
      isExecuted: true,
      isSuccessful: false,
      transactionHash: receipt.transactionHash,
    })
    const failed = await apiKit.getMultisigTransactions(ops(), { failed: true })
    expect(failed.results.map((tx) => tx.safeTxHash)).toEqual([
      proposal.safeTxHash,
    ])
  })

  test('behavior: a duplicate confirmation is an idempotent 201', async () => {
    const { safeTxHash, signature } = await proposed()
    expect(await apiKit.confirmTransaction(safeTxHash, signature)).toEqual({
      signature,
    })
    expect(
      (await apiKit.getTransaction(safeTxHash)).confirmations,
    ).toHaveLength(1)
  })

  test('behavior: confirming follows the chain back when an execution is reverted', async () => {
    const { safeTxHash, kit, transaction } = await proposed()
    const id = await stack.snapshot()
    const [, second] = owners()
    const cosigned = await (
      await protocolKitFor(stack, second)
    ).signTransaction(transaction)
    const execution = await kit.executeTransaction(cosigned)
    await stack.client.waitForTransactionReceipt({
      hash: execution.hash as Hex,
    })
    expect((await apiKit.getTransaction(safeTxHash)).isExecuted).toBe(true)
    await stack.revert(id)
    expect((await apiKit.getTransaction(safeTxHash)).isExecuted).toBe(false)
  })

  test('error: unknown safeTxHash (404)', async () => {
    const { signature } = await signedProposal(stack, owners()[0])
    expect(
      await failure(
        apiKit.confirmTransaction(`0x${'ab'.repeat(32)}`, signature),
      ),
    ).toMatchInlineSnapshot(`
      {
        "data": {
          "detail": "Multisig transaction with safe-tx-hash=0xabababababababababababababababababababababababababababababababab was not found",
        },
        "message": "Multisig transaction with safe-tx-hash=0xabababababababababababababababababababababababababababababababab was not found",
        "status": 404,
      }
    `)
  })

  test('error: signature of a key that is not an owner (400)', async () => {
    const { safeTxHash } = await proposed()
    const signature = await privateKeyToAccount(
      stack.accounts.stranger.privateKey,
    ).sign({ hash: safeTxHash })
    expect(
      await failure(apiKit.confirmTransaction(safeTxHash, signature)),
    ).toMatchInlineSnapshot(`
      {
        "data": {
          "signature": [
            "Signer=0xa0Ee7A142d267C1f36714E4a8F75612F20a79720 is not an owner. Current owners=['0x70997970C51812dc3A010C7d01b50e0d17dc79C8', '0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC', '0x90F79bf6EB2c4f870365E785982E1f101E93b906']",
          ],
        },
        "message": "Bad Request",
        "status": 400,
      }
    `)
  })

  test('error: malformed signature field (400)', async () => {
    const { safeTxHash } = await proposed()
    const path = `/v1/multisig-transactions/${safeTxHash}/confirmations/`
    expect(await request(stack, 'POST', path, {})).toMatchObject({
      status: 400,
      json: { signature: ['This field is required.'] },
    })
    expect(
      (await request(stack, 'POST', path, { signature: '0x1234' })).json,
    ).toMatchInlineSnapshot(`
      {
        "signature": [
          "Ensure this field has at least 65 hexadecimal chars (not counting 0x).",
        ],
      }
    `)
  })
  test('error: an oversized signature (400) and a non-JSON body (415)', async () => {
    const { safeTxHash } = await proposed()
    const path = `/v1/multisig-transactions/${safeTxHash}/confirmations/`
    expect(
      await request(stack, 'POST', path, {
        signature: `0x${'ab'.repeat(5001)}`,
      }),
    ).toMatchObject({
      status: 400,
      json: {
        signature: [
          'Ensure this field has no more than 5000 hexadecimal chars (not counting 0x).',
        ],
      },
    })
    expect(
      await request(stack, 'POST', path, '{"signature": "0x"}', {
        'content-type': 'application/x-www-form-urlencoded',
      }),
    ).toMatchObject({
      status: 415,
      json: {
        detail:
          'Unsupported media type "application/x-www-form-urlencoded" in request.',
      },
    })
  })
})
