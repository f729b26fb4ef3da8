import { join } from 'node:path'

/** @internal Where incident logs live, relative to the repository root. */
export const incidentLogDir = join('docs', 'operations', 'incident-log')

/** @internal `Bridge exploit on mainnet!` → `bridge-exploit-on-mainnet`. */
export function toSlug(title: string, maxLength = 60): string {
  return title
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, maxLength)
    .replace(/-+$/g, '')
}

/** @internal `2026-12-05T10:46:12.345Z` → `2026-12-05T10:46:12Z`. */
export function toTimestamp(date: Date): string {
  return `${date.toISOString().slice(0, 19)}Z`
}

/** @internal The header and first lines of a new incident log. */
export function renderIncidentOpening(parameters: {
  title: string
  network: string
  openedAt: Date
  commander?: string | undefined
}): string {
  return [
    `# Incident: ${parameters.title}`,
    '',
    `- Opened: ${toTimestamp(parameters.openedAt)}`,
    `- Network: ${parameters.network}`,
    ...(parameters.commander
      ? [`- Incident commander: ${parameters.commander}`]
      : []),
    '- Status: open',
    '',
    '## Timeline',
    '',
    `- ${toTimestamp(parameters.openedAt)}: incident opened`,
    '',
  ].join('\n')
}

/** @internal One timeline entry: what a command did, with its hashes and links. */
export type IncidentEntry = {
  at: Date
  /** The command as typed (`storydao-ops pause --target AuthorCoin`). */
  command: string
  /** One line saying what happened. */
  summary: string
  /** Extra facts: Safe tx hash, operation ids, links, files. */
  details?: readonly string[] | undefined
}

/** @internal Appends `entry` at the end of the timeline section. */
export function appendTimelineEntry(
  text: string,
  entry: IncidentEntry,
): string {
  const lines = [
    `- ${toTimestamp(entry.at)}: \`${entry.command}\`: ${entry.summary}`,
    ...(entry.details ?? []).map((detail) => `  - ${detail}`),
  ]
  const closing = text.indexOf('\n## Closing summary')
  if (closing === -1)
    return `${text.replace(/\n*$/, '\n')}${lines.join('\n')}\n`
  return `${text.slice(0, closing).replace(/\n*$/, '\n')}${lines.join('\n')}\n${text.slice(closing)}`
}

/** @internal The timeline entries' timestamps and first lines, read back. */
export function readTimeline(text: string): { at: Date; line: string }[] {
  const entries: { at: Date; line: string }[] = []
  for (const match of text.matchAll(
    /^- (\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ): (.*)$/gm,
  ))
    entries.push({ at: new Date(match[1]!), line: match[2]! })
  return entries
}

/** @internal `1h 05m`, `42s`. */
export function formatDuration(milliseconds: number): string {
  const seconds = Math.max(0, Math.round(milliseconds / 1000))
  const h = Math.floor(seconds / 3600)
  const m = Math.floor((seconds % 3600) / 60)
  const s = seconds % 60
  if (h > 0) return `${h}h ${String(m).padStart(2, '0')}m`
  if (m > 0) return `${m}m ${String(s).padStart(2, '0')}s`
  return `${s}s`
}
