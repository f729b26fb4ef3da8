import { createHash } from 'node:crypto'
import type {
  SolcInput,
  SolcOutput,
  ValidationRunData,
} from '@openzeppelin/upgrades-core'
import { SolidityCompileError, UpgradesCoreError } from '../errors/upgrade.js'
import {
  collectSources,
  type FoundryConfig,
  parseRemappings,
} from './foundryProject.js'
import { interopDefault } from './interopDefault.js'
import { loadOptional } from './optionalDependencies.js'

/** @internal A compiled and validated project. */
export type CompiledProject = {
  /** upgrades-core's validation of every contract. */
  validation: ValidationRunData
  /** Notes and warnings upgrades-core printed while validating. */
  notes: string[]
  /** The compiler version (`0.8.30`). */
  solcVersion: string
  /** The project's source directory, relative to the root. */
  src: string
}

type Solc = {
  compile(input: string): string
  version(): string
}

const cache = new Map<string, Promise<CompiledProject>>()

// biome-ignore lint/suspicious/noControlCharactersInRegex: strips ANSI colour codes.
const ansi = /\u001b\[[0-9;]*m/g

/**
 * @internal Runs `fn` while collecting what upgrades-core logs (it writes
 * notes and warnings to `console.error`), so they land in the report
 * instead of the terminal.
 */
export function captureUpgradesLog<result>(fn: () => result): {
  result: result
  log: string[]
} {
  const log: string[] = []
  const original = console.error
  console.error = (...parts: unknown[]) => {
    log.push(parts.map(String).join(' ').replace(ansi, '').trim())
  }
  try {
    return { result: fn(), log }
  } finally {
    console.error = original
  }
}

function compile(solc: Solc, input: SolcInput, solcVersion: string) {
  const output = JSON.parse(solc.compile(JSON.stringify(input))) as SolcOutput
  const errors = (output.errors ?? [])
    .filter((error) => error.severity === 'error')
    .map((error) => error.formattedMessage)
  if (errors.length > 0) throw new SolidityCompileError({ errors, solcVersion })
  return output
}

/**
 * @internal Compiles a Foundry project with solc-js from a complete
 * standard-JSON input (every source under `src` plus every import, resolved
 * through the remappings), runs upgrades-core's namespaced second pass and
 * its validation. Cached per process, keyed by the sources' content.
 */
export function compileFoundryProject(
  config: FoundryConfig,
): Promise<CompiledProject> {
  const remappings = parseRemappings(config.remappings)
  const sources = collectSources(config, remappings)
  const hash = createHash('sha256')
  hash.update(JSON.stringify([config.remappings, config.evmVersion ?? '']))
  for (const unit of Object.keys(sources).sort())
    hash.update(`\0${unit}\0${sources[unit]!.content}`)
  const key = `${config.root}\0${config.src}\0${hash.digest('hex')}`
  let compiled = cache.get(key)
  if (!compiled) {
    compiled = run(config, sources)
    cache.set(key, compiled)
    compiled.catch(() => cache.delete(key))
  }
  return compiled
}

async function run(
  config: FoundryConfig,
  sources: Record<string, { content: string }>,
): Promise<CompiledProject> {
  const [solcModule, upgradesCoreModule] = await Promise.all([
    loadOptional('solc', 'checkUpgradeSafety') as Promise<
      { default?: Solc } & Solc
    >,
    loadOptional('upgradesCore', 'checkUpgradeSafety'),
  ])
  // Both are CommonJS: Node puts module.exports on `default`, while tsx and
  // some bundlers expose the named exports only.
  const solc = solcModule.default ?? solcModule
  const upgradesCore = interopDefault(upgradesCoreModule)
  const solcVersion = solc.version().split('+')[0]!
  const settings = {
    // Storage layouts do not depend on the optimizer; skipping it halves the time.
    optimizer: { enabled: false },
    ...(config.evmVersion ? { evmVersion: config.evmVersion } : {}),
    remappings: config.remappings,
    outputSelection: {
      '*': {
        '*': [
          'storageLayout',
          'evm.bytecode',
          'evm.deployedBytecode',
          'evm.methodIdentifiers',
        ],
        '': ['ast'],
      },
    },
  }
  const input = { language: 'Solidity', sources, settings } as SolcInput
  const output = compile(solc, input, solcVersion)
  // Second pass for ERC-7201 namespaces, as the Hardhat and Foundry plugins do.
  let namespacedInput: SolcInput
  try {
    namespacedInput = upgradesCore.makeNamespacedInput(input, output)
  } catch (error) {
    throw new UpgradesCoreError({
      what: 'prepare the namespaced compilation',
      cause: error,
    })
  }
  const namespacedOutput = compile(
    solc,
    {
      ...namespacedInput,
      settings: {
        ...settings,
        outputSelection: { '*': { '*': ['storageLayout'], '': ['ast'] } },
      },
    } as SolcInput,
    solcVersion,
  )
  let validated: ReturnType<typeof captureUpgradesLog<ValidationRunData>>
  try {
    validated = captureUpgradesLog(() =>
      upgradesCore.validate(
        output,
        upgradesCore.solcInputOutputDecoder(input, output),
        solcVersion,
        input,
        namespacedOutput,
      ),
    )
  } catch (error) {
    throw new UpgradesCoreError({ what: 'validate the project', cause: error })
  }
  const { result: validation, log } = validated
  return { validation, notes: log, solcVersion, src: config.src }
}
