import { readFile } from 'node:fs/promises'
import { expect, test } from 'vitest'
import { version } from './version.js'

test('default: names the package and version of package.json', async () => {
  const { name, version: packageVersion } = JSON.parse(
    await readFile(new URL('../../package.json', import.meta.url), 'utf8'),
  ) as { name: string; version: string }
  expect(version).toBe(`${name}@${packageVersion}`)
})
