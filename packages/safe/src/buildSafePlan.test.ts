import { authorCoinAbi, safeAbi } from '@storydao/core'
import { type LocalStack, startLocalStack } from '@storydao/testkit'
import {
  concat,
  createClient,
  custom,
  encodeAbiParameters,
  encodeFunctionData,
  getAddress,
  type Hex,
  http,
  numberToHex,
  size,
  slice,
  zeroAddress,
} from 'viem'
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest'
import { buildSafePlan } from './buildSafePlan.js'
import { createSafeService } from './createSafeService.js'
import { decodeMultiSend } from './decodeMultiSend.js'
import { SafeNonceConflictError, SafeNonceTooLowError } from './errors/plan.js'
import {
  NotASafeError,
  SafeChainMismatchError,
  SafeNotDeployedError,
} from './errors/safeIdentity.js'
import { SafeServiceTimeoutError } from './errors/service.js'
import { executeSafePlan } from './executeSafePlan.js'
import { proposeSafePlan } from './proposeSafePlan.js'
import { signSafePlan } from './signSafePlan.js'
import { startSilentServer } from './test/silentServer.js'
import { contract, pauseCall, twoSignatures } from './test/stack.js'
import type { SafeService } from './types/service.js'

let stack: LocalStack<true>
let service: SafeService
beforeAll(async () => {
  stack = await startLocalStack({ txService: true })
  service = createSafeService({
    chainId: stack.chainId,
    txServiceUrl: stack.txServiceUrl,
  })
})
beforeEach(() => stack.reset())
afterAll(() => stack?.stop())

const onChainHash = (plan: Awaited<ReturnType<typeof buildSafePlan>>) =>
  stack.client.readContract({
    address: plan.safe,
    abi: safeAbi,
    functionName: 'getTransactionHash',
    args: [
      plan.safeTx.to,
      plan.safeTx.value,
      plan.safeTx.data,
      plan.safeTx.operation,
      plan.safeTx.safeTxGas,
      plan.safeTx.baseGas,
      plan.safeTx.gasPrice,
      plan.safeTx.gasToken,
      plan.safeTx.refundReceiver,
      plan.safeTx.nonce,
    ],
  })

/** Runtime code that returns `data` (a multiple of 32 bytes) to any call. */
const returnsToAnyCall = (data: Hex): Hex => {
  const words = Array.from({ length: size(data) / 32 }, (_, i) =>
    // PUSH32 word, PUSH1 offset, MSTORE
    concat([
      '0x7f',
      slice(data, i * 32, i * 32 + 32),
      '0x60',
      numberToHex(i * 32, { size: 1 }),
      '0x52',
    ]),
  )
  // PUSH1 size, PUSH1 0, RETURN
  return concat([
    ...words,
    '0x60',
    numberToHex(size(data), { size: 1 }),
    '0x6000f3',
  ])
}

/** A transfer of 1 wei of ether from the ops Safe, labelled. */
const sendWei = (to: `0x${string}`, value = 1n) => ({
  to,
  value,
  data: '0x' as const,
  operation: 'call' as const,
  label: `Send ${value} wei`,
})

