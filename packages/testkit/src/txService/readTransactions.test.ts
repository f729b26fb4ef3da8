import type { Hex } from 'viem'
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
beforeEach(() => stack.reset())
afterAll(() => stack?.stop())

const ops = () => stack.manifest.safes.ops.address

/**
 * Queues signed proposals at nonces 0, 1, 1 (an alternative), 2 and 3, plus
 * an unsigned one at nonce 4; returns their hashes in proposal order.
 */
async function queue(): Promise<Hex[]> {
  const [owner, other] = stack.accounts.opsOwners
  const hashes: Hex[] = []
  for (const [nonce, to] of [
    [0, owner.address],
    [1, owner.address],
    [1, other.address],
    [2, owner.address],
    [3, owner.address],
    [4, owner.address],
  ] as const) {
    const { transaction, safeTxHash, signature } = await signedProposal(
      stack,
      owner,
      { nonce, transactions: [{ to, value: '0', data: '0x' }] },
    )
    const body = {
      ...transaction.data,
      contractTransactionHash: safeTxHash,
      sender: owner.address,
      ...(nonce === 4 ? {} : { signature }),
    }
    const posted = await request(
      stack,
      'POST',
      `/v2/safes/${ops()}/multisig-transactions/`,
      body,
    )
    expect(posted.status).toBe(201)
    hashes.push(safeTxHash)
  }
  return hashes
}

