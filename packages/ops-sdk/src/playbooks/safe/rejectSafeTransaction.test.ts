import { setErrorConfig } from '@storydao/core'
import { beforeAll, describe, expect, test } from 'vitest'
import type { OpsContext } from '../createOpsContext.js'
import { rejectSafeTransaction } from './rejectSafeTransaction.js'

beforeAll(() => setErrorConfig({ version: '@storydao/core@x.y.z' }))

describe('rejectSafeTransaction', () => {
  test('error: a missing context is a typed error', async () => {
    await expect(
      rejectSafeTransaction(undefined as unknown as OpsContext, {} as never),
    ).rejects.toMatchObject({
      name: 'MissingParameterError',
      code: 'PARAMETER_MISSING',
    })
  })

  test('error: a missing nonce is a typed error', async () => {
    await expect(
      rejectSafeTransaction({} as OpsContext, {} as never),
    ).rejects.toMatchObject({
      name: 'MissingParameterError',
      code: 'PARAMETER_MISSING',
      shortMessage: expect.stringContaining('nonce'),
    })
  })
})
