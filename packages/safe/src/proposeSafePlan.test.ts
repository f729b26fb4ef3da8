import { authorCoinAbi } from '@storydao/core'
import { type LocalStack, startLocalStack } from '@storydao/testkit'
import { concat, slice } from 'viem'
import { privateKeyToAccount } from 'viem/accounts'
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest'
import { buildRejection } from './buildRejection.js'
import { buildSafePlan } from './buildSafePlan.js'
import { confirmSafePlan } from './confirmSafePlan.js'
import { createSafeService } from './createSafeService.js'
import { SafePlanInputError, SafePlanIntegrityError } from './errors/plan.js'
import { SafeChainMismatchError } from './errors/safeIdentity.js'
import { SafeServiceTimeoutError } from './errors/service.js'
import { SafeSignatureError } from './errors/signature.js'
import { executeSafePlan } from './executeSafePlan.js'
import { getQueuedSafePlans } from './getQueuedSafePlans.js'
import { getSafeServiceTransaction } from './getSafeServiceTransaction.js'
import { hashSafeTransaction } from './hashSafeTransaction.js'
import { proposeSafePlan } from './proposeSafePlan.js'
import { signSafePlan } from './signSafePlan.js'
import {
  type RecordingServer,
  startRecordingServer,
} from './test/recordingServer.js'
import { proposePause, serviceError } from './test/service.js'
import { startSilentServer } from './test/silentServer.js'
import { contract, pauseCall, twoSignatures } from './test/stack.js'
import type { SafePlan } from './types/safe.js'
import type { SafeService } from './types/service.js'

let stack: LocalStack<true>
let service: SafeService
/** Relays to the stack's service and records what reaches it. */
let recorder: RecordingServer
/** The stack's service, through {@link recorder}. */
let recorded: SafeService
beforeAll(async () => {
  stack = await startLocalStack({ txService: true })
  service = createSafeService({
    chainId: stack.chainId,
    txServiceUrl: stack.txServiceUrl,
  })
  recorder = await startRecordingServer({ forwardTo: stack.txServiceUrl })
  recorded = createSafeService({
    chainId: stack.chainId,
    txServiceUrl: recorder.url,
  })
})
beforeEach(async () => {
  await stack.reset()
  recorder.requests.length = 0
})
afterAll(async () => {
  await recorder?.stop()
  await stack?.stop()
})

