import {
  mkdirSync,
  readdirSync,
  readFileSync,
  statSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { OptionalDependencyMissingError } from '@storydao/core'
import { afterEach, describe, expect, test } from 'vitest'
import { checkUpgradeSafety } from '../checkUpgradeSafety.js'
import { createTinyFoundryProject } from '../test/tinyFoundryProject.js'
import { loadOptional, optionalModules } from './optionalDependencies.js'

const original = { ...optionalModules }
afterEach(() => Object.assign(optionalModules, original))

/**
 * Node's own ESM resolution from a temp folder where no package is installed
 * (ESM ignores NODE_PATH, which pnpm sets for the test runner).
 */
async function resolverFromEmptyFolder(): Promise<
  (specifier: string) => string
> {
  const dir = path.join(tmpdir(), 'storydao-no-packages')
  mkdirSync(dir, { recursive: true })
  const file = path.join(dir, 'resolve.mjs')
  writeFileSync(file, 'export const resolve = (s) => import.meta.resolve(s)\n')
  const module = (await import(
    /* @vite-ignore */ pathToFileURL(file).href
  )) as {
    resolve: (specifier: string) => string
  }
  return module.resolve
}

const absent = (specifier: string) => async () => {
  ;(await resolverFromEmptyFolder())(specifier)
  return {} as object
}

describe('loadOptional', () => {
  test('default', async () => {
    const upgradesCore = await loadOptional('upgradesCore', 'test')
    expect(typeof upgradesCore.getStorageUpgradeErrors).toBe('function')
  })

  test('error: solc missing is OPTIONAL_DEPENDENCY_MISSING from checkUpgradeSafety', async () => {
    optionalModules.solc = absent('solc')
    const project = createTinyFoundryProject()
    try {
      const error = await checkUpgradeSafety({
        root: project.root,
        from: 'Box',
        to: 'BoxV2',
        kind: 'uups',
      }).catch((error: unknown) => error)
      expect(error).toBeInstanceOf(OptionalDependencyMissingError)
      expect(error).toMatchObject({
        code: 'OPTIONAL_DEPENDENCY_MISSING',
        packages: ['solc'],
      })
      expect(error).toMatchObject({
        shortMessage: 'checkUpgradeSafety needs solc, which is not installed.',
        metaMessages: [
          'Install: npm install solc@0.8.30 @openzeppelin/upgrades-core@1.46.0',
        ],
      })
    } finally {
      project.remove()
    }
  })

  test('error: upgrades-core missing', async () => {
    optionalModules.upgradesCore = absent(
      '@openzeppelin/upgrades-core',
    ) as never
    const error = await loadOptional(
      'upgradesCore',
      'checkUpgradeSafety',
    ).catch((error: unknown) => error)
    expect(error).toBeInstanceOf(OptionalDependencyMissingError)
    expect((error as OptionalDependencyMissingError).shortMessage).toBe(
      'checkUpgradeSafety needs @openzeppelin/upgrades-core, which is not installed.',
    )
    expect((error as OptionalDependencyMissingError).hint).toBe(
      'Install it next to @storydao/*: npm install solc@0.8.30 @openzeppelin/upgrades-core@1.46.0',
    )
  })

  test('behavior: other failures pass through', async () => {
    const failure = new Error('solc crashed')
    optionalModules.solc = async () => {
      throw failure
    }
    await expect(loadOptional('solc', 'test')).rejects.toBe(failure)
  })
})

describe('optional peer dependencies', () => {
  const src = fileURLToPath(new URL('..', import.meta.url))
  const sources = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => {
      const file = path.join(dir, name)
      if (statSync(file).isDirectory()) return sources(file)
      return /\.ts$/.test(name) && !/\.test(-d)?\.ts$/.test(name) ? [file] : []
    })

  test('behavior: solc and upgrades-core are loaded lazily, in one place', () => {
    const heavy = String.raw`(solc|@openzeppelin\/upgrades-core)`
    const statement = new RegExp(
      String.raw`\b(import|export)(\s+type)?[^;'"]*?from\s*['"]${heavy}['"]`,
      'g',
    )
    const call = new RegExp(
      String.raw`\b(import|require)\s*\(\s*['"]${heavy}['"]`,
      'g',
    )
    const offenders: string[] = []
    for (const file of sources(src)) {
      const text = readFileSync(file, 'utf8')
      const where = path.relative(src, file)
      // Type-only imports vanish at runtime.
      for (const match of text.matchAll(statement))
        if (!match[2]) offenders.push(`${where}: ${match[0]}`)
      for (const match of text.matchAll(call))
        if (where !== path.join('internal', 'optionalDependencies.ts'))
          offenders.push(`${where}: ${match[0]}`)
    }
    expect(offenders).toEqual([])
  })

  test('behavior: package.json lists them as optional peers', () => {
    const manifest = JSON.parse(
      readFileSync(new URL('../../package.json', import.meta.url), 'utf8'),
    )
    for (const name of ['solc', '@openzeppelin/upgrades-core']) {
      expect(manifest.dependencies?.[name]).toBeUndefined()
      expect(manifest.peerDependencies?.[name]).toBeDefined()
      expect(manifest.peerDependenciesMeta?.[name]).toEqual({ optional: true })
      expect(manifest.devDependencies?.[name]).toBeDefined()
    }
  })
})
