import { readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, test } from 'vitest'

const src = fileURLToPath(new URL('..', import.meta.url))

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name)
    if (statSync(file).isDirectory()) return sources(file)
    return /\.ts$/.test(name) && !/\.test(-d)?\.ts$/.test(name) ? [file] : []
  })
}

/** Relative imports and re-exports of each file, type-only ones included. */
function importGraph(): Map<string, string[]> {
  const graph = new Map<string, string[]>()
  for (const file of sources(src)) {
    const text = readFileSync(file, 'utf8')
    const targets = [
      ...text.matchAll(/\b(?:import|export)\b[^'"]*?\bfrom\s*'(\.[^']+)'/g),
    ].map((match) =>
      path.resolve(path.dirname(file), match[1]!).replace(/\.js$/, '.ts'),
    )
    graph.set(file, targets)
  }
  return graph
}

function findCycles(graph: Map<string, string[]>): string[] {
  const cycles: string[] = []
  const done = new Set<string>()
  const stack: string[] = []
  const visit = (file: string) => {
    const at = stack.indexOf(file)
    if (at >= 0) {
      cycles.push(
        [...stack.slice(at), file]
          .map((item) => path.relative(src, item))
          .join(' → '),
      )
      return
    }
    if (done.has(file)) return
    stack.push(file)
    for (const target of graph.get(file) ?? []) visit(target)
    stack.pop()
    done.add(file)
  }
  for (const file of graph.keys()) visit(file)
  return cycles
}

describe('imports', () => {
  test('behavior: no import cycles, type-only imports included', () => {
    expect(findCycles(importGraph())).toEqual([])
  })

  test('behavior: public types never come from internal/', () => {
    const entry = readFileSync(path.join(src, 'exports', 'index.ts'), 'utf8')
    expect(entry).not.toMatch(/from '\.\.\/internal\//)
  })
})
