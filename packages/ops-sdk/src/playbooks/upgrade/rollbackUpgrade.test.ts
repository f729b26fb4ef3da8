import { setErrorConfig } from '@storydao/core'
import { beforeAll, describe, expect, test } from 'vitest'
import type { OpsContext } from '../createOpsContext.js'
import { rollbackUpgrade } from './rollbackUpgrade.js'

beforeAll(() => setErrorConfig({ version: '@storydao/core@x.y.z' }))

// The end-to-end behaviour runs through the built bin: cli/commands/upgradeLifecycle.test.ts.
describe('rollbackUpgrade', () => {
  test('error: a missing context is a typed error', async () => {
    await expect(
      rollbackUpgrade(undefined as unknown as OpsContext, {} as never),
    ).rejects.toMatchObject({
      name: 'MissingParameterError',
      code: 'PARAMETER_MISSING',
    })
  })

  test('error: a missing id is a typed error', async () => {
    await expect(
      rollbackUpgrade({} as OpsContext, {} as never),
    ).rejects.toMatchObject({
      name: 'MissingParameterError',
      code: 'PARAMETER_MISSING',
      shortMessage: expect.stringContaining('id'),
    })
  })
})
