import {
  ManifestError,
  type ManifestErrorType,
  ManifestParseError,
  type ManifestParseErrorType,
} from './errors/manifest.js'
import type { IssueDraft } from './internal/jsonPath.js'
import { finalizeIssues, fromZodIssues } from './internal/manifestIssues.js'
import { collectReferenceIssues } from './internal/manifestReferences.js'
import { manifestStructureSchema } from './internal/manifestStructure.js'
import { parseJsonText } from './internal/parseJsonText.js'
import { withoutUndefined } from './internal/withoutUndefined.js'
import type { Manifest } from './manifestSchema.js'

export type ParseManifestReturnType = Manifest

export type ParseManifestErrorType = ManifestErrorType | ManifestParseErrorType

/**
 * Validates a manifest and returns it typed.
 *
 * Checks the shape (strict: unknown keys are errors), that every address is
 * EIP-55 checksummed, `schemaVersion`, Safe owners and thresholds, unique
 * names, ids and addresses, and the references between entries (a
 * beacon-proxy's `beacon` is a contract of kind `beacon`, `roles.*` name
 * contracts of the right kind, `upgrades[].target` names an upgradeable
 * contract). Every problem is reported at once, each with its JSON path and a
 * hint.
 *
 * A string is taken as JSON text: syntax errors then carry a line and column,
 * and duplicate keys (which `JSON.parse` would silently collapse) are errors.
 *
 * - Docs: https://github.com/storydao/ops-sdk/blob/main/packages/core/README.md#parsemanifest
 *
 * @example
 * ```ts
 * import { readFile } from 'node:fs/promises'
 * import { parseManifest } from '@storydao/core'
 *
 * const path = 'deployments/local.json'
 * const manifest = parseManifest(await readFile(path, 'utf8'), path)
 * manifest.contracts.AuthorCoin?.address
 * ```
 *
 * @param input - A manifest object, or its JSON text.
 * @param source - Names the input in error messages (usually the file path). Default `'manifest'`.
 * @returns The validated manifest.
 * @throws {ManifestError} Listing every problem.
 * @throws {ManifestParseError} When `input` is a string that is not JSON.
 */
export function parseManifest(
  input: unknown,
  source = 'manifest',
): ParseManifestReturnType {
  const drafts: IssueDraft[] = []
  // Code may spread `{ notes: undefined }`; JSON cannot say it. Treat an
  // undefined property as absent, as JSON.stringify does.
  let value = withoutUndefined(input)
  if (typeof input === 'string') {
    const parsed = parseJsonText(input)
    if (!parsed.ok)
      throw new ManifestParseError({
        source,
        reason: parsed.error.reason,
        line: parsed.error.line,
        column: parsed.error.column,
      })
    value = parsed.value
    for (const path of parsed.duplicateKeys)
      drafts.push({
        code: 'duplicate_key',
        path,
        message: `Duplicate key ${JSON.stringify(path.at(-1))}: JSON keeps only the last one, so an entry is silently lost.`,
        hint: 'Rename or merge the entries so every key appears once.',
      })
  }

  const result = manifestStructureSchema.safeParse(value)
  if (!result.success) drafts.push(...fromZodIssues(result.error.issues, value))
  // Run the cross-entry checks even when the shape is wrong, so one pass
  // reports every problem.
  drafts.push(...collectReferenceIssues(value))

  if (drafts.length > 0 || !result.success)
    throw new ManifestError({ source, issues: finalizeIssues(drafts, value) })
  return result.data
}
