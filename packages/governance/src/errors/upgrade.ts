import { OpsError } from '@storydao/core'
import type { UpgradeSafetyReport } from '../types/upgradeSafety.js'
import { version } from './version.js'

export type UpgradeSafetyErrorType = UpgradeSafetyError & {
  name: 'UpgradeSafetyError'
}

/**
 * An upgrade is not safe: the new implementation's storage layout is
 * incompatible with the old one, or it fails an upgrade-safety validation
 * (constructor, selfdestruct, delegatecall, immutable, …). The meta lines are
 * `@openzeppelin/upgrades-core`'s own messages.
 *
 * - Docs: https://github.com/storydao/ops-sdk/blob/main/packages/governance/README.md#errors
 *
 * @example
 * ```ts
 * import { assertUpgradeSafety, UpgradeSafetyError } from '@storydao/governance'
 *
 * try {
 *   await assertUpgradeSafety({ from: 'AuthorCoin', to: 'AuthorCoinV2', kind: 'uups' })
 * } catch (error) {
 *   if (error instanceof UpgradeSafetyError) console.error(error.report.errors)
 * }
 * ```
 */
export class UpgradeSafetyError extends OpsError {
  override name = 'UpgradeSafetyError'
  /** The full report (errors and warnings). */
  report: UpgradeSafetyReport

  constructor({ report }: { report: UpgradeSafetyReport }) {
    super(`Upgrading ${report.from} to ${report.to} is not safe.`, {
      code: 'UPGRADE_UNSAFE',
      docsPath: 'packages/governance/README.md#errors',
      version,
      metaMessages: report.errors.map((error) => `- ${error.message}`),
      hint: report.errors.some((error) => error.check === 'storage-layout')
        ? 'Keep every existing state variable in place and append new ones after them (or in a new ERC-7201 namespace); see https://docs.openzeppelin.com/upgrades-plugins/writing-upgradeable.'
        : 'Fix the findings above in the new implementation, or, for a finding reviewed and accepted, pass its kind in `unsafeAllow` (or annotate the code with `@custom:oz-upgrades-unsafe-allow`).',
    })
    this.report = report
  }
}

export type FoundryProjectErrorType = FoundryProjectError & {
  name: 'FoundryProjectError'
}

/**
 * The Foundry project cannot be read: no `foundry.toml`, a missing source
 * file or an import that no remapping resolves.
 *
 * - Docs: https://github.com/storydao/ops-sdk/blob/main/packages/governance/README.md#errors
 *
 * @example
 * ```ts
 * import { checkUpgradeSafety, FoundryProjectError } from '@storydao/governance'
 *
 * try {
 *   await checkUpgradeSafety({ root: 'contracts', from: 'A', to: 'B', kind: 'uups' })
 * } catch (error) {
 *   if (error instanceof FoundryProjectError) console.error(error.hint)
 * }
 * ```
 */
export class FoundryProjectError extends OpsError {
  override name = 'FoundryProjectError'

  constructor(
    shortMessage: string,
    {
      hint,
      metaMessages,
      cause,
    }: { hint: string; metaMessages?: string[]; cause?: unknown },
  ) {
    super(shortMessage, {
      code: 'FOUNDRY_PROJECT_INVALID',
      docsPath: 'packages/governance/README.md#errors',
      version,
      hint,
      ...(metaMessages ? { metaMessages } : {}),
      ...(cause === undefined ? {} : { cause }),
    })
  }
}

export type SolidityCompileErrorType = SolidityCompileError & {
  name: 'SolidityCompileError'
}

/**
 * solc-js reported errors while compiling the project for the upgrade-safety
 * check.
 *
 * - Docs: https://github.com/storydao/ops-sdk/blob/main/packages/governance/README.md#errors
 *
 * @example
 * ```ts
 * import { checkUpgradeSafety, SolidityCompileError } from '@storydao/governance'
 *
 * try {
 *   await checkUpgradeSafety({ from: 'AuthorCoin', to: 'AuthorCoinV2', kind: 'uups' })
 * } catch (error) {
 *   if (error instanceof SolidityCompileError) console.error(error.errors)
 * }
 * ```
 */
