import type { ManifestDiff, ManifestValueChange } from './diffManifests.js'

export type RenderManifestDiffParameters = {
  /** Heading text. Default `Manifest changes: <network> (chain <id>)`. */
  title?: string | undefined
  /** Heading level of the title (sections are one deeper). Default 2. */
  headingLevel?: number | undefined
}

export type RenderManifestDiffReturnType = string

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
 * const markdown = renderManifestDiff(diffManifests(before, after))
 * ```
 *
 * @param diff - The diff to render.
 * @param options - {@link RenderManifestDiffParameters}
 * @returns Markdown text ending with a newline.
 */
export function renderManifestDiff(
  diff: ManifestDiff,
  options: RenderManifestDiffParameters = {},
): RenderManifestDiffReturnType {
  const level = Math.min(Math.max(options.headingLevel ?? 2, 1), 5)
  const heading = '#'.repeat(level)
  const sub = '#'.repeat(level + 1)
  const lines: string[] = [
    `${heading} ${options.title ?? `Manifest changes: ${diff.network.name} (chain ${diff.network.chainId})`}`,
    '',
  ]
  if (diff.isEmpty) return `${[...lines, 'No changes.'].join('\n')}\n`

  const section = (title: string, body: string[]) => {
    if (body.length === 0) return
    lines.push(`${sub} ${title}`, '', ...body, '')
  }

  section(
    'Network',
    diff.network.changes.map((item) => `- ${change(item)}`),
  )

  section('Contracts', [
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
  ])

  if (diff.implementations.length > 0)
    section('Implementations', [
      '| Contract | Before | After |',
      '| --- | --- | --- |',
      ...diff.implementations.map(
        ({ name, before, after, via }) =>
          `| ${name}${via ? ` (via ${via})` : ''} | ${code(before)} | ${code(after)} |`,
      ),
    ])

  section('Roles', [
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
  ])

  section('Safes', [
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
  ])

  section('Upgrades', [
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
  ])

  while (lines.at(-1) === '') lines.pop()
  return `${lines.join('\n')}\n`
}
