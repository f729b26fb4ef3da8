import { setErrorConfig } from '@storydao/core'
import { beforeAll, describe, expect, test } from 'vitest'
import type { OpsContext } from '../createOpsContext.js'
import { scheduleUnpause } from './scheduleUnpause.js'

beforeAll(() => setErrorConfig({ version: '@storydao/core@x.y.z' }))

// The end-to-end behaviour runs through the built bin: cli/commands/unpause.test.ts.
describe('scheduleUnpause', () => {
  test('error: a missing context is a typed error', async () => {
    await expect(
      scheduleUnpause(undefined as unknown as OpsContext),
    ).rejects.toMatchObject({
      name: 'MissingParameterError',
      code: 'PARAMETER_MISSING',
      shortMessage: expect.stringContaining('context'),
    })
  })
})
