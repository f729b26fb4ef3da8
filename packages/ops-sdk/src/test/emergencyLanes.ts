import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { authorCoinAbi, safeAbi } from '@storydao/core'
import type { Address, Hex } from 'viem'
import type { LocalRepository } from './localRepository.js'

/** The lanes file as JSON (decimal strings for bigints), for tests. */
export type LanesJson = {
  safe: Address
  chainId: number
  threshold: number
  owners: Address[]
  pausable: string[]
  lanes: {
    id: string
    target: string
    nonce: string
    safeTx: Record<string, string | number>
    safeTxHash: Hex
    domainHash: Hex
    messageHash: Hex
    signers: Address[]
    signatures: Hex
    rehearsal: { ok: boolean }
  }[]
}

/** Where `emergency prepare` writes on the local network. */
export const lanesPath = (repo: LocalRepository) =>
  join(repo.root, 'safe-transactions', 'local', 'emergency-lanes.json')

export const readLanes = (path: string) =>
  JSON.parse(readFileSync(path, 'utf8')) as LanesJson

export const writeLanes = (path: string, lanes: LanesJson) =>
  writeFileSync(path, `${JSON.stringify(lanes, null, 2)}\n`)

/** The emergency Safe's nonce, read from the chain. */
export function safeNonce(repo: LocalRepository): Promise<bigint> {
  return repo.stack.client.readContract({
    address: repo.stack.manifest.safes.emergency!.address,
    abi: safeAbi,
    functionName: 'nonce',
  })
}

/** AuthorCoin's `paused()`, read from the chain. */
export function coinPaused(repo: LocalRepository): Promise<boolean> {
  return repo.stack.client.readContract({
    address: repo.stack.manifest.contracts.AuthorCoin!.address,
    abi: authorCoinAbi,
    functionName: 'paused',
  })
}

/** Unpauses AuthorCoin as the timelock (the only account allowed to). */
export async function unpauseAsTimelock(repo: LocalRepository): Promise<void> {
  const { stack } = repo
  const timelock = stack.manifest.contracts.StoryTimelock!.address
  await stack.client.request({
    method: 'anvil_impersonateAccount' as never,
    params: [timelock] as never,
  })
  await stack.client.request({
    method: 'anvil_setBalance' as never,
    params: [timelock, '0xde0b6b3a7640000'] as never,
  })
  const hash = await stack.client.writeContract({
    address: stack.manifest.contracts.AuthorCoin!.address,
    abi: authorCoinAbi,
    functionName: 'unpause',
    account: timelock,
    chain: null,
  })
  await stack.client.waitForTransactionReceipt({ hash })
}
