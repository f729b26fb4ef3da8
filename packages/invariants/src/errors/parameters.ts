import { OpsError } from '@storydao/core'
import { version } from './version.js'

export type UnknownReportFormatErrorType = UnknownReportFormatError & {
  name: 'UnknownReportFormatError'
}

/**
 * `renderReport` was asked for a format it does not write.
 *
 * - Docs: https://github.com/storydao/ops-sdk/blob/main/packages/invariants/README.md#renderreport
 *
 * @example
 * ```ts
 * import { renderReport, UnknownReportFormatError } from '@storydao/invariants'
 *
 * try {
 *   renderReport({ report, format: 'html' as never })
 * } catch (error) {
 *   if (error instanceof UnknownReportFormatError) console.error(error.hint)
 * }
 * ```
 */
export class UnknownReportFormatError extends OpsError {
  override name = 'UnknownReportFormatError'

  constructor({
    format,
    formats,
  }: {
    format: unknown
    formats: readonly string[]
  }) {
    super(`Unknown report format "${String(format)}".`, {
      code: 'REPORT_FORMAT_UNKNOWN',
      docsPath: 'packages/invariants/README.md#renderreport',
      hint: `Use ${formats.map((name) => `'${name}'`).join(' or ')}.`,
      version,
    })
  }
}

export type UnknownPlaybookActionErrorType = UnknownPlaybookActionError & {
  name: 'UnknownPlaybookActionError'
}

/**
 * `getDefaultInvariants` was given an action it has no invariants for.
 *
 * - Docs: https://github.com/storydao/ops-sdk/blob/main/packages/invariants/README.md#getdefaultinvariants
 *
 * @example
 * ```ts
 * import { getDefaultInvariants, UnknownPlaybookActionError } from '@storydao/invariants'
 *
 * try {
 *   getDefaultInvariants({ manifest, action: 'mint' as never })
 * } catch (error) {
 *   if (error instanceof UnknownPlaybookActionError) console.error(error.hint)
 * }
 * ```
 */
export class UnknownPlaybookActionError extends OpsError {
  override name = 'UnknownPlaybookActionError'

  constructor({
    action,
    actions,
  }: {
    action: unknown
    actions: readonly string[]
  }) {
    super(`Unknown playbook action "${String(action)}".`, {
      code: 'INVARIANT_ACTION_UNKNOWN',
      docsPath: 'packages/invariants/README.md#getdefaultinvariants',
      hint: `Use one of: ${actions.join(', ')}.`,
      version,
    })
  }
}

export type UnknownUpgradeTargetErrorType = UnknownUpgradeTargetError & {
  name: 'UnknownUpgradeTargetError'
}

/**
 * `getDefaultInvariants` was asked to check an upgrade of a contract the
 * manifest does not list.
 *
 * - Docs: https://github.com/storydao/ops-sdk/blob/main/packages/invariants/README.md#getdefaultinvariants
 *
 * @example
 * ```ts
 * import { getDefaultInvariants, UnknownUpgradeTargetError } from '@storydao/invariants'
 *
 * try {
 *   getDefaultInvariants({
 *     manifest,
 *     action: 'upgrade',
 *     upgrade: { contract: 'Nope', implementation },
 *   })
 * } catch (error) {
 *   if (error instanceof UnknownUpgradeTargetError) console.error(error.hint)
 * }
 * ```
 */
export class UnknownUpgradeTargetError extends OpsError {
  override name = 'UnknownUpgradeTargetError'

  constructor({
    contract,
    contracts,
  }: {
    contract: string
    contracts: readonly string[]
  }) {
    super(`Upgrade target "${contract}" is not in the manifest.`, {
      code: 'INVARIANT_UPGRADE_TARGET_UNKNOWN',
      docsPath: 'packages/invariants/README.md#getdefaultinvariants',
      hint: `Name one of: ${contracts.join(', ')}.`,
      version,
    })
  }
}
