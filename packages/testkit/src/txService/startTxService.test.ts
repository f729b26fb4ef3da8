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

      Hint: Delete the file to start with an empty queue.
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
})
