import { authorCoinAbi } from '@storydao/core'
import {
  getFreePort,
  type LocalStack,
  startLocalStack,
} from '@storydao/testkit'
import { concat, encodeFunctionData, parseEther, slice } from 'viem'
import { privateKeyToAccount } from 'viem/accounts'
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest'
import { buildRejection } from './buildRejection.js'
import { buildSafePlan } from './buildSafePlan.js'
import { confirmSafePlan } from './confirmSafePlan.js'
import { createSafeService, type SafeService } from './createSafeService.js'
import { SafeExecutionFailedError } from './errors/execution.js'
import {
  SafeChainMismatchError,
  SafePlanInputError,
  SafePlanIntegrityError,
} from './errors/plan.js'
import {
  SafeServiceError,
  SafeServiceUnreachableError,
} from './errors/service.js'
import { SafeSignatureError } from './errors/signature.js'
import { executeSafePlan } from './executeSafePlan.js'
import { getQueuedSafePlans } from './getQueuedSafePlans.js'
import { hashSafeTransaction } from './hashSafeTransaction.js'
import { getApiKit } from './internal/serviceState.js'
import { proposeSafePlan } from './proposeSafePlan.js'
import { signSafePlan } from './signSafePlan.js'
import {
  type RecordingServer,
  startRecordingServer,
} from './test/recordingServer.js'
import { contract, pauseCall, twoSignatures } from './test/stack.js'
import type { SafePlan } from './types/safe.js'

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
const serviceError = (promise: Promise<unknown>) =>
  promise.then(
    () => {
      throw new Error('expected a SafeServiceError')
    },
    (error: unknown) => {
      expect(error).toBeInstanceOf(SafeServiceError)
      return error as SafeServiceError
    },
  )

/** Builds and proposes the pause plan, signed by the first emergency owner. */
async function proposePause(): Promise<SafePlan> {
  const plan = await buildSafePlan(stack.client, {
    safe: emergency(),
    service,
    calls: [pauseCall(stack)],
  })
  const [owner] = stack.accounts.emergencyOwners
  await proposeSafePlan(plan, {
    service,
    sender: owner.address,
    signature: await signSafePlan(plan, owner.privateKey),
    origin: 'storydao-ops tests',
  })
  return plan
}

