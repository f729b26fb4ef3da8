import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

/** @internal The repository root (this file sits in packages/ops-sdk/src/architecture). */
export const repositoryRoot = resolve(
  dirname(fileURLToPath(import.meta.url)),
  '../../../..',
)

/** @internal Every non-test TypeScript source file of the packages, repo-relative. */
export function listSourceFiles(): string[] {
  const files: string[] = []
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir)) {
      const path = join(dir, entry)
      if (statSync(path).isDirectory()) walk(path)
      else if (
        /\.ts$/.test(entry) &&
        !/\.test(-d)?\.ts$/.test(entry) &&
        !path.includes(`${join('src', 'test')}`)
      )
        files.push(relative(repositoryRoot, path))
    }
  }
  for (const pkg of readdirSync(join(repositoryRoot, 'packages'))) {
    const src = join(repositoryRoot, 'packages', pkg, 'src')
    if (existsSync(src)) walk(src)
  }
  return files.sort()
}

// `import … from`, `import type … from`, `export … from`, `import('…')`.
const specifierPattern =
  /(?:^|[\s;])(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|^\s*import\s*['"]([^'"]+)['"]/gm

/**
 * @internal The files a source file depends on, type-only imports included:
 * relative imports resolved to `.ts` files, `@storydao/<pkg>` to that
 * package's `src/exports/index.ts`.
 */
export function importsOf(file: string): string[] {
  // Doc comments hold `@example` imports that are not edges of the graph.
  const text = readFileSync(join(repositoryRoot, file), 'utf8')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/^\s*\/\/.*$/gm, '')
  const targets: string[] = []
  for (const match of text.matchAll(specifierPattern)) {
    const specifier = match[1] ?? match[2] ?? match[3]
    if (!specifier) continue
    if (specifier.startsWith('.')) {
      const base = join(dirname(file), specifier).replace(/\.js$/, '')
      const candidates = [`${base}.ts`, join(base, 'index.ts')]
      const found = candidates.find((candidate) =>
        existsSync(join(repositoryRoot, candidate)),
      )
      if (found) targets.push(found)
    } else {
      const pkg = /^@storydao\/([\w-]+)$/.exec(specifier)?.[1]
      if (pkg) targets.push(join('packages', pkg, 'src', 'exports', 'index.ts'))
    }
  }
  return targets
}

/** @internal Strongly connected components with more than one file (or a self-import). */
export function findImportCycles(files: readonly string[]): string[][] {
  const graph = new Map(files.map((file) => [file, importsOf(file)]))
  let index = 0
  const indices = new Map<string, number>()
  const lowlinks = new Map<string, number>()
  const stack: string[] = []
  const onStack = new Set<string>()
  const cycles: string[][] = []
  const connect = (node: string) => {
    indices.set(node, index)
    lowlinks.set(node, index)
    index++
    stack.push(node)
    onStack.add(node)
    for (const next of graph.get(node) ?? []) {
      if (!graph.has(next)) continue
      if (!indices.has(next)) {
        connect(next)
        lowlinks.set(node, Math.min(lowlinks.get(node)!, lowlinks.get(next)!))
      } else if (onStack.has(next))
        lowlinks.set(node, Math.min(lowlinks.get(node)!, indices.get(next)!))
    }
    if (lowlinks.get(node) !== indices.get(node)) return
    const component: string[] = []
    let member: string
    do {
      member = stack.pop()!
      onStack.delete(member)
      component.push(member)
    } while (member !== node)
    if (component.length > 1 || graph.get(node)?.includes(node))
      cycles.push(component.sort())
  }
  for (const file of files) if (!indices.has(file)) connect(file)
  return cycles
}
