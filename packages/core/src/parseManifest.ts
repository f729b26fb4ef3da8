import {
  ManifestError,
  type ManifestErrorType,
  ManifestParseError,
  type ManifestParseErrorType,
} from './errors/manifest.js'
import {
  MissingParameterError,
  type MissingParameterErrorType,
} from './errors/parameters.js'
import { version } from './errors/version.js'
import type { IssueDraft } from './internal/jsonPath.js'
import { finalizeIssues, fromZodIssues } from './internal/manifestIssues.js'
import { collectReferenceIssues } from './internal/manifestReferences.js'
import { manifestStructureSchema } from './internal/manifestStructure.js'
import { parseJsonText } from './internal/parseJsonText.js'
import {
  maxManifestDepth,
  UnwalkableValue,
  withoutUndefined,
} from './internal/withoutUndefined.js'
import type { Manifest } from './manifestSchema.js'

export type ParseManifestParameters = {
  /** A manifest object, or its JSON text. */
  input: unknown
  /** Names the input in error messages (usually the file path). Default `'manifest'`. */
  source?: string | undefined
}

export type ParseManifestReturnType = Manifest

export type ParseManifestErrorType =
  | ManifestErrorType
  | ManifestParseErrorType
  | MissingParameterErrorType

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
 * const manifest = parseManifest({
 *   input: await readFile(path, 'utf8'),
 *   source: path,
 * })
 * manifest.contracts.AuthorCoin?.address
 * ```
 *
 * Input nested deeper than 64 levels, or holding a cycle, is rejected with a
 * {@link ManifestError} (`nesting_too_deep`, `circular_reference`) before it
 * can overflow the stack.
 *
 * @param parameters - {@link ParseManifestParameters}
 * @returns The validated manifest.
 * @throws {ManifestError} Listing every problem.
 * @throws {ManifestParseError} When `input` is a string that is not JSON.
 */
export function parseManifest(
  parameters: ParseManifestParameters,
): ParseManifestReturnType {
  const input = parameters?.input
  if (input === undefined)
    throw new MissingParameterError({
      functionName: 'parseManifest',
      parameter: parameters ? 'input' : 'parameters',
      expected: 'a manifest object or its JSON text',
      version,
    })
  const source = parameters.source ?? 'manifest'
  const { value, drafts } =
    typeof input === 'string'
      ? fromJsonText(input, source)
      : { value: plainCopy(input, source), drafts: [] }
  const result = manifestStructureSchema.safeParse(value)
  if (!result.success) drafts.push(...fromZodIssues(result.error.issues, value))
  // Run the cross-entry checks even when the shape is wrong, so one pass
  // reports every problem.
  drafts.push(...collectReferenceIssues(value))

  if (drafts.length > 0 || !result.success)
    throw new ManifestError({ source, issues: finalizeIssues(drafts, value) })
  return result.data
}

/** Parses JSON text; duplicate keys become issues (JSON.parse drops them). */
function fromJsonText(
  text: string,
  source: string,
): { value: unknown; drafts: IssueDraft[] } {
  const parsed = parseJsonText(text, { maxDepth: maxManifestDepth })
  if (!parsed.ok)
    throw new ManifestParseError({
      source,
      reason: parsed.error.reason,
      line: parsed.error.line,
      column: parsed.error.column,
    })
  return {
    value: parsed.value,
    drafts: parsed.duplicateKeys.map((path) => ({
      code: 'duplicate_key',
      path,
      message: `Duplicate key ${JSON.stringify(path.at(-1))}: JSON keeps only the last one, so an entry is silently lost.`,
      hint: 'Rename or merge the entries so every key appears once.',
    })),
  }
}

/**
 * Code may spread `{ notes: undefined }`; JSON cannot say it. Treat an
 * undefined property as absent, as JSON.stringify does. A cycle or runaway
 * nesting is reported here, before validation would recurse into it.
 */
function plainCopy(input: unknown, source: string): unknown {
  try {
    return withoutUndefined(input)
  } catch (error) {
    if (!(error instanceof UnwalkableValue)) throw error
    throw new ManifestError({
      source,
      issues: finalizeIssues([
        error.reason === 'circular_reference'
          ? {
              code: 'circular_reference',
              path: error.path,
              message:
                'The value refers to itself (a cycle): JSON cannot hold it.',
              hint: 'Pass a plain JSON-like object (e.g. a structuredClone of the manifest without the back reference).',
            }
          : {
              code: 'nesting_too_deep',
              path: error.path,
              message: `Nested deeper than ${maxManifestDepth} levels; a manifest is at most a few levels deep.`,
              hint: 'Remove the deeply nested value: no manifest field holds nested data.',
            },
      ]),
    })
  }
}
