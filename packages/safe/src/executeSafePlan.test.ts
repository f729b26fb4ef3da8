import { EthSafeSignature } from '@safe-global/protocol-kit'
import { authorCoinAbi, safeAbi } from '@storydao/core'
import { type LocalStack, startLocalStack } from '@storydao/testkit'
import {
  type Address,
  createWalletClient,
  encodeFunctionData,
  getAddress,
  http,
  pad,
  parseEther,
  toHex,
} from 'viem'
import { mainnet } from 'viem/chains'
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest'
import { buildSafePlan } from './buildSafePlan.js'
import { SafeExecutionFailedError } from './errors/execution.js'
import { executeSafePlan } from './executeSafePlan.js'
import { hashSafeTransaction } from './hashSafeTransaction.js'
import { signSafePlan } from './signSafePlan.js'
import { offlinePlan } from './test/plans.js'
import { Safe } from './test/protocolKit.js'
import { contract, pauseCall, twoSignatures } from './test/stack.js'
import type { SafePlan, SafePlanCall } from './types/safe.js'

let stack: LocalStack
beforeAll(async () => {
  stack = await startLocalStack()
})
beforeEach(() => stack.reset())
afterAll(() => stack?.stop())

const paused = () =>
  stack.client.readContract({
    address: contract(stack, 'AuthorCoin'),
    abi: authorCoinAbi,
    functionName: 'paused',
  })
const safeNonce = (safe: Address) =>
  stack.client.readContract({
    address: safe,
    abi: safeAbi,
    functionName: 'nonce',
  })
const authBalance = (account: Address) =>
  stack.client.readContract({
    address: contract(stack, 'AuthorCoin'),
    abi: authorCoinAbi,
    functionName: 'balanceOf',
    args: [account],
  })

/** A plan with custom Safe transaction fields, re-hashed (as a careless tool would build it). */
const withSafeTx = (plan: SafePlan, fields: Partial<SafePlan['safeTx']>) => {
  const safeTx = { ...plan.safeTx, ...fields }
  return { ...plan, safeTx, ...hashSafeTransaction({ ...plan, safeTx }) }
}

