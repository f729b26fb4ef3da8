import { execFileSync } from 'node:child_process'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import * as core from '@storydao/core'
import * as governance from '@storydao/governance'
import * as invariants from '@storydao/invariants'
import * as safe from '@storydao/safe'
import { describe, expect, test } from 'vitest'
import * as opsSdk from './index.js'
import * as playbooks from './playbooks.js'

const packages = { core, governance, safe, invariants } as const

describe('@storydao/ops-sdk exports', () => {
  test.each(Object.entries(packages))(
    'behavior: re-exports every value of @storydao/%s unchanged',
    (_, module) => {
      const umbrella = opsSdk as Record<string, unknown>
      const missing = Object.keys(module).filter((name) => !(name in umbrella))
      expect(missing).toEqual([])
      for (const [name, value] of Object.entries(module))
        expect(umbrella[name], name).toBe(value)
    },
  )

  test('behavior: exports nothing but the packages and its playbook steps', () => {
    const known = new Set([
      ...Object.values(packages).flatMap((m) => Object.keys(m)),
      ...Object.keys(playbooks),
    ])
    expect(Object.keys(opsSdk).filter((name) => !known.has(name))).toEqual([])
  })

  test('behavior: the generated entry point is up to date', () => {
    const root = join(dirname(fileURLToPath(import.meta.url)), '../../../..')
    // Throws (non-zero exit) when a package gained an export that was not regenerated.
    execFileSync(
      process.execPath,
      [join(root, 'scripts/generateUmbrellaExports.mjs'), '--check'],
      {
        stdio: 'pipe',
      },
    )
  })
})