describe('buildSafePlan', () => {
  test('default: one call → a plain CALL, hashes equal the chain', async () => {
    const safe = stack.manifest.safes.emergency!.address
    const plan = await buildSafePlan(stack.client, {
      safe,
      calls: [pauseCall(stack)],
    })
    expect(plan).toMatchObject({
      chainId: 31337,
      safe,
      safeVersion: '1.4.1',
      nonce: 0n,
      safeTx: {
        to: contract(stack, 'AuthorCoin'),
        value: 0n,
        data: encodeFunctionData({ abi: authorCoinAbi, functionName: 'pause' }),
        operation: 0,
        safeTxGas: 0n,
        baseGas: 0n,
        gasPrice: 0n,
        gasToken: zeroAddress,
        refundReceiver: zeroAddress,
        nonce: 0n,
      },
      calls: [pauseCall(stack)],
      warnings: [],
    })
    expect(plan.safeTxHash).toBe(await onChainHash(plan))
    expect(plan.domainHash).toBe(
      await stack.client.readContract({
        address: safe,
        abi: safeAbi,
        functionName: 'domainSeparator',
      }),
    )
  })

  test('behavior: several calls → DELEGATECALL to the canonical MultiSendCallOnly', async () => {
    const recipients = [
      stack.accounts.stranger.address,
      stack.accounts.deployer.address,
    ]
    const plan = await buildSafePlan(stack.client, {
      safe: stack.manifest.safes.ops.address,
      calls: recipients.map((to) => sendWei(to)),
    })
    expect(plan.safeTx.to).toBe(stack.safeContracts.multiSendCallOnlyAddress)
    expect(plan.safeTx.to).toBe('0x9641d764fc13c8B624c04430C7356C1C7C8102e2')
    expect(plan.safeTx.operation).toBe(1)
    expect(plan.safeTx.value).toBe(0n)
    expect(decodeMultiSend(plan.safeTx.data)).toEqual(
      recipients.map((to) => ({ operation: 0, to, value: 1n, data: '0x' })),
    )
    expect(plan.safeTxHash).toBe(await onChainHash(plan))
  })

  test('behavior: VERSION(), nonce() and the chain id (and MultiSendCallOnly code) are read in one round', async () => {
    let inFlight = 0
    let maxInFlight = 0
    let requests = 0
    const transport = http(stack.rpcUrl)({})
    const client = createClient({
      transport: custom({
        async request(args) {
          requests++
          inFlight++
          maxInFlight = Math.max(maxInFlight, inFlight)
          try {
            return await transport.request(args)
          } finally {
            inFlight--
          }
        },
      }),
    })
    await buildSafePlan(client, {
      safe: stack.manifest.safes.emergency!.address,
      calls: [pauseCall(stack)],
    })
    expect({ requests, maxInFlight }).toEqual({ requests: 3, maxInFlight: 3 })
    // A batch also reads the canonical MultiSendCallOnly codes, in the same round.
    requests = 0
    maxInFlight = 0
    await buildSafePlan(client, {
      safe: stack.manifest.safes.ops.address,
      calls: [
        sendWei(stack.accounts.stranger.address),
        sendWei(stack.accounts.deployer.address),
      ],
    })
    expect({ requests, maxInFlight }).toEqual({ requests: 7, maxInFlight: 7 })
  })

  test('behavior: addresses are checksummed', async () => {
    const plan = await buildSafePlan(stack.client, {
      safe: stack.manifest.safes.ops.address.toLowerCase() as `0x${string}`,
      calls: [
        sendWei(stack.accounts.stranger.address.toLowerCase() as `0x${string}`),
      ],
    })
    expect(plan.safe).toBe(stack.manifest.safes.ops.address)
    expect(plan.safeTx.to).toBe(getAddress(stack.accounts.stranger.address))
  })

  test('behavior: default nonce is the next free one after the chain and the service queue', async () => {
    const safe = stack.manifest.safes.ops.address
    const [owner] = stack.accounts.opsOwners
    const first = await buildSafePlan(stack.client, {
      safe,
      service,
      calls: [sendWei(stack.accounts.stranger.address)],
    })
    expect(first.nonce).toBe(0n)
    await proposeSafePlan(service, {
      plan: first,
      sender: owner.address,
      signature: await signSafePlan({ plan: first, account: owner.privateKey }),
    })
    const second = await buildSafePlan(stack.client, {
      safe,
      service,
      calls: [sendWei(stack.accounts.stranger.address, 2n)],
    })
    expect(second.nonce).toBe(1n)
    // Without the service only the chain counts.
    const offline = await buildSafePlan(stack.client, {
      safe,
      calls: [sendWei(stack.accounts.stranger.address, 2n)],
    })
    expect(offline.nonce).toBe(0n)
  })

  test('behavior: replace: true shares a queued nonce, with a warning; gaps are flagged', async () => {
    const safe = stack.manifest.safes.ops.address
    const [owner] = stack.accounts.opsOwners
    const queued = await buildSafePlan(stack.client, {
      safe,
      service,
      calls: [sendWei(stack.accounts.stranger.address)],
    })
    await proposeSafePlan(service, {
      plan: queued,
      sender: owner.address,
      signature: await signSafePlan({
        plan: queued,
        account: owner.privateKey,
      }),
    })
    const replacement = await buildSafePlan(stack.client, {
      safe,
      service,
      nonce: 0n,
      replace: true,
      calls: [sendWei(stack.accounts.deployer.address)],
    })
    expect(replacement.nonce).toBe(0n)
    expect(replacement.warnings).toEqual([
      `Nonce 0 is shared with 1 queued transaction (${queued.safeTxHash}): only one of them can ever execute.`,
    ])
    const gap = await buildSafePlan(stack.client, {
      safe,
      service,
      nonce: 5n,
      calls: [sendWei(stack.accounts.deployer.address)],
    })
    expect(gap.warnings).toMatchInlineSnapshot(`
      [
        "Nonce 5 leaves a gap: nonces 1–4 must execute first, and nothing is queued for them.",
      ]
    `)
  })

  test('behavior: explicitly allowed delegatecall, loudly marked', async () => {
    const plan = await buildSafePlan(stack.client, {
      safe: stack.manifest.safes.ops.address,
      allowDelegateCall: true,
      calls: [
        {
          to: stack.safeContracts.signMessageLibAddress,
          value: 0n,
          data: '0x',
          operation: 'delegatecall',
          label: 'library call',
        },
      ],
    })
    expect(plan.safeTx.operation).toBe(1)
    expect(plan.warnings).toMatchInlineSnapshot(`
      [
        "DELEGATECALL to 0xd53cd0aB83D845Ac265BE939c57F53AD838012c9: its code runs as the Safe itself, with the Safe’s storage and funds; it can change owners, modules and guards or drain the Safe. Verify the target’s code before signing.",
      ]
    `)
    expect(plan.safeTxHash).toBe(await onChainHash(plan))
  })

  test('error: explicit nonce below the chain nonce', async () => {
    const safe = stack.manifest.safes.emergency!.address
    const plan = await buildSafePlan(stack.client, {
      safe,
      calls: [pauseCall(stack)],
    })
    await executeSafePlan(stack.client, {
      plan,
      signatures: await twoSignatures(plan, stack.accounts.emergencyOwners),
    })
    const error = await buildSafePlan(stack.client, {
      safe,
      nonce: 0n,
      calls: [pauseCall(stack)],
    }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(SafeNonceTooLowError)
    expect(error).toMatchInlineSnapshot(`
      [SafeNonceTooLowError: Nonce 0 is already used: Safe 0x0Ff9b09627773c18136Bb1f46Ad639335C8B7C51 is at nonce 1.

      Requested nonce: 0
      On-chain nonce:  1

      Hint: A Safe transaction can only execute at the current nonce or later. Omit \`nonce\` to use the next free one, or pass 1 or higher.
      Docs: packages/safe/README.md#errors
      Version: @storydao/core@x.y.z]
    `)
  })

  test('error: explicit nonce taken by a queued transaction', async () => {
    const safe = stack.manifest.safes.ops.address
    const [owner] = stack.accounts.opsOwners
    const queued = await buildSafePlan(stack.client, {
      safe,
      service,
      calls: [sendWei(stack.accounts.stranger.address)],
    })
    await proposeSafePlan(service, {
      plan: queued,
      sender: owner.address,
      signature: await signSafePlan({
        plan: queued,
        account: owner.privateKey,
      }),
    })
    const error = await buildSafePlan(stack.client, {
      safe,
      service,
      nonce: 0n,
      calls: [sendWei(stack.accounts.deployer.address)],
    }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(SafeNonceConflictError)
    expect((error as SafeNonceConflictError).queued).toEqual([
      queued.safeTxHash,
    ])
  })

  test('error: delegatecall without opt-in, and inside a batch', async () => {
    const safe = stack.manifest.safes.ops.address
    const delegate = {
      to: stack.safeContracts.signMessageLibAddress,
      value: 0n,
      data: '0x' as const,
      operation: 'delegatecall' as const,
      label: 'library call',
    }
    await expect(
      buildSafePlan(stack.client, { safe, calls: [delegate] }),
    ).rejects.toThrowErrorMatchingInlineSnapshot(`
      [SafeDelegateCallError: calls[0] is a DELEGATECALL to 0xd53cd0aB83D845Ac265BE939c57F53AD838012c9; refused without \`allowDelegateCall: true\`.

      Hint: A delegatecall runs foreign code with the Safe’s storage and funds (it can change owners or drain the Safe). Only opt in with \`allowDelegateCall: true\` for audited library contracts.
      Docs: packages/safe/README.md#errors
      Version: @storydao/core@x.y.z]
    `)
    await expect(
      buildSafePlan(stack.client, {
        safe,
        allowDelegateCall: true,
        calls: [sendWei(stack.accounts.stranger.address), delegate],
      }),
    ).rejects.toThrowErrorMatchingInlineSnapshot(`
      [SafeDelegateCallError: calls[1] is a DELEGATECALL to 0xd53cd0aB83D845Ac265BE939c57F53AD838012c9 inside a batch; batches only make plain calls.

      Hint: Batches go through MultiSendCallOnly, which reverts on delegatecall. Send the delegatecall as a Safe transaction of its own.
      Docs: packages/safe/README.md#errors
      Version: @storydao/core@x.y.z]
    `)
  })

  test('error: wrong chain', async () => {
    await expect(
      buildSafePlan(stack.client, {
        safe: stack.manifest.safes.ops.address,
        chainId: 1,
        calls: [sendWei(stack.accounts.stranger.address)],
      }),
    ).rejects.toThrowErrorMatchingInlineSnapshot(`
      [SafeChainMismatchError: Wrong chain: the RPC is on chain 31337, expected 1.

      Expected: 1 (the chainId parameter)
      Actual:   31337 (the RPC)

      Hint: Point the client (RPC URL), the service and the plan at the same network.
      Docs: packages/safe/README.md#errors
      Version: @storydao/core@x.y.z]
    `)
    const mainnetService = createSafeService({
      chainId: 1,
      txServiceUrl: stack.txServiceUrl,
    })
    await expect(
      buildSafePlan(stack.client, {
        safe: stack.manifest.safes.ops.address,
        service: mainnetService,
        calls: [sendWei(stack.accounts.stranger.address)],
      }),
    ).rejects.toThrow(SafeChainMismatchError)
  })

  test('error: no Safe at the address', async () => {
    await expect(
      buildSafePlan(stack.client, {
        safe: stack.accounts.stranger.address,
        calls: [sendWei(stack.accounts.deployer.address)],
      }),
    ).rejects.toThrowErrorMatchingInlineSnapshot(`
      [SafeNotDeployedError: No Safe at 0xa0Ee7A142d267C1f36714E4a8F75612F20a79720 on chain 31337.

      Hint: Check the Safe address (manifest \`safes\`) and that the RPC serves the right network.
      Docs: packages/safe/README.md#errors
      Details: The contract function "VERSION" returned no data ("0x").
      Version: @storydao/core@x.y.z]
    `)
  })

  test('error: a contract that is not a Safe (AuthorCoin proxy), and an EOA', async () => {
    const authorCoin = contract(stack, 'AuthorCoin')
    const error = await buildSafePlan(stack.client, {
      safe: authorCoin,
      calls: [sendWei(stack.accounts.deployer.address)],
    }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(NotASafeError)
    expect((error as NotASafeError).address).toBe(authorCoin)
    expect(error).toMatchInlineSnapshot(`
      [NotASafeError: 0x959922bE3CAee4b8Cd9a407cc3ac1C251C2007B1 on chain 31337 is a contract, but not a Safe.

      Code:      109 bytes
      VERSION(): reverted
      nonce():   reverted

      Hint: Check the address: it must be the Safe (proxy) itself, e.g. the manifest’s \`safes.<name>.address\`, not a token, module, owner or implementation contract.
      Docs: packages/safe/README.md#errors
      Details: The contract function "VERSION" reverted.
      Version: @storydao/core@x.y.z]
    `)

    // An EOA has no code at all: not deployed, not "not a Safe".
    await expect(
      buildSafePlan(stack.client, {
        safe: stack.accounts.deployer.address,
        calls: [sendWei(stack.accounts.stranger.address)],
      }),
    ).rejects.toThrow(SafeNotDeployedError)
  })

  test('error: a contract whose VERSION() is not a version, or does not decode', async () => {
    const odd = getAddress('0x00000000000000000000000000000000000bad01')
    // Every call returns abi.encode("hello"): VERSION() reads "hello".
    await stack.client.setCode({
      address: odd,
      bytecode: returnsToAnyCall(
        encodeAbiParameters([{ type: 'string' }], ['hello']),
      ),
    })
    await expect(
      buildSafePlan(stack.client, {
        safe: odd,
        calls: [sendWei(stack.accounts.deployer.address)],
      }),
    ).rejects.toThrowErrorMatchingInlineSnapshot(`
      [NotASafeError: 0x00000000000000000000000000000000000bAD01 on chain 31337 is a contract, but not a Safe.

      Code:      113 bytes
      VERSION(): returned "hello"
      nonce():   returned 32

      Hint: Check the address: it must be the Safe (proxy) itself, e.g. the manifest’s \`safes.<name>.address\`, not a token, module, owner or implementation contract.
      Docs: packages/safe/README.md#errors
      Version: @storydao/core@x.y.z]
    `)
    // Every call returns one word of 0xff: no string decodes from it.
    await stack.client.setCode({
      address: odd,
      bytecode: returnsToAnyCall(`0x${'ff'.repeat(32)}`),
    })
    await expect(
      buildSafePlan(stack.client, {
        safe: odd,
        calls: [sendWei(stack.accounts.deployer.address)],
      }),
    ).rejects.toThrowErrorMatchingInlineSnapshot(`
      [NotASafeError: 0x00000000000000000000000000000000000bAD01 on chain 31337 is a contract, but not a Safe.

      Code:      41 bytes
      VERSION(): returned data that does not decode
      nonce():   returned 115792089237316195423570985008687907853269984665640564039457584007913129639935

      Hint: Check the address: it must be the Safe (proxy) itself, e.g. the manifest’s \`safes.<name>.address\`, not a token, module, owner or implementation contract.
      Docs: packages/safe/README.md#errors
      Details: Number "115792089237316195423570985008687907853269984665640564039457584007913129639935n" is not in safe integer range (-9007199254740991 to 9007199254740991)
      Version: @storydao/core@x.y.z]
    `)
  })

  test('error: the RPC fails the reads (code is there) → ChainReadError', async () => {
    const transport = http(stack.rpcUrl)({})
    const client = createClient({
      transport: custom(
        {
          async request(args) {
            if (args.method === 'eth_call') throw new Error('socket hang up')
            return transport.request(args)
          },
        },
        { retryCount: 0 },
      ),
    })
    await expect(
      buildSafePlan(client, {
        safe: stack.manifest.safes.emergency!.address,
        calls: [pauseCall(stack)],
      }),
    ).rejects.toThrowErrorMatchingInlineSnapshot(`
      [ChainReadError: Could not read the version and nonce of Safe 0x0Ff9b09627773c18136Bb1f46Ad639335C8B7C51 from the RPC.

      Hint: Check that the RPC URL is reachable and serves the manifest’s network.
      Details: An unknown RPC error occurred.
      Version: @storydao/core@x.y.z]
    `)
  })

  test('error: expected Safe version differs', async () => {
    await expect(
      buildSafePlan(stack.client, {
        safe: stack.manifest.safes.ops.address,
        safeVersion: '1.3.0',
        calls: [sendWei(stack.accounts.deployer.address)],
      }),
    ).rejects.toThrowErrorMatchingInlineSnapshot(`
      [SafeVersionMismatchError: Safe 0x1835069efDE63081BA0833Ef9704bf2Cc0E45abc is version 1.4.1, not 1.3.0.

      Hint: The version decides the EIP-712 domain of the safeTxHash. Omit \`safeVersion\` to use the on-chain one.
      Docs: packages/safe/README.md#errors
      Version: @storydao/core@x.y.z]
    `)
  })

  test('error: malformed input', async () => {
    const safe = stack.manifest.safes.ops.address
    await expect(
      buildSafePlan(stack.client, { safe, calls: [] }),
    ).rejects.toThrowErrorMatchingInlineSnapshot(`
      [SafePlanInputError: Invalid calls: expected at least one call, got none.

      Docs: packages/safe/README.md#errors
      Version: @storydao/core@x.y.z]
    `)
    await expect(
      buildSafePlan(stack.client, {
        safe,
        calls: [
          {
            ...sendWei(stack.accounts.deployer.address),
            to: '0x70997970c51812dc3a010c7d01b50e0d17dc79C8',
          },
        ],
      }),
    ).rejects.toThrowErrorMatchingInlineSnapshot(`
      [InvalidAddressError: Address "0x70997970c51812dc3a010c7d01b50e0d17dc79C8" at calls[0].to has a wrong EIP-55 checksum.

      Hint: A wrong checksum usually means a mistyped digit: copy the address again from its source. The checksummed form of these exact digits is 0x70997970C51812dc3A010C7d01b50e0d17dc79C8.
      Version: @storydao/core@x.y.z]
    `)
    await expect(
      buildSafePlan(stack.client, {
        safe,
        calls: [
          {
            ...sendWei(stack.accounts.deployer.address),
            value: 1 as unknown as bigint,
          },
        ],
      }),
    ).rejects.toThrowErrorMatchingInlineSnapshot(`
      [SafePlanInputError: Invalid calls[0].value: expected a bigint, got number 1.

      Hint: Amounts and nonces are bigints (\`1n\`, \`parseEther("1")\`).
      Docs: packages/safe/README.md#errors
      Version: @storydao/core@x.y.z]
    `)
    // A builder's `{ call, operationId }` passed instead of its `.call`.
    const call = sendWei(stack.accounts.deployer.address)
    await expect(
      buildSafePlan(stack.client, {
        safe,
        calls: [{ call, operationId: '0x' } as unknown as typeof call],
      }),
    ).rejects.toThrowErrorMatchingInlineSnapshot(`
      [SafePlanInputError: Invalid calls[0]: expected a call, got a builder result with keys call, operationId.

      Hint: Pass its \`.call\` (e.g. \`calls: [schedule.call]\`).
      Docs: packages/safe/README.md#errors
      Version: @storydao/core@x.y.z]
    `)
  })
})

describe('buildSafePlan: a service that never answers', () => {
  test('error: the queue read times out (retried once)', async () => {
    const silent = await startSilentServer()
    try {
      const hanging = createSafeService({
        chainId: stack.chainId,
        txServiceUrl: silent.url,
        timeout: 300,
        retryCount: 1,
        retryDelay: 10,
      })
      const safe = stack.manifest.safes.emergency!.address
      const error = (await buildSafePlan(stack.client, {
        safe,
        service: hanging,
        calls: [pauseCall(stack)],
      }).catch((e: unknown) => e)) as SafeServiceTimeoutError
      expect(error).toBeInstanceOf(SafeServiceTimeoutError)
      expect(error.code).toBe('SAFE_SERVICE_TIMEOUT')
      expect(error.attempts).toBe(2)
      expect(error.url).toBe(
        `GET ${silent.url}/v2/safes/${safe}/multisig-transactions/`,
      )
      expect(silent.requests).toHaveLength(2)
    } finally {
      await silent.stop()
    }
  })
})

describe('buildSafePlan: parameters', () => {
  test('error: no client, no parameters', async () => {
    await expect(
      // @ts-expect-error: plain-JavaScript caller
      buildSafePlan(),
    ).rejects.toThrowErrorMatchingInlineSnapshot(`
      [MissingParameterError: buildSafePlan: missing \`client\` (expected a viem client).

      Hint: Call buildSafePlan(…) with \`client\` set; see its doc comment for an example.
      Docs: packages/core/README.md#errors
      Version: @storydao/core@x.y.z]
    `)
    await expect(
      // @ts-expect-error: plain-JavaScript caller
      buildSafePlan(stack.client),
    ).rejects.toThrowErrorMatchingInlineSnapshot(`
      [MissingParameterError: buildSafePlan: missing \`parameters\` (expected an object with \`safe\`, \`calls\`).

      Hint: Call buildSafePlan(…) with \`parameters\` set; see its doc comment for an example.
      Docs: packages/core/README.md#errors
      Version: @storydao/core@x.y.z]
    `)
  })
})
