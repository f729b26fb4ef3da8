import { mkdir } from 'node:fs/promises'
import { dirname } from 'node:path'
import { FileWriteError, type FileWriteErrorType } from './errors/file.js'
import type { MissingParameterErrorType } from './errors/parameters.js'
import { assertParameters } from './errors/parameters.js'
import { version } from './errors/version.js'
import {
  writeFileAtomic as replaceFile,
  resolveWriteTarget,
} from './internal/fileSystem.js'

export type WriteFileAtomicParameters = {
  /** The file to create or replace (a symlink is followed; the link stays a link). */
  path: string
  /** The full new content. */
  data: string
}

export type WriteFileAtomicReturnType = {
  /** The file actually written (the symlink's target when `path` is a link). */
  path: string
}

export type WriteFileAtomicErrorType =
  | FileWriteErrorType
  | MissingParameterErrorType

/**
 * Creates or replaces a text file atomically (temp file, fsync, rename, folder
 * fsync), creating missing folders: a crash or a full disk leaves the old
 * file or the new one, never a mix. The records the playbooks keep (incident
 * logs, the upgrade log, Transaction Builder files) are written with it.
 *
 * - Docs: https://github.com/storydao/ops-sdk/blob/main/packages/core/README.md#writefileatomic
 *
 * @example
 * ```ts
 * import { writeFileAtomic } from '@storydao/core'
 *
 * await writeFileAtomic({ path: 'docs/operations/upgrade-log.md', data: text })
 * ```
 */
export async function writeFileAtomic(
  parameters: WriteFileAtomicParameters,
): Promise<WriteFileAtomicReturnType> {
  assertParameters('writeFileAtomic', parameters, ['path', 'data'], {
    version: `@storydao/core@${version}`,
  })
  const target = await resolveWriteTarget(parameters.path)
  try {
    await mkdir(dirname(target), { recursive: true })
    await replaceFile(target, parameters.data)
  } catch (cause) {
    throw new FileWriteError({ path: parameters.path, cause })
  }
  return { path: target }
}
