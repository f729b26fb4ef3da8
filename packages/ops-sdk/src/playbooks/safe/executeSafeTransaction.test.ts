import { setErrorConfig } from '@storydao/core'
import { beforeAll, describe, expect, test } from 'vitest'
import type { OpsContext } from '../createOpsContext.js'
import { executeSafeTransaction } from './executeSafeTransaction.js'

beforeAll(() => setErrorConfig({ version: '@storydao/core@x.y.z' }))

describe('executeSafeTransaction', () => {
  test('error: a missing context is a typed error', async () => {
    await expect(
      executeSafeTransaction(undefined as unknown as OpsContext, {} as never),
    ).rejects.toMatchObject({
      name: 'MissingParameterError',
      code: 'PARAMETER_MISSING',
    })
  })

  test('error: a missing safeTxHash is a typed error', async () => {
    await expect(
      executeSafeTransaction({} as OpsContext, {} as never),
    ).rejects.toMatchObject({
      name: 'MissingParameterError',
      code: 'PARAMETER_MISSING',
      shortMessage: expect.stringContaining('safeTxHash'),
    })
  })
})
