import type { ManifestDiff, ManifestValueChange } from './diffManifests.js'
import {
  assertParameters,
  type MissingParameterErrorType,
} from './errors/parameters.js'
import { version } from './errors/version.js'

export type RenderManifestDiffParameters = {
  /** The diff to render ({@link diffManifests}'s result). */
  diff: ManifestDiff
  /** Heading text. Default `Manifest changes: <network> (chain <id>)`. */
  title?: string | undefined
  /** Heading level of the title (sections are one deeper). Default 2. */
  headingLevel?: number | undefined
}

export type RenderManifestDiffReturnType = string

export type RenderManifestDiffErrorType = MissingParameterErrorType

function code(value: unknown): string {
  if (value === undefined) return '_(none)_'
  const text = (typeof value === 'string' ? value : JSON.stringify(value))
    .replace(/\s+/g, ' ')
    .trim()
  // A code span holding a backtick needs a longer fence and padding.
  return text.includes('`') ? `\`\` ${text} \`\`` : `\`${text}\``
}

function change({ path, before, after }: ManifestValueChange): string {
  if (before === undefined) return `\`${path}\`: set to ${code(after)}`
  if (after === undefined) return `\`${path}\`: removed (was ${code(before)})`
  return `\`${path}\`: ${code(before)} → ${code(after)}`
}

function contractLines(diff: ManifestDiff): string[] {
  return [
    ...diff.contracts.added.map(
      ({ name, entry }) =>
        `- Added **${name}** (${code(entry.kind)}, artifact ${code(entry.artifact)}) at ${code(entry.address)}`,
    ),
    ...diff.contracts.removed.map(
      ({ name, entry }) =>
        `- Removed **${name}** (${code(entry.kind)}) at ${code(entry.address)}`,
    ),
    ...diff.contracts.changed.flatMap(({ name, changes }) => [
      `- Changed **${name}**:`,
      ...changes.map((item) => `  - ${change(item)}`),
    ]),
  ]
}

function implementationLines(diff: ManifestDiff): string[] {
  if (diff.implementations.length === 0) return []
  return [
    '| Contract | Before | After |',
    '| --- | --- | --- |',
    ...diff.implementations.map(
      ({ name, before, after, via }) =>
        `| ${name}${via ? ` (via ${via})` : ''} | ${code(before)} | ${code(after)} |`,
    ),
  ]
}

function roleLines(diff: ManifestDiff): string[] {
  return [
    ...diff.roles.added.map(
      ({ role, contract }) => `- Added \`${role}\`: **${contract}**`,
    ),
    ...diff.roles.removed.map(
      ({ role, contract }) => `- Removed \`${role}\` (was **${contract}**)`,
    ),
    ...diff.roles.changed.map(
      ({ role, before, after }) =>
        `- Changed \`${role}\`: **${before}** → **${after}**`,
    ),
  ]
}

function safeLines(diff: ManifestDiff): string[] {
  return [
    ...diff.safes.added.map(
      ({ name, safe }) =>
        `- Added **${name}** at ${code(safe.address)}: ${safe.threshold} of ${safe.owners.length} (${safe.owners.map(code).join(', ')})`,
    ),
    ...diff.safes.removed.map(
      ({ name, safe }) => `- Removed **${name}** at ${code(safe.address)}`,
    ),
    ...diff.safes.changed.flatMap((item) => [
      `- Changed **${item.name}**:`,
      ...(item.address
        ? [
            `  - address: ${code(item.address.before)} → ${code(item.address.after)}`,
          ]
        : []),
      ...(item.threshold
        ? [`  - threshold: ${item.threshold.before} → ${item.threshold.after}`]
        : []),
      ...item.ownersAdded.map((owner) => `  - owner added: ${code(owner)}`),
      ...item.ownersRemoved.map((owner) => `  - owner removed: ${code(owner)}`),
    ]),
  ]
}

function upgradeLines(diff: ManifestDiff): string[] {
  return [
    ...diff.upgrades.added.map(
      (upgrade) =>
        `- Added ${code(upgrade.id)}: **${upgrade.target}** ${code(upgrade.fromImplementation)} → ${code(upgrade.toImplementation)} (${upgrade.status})`,
    ),
    ...diff.upgrades.removed.map(
      (upgrade) =>
        `- Removed ${code(upgrade.id)} (**${upgrade.target}**, ${upgrade.status})`,
    ),
    ...diff.upgrades.changed.flatMap(({ id, target, changes }) => [
      `- Changed ${code(id)} (**${target}**):`,
      ...changes.map((item) => `  - ${change(item)}`),
    ]),
  ]
}

/**
 * Renders a {@link diffManifests} result as Markdown for a change record
 * (upgrade log, incident log, PR description): one section per kind of change,
 * implementations as a table. An empty diff renders as "No changes.".
 *
 * - Docs: https://github.com/storydao/ops-sdk/blob/main/packages/core/README.md#rendermanifestdiff
 *
 * @example
 * ```ts
 * import { diffManifests, renderManifestDiff } from '@storydao/core'
 *
 * const markdown = renderManifestDiff({ diff: diffManifests({ before, after }) })
 * ```
 *
 * @param parameters - {@link RenderManifestDiffParameters}
 * @returns Markdown text ending with a newline.
 */
export function renderManifestDiff(
  parameters: RenderManifestDiffParameters,
): RenderManifestDiffReturnType {
  assertParameters('renderManifestDiff', parameters, ['diff'], { version })
  const { diff } = parameters
  const level = Math.min(Math.max(parameters.headingLevel ?? 2, 1), 5)
  const title =
    parameters.title ??
    `Manifest changes: ${diff.network.name} (chain ${diff.network.chainId})`
  const lines: string[] = [`${'#'.repeat(level)} ${title}`, '']
  if (diff.isEmpty) return `${[...lines, 'No changes.'].join('\n')}\n`
  const sections: [string, string[]][] = [
    ['Network', diff.network.changes.map((item) => `- ${change(item)}`)],
    ['Contracts', contractLines(diff)],
    ['Implementations', implementationLines(diff)],
    ['Roles', roleLines(diff)],
    ['Safes', safeLines(diff)],
    ['Upgrades', upgradeLines(diff)],
  ]
  for (const [heading, body] of sections)
    if (body.length > 0)
      lines.push(`${'#'.repeat(level + 1)} ${heading}`, '', ...body, '')
  while (lines.at(-1) === '') lines.pop()
  return `${lines.join('\n')}\n`
}
