import { readdirSync, readFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { expect, test } from 'vitest'

const src = resolve(dirname(fileURLToPath(import.meta.url)), '..')

/** Static imports of a module (not `import()`), comments removed. */
function staticImports(file: string): string[] {
  const text = readFileSync(file, 'utf8')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/^\s*\/\/.*$/gm, '')
  return [
    ...text.matchAll(/^\s*(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]/gm),
  ]
    .filter(
      (match) =>
        !/^\s*import\s+type\s/.test(match[0]) &&
        !/^\s*export\s+type\s/.test(match[0]),
    )
    .map((match) => match[1]!)
}

test('behavior: the bin loads no SDK or third-party module before a command runs (--help stays near node -e 0)', () => {
  const seen = new Set<string>()
  const external: string[] = []
  const visit = (file: string) => {
    if (seen.has(file)) return
    seen.add(file)
    for (const specifier of staticImports(file)) {
      if (specifier.startsWith('.'))
        visit(join(dirname(file), specifier.replace(/\.js$/, '.ts')))
      else if (!specifier.startsWith('node:'))
        external.push(`${file.slice(src.length + 1)} → ${specifier}`)
    }
  }
  visit(join(src, 'bin', 'storydao-ops.ts'))
  expect(seen.size).toBeGreaterThan(4)
  expect(external).toEqual([])
})

test('behavior: emergency fire and status load viem and local modules only (no @storydao package, no zod, no api-kit) before the pause is sent', () => {
  for (const command of ['emergencyFire', 'emergencyStatus']) {
    const seen = new Set<string>()
    const external = new Set<string>()
    const visit = (file: string) => {
      if (seen.has(file)) return
      seen.add(file)
      for (const specifier of staticImports(file)) {
        if (specifier.startsWith('.'))
          visit(join(dirname(file), specifier.replace(/\.js$/, '.ts')))
        else if (!specifier.startsWith('node:')) external.add(specifier)
      }
    }
    visit(join(src, 'cli', 'commands', `${command}.ts`))
    expect(seen.size).toBeGreaterThan(5)
    expect([...external].sort()).toEqual(
      command === 'emergencyFire'
        ? ['viem/accounts', 'viem/utils']
        : ['viem/utils'],
    )
  }
})

test('behavior: prom-client is loaded only by watch, on first use (no static import anywhere; one import() in cli/watchMetrics.ts)', () => {
  const files: string[] = []
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name)
      if (entry.isDirectory()) walk(path)
      else if (/(?<!\.test)\.ts$/.test(entry.name)) files.push(path)
    }
  }
  walk(src)
  const relative = (file: string) => file.slice(src.length + 1)
  expect(
    files
      .filter((file) => staticImports(file).includes('prom-client'))
      .map(relative),
  ).toEqual([])
  expect(
    files
      .filter((file) =>
        /import\(\s*['"]prom-client['"]\s*\)/.test(readFileSync(file, 'utf8')),
      )
      .map(relative),
  ).toEqual(['cli/watchMetrics.ts'])
})
