import { readFileSync } from 'node:fs'
import { describe, expect, test } from 'vitest'
import { version } from './version.js'

describe('version', () => {
  test('default: names this package at its package.json version', () => {
    const { name, version: packageVersion } = JSON.parse(
      readFileSync(new URL('../../package.json', import.meta.url), 'utf8'),
    )
    expect(version).toBe(`${name}@${packageVersion}`)
  })
})
