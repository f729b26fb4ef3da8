import { docsUrlOf } from './errors/errorConfig.js'
import {
  assertParameters,
  type MissingParameterErrorType,
} from './errors/parameters.js'
import { version } from './errors/version.js'

export type ToDocsUrlReturnType = string

export type ToDocsUrlErrorType = MissingParameterErrorType

/**
 * Turns a repository-relative documentation path (`docs/errors.md#anchor`)
 * into the absolute URL printed in `Docs:` lines.
 *
 * - Docs: https://github.com/storydao/ops-sdk/blob/main/packages/core/README.md#errors
 *
 * @example
 * ```ts
 * import { toDocsUrl } from '@storydao/core'
 *
 * toDocsUrl('packages/safe/README.md#errors')
 * // 'https://github.com/storydao/ops-sdk/blob/main/packages/safe/README.md#errors'
 * ```
 *
 * @param docsPath - A path relative to the repository root, with an anchor.
 * @returns The absolute URL.
 */
export function toDocsUrl(docsPath: string): ToDocsUrlReturnType {
  assertParameters('toDocsUrl', { docsPath }, ['docsPath'], { version })
  return docsUrlOf(docsPath)
}