describe('proposeSafePlan', () => {
  test('default: propose → second owner confirms → queue shows 2 confirmations → execute → service shows it executed', async () => {
    const [first, second] = stack.accounts.emergencyOwners
    const plan = await proposePause()

    const [pending] = await getQueuedSafePlans(service, emergency())
    expect(pending!.confirmations.map((c) => c.signer)).toEqual([first.address])

    await confirmSafePlan(
      service,
      plan.safeTxHash,
      await signSafePlan(plan, second.privateKey),
    )
    const queue = await getQueuedSafePlans(service, emergency())
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
    await executeSafePlan(queued!, queued!.confirmations, stack.client)
    expect(
      await stack.client.readContract({
        address: contract(stack, 'AuthorCoin'),
        abi: authorCoinAbi,
        functionName: 'paused',
      }),
    ).toBe(true)
    const apiKit = await getApiKit(service)
    const executed = await apiKit.getTransaction(plan.safeTxHash)
    expect(executed.isExecuted).toBe(true)
    expect(executed.isSuccessful).toBe(true)
    expect(await getQueuedSafePlans(service, emergency())).toEqual([])
  })

  test('behavior: a queued batch comes back with its calls decoded', async () => {
    const safe = stack.manifest.safes.ops.address
    const [owner] = stack.accounts.opsOwners
    const calls = [
      stack.accounts.stranger.address,
      stack.accounts.deployer.address,
    ].map((to, i) => ({
      to,
      value: BigInt(i + 1),
      data: '0x' as const,
      operation: 'call' as const,
      label: `Send ${i + 1} wei`,
    }))
    const plan = await buildSafePlan(stack.client, { safe, service, calls })
    await proposeSafePlan(plan, {
      service,
      sender: owner.address,
      signature: await signSafePlan(plan, owner.privateKey),
    })
    const [queued] = await getQueuedSafePlans(service, safe)
    expect(queued!.safeTxHash).toBe(plan.safeTxHash)
    expect(
      queued!.calls.map(({ to, value, data, operation }) => ({
        to,
        value,
        data,
        operation,
      })),
    ).toEqual(
      calls.map(({ to, value, data, operation }) => ({
        to,
        value,
        data,
        operation,
      })),
    )
    expect(queued!.warnings).toEqual([])
  })

  test('behavior: rejection shares the nonce, executes, and kills the queued transaction', async () => {
    const plan = await proposePause()
    const rejection = await buildRejection(stack.client, {
      safe: emergency(),
      nonce: plan.nonce,
      service,
    })
    expect(rejection.safeTx).toMatchObject({
      to: emergency(),
      value: 0n,
      data: '0x',
      operation: 0,
      nonce: plan.nonce,
    })
    const [owner] = stack.accounts.emergencyOwners
    await proposeSafePlan(rejection, {
      service,
      sender: owner.address,
      signature: await signSafePlan(rejection, owner.privateKey),
    })
    const queue = await getQueuedSafePlans(service, emergency())
    expect(queue.map((q) => q.safeTxHash).sort()).toEqual(
      [plan.safeTxHash, rejection.safeTxHash].sort(),
    )
    expect(queue[0]!.warnings).toEqual([
      '2 queued transactions share nonce 0: only one can ever execute.',
    ])

    await executeSafePlan(
      rejection,
      await twoSignatures(rejection, stack.accounts.emergencyOwners),
      stack.client,
    )
    expect(await getQueuedSafePlans(service, emergency())).toEqual([])
    await expect(
      executeSafePlan(
        plan,
        await twoSignatures(plan, stack.accounts.emergencyOwners),
        stack.client,
      ),
    ).rejects.toThrow(SafeExecutionFailedError)
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
      proposeSafePlan(plan, {
        service,
        sender: owner.address,
        signature: await signSafePlan(plan, owner.privateKey),
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
      proposeSafePlan(plan, {
        service,
        sender: stranger.address,
        signature: await signSafePlan(plan, stranger.privateKey),
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
    const signature = await signSafePlan(plan, second.privateKey)
    const error = await proposeSafePlan(plan, {
      service: recorded,
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
        proposeSafePlan(plan, {
          service: recorded,
          sender: first.address,
          signature: hex,
        }),
      ).rejects.toThrow(
        `The signature is not from the sender ${first.address}.`,
      )
    expect(recorder.requests).toEqual([])
    expect(await getQueuedSafePlans(service, emergency())).toEqual([])

    // The same plan, signed by its sender, goes through the same relay (an
    // ETH_SIGN signature too: it merges as a second confirmation).
    await proposeSafePlan(plan, {
      service: recorded,
      sender: second.address,
      signature,
    })
    const firstEthSign = await privateKeyToAccount(
      first.privateKey,
    ).signMessage({ message: { raw: plan.safeTxHash } })
    await proposeSafePlan(plan, {
      service: recorded,
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
    const [queued] = await getQueuedSafePlans(service, emergency())
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
    const { signature } = await signSafePlan(plan, owner.privateKey)
    await expect(
      proposeSafePlan(plan, {
        service: recorded,
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
      proposeSafePlan(plan, {
        service: recorded,
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
    const signature = await signSafePlan(plan, owner.privateKey)
    const propose = (origin: string) =>
      proposeSafePlan(plan, {
        service: recorded,
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
    expect(await getQueuedSafePlans(service, emergency())).toEqual([])

    // The limits themselves are accepted by the service.
    const longest = ` ${'🙂'.repeat(200)} `
    await propose(longest)
    const [queued] = await getQueuedSafePlans(service, emergency())
    expect(queued!.origin).toBe(longest.trim())
  })

  test('error: edited plan, hashes inconsistent (checked before sending)', async () => {
    const plan = await buildSafePlan(stack.client, {
      safe: emergency(),
      calls: [pauseCall(stack)],
    })
    const [owner] = stack.accounts.emergencyOwners
    const signature = await signSafePlan(plan, owner.privateKey)
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
        proposeSafePlan(tampered, {
          service: recorded,
          sender: owner.address,
          signature,
        }),
      ).rejects.toThrow(SafePlanIntegrityError)
    expect(recorder.requests).toEqual([])
    expect(await getQueuedSafePlans(service, emergency())).toEqual([])
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
    await executeSafePlan(
      rejection,
      await twoSignatures(rejection, stack.accounts.emergencyOwners),
      stack.client,
    )
    const [owner] = stack.accounts.emergencyOwners
    const error = await serviceError(
      proposeSafePlan(stale, {
        service,
        sender: owner.address,
        signature: await signSafePlan(stale, owner.privateKey),
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
    const { signature } = await signSafePlan(plan, owner.privateKey)
    const error = await serviceError(
      proposeSafePlan(plan, {
        service,
        sender: owner.address,
        signature: concat([signature, signature]),
      }),
    )
    expect({ status: error.status, reason: error.reason }).toEqual({
      status: 422,
      reason: 'duplicate-signature',
    })

    await proposeSafePlan(plan, { service, sender: owner.address, signature })
    const { signature: secondSignature } = await signSafePlan(
      plan,
      second.privateKey,
    )
    const confirmError = await serviceError(
      confirmSafePlan(
        service,
        plan.safeTxHash,
        concat([secondSignature, secondSignature]),
      ),
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

  test('error: confirmation by a non-owner → 400', async () => {
    const plan = await proposePause()
    const error = await serviceError(
      confirmSafePlan(
        service,
        plan.safeTxHash,
        await signSafePlan(plan, stack.accounts.stranger.privateKey),
      ),
    )
    expect({ status: error.status, reason: error.reason }).toEqual({
      status: 400,
      reason: 'not-owner',
    })
    expect(error).toMatchInlineSnapshot(`
      [SafeServiceError: Safe Transaction Service refused to confirm Safe transaction 0x8850ebd8d0b53c6463efd915f9e2e019bd7b76fa2ea63f3bec604754ca7dbade (HTTP 400): signature: Signer=0xa0Ee7A142d267C1f36714E4a8F75612F20a79720 is not an owner. Current owners=['0x15d34AAf54267DB7D7c367839AAf71A00a2C6A65', '0x9965507D1a55bcC2695C58ba16FB37d819B0A4dc', '0x976EA74026E726554dB657fA54763abd0C3a0aa9']

      Hint: Only current owners (or their delegates) may propose or confirm: sign with an owner key (check getOwners() on the Safe).
      Docs: packages/safe/README.md#errors
      Details: Bad Request
      Version: @storydao/core@x.y.z]
    `)
  })

  test('error: confirming an unknown transaction → 404', async () => {
    const plan = await buildSafePlan(stack.client, {
      safe: emergency(),
      calls: [pauseCall(stack)],
    })
    const [owner] = stack.accounts.emergencyOwners
    const error = await serviceError(
      confirmSafePlan(
        service,
        plan.safeTxHash,
        await signSafePlan(plan, owner.privateKey),
      ),
    )
    expect({ status: error.status, reason: error.reason }).toEqual({
      status: 404,
      reason: 'not-found',
    })
  })

  test('error: confirming an executed transaction → 400', async () => {
    const plan = await proposePause()
    await executeSafePlan(
      plan,
      await twoSignatures(plan, stack.accounts.emergencyOwners),
      stack.client,
    )
    const third = stack.accounts.emergencyOwners[2]
    const error = await serviceError(
      confirmSafePlan(
        service,
        plan.safeTxHash,
        await signSafePlan(plan, third.privateKey),
      ),
    )
    expect({ status: error.status, reason: error.reason }).toEqual({
      status: 400,
      reason: 'already-executed',
    })
  })

  test('error: service for another chain (checked before sending)', async () => {
    const plan = await buildSafePlan(stack.client, {
      safe: emergency(),
      calls: [pauseCall(stack)],
    })
    const [owner] = stack.accounts.emergencyOwners
    await expect(
      proposeSafePlan(plan, {
        service: createSafeService({
          chainId: 1,
          txServiceUrl: stack.txServiceUrl,
        }),
        sender: owner.address,
        signature: await signSafePlan(plan, owner.privateKey),
      }),
    ).rejects.toThrow(SafeChainMismatchError)
  })

  test('error: unreachable service; the API key never shows', async () => {
    const port = await getFreePort()
    const offline = createSafeService({
      chainId: stack.chainId,
      txServiceUrl: `http://127.0.0.1:${port}/api`,
      apiKey: 'sk-local-secret',
    })
    const error = await getQueuedSafePlans(offline, emergency()).catch(
      (e: unknown) => e,
    )
    expect(error).toBeInstanceOf(SafeServiceUnreachableError)
    expect(String((error as Error).message)).not.toContain('sk-local-secret')
    expect((error as SafeServiceUnreachableError).shortMessage).toBe(
      `Could not reach the Safe Transaction Service to read Safe ${emergency()}.`,
    )
  })

  test('behavior: plans keep working with ether values (queue records keep the value)', async () => {
    const safe = stack.manifest.safes.ops.address
    await stack.client.sendTransaction({
      account: stack.accounts.deployer.address,
      to: safe,
      value: parseEther('1'),
    })
    const [owner] = stack.accounts.opsOwners
    const plan = await buildSafePlan(stack.client, {
      safe,
      service,
      calls: [
        {
          to: stack.accounts.stranger.address,
          value: parseEther('0.5'),
          data: encodeFunctionData({
            abi: authorCoinAbi,
            functionName: 'paused',
          }),
          operation: 'call',
          label: 'odd but valid',
        },
      ],
    })
    await proposeSafePlan(plan, {
      service,
      sender: owner.address,
      signature: await signSafePlan(plan, owner.privateKey),
    })
    const [queued] = await getQueuedSafePlans(service, safe)
    expect(queued!.safeTx).toEqual(plan.safeTx)
  })
})
