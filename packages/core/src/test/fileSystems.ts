// Real file systems for the fault suites: a small tmpfs that fills up, and a
// read-only mount. Mounting needs root (and a sandbox that allows it), so
// `mountSupport` says whether these tests can run and, if not, why.
import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'

function mount(args: string[]): void {
  execFileSync('mount', args, { stdio: 'pipe' })
}

function probe(): { supported: boolean; reason: string } {
  const dir = mkdtempSync(join(tmpdir(), 'storydao-mount-probe-'))
  try {
    mount(['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', dir])
    execFileSync('umount', [dir], { stdio: 'pipe' })
    return { supported: true, reason: '' }
  } catch (error) {
    const stderr = (error as { stderr?: Buffer }).stderr?.toString().trim()
    return {
      supported: false,
      reason: `cannot mount a tmpfs here (${stderr || String(error)}); run as root outside a restricted sandbox`,
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

/** Whether tmpfs mounts work here, probed once. */
export const mountSupport = probe()

/** A mounted tmpfs of `size` (e.g. `64k`); `unmount` also removes the mount point. */
export function mountTmpfs(size: string): {
  dir: string
  remountReadOnly: () => void
  unmount: () => void
} {
  const dir = mkdtempSync(join(tmpdir(), 'storydao-tmpfs-'))
  mount(['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', dir])
  return {
    dir,
    remountReadOnly: () => mount(['-o', 'remount,ro', dir]),
    unmount: () => {
      execFileSync('umount', [dir], { stdio: 'pipe' })
      rmSync(dir, { recursive: true, force: true })
    },
  }
}

const page = 4096

/**
 * Fills the file system holding `dir` with one-page files, then frees
 * `freePages` of them: tmpfs counts whole pages, so exactly that many small
 * files still fit. Returns a function that frees the rest.
 */
export async function fillUp(
  dir: string,
  freePages: number,
): Promise<() => Promise<void>> {
  const filler = join(dir, '.filler')
  await rm(filler, { recursive: true, force: true })
  await mkdir(filler)
  const files: string[] = []
  for (let index = 0; ; index++) {
    const file = join(filler, String(index))
    try {
      await writeFile(file, Buffer.alloc(page, 1))
      files.push(file)
    } catch {
      await rm(file, { force: true })
      break
    }
  }
  for (const file of files.splice(files.length - freePages)) await rm(file)
  return () => rm(filler, { recursive: true, force: true })
}

/**
 * Every file under `dir` (the filler excepted) with its bytes, to compare a
 * directory before and after a failed operation.
 */
export async function snapshot(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {}
  const entries = await readdir(dir, { recursive: true, withFileTypes: true })
  for (const entry of entries) {
    const path = join(entry.parentPath, entry.name)
    const name = relative(dir, path)
    if (name === '.filler' || name.startsWith('.filler/')) continue
    out[name] = entry.isFile()
      ? (await readFile(path)).toString('base64')
      : entry.isSymbolicLink()
        ? 'symlink'
        : 'directory'
  }
  return out
}
