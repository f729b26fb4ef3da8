import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

/** The repository's Foundry project, which `upgrade` commands read with `--contracts`. */
export const contractsDir = fileURLToPath(
  new URL('../../../../contracts', import.meta.url),
)

/**
 * Runs `forge build` once when `contracts/out` lacks the upgrade artifacts
 * (out/ is not committed). The commands read the build as users' would.
 */
export function ensureFoundryBuild(): void {
  const artifact = join(contractsDir, 'out/AuthorCoinV2.sol/AuthorCoinV2.json')
  if (existsSync(artifact)) return
  const result = spawnSync('npx', ['forge', 'build'], {
    cwd: contractsDir,
    encoding: 'utf8',
  })
  if (result.status !== 0)
    throw new Error(`forge build failed:\n${result.stdout}\n${result.stderr}`)
}
