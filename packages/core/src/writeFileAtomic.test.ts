import {
  mkdtempSync,
  readdirSync,
  readFileSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, test } from 'vitest'
import { FileWriteError } from './errors/file.js'
import { writeFileAtomic } from './writeFileAtomic.js'

describe('writeFileAtomic', () => {
  test('default: creates folders and the file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'atomic-'))
    const path = join(dir, 'docs', 'operations', 'log.md')
    expect(await writeFileAtomic({ path, data: '# Log\n' })).toEqual({ path })
    expect(readFileSync(path, 'utf8')).toBe('# Log\n')
    expect(readdirSync(join(dir, 'docs', 'operations'))).toEqual(['log.md'])
  })

  test('behavior: writes through a symlink, which stays a link', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'atomic-'))
    writeFileSync(join(dir, 'real.md'), 'old')
    symlinkSync('real.md', join(dir, 'link.md'))
    const { path } = await writeFileAtomic({
      path: join(dir, 'link.md'),
      data: 'new',
    })
    expect(path).toBe(join(dir, 'real.md'))
    expect(readFileSync(join(dir, 'real.md'), 'utf8')).toBe('new')
    expect(readdirSync(dir).sort()).toEqual(['link.md', 'real.md'])
  })

  test('error: a path under a file is a typed error and leaves nothing behind', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'atomic-'))
    writeFileSync(join(dir, 'file'), 'x')
    const error = await writeFileAtomic({
      path: join(dir, 'file', 'child.md'),
      data: 'x',
    }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(FileWriteError)
    expect((error as FileWriteError).code).toBe('FILE_WRITE_FAILED')
    expect(readdirSync(dir)).toEqual(['file'])
  })
})
