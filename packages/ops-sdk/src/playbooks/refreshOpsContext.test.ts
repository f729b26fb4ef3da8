import { readFileSync, writeFileSync } from 'node:fs'
import { setErrorConfig } from '@storydao/core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import {
  type LocalRepository,
  startLocalRepository,
} from '../test/localRepository.js'
import { createOpsContext, type OpsContext } from './createOpsContext.js'
import { refreshOpsContext } from './refreshOpsContext.js'

let repo: LocalRepository
beforeAll(async () => {
  setErrorConfig({ version: '@storydao/core@x.y.z' })
  repo = await startLocalRepository()
}, 120_000)
afterAll(() => repo?.stop())

const open = () =>
  createOpsContext({ network: 'local', root: repo.root, env: repo.env })

describe('refreshOpsContext', () => {
  test('default: sees what a step wrote to the manifest; keeps the client and service', async () => {
    const context = await open()
    const path = context.manifestPath
    const original = readFileSync(path, 'utf8')
    try {
      const edited = JSON.parse(original)
      edited.contracts.AuthorCoin.artifact = 'AuthorCoinRenamed'
      writeFileSync(path, `${JSON.stringify(edited, null, 2)}\n`)
      const refreshed = await refreshOpsContext(context)
      expect(refreshed.manifest.contracts.AuthorCoin?.artifact).toBe(
        'AuthorCoinRenamed',
      )
      expect(context.manifest.contracts.AuthorCoin?.artifact).not.toBe(
        'AuthorCoinRenamed',
      )
      expect(refreshed.client).toBe(context.client)
      expect(refreshed.service).toBe(context.service)
    } finally {
      writeFileSync(path, original)
    }
  })

  test('error: a manifest now for another chain is CHAIN_MISMATCH', async () => {
    const context = await open()
    const original = readFileSync(context.manifestPath, 'utf8')
    try {
      const edited = JSON.parse(original)
      edited.network.chainId = 1
      writeFileSync(context.manifestPath, JSON.stringify(edited))
      await expect(refreshOpsContext(context)).rejects.toMatchObject({
        code: 'CHAIN_MISMATCH',
      })
    } finally {
      writeFileSync(context.manifestPath, original)
    }
  })

  test('error: a missing context is a typed error', async () => {
    await expect(
      refreshOpsContext(undefined as unknown as OpsContext),
    ).rejects.toMatchObject({ code: 'PARAMETER_MISSING' })
  })
})