const emergency = () => stack.manifest.safes.emergency!.address
describe('proposeSafePlan', () => {
  test('default: propose → second owner confirms → queue shows 2 confirmations → execute → service shows it executed', async () => {
    const [first, second] = stack.accounts.emergencyOwners
    const plan = await proposePause(stack, service)

    const [pending] = await getQueuedSafePlans(service, { safe: emergency() })
    expect(pending!.confirmations.map((c) => c.signer)).toEqual([first.address])

    await confirmSafePlan(service, {
      safeTxHash: plan.safeTxHash,
      signature: await signSafePlan({ plan, account: second.privateKey }),
    })
    const queue = await getQueuedSafePlans(service, { safe: emergency() })
    expect(queue).toHaveLength(1)
    const [queued] = queue
    expect(queued).toMatchObject({
      chainId: plan.chainId,
      safe: plan.safe,
      safeVersion: '1.4.1',
      nonce: plan.nonce,
      safeTx: plan.safeTx,
      safeTxHash: plan.safeTxHash,
      domainHash: plan.domainHash,
      messageHash: plan.messageHash,
      confirmationsRequired: 2,
      proposer: first.address,
      origin: 'storydao-ops tests',
    })
    expect(queued!.confirmations).toHaveLength(2)
    expect(
      queued!.confirmations.map(({ signer, type }) => ({ signer, type })),
    ).toEqual(
      expect.arrayContaining([
        { signer: first.address, type: 'EOA' },
        { signer: second.address, type: 'EOA' },
      ]),
    )

    // The queued record executes with the service's confirmations as is.
    await executeSafePlan(stack.client, {
      plan: queued!,
      signatures: queued!.confirmations,
    })
    expect(
      await stack.client.readContract({
        address: contract(stack, 'AuthorCoin'),
        abi: authorCoinAbi,
        functionName: 'paused',
      }),
    ).toBe(true)
    const executed = await getSafeServiceTransaction(service, {
      safeTxHash: plan.safeTxHash,
    })
    expect(executed.isExecuted).toBe(true)
    expect(executed.isSuccessful).toBe(true)
    expect(await getQueuedSafePlans(service, { safe: emergency() })).toEqual([])
  })

  test('error: bad hash (plan hashed for another Safe version) → 422', async () => {
    const built = await buildSafePlan(stack.client, {
      safe: emergency(),
      calls: [pauseCall(stack)],
    })
    const plan = {
      ...built,
      safeVersion: '1.2.0',
      ...hashSafeTransaction({ ...built, safeVersion: '1.2.0' }),
    }
    const [owner] = stack.accounts.emergencyOwners
    const error = await serviceError(
      proposeSafePlan(service, {
        plan,
        sender: owner.address,
        signature: await signSafePlan({ plan, account: owner.privateKey }),
      }),
    )
    expect({ status: error.status, reason: error.reason }).toEqual({
      status: 422,
      reason: 'hash-mismatch',
    })
    expect(error.shortMessage).toBe(
      `Safe Transaction Service refused to propose Safe transaction ${plan.safeTxHash} (HTTP 422): Contract-transaction-hash=${built.safeTxHash} does not match provided contract-tx-hash=${plan.safeTxHash}`,
    )
    expect(error.hint).toMatch(/on-chain VERSION\(\)/)
  })

  test('error: wrong signer (not an owner) → 422', async () => {
    const plan = await buildSafePlan(stack.client, {
      safe: emergency(),
      calls: [pauseCall(stack)],
    })
    const { stranger } = stack.accounts
    const error = await serviceError(
      proposeSafePlan(service, {
        plan,
        sender: stranger.address,
        signature: await signSafePlan({ plan, account: stranger.privateKey }),
      }),
    )
    expect({ status: error.status, reason: error.reason }).toEqual({
      status: 422,
      reason: 'not-owner',
    })
    expect(error.serviceMessage).toMatch(
      new RegExp(`^Sender=${stranger.address} is not an owner or delegate`),
    )
  })

  test('error: signature by another owner than the sender (checked before sending)', async () => {
    const plan = await buildSafePlan(stack.client, {
      safe: emergency(),
      calls: [pauseCall(stack)],
    })
    const [first, second] = stack.accounts.emergencyOwners
    const signature = await signSafePlan({ plan, account: second.privateKey })
    const error = await proposeSafePlan(recorded, {
      plan,
      sender: first.address,
      signature,
    }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(SafeSignatureError)
    expect(error).toMatchInlineSnapshot(`
      [SafeSignatureError: The signature is not from the sender 0x15d34AAf54267DB7D7c367839AAf71A00a2C6A65.

      Signed by: 0x9965507D1a55bcC2695C58ba16FB37d819B0A4dc (EOA)

      Hint: The Transaction Service only accepts a proposal its sender signed: sign with the sender’s key (signSafePlan), or pass the signer as \`sender\`.
      Docs: packages/safe/README.md#errors
      Version: @storydao/core@x.y.z]
    `)
    // As hex too, and with an ETH_SIGN (v 31/32) signature of the other owner.
    const ethSign = await privateKeyToAccount(second.privateKey).signMessage({
      message: { raw: plan.safeTxHash },
    })
    const v = Number.parseInt(ethSign.slice(-2), 16) + 4
    for (const hex of [
      signature.signature,
      concat([ethSign.slice(0, -2) as `0x${string}`, `0x${v.toString(16)}`]),
    ])
      await expect(
        proposeSafePlan(recorded, {
          plan,
          sender: first.address,
          signature: hex,
        }),
      ).rejects.toThrow(
        `The signature is not from the sender ${first.address}.`,
      )
    expect(recorder.requests).toEqual([])
    expect(await getQueuedSafePlans(service, { safe: emergency() })).toEqual([])

    // The same plan, signed by its sender, goes through the same relay (an
    // ETH_SIGN signature too: it merges as a second confirmation).
    await proposeSafePlan(recorded, { plan, sender: second.address, signature })
    const firstEthSign = await privateKeyToAccount(
      first.privateKey,
    ).signMessage({ message: { raw: plan.safeTxHash } })
    await proposeSafePlan(recorded, {
      plan,
      sender: first.address,
      signature: concat([
        slice(firstEthSign, 0, 64),
        `0x${(Number.parseInt(firstEthSign.slice(-2), 16) + 4).toString(16)}`,
      ]),
    })
    expect(recorder.requests.map(({ method }) => method)).toEqual([
      'POST',
      'POST',
    ])
    const [queued] = await getQueuedSafePlans(service, { safe: emergency() })
    expect(queued!.proposer).toBe(second.address)
    expect(
      queued!.confirmations.map(({ signer, type }) => ({ signer, type })),
    ).toEqual(
      expect.arrayContaining([
        { signer: second.address, type: 'EOA' },
        { signer: first.address, type: 'ETH_SIGN' },
      ]),
    )
  })

  test('error: malformed or unrecoverable signature (checked before sending)', async () => {
    const plan = await buildSafePlan(stack.client, {
      safe: emergency(),
      calls: [pauseCall(stack)],
    })
    const [owner] = stack.accounts.emergencyOwners
    const { signature } = await signSafePlan({
      plan,
      account: owner.privateKey,
    })
    await expect(
      proposeSafePlan(recorded, {
        plan,
        sender: owner.address,
        signature: signature.slice(0, 66) as `0x${string}`,
      }),
    ).rejects.toThrowErrorMatchingInlineSnapshot(`
      [SafeSignatureError: The signature is 32 bytes long; a Safe signature has at least 65.

      Hint: Sign the plan with signSafePlan (EIP-712, v 27/28) using an owner’s key, once per owner.
      Docs: packages/safe/README.md#errors
      Version: @storydao/core@x.y.z]
    `)
    // r = 0: no public key recovers.
    await expect(
      proposeSafePlan(recorded, {
        plan,
        sender: owner.address,
        signature: concat([`0x${'00'.repeat(32)}`, slice(signature, 32)]),
      }),
    ).rejects.toThrowErrorMatchingInlineSnapshot(`
      [SafeSignatureError: Signature 0 (v 28) does not recover to any address from safeTxHash 0x8850ebd8d0b53c6463efd915f9e2e019bd7b76fa2ea63f3bec604754ca7dbade.

      Hint: Sign the plan with signSafePlan (EIP-712, v 27/28) using an owner’s key, once per owner.
      Docs: packages/safe/README.md#errors
      Version: @storydao/core@x.y.z]
    `)
    expect(recorder.requests).toEqual([])
  })

  test('error: blank or over-long origin (checked before sending)', async () => {
    const plan = await buildSafePlan(stack.client, {
      safe: emergency(),
      calls: [pauseCall(stack)],
    })
    const [owner] = stack.accounts.emergencyOwners
    const signature = await signSafePlan({ plan, account: owner.privateKey })
    const propose = (origin: string) =>
      proposeSafePlan(recorded, {
        plan,
        sender: owner.address,
        signature,
        origin,
      })
    await expect(propose('')).rejects.toThrowErrorMatchingInlineSnapshot(`
      [SafePlanInputError: Invalid origin: it is blank; the Transaction Service refuses a blank origin.

      Hint: Omit \`origin\` to send none, or describe the proposal (e.g. the tool and ticket).
      Docs: packages/safe/README.md#errors
      Version: @storydao/core@x.y.z]
    `)
    await expect(propose(' \n\t ')).rejects.toThrow(SafePlanInputError)
    await expect(
      propose('x'.repeat(201)),
    ).rejects.toThrowErrorMatchingInlineSnapshot(`
      [SafePlanInputError: Invalid origin: it is 201 characters long; the Transaction Service accepts at most 200.

      Hint: Shorten it (put long descriptions in the linked ticket or the batch file instead).
      Docs: packages/safe/README.md#errors
      Version: @storydao/core@x.y.z]
    `)
    // Counted as the service counts: code points, after trimming.
    await expect(propose('🙂'.repeat(201))).rejects.toThrow(
      'it is 201 characters long',
    )
    expect(recorder.requests).toEqual([])
    expect(await getQueuedSafePlans(service, { safe: emergency() })).toEqual([])

    // The limits themselves are accepted by the service.
    const longest = ` ${'🙂'.repeat(200)} `
    await propose(longest)
    const [queued] = await getQueuedSafePlans(service, { safe: emergency() })
    expect(queued!.origin).toBe(longest.trim())
  })

  test('error: edited plan, hashes inconsistent (checked before sending)', async () => {
    const plan = await buildSafePlan(stack.client, {
      safe: emergency(),
      calls: [pauseCall(stack)],
    })
    const [owner] = stack.accounts.emergencyOwners
    const signature = await signSafePlan({ plan, account: owner.privateKey })
    const edited: SafePlan[] = [
      // The transaction changed, the hashes kept.
      { ...plan, safeTx: { ...plan.safeTx, value: 1n } },
      // The calls changed: reviewers would read something else.
      {
        ...plan,
        calls: [{ ...plan.calls[0]!, to: stack.accounts.stranger.address }],
      },
      // The hash changed alone.
      { ...plan, safeTxHash: plan.messageHash },
    ]
    for (const tampered of edited)
      await expect(
        proposeSafePlan(recorded, {
          plan: tampered,
          sender: owner.address,
          signature,
        }),
      ).rejects.toThrow(SafePlanIntegrityError)
    expect(recorder.requests).toEqual([])
    expect(await getQueuedSafePlans(service, { safe: emergency() })).toEqual([])
  })

  test('error: stale nonce (already executed on chain) → 422', async () => {
    const stale = await buildSafePlan(stack.client, {
      safe: emergency(),
      calls: [pauseCall(stack)],
    })
    // Execute a different transaction at nonce 0 (a rejection).
    const rejection = await buildRejection(stack.client, {
      safe: emergency(),
      nonce: 0n,
    })
    await executeSafePlan(stack.client, {
      plan: rejection,
      signatures: await twoSignatures(
        rejection,
        stack.accounts.emergencyOwners,
      ),
    })
    const [owner] = stack.accounts.emergencyOwners
    const error = await serviceError(
      proposeSafePlan(service, {
        plan: stale,
        sender: owner.address,
        signature: await signSafePlan({
          plan: stale,
          account: owner.privateKey,
        }),
      }),
    )
    expect({ status: error.status, reason: error.reason }).toEqual({
      status: 422,
      reason: 'nonce-executed',
    })
    expect(error.hint).toMatch(/next free nonce/)
  })

  test('error: duplicate signature → 422 on propose, 400 on confirm', async () => {
    const plan = await buildSafePlan(stack.client, {
      safe: emergency(),
      calls: [pauseCall(stack)],
    })
    const [owner, second] = stack.accounts.emergencyOwners
    const { signature } = await signSafePlan({
      plan,
      account: owner.privateKey,
    })
    const error = await serviceError(
      proposeSafePlan(service, {
        plan,
        sender: owner.address,
        signature: concat([signature, signature]),
      }),
    )
    expect({ status: error.status, reason: error.reason }).toEqual({
      status: 422,
      reason: 'duplicate-signature',
    })

    await proposeSafePlan(service, { plan, sender: owner.address, signature })
    const { signature: secondSignature } = await signSafePlan({
      plan,
      account: second.privateKey,
    })
    const confirmError = await serviceError(
      confirmSafePlan(service, {
        safeTxHash: plan.safeTxHash,
        signature: concat([secondSignature, secondSignature]),
      }),
    )
    expect({
      status: confirmError.status,
      reason: confirmError.reason,
    }).toEqual({
      status: 400,
      reason: 'duplicate-signature',
    })
    expect(confirmError.serviceMessage).toMatch(
      /^signature: Signature for owner=/,
    )
  })

  test('error: service for another chain (checked before sending)', async () => {
    const plan = await buildSafePlan(stack.client, {
      safe: emergency(),
      calls: [pauseCall(stack)],
    })
    const [owner] = stack.accounts.emergencyOwners
    await expect(
      proposeSafePlan(
        createSafeService({ chainId: 1, txServiceUrl: stack.txServiceUrl }),
        {
          plan,
          sender: owner.address,
          signature: await signSafePlan({ plan, account: owner.privateKey }),
        },
      ),
    ).rejects.toThrow(SafeChainMismatchError)
  })
})

describe('proposeSafePlan: a service that never answers', () => {
  test('error: times out once (a proposal is never retried)', async () => {
    const silent = await startSilentServer()
    try {
      const hanging = createSafeService({
        chainId: stack.chainId,
        txServiceUrl: silent.url,
        timeout: 300,
      })
      const plan = await buildSafePlan(stack.client, {
        safe: emergency(),
        calls: [pauseCall(stack)],
      })
      const [owner] = stack.accounts.emergencyOwners
      const error = (await proposeSafePlan(hanging, {
        plan,
        sender: owner.address,
        signature: await signSafePlan({ plan, account: owner.privateKey }),
      }).catch((e: unknown) => e)) as SafeServiceTimeoutError
      expect(error).toBeInstanceOf(SafeServiceTimeoutError)
      expect(error.code).toBe('SAFE_SERVICE_TIMEOUT')
      expect(error.url).toBe(
        `POST ${silent.url}/v2/safes/${emergency()}/multisig-transactions/`,
      )
      expect(silent.requests).toHaveLength(1)
    } finally {
      await silent.stop()
    }
  })
})

describe('proposeSafePlan: parameters', () => {
  test('error: the old argument order gets a typed error', async () => {
    const plan = await buildSafePlan(stack.client, {
      safe: emergency(),
      calls: [pauseCall(stack)],
    })
    await expect(
      // @ts-expect-error: the 0.1.0 signature
      proposeSafePlan(plan, { service }),
    ).rejects.toThrowErrorMatchingInlineSnapshot(`
      [SafeServiceConfigError: proposeSafePlan: the first argument is not a Safe service object.

      Hint: Create it with createSafeService({ chainId, txServiceUrl?, apiKey? }) and pass it first: proposeSafePlan(service, { … }).
      Docs: packages/safe/README.md#errors
      Version: @storydao/core@x.y.z]
    `)
  })
})
