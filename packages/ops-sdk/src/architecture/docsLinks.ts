import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { dirname, join, normalize, relative } from 'node:path'
import { listSourceFiles, repositoryRoot } from './sourceGraph.js'

const docsBase = 'https://github.com/storydao/ops-sdk/blob/main/'

/** @internal GitHub's heading anchors: lowercase, punctuation dropped, spaces → `-`, repeats numbered. */
export function headingAnchors(markdown: string): Set<string> {
  const anchors = new Set<string>()
  const counts = new Map<string, number>()
  let fenced = false
  for (const line of markdown.split('\n')) {
    if (/^\s*```/.test(line)) fenced = !fenced
    if (fenced) continue
    const heading = /^#{1,6}\s+(.*?)\s*#*\s*$/.exec(line)?.[1]
    if (heading === undefined) continue
    const slug = heading
      .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
      .toLowerCase()
      .replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '')
      .replace(/ /g, '-')
    const seen = counts.get(slug) ?? 0
    counts.set(slug, seen + 1)
    anchors.add(seen === 0 ? slug : `${slug}-${seen}`)
  }
  return anchors
}

/** @internal A documentation reference found somewhere in the repository. */
export type DocsReference = { from: string; target: string }

/** @internal Every `docsPath` and `- Docs:` link in package sources. */
export function docsReferencesInSources(): DocsReference[] {
  const references: DocsReference[] = []
  for (const file of listSourceFiles()) {
    const text = readFileSync(join(repositoryRoot, file), 'utf8')
    for (const match of text.matchAll(/docsPath\s*[:=]\s*['"`]([^'"`]+)['"`]/g))
      references.push({ from: file, target: match[1]! })
    for (const match of text.matchAll(/^\s*\*\s*-\s*Docs:\s*(\S+)/gm)) {
      const url = match[1]!
      if (!url.startsWith(docsBase)) {
        references.push({ from: file, target: `(not absolute) ${url}` })
        continue
      }
      references.push({ from: file, target: url.slice(docsBase.length) })
    }
  }
  return references
}

/** @internal Relative links of the repository's Markdown (docs/, READMEs). */
export function docsReferencesInMarkdown(): DocsReference[] {
  const files: string[] = []
  const walk = (dir: string) => {
    for (const entry of readdirSync(join(repositoryRoot, dir))) {
      if (entry === 'node_modules' || entry.startsWith('.')) continue
      const path = join(dir, entry)
      if (statSync(join(repositoryRoot, path)).isDirectory()) walk(path)
      else if (entry.endsWith('.md') && !/CHANGELOG\.md$/.test(entry))
        files.push(path)
    }
  }
  walk('docs')
  for (const dir of [
    '.',
    'examples',
    ...readdirSync(join(repositoryRoot, 'packages')).map((pkg) =>
      join('packages', pkg),
    ),
  ])
    if (existsSync(join(repositoryRoot, dir, 'README.md')))
      files.push(normalize(join(dir, 'README.md')))
  const references: DocsReference[] = []
  for (const file of files) {
    const text = readFileSync(join(repositoryRoot, file), 'utf8').replace(
      /```[\s\S]*?```/g,
      '',
    )
    for (const match of text.matchAll(/\]\(([^)\s]+)\)/g)) {
      const link = match[1]!
      if (/^[a-z]+:/i.test(link)) {
        if (link.startsWith(docsBase))
          references.push({ from: file, target: link.slice(docsBase.length) })
        continue
      }
      const [path, anchor] = link.split('#')
      const target = path
        ? relative(repositoryRoot, join(repositoryRoot, dirname(file), path))
        : file
      references.push({
        from: file,
        target: anchor ? `${target}#${anchor}` : target,
      })
    }
  }
  return references
}

/** @internal The references whose file or heading anchor does not exist. */
export function deadDocsReferences(
  references: readonly DocsReference[],
): string[] {
  const anchorsByFile = new Map<string, Set<string>>()
  const dead: string[] = []
  for (const { from, target } of references) {
    const [path, anchor] = target.split('#')
    const file = join(repositoryRoot, path!)
    if (target.startsWith('(not absolute)') || !existsSync(file)) {
      dead.push(`${from} → ${target}`)
      continue
    }
    if (!anchor) continue
    if (!anchorsByFile.has(path!))
      anchorsByFile.set(path!, headingAnchors(readFileSync(file, 'utf8')))
    if (!anchorsByFile.get(path!)!.has(anchor)) dead.push(`${from} → ${target}`)
  }
  return [...new Set(dead)].sort()
}
