import { setErrorConfig } from '@storydao/core'
import { beforeAll, describe, expect, test } from 'vitest'
import type { OpsContext } from '../createOpsContext.js'
import { reviewSafeTransaction } from './reviewSafeTransaction.js'

beforeAll(() => setErrorConfig({ version: '@storydao/core@x.y.z' }))

describe('reviewSafeTransaction', () => {
  test('error: a missing context is a typed error', async () => {
    await expect(
      reviewSafeTransaction(undefined as unknown as OpsContext, {} as never),
    ).rejects.toMatchObject({
      name: 'MissingParameterError',
      code: 'PARAMETER_MISSING',
    })
  })

  test('error: parameters with neither a hash, a file nor a Safe transaction', async () => {
    await expect(
      reviewSafeTransaction({} as OpsContext, {} as never),
    ).rejects.toMatchObject({
      name: 'ReviewInputError',
      code: 'REVIEW_INPUT_INVALID',
    })
  })
})
