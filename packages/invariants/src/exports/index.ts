export {
  type AssertInvariantsErrorType,
  type AssertInvariantsParameters,
  type AssertInvariantsReturnType,
  assertInvariants,
} from '../assertInvariants.js'
export {
  type AssertSafePlanErrorType,
  type AssertSafePlanParameters,
  type AssertSafePlanReturnType,
  assertSafePlan,
} from '../assertSafePlan.js'
export {
  type CheckInvariantsErrorType,
  type CheckInvariantsParameters,
  type CheckInvariantsReturnType,
  checkInvariants,
} from '../checkInvariants.js'
export {
  type CheckSafePlanErrorType,
  type CheckSafePlanParameters,
  type CheckSafePlanReturnType,
  checkSafePlan,
  type Report,
  type ReportWarning,
} from '../checkSafePlan.js'
export {
  type CreateForkErrorType,
  type CreateForkParameters,
  type CreateForkReturnType,
  createFork,
} from '../createFork.js'
export {
  type DiffStateSnapshotsErrorType,
  type DiffStateSnapshotsParameters,
  type DiffStateSnapshotsReturnType,
  diffStateSnapshots,
  type StateChange,
} from '../diffStateSnapshots.js'
export { ForkError, type ForkErrorType } from '../errors/fork.js'
export {
  InvalidStateReadError,
  type InvalidStateReadErrorType,
  InvariantViolationError,
  type InvariantViolationErrorType,
  MissingBaselineError,
  type MissingBaselineErrorType,
} from '../errors/invariant.js'
export {
  UnknownPlaybookActionError,
  type UnknownPlaybookActionErrorType,
  UnknownReportFormatError,
  type UnknownReportFormatErrorType,
  UnknownUpgradeTargetError,
  type UnknownUpgradeTargetErrorType,
} from '../errors/parameters.js'
export {
  SimulationError,
  type SimulationErrorType,
} from '../errors/simulation.js'
export {
  type GetDefaultInvariantsErrorType,
  type GetDefaultInvariantsParameters,
  type GetDefaultInvariantsReturnType,
  getDefaultInvariants,
  type PlaybookAction,
  playbookActions,
} from '../getDefaultInvariants.js'
export {
  type GetFreePortErrorType,
  type GetFreePortReturnType,
  getFreePort,
} from '../getFreePort.js'
export {
  type GetStateSnapshotErrorType,
  type GetStateSnapshotParameters,
  type GetStateSnapshotReturnType,
  getStateSnapshot,
} from '../getStateSnapshot.js'
export {
  type BalanceChangedByErrorType,
  type BalanceChangedByParameters,
  type BalanceChangedByReturnType,
  balanceChangedBy,
} from '../invariants/balanceChangedBy.js'
export {
  type BalanceUnchangedErrorType,
  type BalanceUnchangedParameters,
  type BalanceUnchangedReturnType,
  balanceUnchanged,
} from '../invariants/balanceUnchanged.js'
export {
  type BeaconImplementationIsErrorType,
  type BeaconImplementationIsParameters,
  type BeaconImplementationIsReturnType,
  beaconImplementationIs,
} from '../invariants/beaconImplementationIs.js'
export {
  type CapUnchangedErrorType,
  type CapUnchangedParameters,
  type CapUnchangedReturnType,
  capUnchanged,
} from '../invariants/capUnchanged.js'
export {
  type CustomInvariantErrorType,
  type CustomInvariantParameters,
  type CustomInvariantReturnType,
  customInvariant,
} from '../invariants/customInvariant.js'
export {
  type HasRoleErrorType,
  type HasRoleParameters,
  type HasRoleReturnType,
  hasRole,
} from '../invariants/hasRole.js'
export {
  type ImplementationIsErrorType,
  type ImplementationIsParameters,
  type ImplementationIsReturnType,
  implementationIs,
} from '../invariants/implementationIs.js'
export {
  type IsNotPausedErrorType,
  type IsNotPausedParameters,
  type IsNotPausedReturnType,
  isNotPaused,
} from '../invariants/isNotPaused.js'
export {
  type IsPausedErrorType,
  type IsPausedParameters,
  type IsPausedReturnType,
  isPaused,
} from '../invariants/isPaused.js'
export {
  type LacksRoleErrorType,
  type LacksRoleParameters,
  type LacksRoleReturnType,
  lacksRole,
} from '../invariants/lacksRole.js'
export {
  type NoUnexpectedRoleChangesErrorType,
  type NoUnexpectedRoleChangesParameters,
  type NoUnexpectedRoleChangesReturnType,
  noUnexpectedRoleChanges,
} from '../invariants/noUnexpectedRoleChanges.js'
export {
  type PausedUnchangedErrorType,
  type PausedUnchangedParameters,
  type PausedUnchangedReturnType,
  pausedUnchanged,
} from '../invariants/pausedUnchanged.js'
export {
  type SafeOwnersAndThresholdUnchangedErrorType,
  type SafeOwnersAndThresholdUnchangedParameters,
  type SafeOwnersAndThresholdUnchangedReturnType,
  safeOwnersAndThresholdUnchanged,
} from '../invariants/safeOwnersAndThresholdUnchanged.js'
export {
  type SupplyUnchangedErrorType,
  type SupplyUnchangedParameters,
  type SupplyUnchangedReturnType,
  supplyUnchanged,
} from '../invariants/supplyUnchanged.js'
export {
  type SupplyWithinCapErrorType,
  type SupplyWithinCapParameters,
  type SupplyWithinCapReturnType,
  supplyWithinCap,
} from '../invariants/supplyWithinCap.js'
export {
  type TimelockMinDelayAtLeastErrorType,
  type TimelockMinDelayAtLeastParameters,
  type TimelockMinDelayAtLeastReturnType,
  timelockMinDelayAtLeast,
} from '../invariants/timelockMinDelayAtLeast.js'
export {
  type ExpectedTimelockOperationState,
  type TimelockOperationIsErrorType,
  type TimelockOperationIsParameters,
  type TimelockOperationIsReturnType,
  timelockOperationIs,
} from '../invariants/timelockOperationIs.js'
export {
  type ReadInvariantStateErrorType,
  type ReadInvariantStateParameters,
  type ReadInvariantStateReturnType,
  readInvariantState,
} from '../readInvariantState.js'
export {
  type RenderReportErrorType,
  type RenderReportFormat,
  type RenderReportParameters,
  type RenderReportReturnType,
  renderReport,
} from '../renderReport.js'
export {
  type SimulateSafePlanErrorType,
  type SimulateSafePlanParameters,
  type SimulateSafePlanReturnType,
  simulateSafePlan,
} from '../simulateSafePlan.js'
export {
  type StartAnvilErrorType,
  type StartAnvilReturnType,
  startAnvil,
} from '../startAnvil.js'
export type { StartAnvilParameters } from '../types/anvil.js'
export type { Fork, ForkClient } from '../types/fork.js'
export type {
  BalanceChange,
  SafePlanSimulation,
  SimulationRevert,
  StorageChange,
} from '../types/simulation.js'
export type {
  BalanceInvariantParameters,
  ContractState,
  DecodedArgument,
  DecodedLog,
  Invariant,
  InvariantContext,
  InvariantOutcome,
  InvariantParameters,
  InvariantResult,
  InvariantState,
  InvariantValue,
  InvariantViolation,
  PendingOperation,
  ReadResult,
  ReportedCall,
  RoleChange,
  RoleInvariantParameters,
  SafeState,
  StateRead,
  StateSnapshot,
} from '../types.js'
