import type { getErrors } from '@openzeppelin/upgrades-core'
import type { OptionalDependencyMissingErrorType } from '@storydao/core'
import {
  assertParameters,
  type MissingParameterErrorType,
} from '@storydao/core'
import type {
  FoundryProjectErrorType,
  SolidityCompileErrorType,
  UnknownContractErrorType,
  UpgradesCoreErrorType,
} from './errors/upgrade.js'
import { UnknownContractError, UpgradesCoreError } from './errors/upgrade.js'
import { version } from './errors/version.js'
import {
  captureUpgradesLog,
  compileFoundryProject,
} from './internal/compileFoundryProject.js'
import {
  findFoundryRoot,
  readFoundryConfig,
} from './internal/foundryProject.js'
import { interopDefault } from './internal/interopDefault.js'
import { loadOptional } from './internal/optionalDependencies.js'
import type {
  UpgradeKind,
  UpgradeSafetyCheck,
  UpgradeSafetyIssue,
  UpgradeSafetyReport,
} from './types/upgradeSafety.js'

// Fails to compile if upgrades-core's list of validations changes.
type CoreCheck = ReturnType<typeof getErrors>[number]['kind']
const sameChecks: [UpgradeSafetyCheck] extends [CoreCheck]
  ? [CoreCheck] extends [UpgradeSafetyCheck]
    ? true
    : false
  : false = true
void sameChecks

export type CheckUpgradeSafetyParameters = {
  /** The Foundry project directory (holding foundry.toml). Default: found from the working directory (itself, a parent, or their `contracts/`). */
  root?: string | undefined
  /** The current implementation: contract name or `path/File.sol:Name`. */
  from: string
  /** The new implementation: contract name or `path/File.sol:Name`. */
  to: string
  /** How the proxy is upgraded. */
  kind: UpgradeKind
  /** Remappings (`prefix=target`); default: foundry.toml's `remappings` (and remappings.txt). */
  remappings?: readonly string[] | undefined
  /** Source directory relative to the root; default: foundry.toml's `src`. */
  src?: string | undefined
  /** Validations to skip (upgrades-core `unsafeAllow`). */
  unsafeAllow?: readonly UpgradeSafetyCheck[] | undefined
  /** Accept renamed variables (upgrades-core `unsafeAllowRenames`). */
  unsafeAllowRenames?: boolean | undefined
  /**
   * Treat initializer findings of the new implementation (`missing-initializer`,
   * `missing-initializer-call`, `duplicate-initializer-call`) as errors.
   * Default `false`: they are warnings, because an upgrade never runs the new
   * implementation's `initializer` (the proxy is already initialized) — they
   * matter when deploying fresh proxies of it.
   */
  strictInitializers?: boolean | undefined
}

export type CheckUpgradeSafetyReturnType = UpgradeSafetyReport

export type CheckUpgradeSafetyErrorType =
  | MissingParameterErrorType
  | FoundryProjectErrorType
  | SolidityCompileErrorType
  | UnknownContractErrorType
  | UpgradesCoreErrorType
  | OptionalDependencyMissingErrorType

const initializerChecks: readonly UpgradeSafetyCheck[] = [
  'missing-initializer',
  'missing-initializer-call',
  'duplicate-initializer-call',
  'incorrect-initializer-order',
]

function resolveContract(
  name: string,
  contracts: readonly string[],
  src: string,
): string {
  const matches = name.includes(':')
    ? contracts.filter((candidate) => candidate === name)
    : contracts.filter((candidate) => candidate.endsWith(`:${name}`))
  if (matches.length === 1) return matches[0]!
  throw new UnknownContractError({
    contract: name,
    reason: matches.length > 1 ? 'ambiguous' : 'missing',
    candidates:
      matches.length > 1
        ? matches
        : contracts
            .filter((candidate) => candidate.startsWith(`${src}/`))
            .map((candidate) => candidate.split(':')[1]!)
            .sort(),
  })
}

