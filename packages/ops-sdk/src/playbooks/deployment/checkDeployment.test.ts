import { setErrorConfig } from '@storydao/core'
import { beforeAll, describe, expect, test } from 'vitest'
import type { OpsContext } from '../createOpsContext.js'
import { checkDeployment } from './checkDeployment.js'

beforeAll(() => setErrorConfig({ version: '@storydao/core@x.y.z' }))

describe('checkDeployment', () => {
  test('error: a missing context is a typed error', async () => {
    await expect(
      checkDeployment(undefined as unknown as OpsContext, {} as never),
    ).rejects.toMatchObject({
      name: 'MissingParameterError',
      code: 'PARAMETER_MISSING',
    })
  })
})
