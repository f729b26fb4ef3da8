import { spawn } from 'node:child_process'
import { copyFileSync, existsSync, mkdirSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { expect, test } from 'vitest'
import { binPath, runBin } from '../../test/runBin.js'

const networks = fileURLToPath(
  new URL('../../../../../deployments/networks.json', import.meta.url),
)

type Ready = {
  rpcUrl: string
  chainId: number
  txServiceUrl: string
  manifestPath: string
  safes: { ops: string; emergency: string }
  contracts: Record<string, string>
}

test('behavior: local runs the stack until SIGTERM, and the other commands work against it', async () => {
  const root = mkdtempSync(join(tmpdir(), 'storydao-ops-local-'))
  mkdirSync(join(root, 'deployments'))
  copyFileSync(networks, join(root, 'deployments', 'networks.json'))
  const child = spawn(
    process.execPath,
    [binPath, 'local', '--json', '--root', root],
    { env: { PATH: process.env.PATH, NO_COLOR: '1' } },
  )
  let stdout = ''
  let stderr = ''
  child.stderr.on('data', (chunk) => {
    stderr += chunk
  })
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => resolve(code)),
  )
  try {
    const ready = await new Promise<Ready>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`not ready within 60 s:\n${stderr}`)),
        60_000,
      )
      child.stdout.on('data', (chunk) => {
        stdout += chunk
        try {
          resolve(JSON.parse(stdout))
          clearTimeout(timer)
        } catch {
          // The JSON object is not complete yet.
        }
      })
      void exited.then((code) =>
        reject(new Error(`exited ${code} before ready:\n${stderr}`)),
      )
    })
    expect(ready.chainId).toBe(31337)
    expect(ready.manifestPath).toBe(join(root, 'deployments', 'local.json'))
    expect(existsSync(ready.manifestPath)).toBe(true)
    expect(Object.keys(ready.contracts)).toContain('AuthorCoin')
    expect(stderr).toContain('→')

    const validate = await runBin(['validate', '--root', root, '--json'], {
      env: { LOCAL_RPC_URL: ready.rpcUrl },
    })
    expect(validate.stderr).not.toContain('Error')
    expect(validate.code).toBe(0)
    expect(validate.json).toMatchObject({ ok: true })
  } finally {
    child.kill('SIGTERM')
  }
  expect(await exited).toBe(0)
}, 120_000)

test('error: a bad --port is a usage error (exit 2) and starts nothing', async () => {
  const root = mkdtempSync(join(tmpdir(), 'storydao-ops-local-'))
  const result = await runBin(['local', '--port', 'eighty', '--root', root])
  expect(result.code).toBe(2)
  expect(result.stderr).toContain('--port must be a port number, got "eighty"')
  expect(existsSync(join(root, 'deployments'))).toBe(false)
})
