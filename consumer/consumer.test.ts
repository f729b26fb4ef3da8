// The consumer test (issue 10): the packages as another repository gets them.
// Every package is packed, the tarballs are installed with plain npm into a
// fresh temp app (with the lowest viem the peer range allows, then the newest),
// typechecked under NodeNext, bundler and node10 resolution, imported from ESM
// and CommonJS, and `app/pause.ts` plans, rehearses and proposes an emergency
// pause against the local stack. Any npm warning about engines or peers fails.
// A third install, without the optional peers, is measured (≤ 30 MB beyond
// viem) and its service path bundled with esbuild.
import { type ChildProcess, execFileSync, spawn } from 'node:child_process'
import {
  cpSync,
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { basename, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { localAccounts } from '@storydao/testkit'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'

const root = fileURLToPath(new URL('..', import.meta.url))
const appTemplate = fileURLToPath(new URL('./app', import.meta.url))
const published = [
  'core',
  'governance',
  'safe',
  'invariants',
  'ops-sdk',
  'testkit',
]
// The local stack (`storydao-ops local` / `demo`) is an optional peer that apps
// install on purpose; the consumer apps install the SDK without it.
const libraries = (entries: Packed[]) =>
  entries.filter(({ name }) => name !== '@storydao/testkit')
const work = mkdtempSync(join(tmpdir(), 'storydao-consumer-'))
// Kept between runs: a warm cache keeps the installs within the CI budget.
const npmCache = join(tmpdir(), 'storydao-consumer-npm-cache')
const tarballDir = join(work, 'tarballs')
const tsc = join(root, 'node_modules/typescript/bin/tsc')

function run(command: string, args: string[], cwd: string): string {
  try {
    return execFileSync(command, args, {
      cwd,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, NO_COLOR: '1' },
    })
  } catch (error) {
    const { stdout, stderr } = error as { stdout?: string; stderr?: string }
    throw new Error(
      `${command} ${args.join(' ')} failed in ${cwd}\n${stdout ?? ''}\n${stderr ?? ''}`,
    )
  }
}

function pnpm(args: string[], cwd = root): string {
  return run('npx', ['-y', 'pnpm@10', ...args], cwd)
}

/** Installs into `dir`; returns npm's warnings about engines and peers. */
function npmInstall(dir: string, specs: string[]): string[] {
  const result = spawnSyncText(
    'npm',
    [
      'install',
      '--no-audit',
      '--no-fund',
      '--engine-strict',
      '--loglevel=warn',
      '--cache',
      npmCache,
      '--prefer-offline',
      ...specs,
    ],
    dir,
  )
  if (result.status !== 0)
    throw new Error(`npm install ${specs.join(' ')} failed:\n${result.stderr}`)
  return result.stderr
    .split('\n')
    .filter((line) => /^npm warn/i.test(line))
    .filter((line) => /engine|peer|ERESOLVE/i.test(line))
}

function spawnSyncText(command: string, args: string[], cwd: string) {
  try {
    const stdout = execFileSync(command, args, {
      cwd,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    return { status: 0, stdout, stderr: '' }
  } catch (error) {
    const failure = error as { status: number; stdout: string; stderr: string }
    return failure
  }
}

/** Bytes on disk under `path` (files' apparent size). */
function sizeOf(path: string): number {
  if (!existsSync(path)) return 0
  const stat = lstatSync(path)
  if (!stat.isDirectory()) return stat.size
  let total = 0
  for (const entry of readdirSync(path)) total += sizeOf(join(path, entry))
  return total
}

const megabytes = (bytes: number) => Math.round(bytes / 1e5) / 10

function newApp(name: string): string {
  const dir = join(work, name)
  cpSync(appTemplate, dir, { recursive: true })
  return dir
}

type PackedManifest = {
  peerDependencies?: Record<string, string>
  peerDependenciesMeta?: Record<string, { optional?: boolean }>
  publishConfig?: { access?: string }
  engines?: { node?: string }
}
type Packed = { name: string; file: string; manifest: PackedManifest }
const packed: Packed[] = []

/** `lowest` from the packed core's `peerDependencies.viem` (`^2.x.y`). */
function viemFloor(): string {
  const range =
    packed.find((entry) => entry.name === '@storydao/core')?.manifest
      .peerDependencies?.viem ?? ''
  const floor = /^\^(\d+\.\d+\.\d+)$/.exec(range)?.[1]
  if (!floor) throw new Error(`viem peer range ${range} is not ^x.y.z`)
  return floor
}

/** Optional peers the packages declare (anvil, solc, upgrades-core, …). */
function optionalPeers(): string[] {
  const specs = new Map<string, string>()
  for (const { manifest } of packed)
    for (const [name, meta] of Object.entries(
      manifest.peerDependenciesMeta ?? {},
    ))
      if (
        meta.optional &&
        name !== 'viem' &&
        !packed.some((entry) => entry.name === name)
      )
        specs.set(name, `${name}@${manifest.peerDependencies?.[name]}`)
  return [...specs.values()]
}

let stack: ChildProcess | undefined
let stackInfo: { rpcUrl: string; txServiceUrl: string; manifestPath: string }

function startStack(): Promise<typeof stackInfo> {
  const bin = join(root, 'packages/testkit/dist/bin/storydao-local.js')
  stack = spawn(
    process.execPath,
    [bin, '--quiet', '--manifest', join(work, 'local.json')],
    { cwd: work, stdio: ['ignore', 'pipe', 'inherit'] },
  )
  return new Promise((resolve, reject) => {
    let buffer = ''
    stack!.stdout!.on('data', (chunk: Buffer) => {
      buffer += chunk.toString()
      const line = buffer.split('\n')[0]
      if (buffer.includes('\n') && line) resolve(JSON.parse(line))
    })
    stack!.once('exit', (code) =>
      reject(new Error(`storydao-local exited (${code}) before it was ready`)),
    )
  })
}

beforeAll(async () => {
  // The tarballs hold dist/: build first (turbo's cache makes it quick).
  pnpm([
    'exec',
    'turbo',
    'run',
    'build',
    '--filter=./packages/*',
    '--output-logs=errors-only',
  ])
  mkdirSync(tarballDir, { recursive: true })
  for (const pkg of published) {
    const output = pnpm(
      ['pack', '--json', '--pack-destination', tarballDir],
      join(root, 'packages', pkg),
    )
    const { name, filename: path } = JSON.parse(output)
    const filename = basename(path)
    const manifest = JSON.parse(
      run('tar', ['-xzOf', filename, 'package/package.json'], tarballDir),
    )
    packed.push({ name, file: filename, manifest })
  }
  stackInfo = await startStack()
}, 300_000)

afterAll(() => {
  stack?.kill('SIGTERM')
  rmSync(work, { recursive: true, force: true })
})

test('behavior: each tarball ships dist, README, LICENSE and package.json only (core: its manifest schema too)', () => {
  const lists = Object.fromEntries(
    packed.map(({ name, file }) => [
      name,
      [
        ...new Set(
          run('tar', ['-tzf', file], tarballDir)
            .trim()
            .split('\n')
            // The CLI's chunks are named by content hash: keep the names.
            .map((path) => path.replace(/-[A-Z0-9]{8}\.js$/, '-[hash].js')),
        ),
      ].sort(),
    ]),
  )
  expect(lists).toMatchInlineSnapshot(`
    {
      "@storydao/core": [
        "package/LICENSE",
        "package/README.md",
        "package/dist/exports/index.cjs",
        "package/dist/exports/index.d.cts",
        "package/dist/exports/index.d.ts",
        "package/dist/exports/index.js",
        "package/manifest.schema.json",
        "package/package.json",
      ],
      "@storydao/governance": [
        "package/LICENSE",
        "package/README.md",
        "package/dist/exports/index.cjs",
        "package/dist/exports/index.d.cts",
        "package/dist/exports/index.d.ts",
        "package/dist/exports/index.js",
        "package/package.json",
      ],
      "@storydao/invariants": [
        "package/LICENSE",
        "package/README.md",
        "package/dist/exports/index.cjs",
        "package/dist/exports/index.d.cts",
        "package/dist/exports/index.d.ts",
        "package/dist/exports/index.js",
        "package/package.json",
      ],
      "@storydao/ops-sdk": [
        "package/LICENSE",
        "package/README.md",
        "package/dist/bin/_esm-[hash].js",
        "package/dist/bin/ccip-[hash].js",
        "package/dist/bin/check-[hash].js",
        "package/dist/bin/chunk-[hash].js",
        "package/dist/bin/context-[hash].js",
        "package/dist/bin/demo-[hash].js",
        "package/dist/bin/deploy-[hash].js",
        "package/dist/bin/diffState-[hash].js",
        "package/dist/bin/dumpState-[hash].js",
        "package/dist/bin/emergency-[hash].js",
        "package/dist/bin/emergencyFire-[hash].js",
        "package/dist/bin/emergencyPrepare-[hash].js",
        "package/dist/bin/emergencyStatus-[hash].js",
        "package/dist/bin/exports-[hash].js",
        "package/dist/bin/incidentClose-[hash].js",
        "package/dist/bin/incidentOpen-[hash].js",
        "package/dist/bin/local-[hash].js",
        "package/dist/bin/pause-[hash].js",
        "package/dist/bin/record-[hash].js",
        "package/dist/bin/recordForIncident-[hash].js",
        "package/dist/bin/review-[hash].js",
        "package/dist/bin/safeConfirm-[hash].js",
        "package/dist/bin/safeExecute-[hash].js",
        "package/dist/bin/safeQueue-[hash].js",
        "package/dist/bin/safeReject-[hash].js",
        "package/dist/bin/secp256k1-[hash].js",
        "package/dist/bin/storydao-ops.js",
        "package/dist/bin/timelockCancel-[hash].js",
        "package/dist/bin/timelockList-[hash].js",
        "package/dist/bin/unpause-[hash].js",
        "package/dist/bin/upgradeExecute-[hash].js",
        "package/dist/bin/upgradePrepare-[hash].js",
        "package/dist/bin/upgradePropose-[hash].js",
        "package/dist/bin/upgradeQueue-[hash].js",
        "package/dist/bin/upgradeRollback-[hash].js",
        "package/dist/bin/upgradeValidate-[hash].js",
        "package/dist/bin/validate-[hash].js",
        "package/dist/bin/version-[hash].js",
        "package/dist/bin/watch-[hash].js",
        "package/dist/chunk-[hash].js",
        "package/dist/emergency-[hash].js",
        "package/dist/exports/index.cjs",
        "package/dist/exports/index.d.cts",
        "package/dist/exports/index.d.ts",
        "package/dist/exports/index.js",
        "package/dist/version-[hash].js",
        "package/package.json",
      ],
      "@storydao/safe": [
        "package/LICENSE",
        "package/README.md",
        "package/dist/exports/index.cjs",
        "package/dist/exports/index.d.cts",
        "package/dist/exports/index.d.ts",
        "package/dist/exports/index.js",
        "package/package.json",
      ],
      "@storydao/testkit": [
        "package/LICENSE",
        "package/README.md",
        "package/dist/bin/storydao-local.js",
        "package/dist/chunk-[hash].js",
        "package/dist/exports/index.d.ts",
        "package/dist/exports/index.js",
        "package/package.json",
      ],
    }
  `)
})

test('behavior: published manifests name no workspace ranges or source condition', () => {
  for (const { name, manifest } of packed) {
    const text = JSON.stringify(manifest)
    expect(text, name).not.toContain('workspace:')
    expect(text, name).not.toContain('"source"')
    expect(manifest.publishConfig?.access, name).toBe('public')
    expect(manifest.engines?.node, name).toBeDefined()
  }
})

test('behavior: pnpm -r publish --dry-run packs every public package', () => {
  const output = pnpm(['-r', 'publish', '--dry-run', '--no-git-checks'])
  for (const pkg of published) expect(output).toContain(`@storydao/${pkg}`)
  expect(output).not.toContain('@storydao/examples')
})

const sizes: Record<string, number> = {}

describe.each([
  { variant: 'lowest viem', viem: () => viemFloor() },
  { variant: 'newest viem', viem: () => 'latest' },
])('consumer app ($variant)', ({ variant, viem }) => {
  let app: string
  test('install: no engine or peer warnings', () => {
    app = newApp(variant.replace(' ', '-'))
    const warnings = npmInstall(app, [
      ...libraries(packed).map(({ file }) => join(tarballDir, file)),
      `viem@${viem()}`,
      ...optionalPeers(),
      '@types/node@20',
    ])
    expect(warnings).toEqual([])
    if (variant === 'newest viem')
      sizes.full =
        sizeOf(join(app, 'node_modules')) -
        sizeOf(join(app, 'node_modules/@types/node'))
  })
  test('typecheck: NodeNext (with our .d.ts checked), bundler and node10', () => {
    run(process.execPath, [tsc, '-p', 'tsconfig.nodenext.json'], app)
    // What the README promises to a project without @types/node (once: the
    // declarations it checks do not change with the viem version).
    if (variant === 'newest viem')
      run(process.execPath, [tsc, '-p', 'tsconfig.nonode.json'], app)
    run(process.execPath, [tsc, '-p', 'tsconfig.bundler.json'], app)
    run(process.execPath, [tsc, '-p', 'tsconfig.node10.json'], app)
  })
  test('import from ESM and require from CommonJS', () => {
    expect(run(process.execPath, ['import.mjs'], app).trim()).toBe('esm ok')
    expect(run(process.execPath, ['require.cjs'], app).trim()).toBe('cjs ok')
  })
  test('behavior: the installed storydao-ops bin runs', () => {
    const help = run(
      process.execPath,
      [join(app, 'node_modules/.bin/storydao-ops'), '--help'],
      app,
    )
    expect(help).toContain('Usage: storydao-ops <command> [options]')
  })
  test('default: plan, rehearse and propose an emergency pause', () => {
    const output = execFileSync(process.execPath, ['dist/pause.js'], {
      cwd: app,
      encoding: 'utf8',
      env: {
        ...process.env,
        STORYDAO_RPC_URL: stackInfo.rpcUrl,
        STORYDAO_TX_SERVICE_URL: stackInfo.txServiceUrl,
        STORYDAO_MANIFEST: stackInfo.manifestPath,
        STORYDAO_PROPOSER_KEY: localAccounts.emergencyOwners[0].privateKey,
      },
    })
    expect(JSON.parse(output.trim().split('\n').at(-1)!)).toMatchObject({
      ok: true,
    })
  })
})

let minimalApp: string | undefined

test('behavior: plan-and-propose only installs at most 30 MB beyond viem', () => {
  const app = newApp('minimal')
  minimalApp = app
  // The newest viem, as in the full variant, so the two sizes compare.
  expect(npmInstall(app, ['viem@latest'])).toEqual([])
  const viemOnly = sizeOf(join(app, 'node_modules'))
  expect(
    npmInstall(
      app,
      libraries(packed).map(({ file }) => join(tarballDir, file)),
    ),
  ).toEqual([])
  expect(run(process.execPath, ['import.mjs'], app).trim()).toBe('esm ok')
  sizes.viem = viemOnly
  sizes.minimal = sizeOf(join(app, 'node_modules')) - viemOnly
  const report = {
    viem: megabytes(sizes.viem),
    planAndProposeBeyondViem: megabytes(sizes.minimal),
    fullBeyondViem: megabytes((sizes.full ?? 0) - viemOnly),
  }
  mkdirSync(join(root, 'consumer/.test-results'), { recursive: true })
  writeFileSync(
    join(root, 'consumer/.test-results/install-sizes.json'),
    `${JSON.stringify(report, null, 2)}\n`,
  )
  console.log(`install sizes (MB): ${JSON.stringify(report)}`)
  expect(report.planAndProposeBeyondViem).toBeLessThanOrEqual(30)
})

/**
 * esbuild's `buildSync`, from the copy tsup brings (no extra dependency);
 * `platform: node`, ESM, everything inlined unless marked `external`.
 */
function bundle(app: string, outfile: string, external: string[]): void {
  const { buildSync } = createRequire(
    join(root, 'node_modules/tsup/package.json'),
  )('esbuild') as { buildSync: (options: object) => unknown }
  buildSync({
    entryPoints: [join(app, 'service.mjs')],
    outfile: join(app, outfile),
    bundle: true,
    platform: 'node',
    format: 'esm',
    external,
    logLevel: 'silent',
  })
}

test('behavior: an ESM bundle of the service path (no optional peers), everything inlined, reads the queue', () => {
  if (!minimalApp) throw new Error('the plan-and-propose install did not run')
  const app = minimalApp
  const runBundle = (file: string) =>
    JSON.parse(
      execFileSync(process.execPath, [file], {
        cwd: app,
        encoding: 'utf8',
        env: {
          ...process.env,
          STORYDAO_TX_SERVICE_URL: stackInfo.txServiceUrl,
          STORYDAO_MANIFEST: stackInfo.manifestPath,
        },
      })
        .trim()
        .split('\n')
        .at(-1)!,
    )
  // The Transaction Service client is fetch: nothing CommonJS to keep out.
  bundle(app, 'inlined.mjs', [])
  expect(runBundle('inlined.mjs')).toMatchObject({ ok: true })
})
