import { createWalletClient, type Hex, http } from 'viem'
import { privateKeyToAccount } from 'viem/accounts'
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest'
import type { LocalAccount } from '../accounts.js'
import { localChain } from '../localClient.js'
import { startLocalStack } from '../startLocalStack.js'
import {
  apiKitFor,
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
beforeEach(() => stack.reset())
afterAll(() => stack?.stop())

const ops = () => stack.manifest.safes.ops.address
const walletOf = (account: LocalAccount) =>
  createWalletClient({
    account: privateKeyToAccount(account.privateKey),
    chain: localChain({ rpcUrl: stack.rpcUrl }),
    transport: http(stack.rpcUrl),
  })

/** The EIP-712 delegate signature api-kit's `signDelegate` produces. */
const delegateSignature = (signer: LocalAccount, delegate: Hex) =>
  privateKeyToAccount(signer.privateKey).signTypedData({
    domain: {
      name: 'Safe Transaction Service',
      version: '1.0',
      chainId: stack.chainId,
    },
    types: {
      Delegate: [
        { name: 'delegateAddress', type: 'address' },
        { name: 'totp', type: 'uint256' },
      ],
    },
    primaryType: 'Delegate',
    message: {
      delegateAddress: delegate,
      totp: BigInt(Math.floor(Date.now() / 1000 / 3600)),
    },
  })

/** A proposal signed and sent by `sender` (EOA signature of the safeTxHash). */
async function proposeAs(sender: LocalAccount, safe: Hex = ops()) {
  const [owner] = stack.accounts.opsOwners
  const { transaction, safeTxHash } = await signedProposal(
    stack,
    safe === ops() ? owner : stack.accounts.emergencyOwners[0],
    { safe },
  )
  const signature = await privateKeyToAccount(sender.privateKey).sign({
    hash: safeTxHash,
  })
  const result = apiKit.proposeTransaction({
    safeAddress: safe,
    safeTransactionData: transaction.data,
    safeTxHash,
    senderAddress: sender.address,
    senderSignature: signature,
  })
  return { result, safeTxHash, signature }
}

describe('delegates', () => {
  test('default: add, list, propose as the delegate, remove', async () => {
    const [owner] = stack.accounts.opsOwners
    const bot = stack.accounts.stranger
    const added = await apiKit.addSafeDelegate({
      safeAddress: ops(),
      delegateAddress: bot.address,
      delegatorAddress: owner.address,
      label: 'proposer bot',
      signer: walletOf(owner),
    })
    expect(added).toEqual({
      safe: ops(),
      delegate: bot.address,
      delegator: owner.address,
      signature: expect.stringMatching(/^0x[0-9a-f]{130}$/),
      label: 'proposer bot',
      expiryDate: null,
    })
    const entry = {
      safe: ops(),
      delegate: bot.address,
      delegator: owner.address,
      label: 'proposer bot',
      expiryDate: null,
    }
    expect(await apiKit.getSafeDelegates({ safeAddress: ops() })).toEqual({
      count: 1,
      next: null,
      previous: null,
      results: [entry],
    })
    expect(
      (await apiKit.getSafeDelegates({ delegatorAddress: owner.address }))
        .results,
    ).toEqual([entry])
    expect(
      (await apiKit.getSafeDelegates({ label: 'someone else' })).count,
    ).toBe(0)

    // The delegate's proposal is trusted, credited to its delegator, with no confirmation.
    const proposal = await proposeAs(bot)
    expect(await proposal.result).toBeUndefined()
    expect(await apiKit.getTransaction(proposal.safeTxHash)).toMatchObject({
      proposer: owner.address,
      proposedByDelegate: bot.address,
      trusted: true,
      confirmations: [],
    })

    expect(
      await apiKit.removeSafeDelegate({
        delegateAddress: bot.address,
        delegatorAddress: owner.address,
        signer: walletOf(owner),
      }),
    ).toBeUndefined()
    expect((await apiKit.getSafeDelegates({ safeAddress: ops() })).count).toBe(
      0,
    )
    expect((await failure((await proposeAs(bot)).result)).message).toMatch(
      /^Sender=0xa0Ee7A142d267C1f36714E4a8F75612F20a79720 is not an owner or delegate/,
    )
  })

  test('behavior: a delegate for every Safe (no safe) covers only its delegator’s Safes', async () => {
    const [owner] = stack.accounts.opsOwners
    const bot = stack.accounts.stranger
    await apiKit.addSafeDelegate({
      delegateAddress: bot.address,
      delegatorAddress: owner.address,
      label: 'all safes',
      signer: walletOf(owner),
    })
    expect(
      (await apiKit.getSafeDelegates({ delegateAddress: bot.address })).results,
    ).toMatchObject([{ safe: null, delegator: owner.address }])
    expect(await (await proposeAs(bot)).result).toBeUndefined()
    const emergency = stack.manifest.safes.emergency!.address
    expect(
      (await failure((await proposeAs(bot, emergency)).result)).message,
    ).toMatch(/is not an owner or delegate/)
    // The delegate may remove itself.
    await apiKit.removeSafeDelegate({
      delegateAddress: bot.address,
      delegatorAddress: owner.address,
      signer: walletOf(bot),
    })
    expect(
      (await apiKit.getSafeDelegates({ delegateAddress: bot.address })).count,
    ).toBe(0)
  })

  test('behavior: expiry dates are stored, and an expired delegate cannot propose', async () => {
    const [owner] = stack.accounts.opsOwners
    const bot = stack.accounts.stranger
    const signature = await delegateSignature(owner, bot.address)
    const body = {
      safe: ops(),
      delegate: bot.address,
      delegator: owner.address,
      signature,
      label: 'temporary',
    }
    const past = await request(stack, 'POST', '/v2/delegates/', {
      ...body,
      expiryDate: '2020-01-01T00:00:00Z',
    })
    expect([past.status, past.json]).toMatchInlineSnapshot(`
      [
        400,
        {
          "expiryDate": [
            "\`expiry_date\` cannot be previous to the current timestamp",
          ],
        },
      ]
    `)
    const soon = new Date(Date.now() + 1500)
    const added = await request(stack, 'POST', '/v2/delegates/', {
      ...body,
      expiryDate: soon.toISOString(),
    })
    expect(added.status).toBe(201)
    expect(
      (await apiKit.getSafeDelegates({ safeAddress: ops() })).results[0]
        ?.expiryDate,
    ).toBe(soon.toISOString().replace(/(\.\d{3})Z$/, '$1000Z'))
    expect(await (await proposeAs(bot)).result).toBeUndefined()
    await new Promise((resolve) =>
      setTimeout(resolve, soon.getTime() - Date.now() + 50),
    )
    expect((await failure((await proposeAs(bot)).result)).message).toMatch(
      /^Sender=0xa0Ee7A142d267C1f36714E4a8F75612F20a79720 is not an owner or delegate/,
    )
  })

  test('error: a delegate must sign alone', async () => {
    const [owner] = stack.accounts.opsOwners
    const bot = stack.accounts.stranger
    await apiKit.addSafeDelegate({
      safeAddress: ops(),
      delegateAddress: bot.address,
      delegatorAddress: owner.address,
      label: 'bot',
      signer: walletOf(owner),
    })
    const { transaction, safeTxHash, signature } = await signedProposal(
      stack,
      owner,
    )
    const botSignature = await privateKeyToAccount(bot.privateKey).sign({
      hash: safeTxHash,
    })
    expect(
      (
        await failure(
          apiKit.proposeTransaction({
            safeAddress: ops(),
            safeTransactionData: transaction.data,
            safeTxHash,
            senderAddress: bot.address,
            senderSignature: `${botSignature}${signature.slice(2)}`,
          }),
        )
      ).message,
    ).toMatchInlineSnapshot(
      `"Just one signature is expected if using delegates"`,
    )
  })

  test('error: delegator not an owner, wrong signer, unknown Safe (400)', async () => {
    const [owner] = stack.accounts.opsOwners
    const bot = stack.accounts.stranger
    const emergencyOwner = stack.accounts.emergencyOwners[0]
    expect(
      await failure(
        apiKit.addSafeDelegate({
          safeAddress: ops(),
          delegateAddress: bot.address,
          delegatorAddress: emergencyOwner.address,
          label: 'bot',
          signer: walletOf(emergencyOwner),
        }),
      ),
    ).toMatchInlineSnapshot(`
      {
        "data": {
          "nonFieldErrors": [
            "Provided delegator=0x15d34AAf54267DB7D7c367839AAf71A00a2C6A65 is not an owner of Safe=0x1835069efDE63081BA0833Ef9704bf2Cc0E45abc",
          ],
        },
        "message": "Provided delegator=0x15d34AAf54267DB7D7c367839AAf71A00a2C6A65 is not an owner of Safe=0x1835069efDE63081BA0833Ef9704bf2Cc0E45abc",
        "status": 400,
      }
    `)
    expect(
      (
        await failure(
          apiKit.addSafeDelegate({
            safeAddress: ops(),
            delegateAddress: bot.address,
            delegatorAddress: owner.address,
            label: 'bot',
            signer: walletOf(bot),
          }),
        )
      ).message,
    ).toMatchInlineSnapshot(
      `"Signature does not match provided delegator=0x70997970C51812dc3A010C7d01b50e0d17dc79C8"`,
    )
    expect(
      (
        await failure(
          apiKit.addSafeDelegate({
            safeAddress: bot.address,
            delegateAddress: bot.address,
            delegatorAddress: owner.address,
            label: 'bot',
            signer: walletOf(owner),
          }),
        )
      ).message,
    ).toMatchInlineSnapshot(
      `"Safe=0xa0Ee7A142d267C1f36714E4a8F75612F20a79720 does not exist or it's still not indexed"`,
    )
  })

  test('error: listing without a filter, removing what is not there', async () => {
    expect(
      await request(stack, 'GET', '/v2/delegates/'),
    ).toMatchInlineSnapshot(`
      {
        "json": [
          "At least one query param must be provided",
        ],
        "status": 400,
        "statusText": "Bad Request",
        "text": "["At least one query param must be provided"]",
      }
    `)
    const [owner] = stack.accounts.opsOwners
    expect(
      await failure(
        apiKit.removeSafeDelegate({
          delegateAddress: stack.accounts.stranger.address,
          delegatorAddress: owner.address,
          signer: walletOf(owner),
        }),
      ),
    ).toMatchInlineSnapshot(`
      {
        "data": undefined,
        "message": "Not Found",
        "status": 404,
      }
    `)
    expect(
      (
        await failure(
          apiKit.removeSafeDelegate({
            delegateAddress: stack.accounts.stranger.address.toLowerCase(),
            delegatorAddress: owner.address,
            signer: walletOf(owner),
          }),
        )
      ).message,
    ).toBe('Checksum address validation failed')
  })
})
