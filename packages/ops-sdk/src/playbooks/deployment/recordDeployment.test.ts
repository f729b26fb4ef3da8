import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { setErrorConfig } from '@storydao/core'
import { beforeAll, describe, expect, test } from 'vitest'
import type { OpsContext } from '../createOpsContext.js'
import { recordDeployment } from './recordDeployment.js'

beforeAll(() => setErrorConfig({ version: '@storydao/core@x.y.z' }))

// The end-to-end behaviour (execution found, manifest, files, bytecode) runs
// through the built bin: cli/commands/record.test.ts.
describe('recordDeployment', () => {
  test('error: a missing context or safeTxHash is a typed error', async () => {
    await expect(
      recordDeployment(undefined as unknown as OpsContext, {} as never),
    ).rejects.toMatchObject({ name: 'MissingParameterError' })
    await expect(
      recordDeployment({} as OpsContext, {} as never),
    ).rejects.toMatchObject({
      name: 'MissingParameterError',
      shortMessage: expect.stringContaining('safeTxHash'),
    })
  })

  test('error: a hash with no pending deployment lists what is pending', async () => {
    const root = mkdtempSync(join(tmpdir(), 'record-'))
    const safeTxHash = `0x${'12'.repeat(32)}` as const
    await expect(
      recordDeployment(
        {
          root,
          paths: { transactions: join(root, 'safe-transactions', 'local') },
        } as OpsContext,
        { safeTxHash },
      ),
    ).rejects.toMatchObject({
      name: 'DeploymentNotPendingError',
      code: 'DEPLOYMENT_NOT_PENDING',
      shortMessage: `No pending deployment has safeTxHash ${safeTxHash}.`,
      metaMessages: [
        `Looked in: ${join(root, 'safe-transactions', 'local')}`,
        'Pending: (none)',
      ],
    })
  })

  test('error: an unreadable pending record is a typed error', async () => {
    const root = mkdtempSync(join(tmpdir(), 'record-'))
    const transactions = join(root, 'safe-transactions', 'local')
    mkdirSync(transactions, { recursive: true })
    writeFileSync(
      join(transactions, 'ops-nonce-0-deploy-x.deployment.json'),
      '{',
    )
    await expect(
      recordDeployment({ root, paths: { transactions } } as OpsContext, {
        safeTxHash: `0x${'12'.repeat(32)}`,
      }),
    ).rejects.toMatchObject({
      code: 'DEPLOYMENT_RECORD_INVALID',
      shortMessage: `The pending-deployment record ${join(transactions, 'ops-nonce-0-deploy-x.deployment.json')} cannot be read.`,
    })
  })
})