describe('listTransactions', () => {
  test('default: newest nonce first, trusted only, paginated with countUniqueNonce', async () => {
    const hashes = await queue()
    const page = await apiKit.getMultisigTransactions(ops())
    expect(page.count).toBe(5)
    expect(countUniqueNonce(page)).toBe(4)
    expect(page.next).toBeNull()
    expect(page.previous).toBeNull()
    // -nonce, then -created: the alternative at nonce 1 (proposed later) first.
    expect(page.results.map((tx) => tx.safeTxHash)).toEqual([
      hashes[4],
      hashes[3],
      hashes[2],
      hashes[1],
      hashes[0],
    ])
    const all = await apiKit.getMultisigTransactions(ops(), { trusted: false })
    expect([all.count, countUniqueNonce(all)]).toEqual([6, 5])
  })

  test('behavior: limit/offset with absolute next/previous links', async () => {
    await queue()
    const base = `${stack.txServiceUrl}/v2/safes/${ops()}/multisig-transactions/`
    const first = await apiKit.getMultisigTransactions(ops(), { limit: 2 })
    expect([first.count, first.results.length]).toEqual([5, 2])
    expect(first.next).toBe(`${base}?limit=2&offset=2`)
    expect(first.previous).toBeNull()
    const second = await apiKit.getMultisigTransactions(ops(), {
      limit: 2,
      offset: 2,
    })
    expect(second.next).toBe(`${base}?limit=2&offset=4`)
    expect(second.previous).toBe(`${base}?limit=2`)
    const last = await apiKit.getMultisigTransactions(ops(), {
      limit: 2,
      offset: 4,
      ordering: 'nonce',
    })
    expect(last.results.map((tx) => tx.nonce)).toEqual(['3'])
    expect(last.next).toBeNull()
    expect(last.previous).toBe(`${base}?limit=2&offset=2&ordering=nonce`)
    // The pages cover every result exactly once.
    const pages = await Promise.all(
      [0, 1, 2].map((index) =>
        apiKit.getMultisigTransactions(ops(), { limit: 2, offset: index * 2 }),
      ),
    )
    expect(
      new Set(pages.flatMap((p) => p.results.map((tx) => tx.safeTxHash))).size,
    ).toBe(5)
  })

  test('behavior: nonce, executed, has_confirmations filters and ordering', async () => {
    const hashes = await queue()
    const nonces = async (options: Record<string, string | number | boolean>) =>
      (await apiKit.getMultisigTransactions(ops(), options)).results.map((tx) =>
        Number(tx.nonce),
      )
    expect(await nonces({ nonce__gte: 2 })).toEqual([3, 2])
    expect(await nonces({ nonce__lt: 2, ordering: 'nonce' })).toEqual([0, 1, 1])
    expect(await nonces({ nonce: 1 })).toEqual([1, 1])
    expect(await nonces({ nonce__gt: 0, nonce__lte: 2 })).toEqual([2, 1, 1])
    expect(await nonces({ ordering: '-created' })).toEqual([3, 2, 1, 1, 0])
    expect(await nonces({ ordering: 'created,nonce' })).toEqual([0, 1, 1, 2, 3])
    expect(await nonces({ executed: true })).toEqual([])
    expect(await nonces({ executed: false })).toHaveLength(5)
    expect(await nonces({ has_confirmations: false, trusted: false })).toEqual([
      4,
    ])
    expect(await nonces({ safe_tx_hash: hashes[2]! })).toEqual([1])
    expect(
      await failure(
        apiKit.getMultisigTransactions(ops(), { nonce__gte: 'two' }),
      ),
    ).toMatchInlineSnapshot(`
      {
        "data": {
          "nonce_Gte": [
            "Enter a number.",
          ],
        },
        "message": "Bad Request",
        "status": 400,
      }
    `)
  })

  test('error: non-checksummed Safe address (422 code 1)', async () => {
    expect(
      await failure(apiKit.getMultisigTransactions(ops().toLowerCase())),
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
})

describe('getPendingTransactions', () => {
  test('default: executed=false from the on-chain nonce; getNextNonce is max + 1', async () => {
    expect(await apiKit.getNextNonce(ops())).toBe('0')
    await queue()
    const pending = await apiKit.getPendingTransactions(ops())
    expect(pending.results.map((tx) => tx.nonce)).toEqual([
      '3',
      '2',
      '1',
      '1',
      '0',
    ])
    const later = await apiKit.getPendingTransactions(ops(), {
      currentNonce: 2,
      ordering: 'nonce',
    })
    expect(later.results.map((tx) => tx.nonce)).toEqual(['2', '3'])
    // Untrusted (unsigned) nonce 4 does not count.
    expect(await apiKit.getNextNonce(ops())).toBe('4')
  })
})

describe('getTransaction', () => {
  test('error: unknown safeTxHash (404)', async () => {
    expect(
      await failure(apiKit.getTransaction(`0x${'cd'.repeat(32)}`)),
    ).toMatchInlineSnapshot(`
      {
        "data": {
          "detail": "No MultisigTransaction matches the given query.",
        },
        "message": "No MultisigTransaction matches the given query.",
        "status": 404,
      }
    `)
  })
})

describe('getSafeInfo', () => {
  test('default: read live from the chain', async () => {
    const info = await request(stack, 'GET', `/v1/safes/${ops()}/`)
    expect(info.json).toStrictEqual({
      address: ops(),
      nonce: '0',
      threshold: 2,
      owners: stack.accounts.opsOwners.map((owner) => owner.address),
      masterCopy: stack.safeContracts.safeSingletonAddress,
      modules: [],
      fallbackHandler: stack.safeContracts.fallbackHandlerAddress,
      guard: '0x0000000000000000000000000000000000000000',
      moduleGuard: '0x0000000000000000000000000000000000000000',
      version: '1.4.1',
    })
    // api-kit renames masterCopy to singleton.
    expect(await apiKit.getSafeInfo(ops())).toMatchObject({
      address: ops(),
      nonce: '0',
      threshold: 2,
      singleton: stack.safeContracts.safeSingletonAddress,
      version: '1.4.1',
    })
  })

  test('error: not a Safe (404, empty body) and non-checksummed (422)', async () => {
    const coin = stack.manifest.contracts.AuthorCoin!.address
    for (const address of [stack.accounts.stranger.address, coin])
      expect(await request(stack, 'GET', `/v1/safes/${address}/`)).toEqual({
        status: 404,
        statusText: 'Not Found',
        text: '',
        json: undefined,
      })
    expect(
      await failure(apiKit.getSafeInfo(stack.accounts.stranger.address)),
    ).toMatchInlineSnapshot(`
      {
        "data": undefined,
        "message": "Not Found",
        "status": 404,
      }
    `)
    expect(
      (await failure(apiKit.getSafeInfo(ops().toLowerCase()))).message,
    ).toBe('Checksum address validation failed')
  })
})

describe('getServiceInfo', () => {
  test('default: about (snake_case), with and without the trailing slash', async () => {
    const info = await apiKit.getServiceInfo()
    expect(info).toMatchObject({
      name: 'Safe Transaction Service',
      version: '6.10.1',
      api_version: 'v1',
      secure: false,
      settings: { ETHEREUM_NODE_URL: stack.rpcUrl },
    })
    expect((await request(stack, 'GET', '/v1/about/')).json).toEqual(info)
  })

  test('error: unknown path (Django 404 page) and wrong method (405)', async () => {
    const missing = await request(stack, 'GET', '/v1/about/singletons/')
    expect([missing.status, missing.statusText, missing.text]).toMatchObject([
      404,
      'Not Found',
      expect.stringContaining('<h1>Not Found</h1>'),
    ])
    expect(
      await request(stack, 'PUT', `/v2/safes/${ops()}/multisig-transactions/`),
    ).toMatchInlineSnapshot(`
      {
        "json": {
          "detail": "Method "PUT" not allowed.",
        },
        "status": 405,
        "statusText": "Method Not Allowed",
        "text": "{"detail":"Method \\"PUT\\" not allowed."}",
      }
    `)
  })
})
