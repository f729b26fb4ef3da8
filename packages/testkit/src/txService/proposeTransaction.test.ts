import { safeAbi } from '@storydao/core'
import { type Hex, parseEther, zeroAddress } from 'viem'
import { privateKeyToAccount } from 'viem/accounts'
import { setBalance } from 'viem/actions'
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest'
import { startLocalStack } from '../startLocalStack.js'
import {
  apiKitFor,
  countUniqueNonce,
  failure,
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

describe('proposeTransaction', () => {
  test('default: a signed proposal is stored (201, empty body) with its confirmation', async () => {
    const [owner] = owners()
    const { transaction, safeTxHash, signature } = await signedProposal(
      stack,
      owner,
    )
    // The hash the service recomputes is the contract's.
    expect(
      await stack.client.readContract({
        address: ops(),
        abi: safeAbi,
        functionName: 'getTransactionHash',
        args: [
          transaction.data.to as Hex,
          BigInt(transaction.data.value),
          transaction.data.data as Hex,
          transaction.data.operation,
          BigInt(transaction.data.safeTxGas),
          BigInt(transaction.data.baseGas),
          BigInt(transaction.data.gasPrice),
          transaction.data.gasToken as Hex,
          transaction.data.refundReceiver as Hex,
          BigInt(transaction.data.nonce),
        ],
      }),
    ).toBe(safeTxHash)

    const raw = await request(
      stack,
      'POST',
      `/v2/safes/${ops()}/multisig-transactions/`,
      {
        ...transaction.data,
        contractTransactionHash: safeTxHash,
        sender: owner.address,
        signature,
        origin: '{"url":"https://example.org","name":"Ops ✓"}',
      },
    )
    expect(raw).toMatchObject({ status: 201, statusText: 'Created', text: '' })

    const stored = await apiKit.getTransaction(safeTxHash)
    const date = expect.stringMatching(
      /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{6})?Z$/,
    )
    expect(stored).toStrictEqual({
      safe: ops(),
      to: stack.accounts.stranger.address,
      value: '1',
      data: null,
      operation: 0,
      gasToken: zeroAddress,
      safeTxGas: '0',
      baseGas: '0',
      gasPrice: '0',
      refundReceiver: zeroAddress,
      nonce: '0',
      executionDate: null,
      submissionDate: date,
      modified: date,
      blockNumber: null,
      transactionHash: null,
      safeTxHash,
      proposer: owner.address,
      proposedByDelegate: null,
      executor: null,
      isExecuted: false,
      isSuccessful: null,
      ethGasPrice: null,
      maxFeePerGas: null,
      maxPriorityFeePerGas: null,
      gasUsed: null,
      fee: null,
      payment: null,
      // Parsed as JSON, read back as Python's json.dumps.
      origin: '{"url": "https://example.org", "name": "Ops \\u2713"}',
      dataDecoded: null,
      confirmationsRequired: 2,
      confirmations: [
        {
          owner: owner.address,
          submissionDate: date,
          transactionHash: null,
          signature,
          signatureType: 'EOA',
        },
      ],
      trusted: true,
      signatures: null,
    })
    expect(stored.submissionDate).toMatch(
      /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{6})?Z$/,
    )
  })

  test('behavior: re-proposing merges signatures and keeps one transaction', async () => {
    const [first, second] = owners()
    const a = await signedProposal(stack, first)
    const b = await signedProposal(stack, second)
    expect(b.safeTxHash).toBe(a.safeTxHash)
    for (const [owner, proposal] of [
      [first, a],
      [second, b],
    ] as const)
      expect(
        await apiKit.proposeTransaction({
          safeAddress: ops(),
          safeTransactionData: proposal.transaction.data,
          safeTxHash: proposal.safeTxHash,
          senderAddress: owner.address,
          senderSignature: proposal.signature,
        }),
      ).toBeUndefined()
    const listed = await apiKit.getMultisigTransactions(ops())
    expect(listed.count).toBe(1)
    const stored = listed.results[0]!
    expect(stored.proposer).toBe(first.address)
    expect(
      stored.confirmations?.map((c) => [c.owner, c.signature, c.signatureType]),
    ).toEqual([
      [first.address, a.signature, 'EOA'],
      [second.address, b.signature, 'EOA'],
    ])
  })

  test('behavior: an unsigned proposal is untrusted and hidden from lists by default', async () => {
    const [owner] = owners()
    const { transaction, safeTxHash, signature } = await signedProposal(
      stack,
      owner,
    )
    const body = {
      ...transaction.data,
      contractTransactionHash: safeTxHash,
      sender: owner.address,
    }
    const path = `/v2/safes/${ops()}/multisig-transactions/`
    expect((await request(stack, 'POST', path, body)).status).toBe(201)
    expect((await apiKit.getMultisigTransactions(ops())).count).toBe(0)
    const untrusted = await apiKit.getMultisigTransactions(ops(), {
      trusted: false,
    })
    expect(untrusted.count).toBe(1)
    expect(countUniqueNonce(untrusted)).toBe(1)
    expect(untrusted.results[0]).toMatchObject({
      safeTxHash,
      trusted: false,
      confirmations: [],
      origin: '{}',
    })
    expect((await apiKit.getPendingTransactions(ops())).results).toEqual([])

    // The same proposal with a signature makes it trusted (origin replaced).
    expect(
      (
        await request(stack, 'POST', path, {
          ...body,
          signature,
          origin: 'storydao',
        })
      ).status,
    ).toBe(201)
    expect((await apiKit.getTransaction(safeTxHash)).trusted).toBe(true)
    expect((await apiKit.getMultisigTransactions(ops())).results).toMatchObject(
      [{ safeTxHash, trusted: true, origin: 'storydao' }],
    )
  })

  test('error: CREATE operation', async () => {
    const [owner] = owners()
    const { transaction, safeTxHash, signature } = await signedProposal(
      stack,
      owner,
    )
    expect(
      await failure(
        apiKit.proposeTransaction({
          safeAddress: ops(),
          safeTransactionData: {
            ...transaction.data,
            operation: 2 as (typeof transaction.data)['operation'],
          },
          safeTxHash,
          senderAddress: owner.address,
          senderSignature: signature,
        }),
      ),
    ).toMatchInlineSnapshot(`
      {
        "data": {
          "nonFieldErrors": [
            "Operation CREATE not supported. Please use Safe CreateLib",
          ],
        },
        "message": "Operation CREATE not supported. Please use Safe CreateLib",
        "status": 422,
      }
    `)
  })

  test('error: safeTxHash that does not match the recomputed one', async () => {
    const [owner] = owners()
    const { transaction, signature } = await signedProposal(stack, owner)
    const other = await signedProposal(stack, owner, { nonce: 5 })
    expect(
      await failure(
        apiKit.proposeTransaction({
          safeAddress: ops(),
          safeTransactionData: transaction.data,
          safeTxHash: other.safeTxHash,
          senderAddress: owner.address,
          senderSignature: signature,
        }),
      ),
    ).toMatchInlineSnapshot(`
      {
        "data": {
          "nonFieldErrors": [
            "Contract-transaction-hash=0xbd8808e00645d7e496db4b1c7cd8f5f1a751a84781fa90966930c9dd5a14fd87 does not match provided contract-tx-hash=0xe3a81d86882561c0270fdec364fcf7082c2bc612eda27b0225e90096dbc71b9a",
          ],
        },
        "message": "Contract-transaction-hash=0xbd8808e00645d7e496db4b1c7cd8f5f1a751a84781fa90966930c9dd5a14fd87 does not match provided contract-tx-hash=0xe3a81d86882561c0270fdec364fcf7082c2bc612eda27b0225e90096dbc71b9a",
        "status": 422,
      }
    `)
  })

  test('error: signed by a key that is not an owner', async () => {
    const [owner] = owners()
    const { transaction, safeTxHash } = await signedProposal(stack, owner)
    const signature = await privateKeyToAccount(
      stack.accounts.stranger.privateKey,
    ).sign({ hash: safeTxHash })
    expect(
      await failure(
        apiKit.proposeTransaction({
          safeAddress: ops(),
          safeTransactionData: transaction.data,
          safeTxHash,
          senderAddress: owner.address,
          senderSignature: signature,
        }),
      ),
    ).toMatchInlineSnapshot(`
      {
        "data": {
          "nonFieldErrors": [
            "Signer=0xa0Ee7A142d267C1f36714E4a8F75612F20a79720 is not an owner or delegate. Current owners=['0x70997970C51812dc3A010C7d01b50e0d17dc79C8', '0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC', '0x90F79bf6EB2c4f870365E785982E1f101E93b906']. Delegates=set()",
          ],
        },
        "message": "Signer=0xa0Ee7A142d267C1f36714E4a8F75612F20a79720 is not an owner or delegate. Current owners=['0x70997970C51812dc3A010C7d01b50e0d17dc79C8', '0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC', '0x90F79bf6EB2c4f870365E785982E1f101E93b906']. Delegates=set()",
        "status": 422,
      }
    `)
  })

  test('error: sender is not an owner or delegate', async () => {
    const [owner] = owners()
    const { transaction, safeTxHash, signature } = await signedProposal(
      stack,
      owner,
    )
    expect(
      await failure(
        apiKit.proposeTransaction({
          safeAddress: ops(),
          safeTransactionData: transaction.data,
          safeTxHash,
          senderAddress: stack.accounts.stranger.address,
          senderSignature: signature,
        }),
      ),
    ).toMatchInlineSnapshot(`
      {
        "data": {
          "nonFieldErrors": [
            "Sender=0xa0Ee7A142d267C1f36714E4a8F75612F20a79720 is not an owner or delegate. Current owners=['0x70997970C51812dc3A010C7d01b50e0d17dc79C8', '0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC', '0x90F79bf6EB2c4f870365E785982E1f101E93b906']. Delegates=set()",
          ],
        },
        "message": "Sender=0xa0Ee7A142d267C1f36714E4a8F75612F20a79720 is not an owner or delegate. Current owners=['0x70997970C51812dc3A010C7d01b50e0d17dc79C8', '0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC', '0x90F79bf6EB2c4f870365E785982E1f101E93b906']. Delegates=set()",
        "status": 422,
      }
    `)
  })

  test('error: sender is not among the signers', async () => {
    const [owner, other] = owners()
    const { transaction, safeTxHash } = await signedProposal(stack, owner)
    const { signature } = await signedProposal(stack, other)
    expect(
      await failure(
        apiKit.proposeTransaction({
          safeAddress: ops(),
          safeTransactionData: transaction.data,
          safeTxHash,
          senderAddress: owner.address,
          senderSignature: signature,
        }),
      ),
    ).toMatchInlineSnapshot(`
      {
        "data": {
          "nonFieldErrors": [
            "Signature does not match sender=0x70997970C51812dc3A010C7d01b50e0d17dc79C8. Calculated owners=['0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC']",
          ],
        },
        "message": "Signature does not match sender=0x70997970C51812dc3A010C7d01b50e0d17dc79C8. Calculated owners=['0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC']",
        "status": 422,
      }
    `)
  })

  test('error: the same owner signing twice', async () => {
    const [owner] = owners()
    const { transaction, safeTxHash, signature } = await signedProposal(
      stack,
      owner,
    )
    expect(
      (
        await failure(
          apiKit.proposeTransaction({
            safeAddress: ops(),
            safeTransactionData: transaction.data,
            safeTxHash,
            senderAddress: owner.address,
            senderSignature: `${signature}${signature.slice(2)}`,
          }),
        )
      ).message,
    ).toMatchInlineSnapshot(
      `"Signature for owner=0x70997970C51812dc3A010C7d01b50e0d17dc79C8 is duplicated"`,
    )
  })

  test('error: nonce already executed (stored execution, then chain nonce)', async () => {
    const [owner, other] = owners()
    const first = await signedProposal(stack, owner)
    await apiKit.proposeTransaction({
      safeAddress: ops(),
      safeTransactionData: first.transaction.data,
      safeTxHash: first.safeTxHash,
      senderAddress: owner.address,
      senderSignature: first.signature,
    })
    const cosigned = await (
      await signedProposal(stack, other)
    ).kit.signTransaction(first.transaction)
    const execution = await first.kit.executeTransaction(cosigned)
    await stack.client.waitForTransactionReceipt({
      hash: execution.hash as Hex,
    })
    const replacement = await signedProposal(stack, owner, {
      nonce: 0,
      transactions: [{ to: owner.address, value: '0', data: '0x' }],
    })
    const propose = (proposal: typeof first) =>
      failure(
        apiKit.proposeTransaction({
          safeAddress: ops(),
          safeTransactionData: proposal.transaction.data,
          safeTxHash: proposal.safeTxHash,
          senderAddress: owner.address,
          senderSignature: proposal.signature,
        }),
      )
    const withoutTxHash = (result: { message: string }) =>
      result.message.replace(execution.hash, '<tx-hash>')
    // Stored transactions marked executed (the service's own rule).
    expect(withoutTxHash(await propose(first))).toMatchInlineSnapshot(
      `"Tx with safe-tx-hash=0xbd8808e00645d7e496db4b1c7cd8f5f1a751a84781fa90966930c9dd5a14fd87 for safe=0x1835069efDE63081BA0833Ef9704bf2Cc0E45abc was already executed in tx-hash=<tx-hash>"`,
    )
    expect(withoutTxHash(await propose(replacement))).toMatchInlineSnapshot(
      `"Tx with nonce=0 for safe=0x1835069efDE63081BA0833Ef9704bf2Cc0E45abc already executed in tx-hash=<tx-hash>"`,
    )

    // Executed on chain without ever being proposed: nonce < on-chain nonce.
    await stack.reset()
    await setBalance(stack.client, { address: ops(), value: parseEther('1') })
    const direct = await signedProposal(stack, owner)
    const directCosigned = await (
      await signedProposal(stack, other)
    ).kit.signTransaction(direct.transaction)
    const directExecution = await direct.kit.executeTransaction(directCosigned)
    await stack.client.waitForTransactionReceipt({
      hash: directExecution.hash as Hex,
    })
    const stale = await signedProposal(stack, owner, {
      nonce: 0,
      transactions: [{ to: owner.address, value: '0', data: '0x' }],
    })
    const result = await propose(stale)
    expect(result.status).toBe(422)
    expect(
      result.message.replace(directExecution.hash, '<tx-hash>'),
    ).toMatchInlineSnapshot(
      `"Tx with nonce=0 for safe=0x1835069efDE63081BA0833Ef9704bf2Cc0E45abc already executed in tx-hash=<tx-hash>"`,
    )
  })

  test('error: non-checksummed Safe address in the path', async () => {
    const [owner] = owners()
    const { transaction, safeTxHash, signature } = await signedProposal(
      stack,
      owner,
    )
    expect(
      await failure(
        apiKit.proposeTransaction({
          safeAddress: ops().toLowerCase(),
          safeTransactionData: transaction.data,
          safeTxHash,
          senderAddress: owner.address,
          senderSignature: signature,
        }),
      ),
    ).toMatchInlineSnapshot(`
      {
        "data": {
          "arguments": [
            "0x1835069efde63081ba0833ef9704bf2cc0e45abc",
          ],
          "code": 1,
          "message": "Checksum address validation failed",
        },
        "message": "Checksum address validation failed",
        "status": 422,
      }
    `)
  })

  test('error: non-checksummed address in the body', async () => {
    const [owner] = owners()
    const { transaction, safeTxHash, signature } = await signedProposal(
      stack,
      owner,
    )
    expect(
      await failure(
        apiKit.proposeTransaction({
          safeAddress: ops(),
          safeTransactionData: {
            ...transaction.data,
            to: transaction.data.to.toLowerCase(),
          },
          safeTxHash,
          senderAddress: owner.address.toLowerCase(),
          senderSignature: signature,
        }),
      ),
    ).toMatchInlineSnapshot(`
      {
        "data": {
          "sender": [
            "Address 0x70997970c51812dc3a010c7d01b50e0d17dc79c8 is not checksumed",
          ],
          "to": [
            "Address 0xa0ee7a142d267c1f36714e4a8f75612f20a79720 is not checksumed",
          ],
        },
        "message": "Unprocessable Entity",
        "status": 422,
      }
    `)
  })

  test('error: field validation (missing, blank, malformed)', async () => {
    const path = `/v2/safes/${ops()}/multisig-transactions/`
    expect(await request(stack, 'POST', path, {})).toMatchInlineSnapshot(`
      {
        "json": {
          "baseGas": [
            "This field is required.",
          ],
          "contractTransactionHash": [
            "This field is required.",
          ],
          "gasPrice": [
            "This field is required.",
          ],
          "nonce": [
            "This field is required.",
          ],
          "operation": [
            "This field is required.",
          ],
          "safeTxGas": [
            "This field is required.",
          ],
          "sender": [
            "This field is required.",
          ],
          "to": [
            "This field is required.",
          ],
          "value": [
            "This field is required.",
          ],
        },
        "status": 422,
        "statusText": "Unprocessable Entity",
        "text": "{"to":["This field is required."],"value":["This field is required."],"operation":["This field is required."],"safeTxGas":["This field is required."],"baseGas":["This field is required."],"gasPrice":["This field is required."],"nonce":["This field is required."],"contractTransactionHash":["This field is required."],"sender":["This field is required."]}",
      }
    `)
    expect(
      (
        await request(stack, 'POST', path, {
          to: zeroAddress,
          value: '-1',
          data: 'xyz',
          operation: 7,
          safeTxGas: 'ten',
          baseGas: 0,
          gasPrice: '0',
          gasToken: '0x0000000000000000000000000000000000000001',
          nonce: 1.5,
          contractTransactionHash: '0x1234',
          sender: zeroAddress,
          signature: '0x',
          origin: '',
        })
      ).json,
    ).toMatchInlineSnapshot(`
      {
        "contractTransactionHash": [
          "Ensure this field has at least 32 hexadecimal chars (not counting 0x).",
        ],
        "data": [
          "xyz is not a hexadecimal value.",
        ],
        "gasToken": [
          "0x1 address is not allowed",
        ],
        "nonce": [
          "A valid integer is required.",
        ],
        "operation": [
          "Unknown operation",
        ],
        "origin": [
          "This field may not be blank.",
        ],
        "safeTxGas": [
          "A valid integer is required.",
        ],
        "sender": [
          "0x0 address is not allowed",
        ],
        "signature": [
          "This field may not be blank.",
        ],
        "value": [
          "Ensure this value is greater than or equal to 0.",
        ],
      }
    `)
    const malformed = await request(stack, 'POST', path, '{not json')
    expect(malformed.status).toBe(400)
    expect(malformed.json).toEqual({
      detail: expect.stringMatching(/^JSON parse error - /),
    })
  })
  test('error: integers past uint256 and an oversized signature (422, field named)', async () => {
    const [owner] = owners()
    const { transaction, safeTxHash, signature } = await signedProposal(
      stack,
      owner,
    )
    const path = `/v2/safes/${ops()}/multisig-transactions/`
    const body = {
      ...transaction.data,
      contractTransactionHash: safeTxHash,
      sender: owner.address,
    }
    const tooBig = String(2n ** 256n)
    expect(
      await request(stack, 'POST', path, {
        ...body,
        value: tooBig,
        safeTxGas: tooBig,
        baseGas: tooBig,
        gasPrice: tooBig,
        nonce: tooBig,
        signature: `0x${'ab'.repeat(5001)}`,
      }),
    ).toMatchObject({
      status: 422,
      statusText: 'Unprocessable Entity',
      json: Object.fromEntries(
        ['value', 'safeTxGas', 'baseGas', 'gasPrice', 'nonce']
          .map((field) => [
            field,
            [
              'Ensure this value is less than or equal to 115792089237316195423570985008687907853269984665640564039457584007913129639935.',
            ],
          ])
          .concat([
            [
              'signature',
              [
                'Ensure this field has no more than 5000 hexadecimal chars (not counting 0x).',
              ],
            ],
          ]),
      ),
    })
    // The largest uint256 passes the fields and is hashed like any value.
    const largest = await request(stack, 'POST', path, {
      ...body,
      value: String(2n ** 256n - 1n),
      signature,
    })
    expect(largest.status).toBe(422)
    expect(largest.json).toEqual({
      nonFieldErrors: [
        expect.stringMatching(
          /^Contract-transaction-hash=0x[0-9a-f]{64} does not match provided contract-tx-hash=/,
        ),
      ],
    })
    expect(await apiKit.getPendingTransactions(ops())).toMatchObject({
      count: 0,
    })
  })

  test('error: a body whose content type is not JSON (415)', async () => {
    const path = `/v2/safes/${ops()}/multisig-transactions/`
    expect(
      await request(stack, 'POST', path, '{}', {
        'content-type': 'text/plain;charset=UTF-8',
      }),
    ).toMatchInlineSnapshot(`
      {
        "json": {
          "detail": "Unsupported media type "text/plain;charset=UTF-8" in request.",
        },
        "status": 415,
        "statusText": "Unsupported Media Type",
        "text": "{"detail":"Unsupported media type \\"text/plain;charset=UTF-8\\" in request."}",
      }
    `)
    // No content type at all is no better; an empty body has nothing to parse.
    const untyped = await fetch(`${stack.txServiceUrl}${path}`, {
      method: 'POST',
      body: new TextEncoder().encode('{}'),
    })
    expect([untyped.status, await untyped.json()]).toEqual([
      415,
      { detail: 'Unsupported media type "" in request.' },
    ])
    expect(
      await request(stack, 'POST', path, '', { 'content-type': 'text/plain' }),
    ).toMatchObject({ status: 422, json: { to: ['This field is required.'] } })
    // Parameters and case do not matter for JSON.
    expect(
      await request(stack, 'POST', path, '{}', {
        'content-type': 'Application/JSON; charset=utf-8',
      }),
    ).toMatchObject({ status: 422 })
  })
})
