import { OpsError } from './base.js'
import { version } from './version.js'

export type FileWriteErrorType = FileWriteError & { name: 'FileWriteError' }

/**
 * A record file (a log, a report, a Transaction Builder file) could not be
 * written; nothing was left half-written.
 *
 * - Docs: https://github.com/storydao/ops-sdk/blob/main/packages/core/README.md#errors
 */
export class FileWriteError extends OpsError {
  override name = 'FileWriteError'
  /** The file that was to be written. */
  path: string
  /** Whether the file system or the file is read-only (EROFS, EACCES, EPERM). */
  readOnly: boolean

  constructor({ path, cause }: { path: string; cause: unknown }) {
    const code = (cause as { code?: unknown } | null)?.code
    const readOnly = code === 'EROFS' || code === 'EACCES' || code === 'EPERM'
    super(
      readOnly
        ? `Cannot write ${path}: the file or its folder is read-only (${String(code)}).`
        : `Cannot write ${path}.`,
      {
        code: readOnly ? 'FILE_READ_ONLY' : 'FILE_WRITE_FAILED',
        cause,
        docsPath: 'packages/core/README.md#errors',
        hint: readOnly
          ? 'Run the command where the repository is writable, or pass another --root / --out.'
          : 'Check free disk space and permissions, then run the command again; the old file is unchanged.',
        version: `@storydao/core@${version}`,
      },
    )
    this.path = path
    this.readOnly = readOnly
  }
}
