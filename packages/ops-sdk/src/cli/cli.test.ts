import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, test } from 'vitest'
import { fingerprint, runBin } from '../test/runBin.js'
import { commands } from './commandTable.js'

describe('storydao-ops', () => {
  test('default: --help lists every command and exits 0', async () => {
    const { code, stdout, stderr } = await runBin(['--help'])
    expect(code).toBe(0)
    expect(stderr).toBe('')
    expect(stdout).toContain('Usage: storydao-ops <command> [options]')
    for (const spec of commands) expect(stdout).toContain(spec.words.join(' '))
  })

  test('behavior: every command has --help with a real example', async () => {
    for (const spec of commands) {
      const { code, stdout } = await runBin([...spec.words, '--help'])
      expect(code, spec.words.join(' ')).toBe(0)
      expect(stdout).toContain(`Usage: ${spec.usage}`)
      expect(spec.examples.length).toBeGreaterThan(0)
      for (const example of spec.examples)
        expect(example.startsWith(`storydao-ops ${spec.words.join(' ')}`)).toBe(
          true,
        )
    }
  })

  test('behavior: --version prints the package version', async () => {
    const { code, stdout } = await runBin(['--version'])
    expect(code).toBe(0)
    expect(stdout).toMatch(/^\d+\.\d+\.\d+\n$/)
  })

  test('error: an unknown command exits 2 with a hint and writes nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'storydao-ops-'))
    const before = fingerprint(dir)
    const { code, stdout, stderr } = await runBin(['frobnicate'], { cwd: dir })
    expect(code).toBe(2)
    expect(stdout).toBe('')
    expect(stderr).toMatchInlineSnapshot(`
      "error: Unknown command "frobnicate".
      hint: Run "storydao-ops --help" for every command.
      "
    `)
    expect(fingerprint(dir)).toEqual(before)
  })

  test('error: --json on bad usage prints one JSON error object on stdout', async () => {
    const { code, json } = await runBin(['frobnicate', '--json'])
    expect(code).toBe(2)
    expect(json).toMatchObject({ ok: false, error: { code: 'CLI_USAGE' } })
  })
})
