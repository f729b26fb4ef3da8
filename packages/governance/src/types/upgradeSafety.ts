/** How the proxy is upgraded; changes which validations apply. */
export type UpgradeKind = 'uups' | 'transparent' | 'beacon'

/** An upgrades-core validation a caller may allow (`unsafeAllow`). */
export type UpgradeSafetyCheck =
  | 'state-variable-assignment'
  | 'state-variable-immutable'
  | 'external-library-linking'
  | 'struct-definition'
  | 'enum-definition'
  | 'constructor'
  | 'delegatecall'
  | 'selfdestruct'
  | 'missing-public-upgradeto'
  | 'internal-function-storage'
  | 'missing-initializer'
  | 'missing-initializer-call'
  | 'duplicate-initializer-call'
  | 'incorrect-initializer-order'

/** One finding of `checkUpgradeSafety`. */
export type UpgradeSafetyIssue = {
  /** `storage-layout` for a layout incompatibility, else the upgrades-core validation kind (`constructor`, `delegatecall`, `missing-initializer`, …). */
  check: 'storage-layout' | UpgradeSafetyCheck
  /** upgrades-core's message (location, what, hint). */
  message: string
  /** The state variable involved, for layout findings. */
  variable?: string | undefined
  /** `path/File.sol:line`. */
  source?: string | undefined
}

/** What `checkUpgradeSafety` found. */
export type UpgradeSafetyReport = {
  /** `true` when there is no error. */
  ok: boolean
  /** Fully qualified name of the current implementation. */
  from: string
  /** Fully qualified name of the new implementation. */
  to: string
  /** The upgrade kind checked. */
  kind: UpgradeKind
  /** Findings that make the upgrade unsafe. */
  errors: UpgradeSafetyIssue[]
  /** Findings worth a look that do not block the upgrade. */
  warnings: UpgradeSafetyIssue[]
  /** Notes upgrades-core printed about these two contracts. */
  notes: string[]
}
