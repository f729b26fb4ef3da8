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
  type Fork,
  type ForkClient,
} from '../createFork.js'
export {
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
  SimulationError,
  type SimulationErrorType,
} from '../errors/simulation.js'
export {
  type GetDefaultInvariantsOptions,
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
  type BalanceChangedByReturnType,
  balanceChangedBy,
} from '../invariants/balanceChangedBy.js'
export {
  type BalanceUnchangedReturnType,
  balanceUnchanged,
} from '../invariants/balanceUnchanged.js'
export {
  type BeaconImplementationIsReturnType,
  beaconImplementationIs,
} from '../invariants/beaconImplementationIs.js'
export {
  type CapUnchangedReturnType,
  capUnchanged,
} from '../invariants/capUnchanged.js'
export {
  type CustomParameters,
  type CustomReturnType,
  custom,
} from '../invariants/custom.js'
export { type HasRoleReturnType, hasRole } from '../invariants/hasRole.js'
export {
  type ImplementationIsReturnType,
  implementationIs,
} from '../invariants/implementationIs.js'
export {
  type IsNotPausedReturnType,
  isNotPaused,
} from '../invariants/isNotPaused.js'
export { type IsPausedReturnType, isPaused } from '../invariants/isPaused.js'
export { type LacksRoleReturnType, lacksRole } from '../invariants/lacksRole.js'
export {
  type NoUnexpectedRoleChangesParameters,
  type NoUnexpectedRoleChangesReturnType,
  noUnexpectedRoleChanges,
} from '../invariants/noUnexpectedRoleChanges.js'
export {
  type PausedUnchangedReturnType,
  pausedUnchanged,
} from '../invariants/pausedUnchanged.js'
export {
  type SafeOwnersAndThresholdUnchangedReturnType,
  safeOwnersAndThresholdUnchanged,
} from '../invariants/safeOwnersAndThresholdUnchanged.js'
export {
  type SupplyUnchangedReturnType,
  supplyUnchanged,
} from '../invariants/supplyUnchanged.js'
export {
  type SupplyWithinCapReturnType,
  supplyWithinCap,
} from '../invariants/supplyWithinCap.js'
export {
  type TimelockMinDelayAtLeastReturnType,
  timelockMinDelayAtLeast,
} from '../invariants/timelockMinDelayAtLeast.js'
export {
  type ExpectedTimelockOperationState,
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
  type RenderReportFormat,
  type RenderReportReturnType,
  renderReport,
} from '../renderReport.js'
export {
  type BalanceChange,
  type SafePlanSimulation,
  type SimulateSafePlanErrorType,
  type SimulateSafePlanParameters,
  type SimulateSafePlanReturnType,
  type SimulationRevert,
  type StorageChange,
  simulateSafePlan,
} from '../simulateSafePlan.js'
export {
  type StartAnvilErrorType,
  type StartAnvilParameters,
  type StartAnvilReturnType,
  startAnvil,
} from '../startAnvil.js'
export type {
  BalanceInvariantOptions,
  ContractState,
  DecodedArgument,
  DecodedLog,
  Invariant,
  InvariantContext,
  InvariantOptions,
  InvariantOutcome,
  InvariantResult,
  InvariantState,
  InvariantValue,
  InvariantViolation,
  PendingOperation,
  ReadResult,
  ReportedCall,
  RoleChange,
  RoleInvariantOptions,
  SafeState,
  StateRead,
  StateSnapshot,
} from '../types.js'
