import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  symlinkSync,
} from 'node:fs'
import { appendFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { setErrorConfig } from '@storydao/core'
import { beforeAll, describe, expect, test } from 'vitest'
import { contractsDir, ensureFoundryBuild } from '../../test/foundryBuild.js'
import { toStandardJsonInput } from './standardJsonInput.js'

beforeAll(() => {
  setErrorConfig({ version: '@storydao/core@x.y.z' })
  ensureFoundryBuild()
})

// The Foundry project's own compiler (solc-js, the version forge builds with).
const solc = createRequire(join(contractsDir, 'package.json'))('solc') as {
  compile(input: string): string
}

describe('toStandardJsonInput', () => {
  test("default: solc compiles the input to the build's runtime bytecode", async () => {
    const input = await toStandardJsonInput({
      project: contractsDir,
      artifactId: 'Treasury.sol:Treasury',
    })
    expect(input.settings).toMatchObject({
      evmVersion: 'cancun',
      optimizer: { enabled: true, runs: 200 },
      metadata: { bytecodeHash: 'none', appendCBOR: false },
      libraries: {},
    })
    expect(input.settings).not.toHaveProperty('compilationTarget')
    expect(Object.keys(input.sources)).toContain('src/treasury/Treasury.sol')
    const output = JSON.parse(solc.compile(JSON.stringify(input))) as {
      contracts: Record<
        string,
        Record<string, { evm: { deployedBytecode: { object: string } } }>
      >
    }
    const artifact = JSON.parse(
      readFileSync(
        join(contractsDir, 'out/Treasury.sol/Treasury.json'),
        'utf8',
      ),
    )
    expect(
      `0x${output.contracts['src/treasury/Treasury.sol']!.Treasury!.evm.deployedBytecode.object}`,
    ).toBe(artifact.deployedBytecode.object)
  }, 120_000)

  test('error: a source edited after the build is refused', async () => {
    const project = mkdtempSync(join(tmpdir(), 'storydao-sources-'))
    cpSync(
      join(contractsDir, 'out/Treasury.sol'),
      join(project, 'out/Treasury.sol'),
      {
        recursive: true,
      },
    )
    cpSync(join(contractsDir, 'src'), join(project, 'src'), { recursive: true })
    mkdirSync(join(project, 'node_modules'))
    symlinkSync(
      join(contractsDir, 'node_modules/@openzeppelin'),
      join(project, 'node_modules/@openzeppelin'),
    )
    await appendFile(
      join(project, 'src/treasury/Treasury.sol'),
      '\n// edited\n',
    )
    await expect(
      toStandardJsonInput({ project, artifactId: 'Treasury.sol:Treasury' }),
    ).rejects.toMatchObject({
      code: 'VERIFICATION_SOURCE_CHANGED',
      shortMessage:
        'src/treasury/Treasury.sol is missing or changed since the build of Treasury.sol:Treasury.',
    })
  })
})
