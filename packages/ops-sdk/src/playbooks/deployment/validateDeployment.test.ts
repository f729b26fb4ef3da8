import { setErrorConfig } from '@storydao/core'
import { beforeAll, describe, expect, test } from 'vitest'
import type { OpsContext } from '../createOpsContext.js'
import { validateDeployment } from './validateDeployment.js'

beforeAll(() => setErrorConfig({ version: '@storydao/core@x.y.z' }))

describe('validateDeployment', () => {
  test('error: a missing context is a typed error', async () => {
    await expect(
      validateDeployment(undefined as unknown as OpsContext, {} as never),
    ).rejects.toMatchObject({
      name: 'MissingParameterError',
      code: 'PARAMETER_MISSING',
    })
  })
})
