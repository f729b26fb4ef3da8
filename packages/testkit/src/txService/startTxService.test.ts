import {
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { getFreePort, startAnvil } from '@storydao/invariants'
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest'
import { startLocalStack } from '../startLocalStack.js'
import { startTxService } from './startTxService.js'
import {
  apiKitFor,
  failure,
  rawExchange,
  SafeApiKit,
  type ServiceStack,
  signedProposal,
} from './test/utils.js'

let stack: ServiceStack
beforeAll(async () => {
  stack = await startLocalStack({ txService: true })
})
beforeEach(() => stack.reset())
afterAll(() => stack?.stop())

const ops = () => stack.manifest.safes.ops.address

async function propose(apiKit: SafeApiKit, nonce = 0) {
  const [owner] = stack.accounts.opsOwners
  const { transaction, safeTxHash, signature } = await signedProposal(
    stack,
    owner,
    { nonce },
  )
  await apiKit.proposeTransaction({
    safeAddress: ops(),
    safeTransactionData: transaction.data,
    safeTxHash,
    senderAddress: owner.address,
    senderSignature: signature,
  })
  return safeTxHash
}

const pendingHashes = async (apiKit: SafeApiKit) =>
  (await apiKit.getPendingTransactions(ops())).results.map(
    (tx) => tx.safeTxHash,
  )

describe('startTxService', () => {
  test('default: serves api-kit under …/api on a free loopback port', async () => {
    const service = await startTxService({ rpcUrl: stack.rpcUrl })
    try {
      expect(service.url).toBe(`http://127.0.0.1:${service.port}/api`)
      const apiKit = new SafeApiKit({
        chainId: 31337n,
        txServiceUrl: service.url,
      })
      expect((await apiKit.getServiceInfo()).name).toBe(
        'Safe Transaction Service',
      )
      expect((await apiKit.getSafeInfo(ops())).threshold).toBe(2)
    } finally {
      await service.stop()
      await service.stop()
    }
  })

  test('behavior: state persists to statePath (atomically) and survives a restart', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tx-service-'))
    const statePath = join(dir, 'nested', 'queue.json')
    const first = await startTxService({ rpcUrl: stack.rpcUrl, statePath })
    const firstKit = new SafeApiKit({
      chainId: 31337n,
      txServiceUrl: first.url,
    })
    const hash = await propose(firstKit)
    await first.stop()

    const saved = JSON.parse(readFileSync(statePath, 'utf8'))
    expect(saved).toMatchObject({
      version: 1,
      chainId: 31337,
      transactions: [{ safeTxHash: hash, nonce: '0', trusted: true }],
      delegates: [],
    })
    // Only the state file: the temporary file was renamed over it.
    expect(readdirSync(join(dir, 'nested'))).toEqual(['queue.json'])

    const second = await startTxService({ rpcUrl: stack.rpcUrl, statePath })
    try {
      const secondKit = new SafeApiKit({
        chainId: 31337n,
        txServiceUrl: second.url,
      })
      expect(await pendingHashes(secondKit)).toEqual([hash])
      expect(
        (await secondKit.getTransaction(hash)).confirmations?.map(
          (c) => c.owner,
        ),
      ).toEqual([stack.accounts.opsOwners[0].address])
      await second.reset()
      expect(await pendingHashes(secondKit)).toEqual([])
      expect(JSON.parse(readFileSync(statePath, 'utf8')).transactions).toEqual(
        [],
      )
    } finally {
      await second.stop()
    }
  })

  test('behavior: the local stack’s snapshot/revert/reset carry the queue along', async () => {
    const apiKit = apiKitFor(stack)
    const kept = await propose(apiKit, 0)
    const id = await stack.snapshot()
    const dropped = await propose(apiKit, 1)
    expect(await pendingHashes(apiKit)).toEqual([dropped, kept])
    await stack.revert(id)
    expect(await pendingHashes(apiKit)).toEqual([kept])
    await stack.reset()
    expect(await pendingHashes(apiKit)).toEqual([])
  })

  test('error: unreadable state file, or one from another chain', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tx-service-'))
    const broken = join(dir, 'broken.json')
    writeFileSync(broken, '{"version": 1,')
    const message = async (statePath: string) => {
      const error = await startTxService({
        rpcUrl: stack.rpcUrl,
        statePath,
      }).then(
        () => {
          throw new Error('expected a failure')
        },
        (error: Error & { code?: string }) => error,
      )
      return `${error.code}: ${error.message.replaceAll(dir, '<dir>').replace(/Details: .*\n/, '')}`
    }
    expect(await message(broken)).toMatchInlineSnapshot(`
      "TX_SERVICE_STATE_INVALID: Cannot read the Transaction Service state file.

      File: <dir>/broken.json
      $: Expected double-quoted property name in JSON at position 14

      Hint: Fix the listed entries, or delete the file to start with an empty queue.
      Docs: packages/testkit/README.md#state-file
      Version: @storydao/core@x.y.z"
    `)
    const otherChain = join(dir, 'other.json')
    writeFileSync(
      otherChain,
      JSON.stringify({
        version: 1,
        chainId: 1,
        transactions: [],
        delegates: [],
      }),
    )
    expect(await message(otherChain)).toMatchInlineSnapshot(`
      "TX_SERVICE_STATE_CHAIN_MISMATCH: The Transaction Service state file belongs to another chain.

      File: <dir>/other.json
      File chain id: 1
      RPC chain id: 31337

      Hint: Use another state file (statePath, --tx-service-state) or delete this one.
      Docs: packages/testkit/README.md#errors
      Version: @storydao/core@x.y.z"
    `)
    expect(existsSync(join(dir, 'other.json'))).toBe(true)
  })

  test('error: no chain behind rpcUrl, port already taken', async () => {
    const deadRpc = `http://127.0.0.1:${await getFreePort()}`
    await expect(startTxService({ rpcUrl: deadRpc })).rejects.toMatchObject({
      code: 'TX_SERVICE_RPC_UNREACHABLE',
    })
    const service = await startTxService({ rpcUrl: stack.rpcUrl })
    try {
      await expect(
        startTxService({ rpcUrl: stack.rpcUrl, port: service.port }),
      ).rejects.toMatchObject({
        code: 'TX_SERVICE_LISTEN_FAILED',
        hint: 'Another process holds the port; omit `port` to get a free one.',
      })
    } finally {
      await service.stop()
    }
  })

  test('error: the node goes away (503 on queue reads, 422 code 50 on Safe info)', async () => {
    const anvil = await startAnvil()
    const service = await startTxService({ rpcUrl: anvil.rpcUrl })
    try {
      await anvil.stop()
      const apiKit = new SafeApiKit({
        chainId: 31337n,
        txServiceUrl: service.url,
      })
      const list = await failure(apiKit.getMultisigTransactions(ops()))
      expect([list.status, list.message]).toEqual([503, 'Service Unavailable'])
      expect(list.data).toMatchObject({
        exception: 'Problem connecting to Ethereum network',
      })
      expect(await failure(apiKit.getSafeInfo(ops()))).toMatchInlineSnapshot(`
        {
          "data": {
            "arguments": [
              "0x1835069efDE63081BA0833Ef9704bf2Cc0E45abc",
            ],
            "code": 50,
            "message": "Cannot get Safe info from blockchain",
          },
          "message": "Cannot get Safe info from blockchain",
          "status": 422,
        }
      `)
    } finally {
      await service.stop()
      await anvil.stop()
    }
  })
  test('error: a malformed entry anywhere in the state file stops the start', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tx-service-'))
    const statePath = join(dir, 'queue.json')
    writeFileSync(
      statePath,
      JSON.stringify({
        version: 1,
        chainId: 31337,
        transactions: [
          null,
          {
            safe: ops().toLowerCase(),
            to: ops(),
            value: '-1',
            data: '0x12',
            operation: 2,
            safeTxGas: '0',
            baseGas: '0',
            gasPrice: '0',
            gasToken: null,
            refundReceiver: null,
            nonce: String(2n ** 256n),
            safeTxHash: `0x${'A'.repeat(64)}`,
            proposer: ops(),
            proposedByDelegate: null,
            origin: {},
            trusted: 'yes',
            created: 'yesterday',
            modified: new Date(0).toISOString(),
            confirmations: [{ owner: ops() }],
            execution: null,
          },
        ],
        delegates: {},
      }),
    )
    const error = await startTxService({ rpcUrl: stack.rpcUrl, statePath })
      .then(() => undefined)
      .catch((error: unknown) => error as Error & { problems: string[] })
    expect(error?.problems).toMatchInlineSnapshot(`
      [
        "transactions[0]: expected an object, got null",
        "transactions[1].safe: expected a checksummed address, got "0x1835069efde63081ba0833ef9704bf2cc0e45abc"",
        "transactions[1].value: expected a decimal string below 2^256, got "-1"",
        "transactions[1].operation: expected 0 (CALL) or 1 (DELEGATECALL), got 2",
        "transactions[1].nonce: expected a decimal string below 2^256, got "115792089237316195423570985008687907853269984665640564039457584007913129639936"",
        "transactions[1].safeTxHash: expected a lowercase 32-byte 0x hash, got "0xAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"",
        "transactions[1].trusted: expected true or false, got "yes"",
        "transactions[1].created: expected an ISO-8601 date string, got "yesterday"",
        "transactions[1].confirmations[0].created: missing",
        "transactions[1].confirmations[0].signature: missing",
        "transactions[1].confirmations[0].signatureType: missing",
        "delegates: expected an array, got an object",
      ]
    `)
    expect(
      error?.message.replaceAll(dir, '<dir>').replace(/Details: .*\n/, ''),
    ).toMatchInlineSnapshot(`
      "The Transaction Service state file has entries the service cannot use.

      File: <dir>/queue.json
      transactions[0]: expected an object, got null
      transactions[1].safe: expected a checksummed address, got "0x1835069efde63081ba0833ef9704bf2cc0e45abc"
      transactions[1].value: expected a decimal string below 2^256, got "-1"
      transactions[1].operation: expected 0 (CALL) or 1 (DELEGATECALL), got 2
      transactions[1].nonce: expected a decimal string below 2^256, got "115792089237316195423570985008687907853269984665640564039457584007913129639936"
      … and 7 more

      Hint: Fix the listed entries, or delete the file to start with an empty queue.
      Docs: packages/testkit/README.md#state-file
      Version: @storydao/core@x.y.z"
    `)
    // Nothing was written next to the file.
    expect(readdirSync(dir)).toEqual(['queue.json'])
  })

  test('error: a body over the limit gets nginx’s 413, declared or streamed', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tx-service-'))
    const statePath = join(dir, 'queue.json')
    const service = await startTxService({
      rpcUrl: stack.rpcUrl,
      statePath,
    })
    try {
      const apiKit = new SafeApiKit({
        chainId: 31337n,
        txServiceUrl: service.url,
      })
      const [owner] = stack.accounts.opsOwners
      const { transaction, safeTxHash } = await signedProposal(stack, owner)
      const oversized = await failure(
        apiKit.proposeTransaction({
          safeAddress: ops(),
          safeTransactionData: transaction.data,
          safeTxHash,
          senderAddress: owner.address,
          // A 2 MiB proposal: a 1 MiB signature, hex-encoded.
          senderSignature: `0x${'ab'.repeat(1024 * 1024)}`,
        }),
      )
      expect(oversized).toMatchInlineSnapshot(`
        {
          "data": undefined,
          "message": "Request Entity Too Large",
          "status": 413,
        }
      `)
      const chunks = new ReadableStream<Uint8Array>({
        start(controller) {
          for (let i = 0; i < 20; i++)
            controller.enqueue(new Uint8Array(64 * 1024).fill(32))
          controller.close()
        },
      })
      const streamed = await fetch(`${service.url}/v2/delegates/`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: chunks,
        duplex: 'half',
      } as RequestInit)
      expect([streamed.status, streamed.headers.get('connection')]).toEqual([
        413,
        'close',
      ])
      // The service still answers, and nothing was stored or left behind.
      expect((await apiKit.getPendingTransactions(ops())).count).toBe(0)
      expect(existsSync(statePath)).toBe(false)
      expect(readdirSync(dir)).toEqual([])
    } finally {
      await service.stop()
    }
  })

  test('behavior: a stalled upload does not block other clients and is cut by the body timeout', async () => {
    const service = await startTxService({
      rpcUrl: stack.rpcUrl,
      limits: { bodyTimeoutMs: 500, headersTimeoutMs: 500 },
    })
    try {
      const events: string[] = []
      const stalled = await rawExchange(
        service.port,
        'POST /api/v2/delegates/ HTTP/1.1\r\nHost: 127.0.0.1\r\n' +
          'Content-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"safe":',
      )
      void stalled.closed.then(() => events.push('stalled upload closed'))
      const apiKit = new SafeApiKit({
        chainId: 31337n,
        txServiceUrl: service.url,
      })
      expect((await apiKit.getSafeInfo(ops())).threshold).toBe(2)
      events.push('concurrent GET answered')
      await stalled.closed
      expect(events).toEqual([
        'concurrent GET answered',
        'stalled upload closed',
      ])
      expect(stalled.received()).toMatch(/^HTTP\/1\.1 408 Request Timeout\r\n/)
      expect(stalled.received()).toMatch(/\r\nconnection: close\r\n/i)
    } finally {
      await service.stop()
    }
  })

  test('behavior: headers that never finish (slow loris) get 408 and the connection is closed', async () => {
    const service = await startTxService({
      rpcUrl: stack.rpcUrl,
      limits: { headersTimeoutMs: 300 },
    })
    try {
      const loris = await rawExchange(
        service.port,
        'GET /api/v1/about/ HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: 1',
      )
      const apiKit = new SafeApiKit({
        chainId: 31337n,
        txServiceUrl: service.url,
      })
      expect((await apiKit.getServiceInfo()).name).toBe(
        'Safe Transaction Service',
      )
      await loris.closed
      expect(loris.received()).toMatch(/^HTTP\/1\.1 408 Request Timeout\r\n/)
    } finally {
      await service.stop()
    }
  })

  test('behavior: stop() cuts uploads in progress instead of waiting for them', async () => {
    const service = await startTxService({ rpcUrl: stack.rpcUrl })
    const upload = await rawExchange(
      service.port,
      'POST /api/v2/delegates/ HTTP/1.1\r\nHost: 127.0.0.1\r\n' +
        'Content-Type: application/json\r\nContent-Length: 1000\r\n\r\n{',
    )
    // The service has seen the request before it is asked to stop.
    await new Promise((resolve) => setTimeout(resolve, 50))
    await service.stop()
    await upload.closed
    expect(upload.received()).toBe('')
  })
})