export class SolidityCompileError extends OpsError {
  override name = 'SolidityCompileError'
  /** solc's formatted error messages. */
  errors: readonly string[]

  constructor({
    errors,
    solcVersion,
  }: {
    errors: readonly string[]
    solcVersion: string
  }) {
    super(
      `solc ${solcVersion} reported ${errors.length} compile error${errors.length === 1 ? '' : 's'}.`,
      {
        code: 'SOLIDITY_COMPILE_FAILED',
        docsPath: 'packages/governance/README.md#errors',
        version,
        metaMessages: errors.slice(0, 5).map((error) => error.trim()),
        hint: `The upgrade-safety check compiles with the npm \`solc\` package (${solcVersion}); the sources must build with that version and the project's remappings.`,
      },
    )
    this.errors = errors
  }
}

export type UnknownContractErrorType = UnknownContractError & {
  name: 'UnknownContractError'
}

/**
 * A contract name given to the upgrade-safety check is not a deployable
 * contract of the compiled project (absent, abstract or ambiguous).
 *
 * - Docs: https://github.com/storydao/ops-sdk/blob/main/packages/governance/README.md#errors
 *
 * @example
 * ```ts
 * import { checkUpgradeSafety, UnknownContractError } from '@storydao/governance'
 *
 * try {
 *   await checkUpgradeSafety({ from: 'AuthorCoin', to: 'AuthorCoinV3', kind: 'uups' })
 * } catch (error) {
 *   if (error instanceof UnknownContractError) console.error(error.contract)
 * }
 * ```
 */
export class UnknownContractError extends OpsError {
  override name = 'UnknownContractError'
  /** The name asked for. */
  contract: string

  constructor({
    contract,
    reason,
    candidates,
  }: {
    contract: string
    reason: 'missing' | 'ambiguous'
    candidates: readonly string[]
  }) {
    super(
      reason === 'ambiguous'
        ? `Contract name "${contract}" is ambiguous.`
        : `No deployable contract "${contract}" in the project.`,
      {
        code: 'CONTRACT_UNKNOWN',
        docsPath: 'packages/governance/README.md#errors',
        version,
        metaMessages: [
          reason === 'ambiguous'
            ? `Matches: ${candidates.join(', ')}`
            : `Contracts: ${candidates.length > 0 ? candidates.join(', ') : '(none)'}`,
        ],
        hint:
          reason === 'ambiguous'
            ? 'Use the fully qualified name, `path/to/File.sol:Contract`.'
            : 'Use the name of a non-abstract contract under the project’s source directory (or its fully qualified name `path/to/File.sol:Contract`).',
      },
    )
    this.contract = contract
  }
}

export type UpgradesCoreErrorType = UpgradesCoreError & {
  name: 'UpgradesCoreError'
}

/**
 * `@openzeppelin/upgrades-core` refused to analyse the project (for example a
 * namespaced storage struct outside a contract); `cause` holds its error.
 *
 * - Docs: https://github.com/storydao/ops-sdk/blob/main/packages/governance/README.md#errors
 *
 * @example
 * ```ts
 * import { checkUpgradeSafety, UpgradesCoreError } from '@storydao/governance'
 *
 * try {
 *   await checkUpgradeSafety({ from: 'AuthorCoin', to: 'AuthorCoinV2', kind: 'uups' })
 * } catch (error) {
 *   if (error instanceof UpgradesCoreError) console.error(error.details)
 * }
 * ```
 */
export class UpgradesCoreError extends OpsError {
  override name = 'UpgradesCoreError'

  constructor({ what, cause }: { what: string; cause: unknown }) {
    super(`@openzeppelin/upgrades-core could not ${what}.`, {
      code: 'UPGRADES_CORE_FAILED',
      docsPath: 'packages/governance/README.md#errors',
      version,
      cause,
      hint: 'The details are upgrades-core’s own message; fix the Solidity it points at (see https://docs.openzeppelin.com/upgrades-plugins/api-core).',
    })
  }
}