/**
 * Checks that upgrading a proxy from one implementation to another is safe,
 * with `@openzeppelin/upgrades-core`: storage-layout compatibility
 * (`getStorageUpgradeReport`) and the upgrade-safety validations of the new
 * implementation (`getErrors`: constructors, immutables, `selfdestruct`,
 * `delegatecall`, a public `upgradeToAndCall` for UUPS, …).
 *
 * It compiles the Foundry project itself with solc-js (every source under
 * `src` plus every import resolved through the remappings, with storage
 * layouts and ASTs), because forge's build info through a solc shim lacks
 * source contents upgrades-core needs. The compile is cached per process
 * (keyed by the sources' content); the first check takes a few seconds.
 *
 * - Docs: https://github.com/storydao/ops-sdk/blob/main/packages/governance/README.md#checkupgradesafety
 *
 * @example
 * ```ts
 * import { checkUpgradeSafety } from '@storydao/governance'
 *
 * const report = await checkUpgradeSafety({
 *   root: 'contracts',
 *   from: 'AuthorCoin',
 *   to: 'AuthorCoinV2',
 *   kind: 'uups',
 * })
 * if (!report.ok) for (const error of report.errors) console.error(error.message)
 * ```
 *
 * @param parameters - {@link CheckUpgradeSafetyParameters}
 * @returns The report: `ok`, `errors`, `warnings`, `notes`.
 */
export async function checkUpgradeSafety(
  parameters: CheckUpgradeSafetyParameters,
): Promise<CheckUpgradeSafetyReturnType> {
  assertParameters('checkUpgradeSafety', parameters, ['from', 'to', 'kind'], {
    version,
  })
  const root = parameters.root
    ? findFoundryRoot(parameters.root)
    : findFoundryRoot(process.cwd())
  const config = readFoundryConfig(root)
  const project = await compileFoundryProject({
    ...config,
    ...(parameters.src === undefined ? {} : { src: parameters.src }),
    ...(parameters.remappings === undefined
      ? {}
      : { remappings: [...parameters.remappings] }),
  })
  const upgradesCore = interopDefault(
    await loadOptional('upgradesCore', 'checkUpgradeSafety'),
  )
  const { validation } = project
  const contracts = Object.keys(validation).filter(
    (name) => validation[name]!.version !== undefined,
  )
  const from = resolveContract(parameters.from, contracts, project.src)
  const to = resolveContract(parameters.to, contracts, project.src)
  const fromVersion = validation[from]!.version!
  const toVersion = validation[to]!.version!
  const options = upgradesCore.withValidationDefaults({
    kind: parameters.kind,
    unsafeAllow: [...(parameters.unsafeAllow ?? [])],
    unsafeAllowRenames: parameters.unsafeAllowRenames ?? false,
  })

  let checked: ReturnType<
    typeof captureUpgradesLog<{
      validationErrors: ReturnType<typeof upgradesCore.getErrors>
      layoutReport: ReturnType<typeof upgradesCore.getStorageUpgradeReport>
    }>
  >
  try {
    checked = captureUpgradesLog(() => ({
      validationErrors: upgradesCore.getErrors(validation, toVersion, options),
      layoutReport: upgradesCore.getStorageUpgradeReport(
        upgradesCore.getStorageLayout(validation, fromVersion),
        upgradesCore.getStorageLayout(validation, toVersion),
        options,
      ),
    }))
  } catch (error) {
    throw new UpgradesCoreError({
      what: `compare ${from} with ${to}`,
      cause: error,
    })
  }
  const { result, log } = checked
  const { validationErrors, layoutReport } = result

  // upgrades-core explains one operation at a time through a report of its own class.
  const LayoutReport = layoutReport.constructor as new (
    ops: typeof layoutReport.ops,
  ) => typeof layoutReport
  const layoutIssues = layoutReport.ops.map((op): UpgradeSafetyIssue => {
    const message = new LayoutReport([op]).explain(false)
    if (op.kind === 'delete-namespace')
      return { check: 'storage-layout', message, variable: op.namespace }
    const item = 'updated' in op ? op.updated : op.original
    return {
      check: 'storage-layout',
      message,
      variable: item.label,
      source: item.src,
    }
  })
  const validationIssues = validationErrors.map(
    (error): UpgradeSafetyIssue => ({
      check: error.kind,
      message: new upgradesCore.UpgradeableContractErrorReport([error]).explain(
        false,
      ),
      ...('name' in error && typeof error.name === 'string'
        ? { variable: error.name }
        : {}),
      source: error.src,
    }),
  )
  const strict = parameters.strictInitializers ?? false
  const isWarning = (issue: UpgradeSafetyIssue) =>
    !strict && initializerChecks.includes(issue.check as UpgradeSafetyCheck)
  const issues = [...layoutIssues, ...validationIssues]
  const errors = issues.filter((issue) => !isWarning(issue))
  const files = [from, to].map((name) => name.split(':')[0]!)
  const notes = [...project.notes, ...log].filter((note) =>
    files.some((file) => note.includes(file)),
  )
  return {
    ok: errors.length === 0,
    from,
    to,
    kind: parameters.kind,
    errors,
    warnings: issues.filter(isWarning),
    notes: [...new Set(notes)],
  }
}
