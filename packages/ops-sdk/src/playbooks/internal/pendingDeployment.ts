import { existsSync } from 'node:fs'
import { readdir, readFile, rename } from 'node:fs/promises'
import { join } from 'node:path'
import { isHexEqual, writeFileAtomic } from '@storydao/core'
import type { Hex } from 'viem'
import {
  DeploymentNotPendingError,
  PendingDeploymentInvalidError,
} from '../../errors/deployment.js'
import type { PendingDeployment } from '../../types/releaseFile.js'

const suffix = '.deployment.json'

/** @internal The pending record sits next to its Transaction Builder file. */
export function pendingDeploymentPath(transactionBuilder: string): string {
  return `${transactionBuilder.replace(/\.json$/, '')}${suffix}`
}

/** @internal */
export async function writePendingDeployment(
  path: string,
  pending: PendingDeployment,
): Promise<void> {
  await writeFileAtomic({
    path,
    data: `${JSON.stringify(pending, null, 2)}\n`,
  })
}

/**
 * @internal The pending deployment of `safeTxHash` among the network's
 * Safe-transaction files; none is a usage error listing what is pending.
 */
export async function findPendingDeployment({
  folder,
  safeTxHash,
}: {
  folder: string
  safeTxHash: Hex
}): Promise<{ path: string; pending: PendingDeployment }> {
  const names = existsSync(folder)
    ? (await readdir(folder)).filter((name) => name.endsWith(suffix))
    : []
  const records = await Promise.all(
    names.map(async (name) => {
      const path = join(folder, name)
      try {
        const pending = JSON.parse(
          await readFile(path, 'utf8'),
        ) as PendingDeployment
        return { path, pending }
      } catch (cause) {
        throw new PendingDeploymentInvalidError({ path, cause })
      }
    }),
  )
  const found = records.find(({ pending }) =>
    isHexEqual(pending.safeTxHash, safeTxHash),
  )
  if (!found)
    throw new DeploymentNotPendingError({
      safeTxHash,
      folder,
      pending: records.map(({ pending }) => pending.safeTxHash),
    })
  return found
}

/** @internal A recorded deployment keeps its file, no longer pending. */
export async function markRecorded(path: string): Promise<string> {
  const recorded = path.replace(
    /\.deployment\.json$/,
    '.deployment.recorded.json',
  )
  await rename(path, recorded)
  return recorded
}
