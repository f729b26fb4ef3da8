import { setErrorConfig } from '@storydao/core'
import { beforeAll, describe, expect, test } from 'vitest'
import type { OpsContext } from '../createOpsContext.js'
import { getSafeQueue } from './getSafeQueue.js'

beforeAll(() => setErrorConfig({ version: '@storydao/core@x.y.z' }))

describe('getSafeQueue', () => {
  test('error: a missing context is a typed error', async () => {
    await expect(
      getSafeQueue(undefined as unknown as OpsContext, {} as never),
    ).rejects.toMatchObject({
      name: 'MissingParameterError',
      code: 'PARAMETER_MISSING',
    })
  })
})