describe('executeSafePlan', () => {
  test('default: the emergency Safe pauses AuthorCoin with two owner signatures', async () => {
    const plan = await buildSafePlan(stack.client, {
      safe: stack.manifest.safes.emergency!.address,
      calls: [pauseCall(stack)],
    })
    expect(await paused()).toBe(false)
    const { receipt, transactionHash } = await executeSafePlan(stack.client, {
      plan,
      signatures: await twoSignatures(plan, stack.accounts.emergencyOwners),
    })
    expect(receipt.status).toBe('success')
    expect(receipt.transactionHash).toBe(transactionHash)
    expect(await paused()).toBe(true)
    expect(await safeNonce(plan.safe)).toBe(1n)
  })

  test('behavior: a 20-call MultiSendCallOnly batch, every effect checked', async () => {
    const safe = stack.manifest.safes.ops.address
    const token = contract(stack, 'AuthorCoin')
    // Fund the ops Safe with ether and AUTH (the deployer's votes make
    // AuthorCoin transfers checkpoint: explicit gas, see the anvil gotcha).
    await stack.client.sendTransaction({
      account: stack.accounts.deployer.address,
      to: safe,
      value: parseEther('1'),
    })
    await stack.client.writeContract({
      account: stack.accounts.deployer.address,
      address: token,
      abi: authorCoinAbi,
      functionName: 'transfer',
      args: [safe, parseEther('1000')],
      gas: 300_000n,
    })
    const recipients = Array.from({ length: 20 }, (_, i) =>
      getAddress(pad(toHex(0x5afe00 + i), { size: 20 })),
    )
    const amount = (i: number) => BigInt(i + 1) * 10n ** 15n
    const calls: SafePlanCall[] = recipients.map((to, i) =>
      i % 2 === 0
        ? {
            to,
            value: amount(i),
            data: '0x',
            operation: 'call',
            label: `Send ${amount(i)} wei to ${to}`,
          }
        : {
            to: token,
            value: 0n,
            data: encodeFunctionData({
              abi: authorCoinAbi,
              functionName: 'transfer',
              args: [to, amount(i)],
            }),
            operation: 'call',
            label: `Send ${amount(i)} AUTH-wei to ${to}`,
            abi: authorCoinAbi,
          },
    )
    const plan = await buildSafePlan(stack.client, { safe, calls })
    expect(plan.safeTx.to).toBe(stack.safeContracts.multiSendCallOnlyAddress)
    const ethBefore = await stack.client.getBalance({ address: safe })
    const authBefore = await authBalance(safe)

    await executeSafePlan(stack.client, {
      plan,
      signatures: await twoSignatures(plan, stack.accounts.opsOwners),
    })

    let ethSent = 0n
    let authSent = 0n
    for (const [i, to] of recipients.entries()) {
      const eth = await stack.client.getBalance({ address: to })
      const auth = await authBalance(to)
      expect({ i, eth, auth }).toEqual({
        i,
        eth: i % 2 === 0 ? amount(i) : 0n,
        auth: i % 2 === 0 ? 0n : amount(i),
      })
      if (i % 2 === 0) ethSent += amount(i)
      else authSent += amount(i)
    }
    expect(await stack.client.getBalance({ address: safe })).toBe(
      ethBefore - ethSent,
    )
    expect(await authBalance(safe)).toBe(authBefore - authSent)
  })

  test('behavior: protocol-kit signs our plan; executeSafePlan accepts its signatures', async () => {
    const safe = stack.manifest.safes.emergency!.address
    const plan = await buildSafePlan(stack.client, {
      safe,
      calls: [pauseCall(stack)],
    })
    const signatures = []
    for (const owner of stack.accounts.emergencyOwners.slice(0, 2)) {
      const kit = await Safe.init({
        provider: stack.rpcUrl,
        signer: owner.privateKey,
        safeAddress: safe,
        contractNetworks: stack.contractNetworks,
      })
      const transaction = await kit.createTransaction({
        transactions: plan.calls.map(({ to, value, data }) => ({
          to,
          value: value.toString(),
          data,
        })),
      })
      // protocol-kit builds the very same Safe transaction and hash.
      expect(transaction.data).toEqual({
        ...plan.safeTx,
        value: plan.safeTx.value.toString(),
        safeTxGas: '0',
        baseGas: '0',
        gasPrice: '0',
        nonce: Number(plan.nonce),
      })
      expect(await kit.getTransactionHash(transaction)).toBe(plan.safeTxHash)
      const signed = await kit.signTransaction(transaction)
      const signature = signed.getSignature(owner.address)!
      signatures.push({
        signer: getAddress(signature.signer),
        signature: signature.data as `0x${string}`,
        type: 'EOA' as const,
      })
    }
    await executeSafePlan(stack.client, { plan, signatures })
    expect(await paused()).toBe(true)
  })

  test('behavior: protocol-kit executes a batch with our signatures', async () => {
    const safe = stack.manifest.safes.ops.address
    await stack.client.sendTransaction({
      account: stack.accounts.deployer.address,
      to: safe,
      value: parseEther('1'),
    })
    const to = [
      stack.accounts.stranger.address,
      getAddress(pad('0x5afe', { size: 20 })),
    ]
    const before = await Promise.all(
      to.map((address) => stack.client.getBalance({ address })),
    )
    const plan = await buildSafePlan(stack.client, {
      safe,
      calls: to.map((address) => ({
        to: address,
        value: 7n,
        data: '0x',
        operation: 'call',
        label: 'Send 7 wei',
      })),
    })
    const [executor] = stack.accounts.opsOwners
    const kit = await Safe.init({
      provider: stack.rpcUrl,
      signer: executor.privateKey,
      safeAddress: safe,
      contractNetworks: stack.contractNetworks,
    })
    const transaction = await kit.createTransaction({
      transactions: plan.calls.map(({ to, value, data }) => ({
        to,
        value: value.toString(),
        data,
      })),
    })
    expect(await kit.getTransactionHash(transaction)).toBe(plan.safeTxHash)
    for (const { signer, signature } of await twoSignatures(
      plan,
      stack.accounts.opsOwners,
    ))
      transaction.addSignature(new EthSafeSignature(signer, signature))
    const result = await kit.executeTransaction(transaction)
    await stack.client.waitForTransactionReceipt({
      hash: result.hash as `0x${string}`,
    })
    const after = await Promise.all(
      to.map((address) => stack.client.getBalance({ address })),
    )
    expect(after).toEqual(before.map((balance) => balance + 7n))
  })

  test('error: the call reverts (GS013), inner reason decoded', async () => {
    // The ops Safe does not hold PAUSER_ROLE.
    const plan = await buildSafePlan(stack.client, {
      safe: stack.manifest.safes.ops.address,
      calls: [pauseCall(stack)],
    })
    const error = await executeSafePlan(stack.client, {
      plan,
      signatures: await twoSignatures(plan, stack.accounts.opsOwners),
    }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(SafeExecutionFailedError)
    expect(
      (error as SafeExecutionFailedError).shortMessage,
    ).toMatchInlineSnapshot(
      `"Safe transaction 0x4ba347e81259a4afb676c1b56bdeadcfddebb654c2ac1ca9efdea2ef7c87ea0f reverted: AccessControlUnauthorizedAccount(0x1835069efDE63081BA0833Ef9704bf2Cc0E45abc, PAUSER_ROLE)"`,
    )
    expect(
      (error as SafeExecutionFailedError).metaMessages,
    ).toMatchInlineSnapshot(`
      [
        "Safe:       GS013: Safe transaction failed when gasPrice and safeTxGas were 0",
        "Inner call: AccessControlUnauthorizedAccount(0x1835069efDE63081BA0833Ef9704bf2Cc0E45abc, PAUSER_ROLE)",
      ]
    `)
    expect(await safeNonce(plan.safe)).toBe(0n)
  })

  test('error: one call of a batch reverts, inner reason found through MultiSendCallOnly', async () => {
    const safe = stack.manifest.safes.ops.address
    await stack.client.sendTransaction({
      account: stack.accounts.deployer.address,
      to: safe,
      value: 10n,
    })
    const plan = await buildSafePlan(stack.client, {
      safe,
      calls: [
        {
          to: stack.accounts.stranger.address,
          value: 1n,
          data: '0x',
          operation: 'call',
          label: 'Send 1 wei',
        },
        pauseCall(stack),
      ],
    })
    const error = (await executeSafePlan(stack.client, {
      plan,
      signatures: await twoSignatures(plan, stack.accounts.opsOwners),
    }).catch((e: unknown) => e)) as SafeExecutionFailedError
    expect(error.reason).toBe(
      'GS013: Safe transaction failed when gasPrice and safeTxGas were 0',
    )
    expect(error.innerReason).toMatch(
      /^call 2 of 2 \(AuthorCoin: pause\): AccessControlUnauthorizedAccount\(/,
    )
  })

  test('error: a gas limit too small is reported as out of gas', async () => {
    const plan = await buildSafePlan(stack.client, {
      safe: stack.manifest.safes.emergency!.address,
      calls: [pauseCall(stack)],
    })
    const error = await executeSafePlan(stack.client, {
      plan,
      signatures: await twoSignatures(plan, stack.accounts.emergencyOwners),
      // Enough to start execTransaction, not to finish it.
      gas: 60_000n,
      simulate: false,
    }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(SafeExecutionFailedError)
    const failure = error as SafeExecutionFailedError
    expect(failure.reason).toBe('out of gas')
    expect(failure.shortMessage).toContain(plan.safeTxHash)
    expect(failure.hint).toContain('Pass a larger `gas`')
    expect(await paused()).toBe(false)
    expect(await safeNonce(plan.safe)).toBe(0n)
  })

  test('error: too few signatures (GS020)', async () => {
    const plan = await buildSafePlan(stack.client, {
      safe: stack.manifest.safes.emergency!.address,
      calls: [pauseCall(stack)],
    })
    const [owner] = stack.accounts.emergencyOwners
    await expect(
      executeSafePlan(stack.client, {
        plan,
        signatures: [await signSafePlan({ plan, account: owner.privateKey })],
      }),
    ).rejects.toThrowErrorMatchingInlineSnapshot(`
      [SafeExecutionFailedError: Safe transaction 0x8850ebd8d0b53c6463efd915f9e2e019bd7b76fa2ea63f3bec604754ca7dbade reverted: GS020: Signatures data too short

      Safe:       GS020: Signatures data too short
      Safe nonce on chain: 0 (plan: 0)
      Threshold: 2, signatures given: 1

      Hint: Collect signatures from distinct current owners, at least the threshold.
      Docs: packages/safe/README.md#errors
      Details: The contract function "execTransaction" reverted with the following reason:
      GS020
      Version: @storydao/core@x.y.z]
    `)
  })

  test('error: a non-owner signature (GS026)', async () => {
    const plan = await buildSafePlan(stack.client, {
      safe: stack.manifest.safes.emergency!.address,
      calls: [pauseCall(stack)],
    })
    const [owner] = stack.accounts.emergencyOwners
    const error = (await executeSafePlan(stack.client, {
      plan,
      signatures: [
        await signSafePlan({ plan, account: owner.privateKey }),
        await signSafePlan({
          plan,
          account: stack.accounts.stranger.privateKey,
        }),
      ],
    }).catch((e: unknown) => e)) as SafeExecutionFailedError
    expect(error.reason).toBe('GS026: Invalid owner provided')
    expect(error.metaMessages).toContain('Safe nonce on chain: 0 (plan: 0)')
  })

  test('error: a signature attributed to the wrong owner', async () => {
    const plan = await buildSafePlan(stack.client, {
      safe: stack.manifest.safes.emergency!.address,
      calls: [pauseCall(stack)],
    })
    const [a, b] = stack.accounts.emergencyOwners
    const signature = await signSafePlan({ plan, account: a.privateKey })
    await expect(
      executeSafePlan(stack.client, {
        plan,
        signatures: [
          { ...signature, signer: b.address },
          await signSafePlan({ plan, account: a.privateKey }),
        ],
      }),
    ).rejects.toThrowErrorMatchingInlineSnapshot(`
      [SafeSignatureError: The EOA signature attributed to 0x9965507D1a55bcC2695C58ba16FB37d819B0A4dc does not sign safeTxHash 0x8850ebd8d0b53c6463efd915f9e2e019bd7b76fa2ea63f3bec604754ca7dbade.

      Recovered: 0x15d34AAf54267DB7D7c367839AAf71A00a2C6A65

      Hint: Sign the plan with signSafePlan (EIP-712, v 27/28) using an owner’s key, once per owner.
      Docs: packages/safe/README.md#errors
      Version: @storydao/core@x.y.z]
    `)
  })

  test('error: ExecutionFailure (safeTxGas > 0): refused after simulation, or thrown after mining', async () => {
    const built = await buildSafePlan(stack.client, {
      safe: stack.manifest.safes.ops.address,
      calls: [pauseCall(stack)],
    })
    const plan = withSafeTx(built, { safeTxGas: 100_000n })
    const signatures = await twoSignatures(plan, stack.accounts.opsOwners)
    const refused = (await executeSafePlan(stack.client, {
      plan,
      signatures,
    }).catch((e: unknown) => e)) as SafeExecutionFailedError
    expect(refused.kind).toBe('execution-failure')
    expect(refused.transactionHash).toBeUndefined()
    expect(await safeNonce(plan.safe)).toBe(0n)

    const mined = (await executeSafePlan(stack.client, {
      plan,
      signatures,
      simulate: false,
      gas: 500_000n,
    }).catch((e: unknown) => e)) as SafeExecutionFailedError
    expect(mined).toBeInstanceOf(SafeExecutionFailedError)
    expect(mined.kind).toBe('execution-failure')
    expect(mined.transactionHash).toMatch(/^0x[0-9a-f]{64}$/)
    expect(mined.innerReason).toMatch(/^AccessControlUnauthorizedAccount\(/)
    // ExecutionFailure still consumes the nonce.
    expect(await safeNonce(plan.safe)).toBe(1n)
  })

  test('error: a wallet client set to another chain than its RPC', async () => {
    const plan = await buildSafePlan(stack.client, {
      safe: stack.manifest.safes.emergency!.address,
      calls: [pauseCall(stack)],
    })
    const wallet = createWalletClient({
      chain: mainnet,
      transport: http(stack.rpcUrl),
      account: stack.accounts.deployer.address,
    })
    await expect(
      executeSafePlan(wallet, {
        plan,
        signatures: await twoSignatures(plan, stack.accounts.emergencyOwners),
      }),
    ).rejects.toThrowErrorMatchingInlineSnapshot(`
      [SafeWalletChainMismatchError: The wallet client is set to chain 1, but its RPC is on chain 31337.

      Wallet client chain: 1 (createWalletClient({ chain }))
      RPC chain:           31337 (eth_chainId)

      Hint: Create the wallet client with the chain its transport’s RPC serves (or point the transport at that chain’s RPC). Nothing was sent.
      Docs: packages/safe/README.md#errors
      Version: @storydao/core@x.y.z]
    `)
    expect(await paused()).toBe(false)
  })

  test('error: no wallet, no parameters', async () => {
    await expect(
      // @ts-expect-error: plain-JavaScript caller
      executeSafePlan(),
    ).rejects.toThrowErrorMatchingInlineSnapshot(`
      [MissingParameterError: executeSafePlan: missing \`wallet\` (expected a viem wallet client).

      Hint: Call executeSafePlan(…) with \`wallet\` set; see its doc comment for an example.
      Docs: packages/core/README.md#errors
      Version: @storydao/core@x.y.z]
    `)
    await expect(
      // @ts-expect-error: plain-JavaScript caller
      executeSafePlan(stack.client, { plan: undefined }),
    ).rejects.toThrowErrorMatchingInlineSnapshot(`
      [MissingParameterError: executeSafePlan: missing \`plan\` (expected a value).

      Hint: Call executeSafePlan(…) with \`plan\` set; see its doc comment for an example.
      Docs: packages/core/README.md#errors
      Version: @storydao/core@x.y.z]
    `)
  })

  test('error: plan for another chain', async () => {
    const plan = offlinePlan({
      chainId: 1,
      safe: stack.manifest.safes.emergency!.address,
      calls: [pauseCall(stack)],
    })
    await expect(
      executeSafePlan(stack.client, {
        plan,
        signatures: await twoSignatures(plan, stack.accounts.emergencyOwners),
      }),
    ).rejects.toThrowErrorMatchingInlineSnapshot(`
      [SafeChainMismatchError: Wrong chain: the wallet’s RPC is on chain 31337, expected 1.

      Expected: 1 (the plan)
      Actual:   31337 (the wallet’s RPC)

      Hint: Point the client (RPC URL), the service and the plan at the same network.
      Docs: packages/safe/README.md#errors
      Version: @storydao/core@x.y.z]
    `)
  })

  test('error: the sender cannot send (nothing executed)', async () => {
    const plan = await buildSafePlan(stack.client, {
      safe: stack.manifest.safes.emergency!.address,
      calls: [pauseCall(stack)],
    })
    const error = (await executeSafePlan(stack.client, {
      plan,
      signatures: await twoSignatures(plan, stack.accounts.emergencyOwners),
      account: '0x000000000000000000000000000000000000dEaD',
    }).catch((e: unknown) => e)) as SafeExecutionFailedError
    expect(error).toBeInstanceOf(SafeExecutionFailedError)
    expect(error.kind).toBe('not-sent')
    expect(error.shortMessage).toBe(
      `Safe transaction ${plan.safeTxHash} could not be sent.`,
    )
    expect(await paused()).toBe(false)
  })
})
