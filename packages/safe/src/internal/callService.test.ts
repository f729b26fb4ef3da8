import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { describe, expect, test } from 'vitest'
import { confirmSafePlan } from '../confirmSafePlan.js'
import { createSafeService } from '../createSafeService.js'
import { SafeServiceUnreachableError } from '../errors/service.js'
import { getQueuedSafePlans } from '../getQueuedSafePlans.js'
import { proposeSafePlan } from '../proposeSafePlan.js'
import { signSafePlan } from '../signSafePlan.js'
import { offlinePlan } from '../test/plans.js'
import { startRecordingServer } from '../test/recordingServer.js'

const ownerKey =
  '0x47e179ec197488593b187f80a00eb0da91f1b9d0b13f8733639f19c30a34926a'

describe('callService', () => {
  test('behavior: requests are api-kit 4’s: paths, query order, headers and JSON bodies', async () => {
    const recorder = await startRecordingServer()
    try {
      const service = createSafeService({
        chainId: 31337,
        txServiceUrl: recorder.url,
        apiKey: 'sk-test',
      })
      const plan = offlinePlan({
        nonce: 7n,
        calls: [
          {
            to: '0x5FbDB2315678afecb367f032d93F642f64180aa3',
            value: 10n ** 18n,
            data: '0x8456cb59',
            operation: 'call',
            label: 'pause',
          },
        ],
      })
      const signature = await signSafePlan({ plan, account: ownerKey })
      await proposeSafePlan(service, {
        plan,
        sender: signature.signer,
        signature,
      })
      await confirmSafePlan(service, {
        safeTxHash: plan.safeTxHash,
        signature,
      })
      await getQueuedSafePlans(service, { safe: plan.safe })

      const [propose, confirm, info, queue] = recorder.requests
      for (const request of recorder.requests)
        expect({
          accept: request.headers.accept,
          contentType: request.headers['content-type'],
          authorization: request.headers.authorization,
        }).toEqual({
          accept: 'application/json',
          contentType: 'application/json',
          authorization: 'Bearer sk-test',
        })
      expect(propose!.method).toBe('POST')
      expect(propose!.url).toBe(
        `/api/v2/safes/${plan.safe}/multisig-transactions/`,
      )
      // Keys in api-kit's order; numbers as strings but the nonce; no origin.
      expect(propose!.body).toBe(
        JSON.stringify({
          to: '0x5FbDB2315678afecb367f032d93F642f64180aa3',
          value: '1000000000000000000',
          data: '0x8456cb59',
          operation: 0,
          safeTxGas: '0',
          baseGas: '0',
          gasPrice: '0',
          gasToken: '0x0000000000000000000000000000000000000000',
          refundReceiver: '0x0000000000000000000000000000000000000000',
          nonce: 7,
          contractTransactionHash: plan.safeTxHash,
          sender: signature.signer,
          signature: signature.signature,
        }),
      )
      expect(confirm).toMatchObject({
        method: 'POST',
        url: `/api/v1/multisig-transactions/${plan.safeTxHash.toLowerCase()}/confirmations/`,
        body: JSON.stringify({ signature: signature.signature }),
      })
      expect(info).toMatchObject({
        method: 'GET',
        url: `/api/v1/safes/${plan.safe}/`,
        body: '',
      })
      expect(queue).toMatchObject({
        method: 'GET',
        url: `/api/v2/safes/${plan.safe}/multisig-transactions/?executed=false&ordering=-nonce&limit=100&offset=0&nonce__gte=0`,
      })
    } finally {
      await recorder.stop()
    }
  })

  test('behavior: a refused connection names the socket error, not “fetch failed”', async () => {
    const server = createServer()
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    const { port } = server.address() as AddressInfo
    await new Promise<void>((resolve) => server.close(() => resolve()))
    const service = createSafeService({
      chainId: 31337,
      txServiceUrl: `http://127.0.0.1:${port}/api`,
      retryCount: 0,
    })
    const error = await getQueuedSafePlans(service, {
      safe: '0x2B0b9cBDA3D7b0F760187c52A8FFB18C48E5d96A',
    }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(SafeServiceUnreachableError)
    expect((error as SafeServiceUnreachableError).details).toMatch(
      /ECONNREFUSED/,
    )
  })
})
