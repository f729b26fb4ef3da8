import { copyFileSync, mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { writeManifest } from '@storydao/core'
import type { LocalRepository } from './localRepository.js'

/** The repository's real release file. */
export const storyDaoReleaseFile = fileURLToPath(
  new URL('../../../../deployments/releases/storydao.json', import.meta.url),
)

/**
 * Turns the local repository into a network with nothing deployed yet:
 * `deployments/local.json` keeps only the stack's Safes, and the repository's
 * release file is copied to `deployments/releases/storydao.json`.
 */
export async function toSafesOnlyRepository(
  repo: LocalRepository,
): Promise<void> {
  const { manifest } = repo.stack
  await writeManifest(join(repo.root, 'deployments', 'local.json'), {
    manifest: {
      $schema: './manifest.schema.json',
      schemaVersion: manifest.schemaVersion,
      network: manifest.network,
      safes: manifest.safes,
      contracts: {},
    },
    archive: false,
  })
  mkdirSync(join(repo.root, 'deployments', 'releases'), { recursive: true })
  copyFileSync(
    storyDaoReleaseFile,
    join(repo.root, 'deployments', 'releases', 'storydao.json'),
  )
}
