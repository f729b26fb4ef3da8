export {
  type AssertCreate2AddressesFreeErrorType,
  type AssertCreate2AddressesFreeParameters,
  type AssertCreate2AddressesFreeReturnType,
  assertCreate2AddressesFree,
} from '../assertCreate2AddressesFree.js'
export {
  type AssertCreate2DeployerPresentErrorType,
  type AssertCreate2DeployerPresentReturnType,
  assertCreate2DeployerPresent,
} from '../assertCreate2DeployerPresent.js'
export {
  type AssertUpgradeSafetyErrorType,
  type AssertUpgradeSafetyParameters,
  type AssertUpgradeSafetyReturnType,
  assertUpgradeSafety,
} from '../assertUpgradeSafety.js'
export {
  type BuildBeaconUpgradeErrorType,
  type BuildBeaconUpgradeParameters,
  type BuildBeaconUpgradeReturnType,
  buildBeaconUpgrade,
} from '../buildBeaconUpgrade.js'
export {
  type BuildCreate2DeployErrorType,
  type BuildCreate2DeployParameters,
  type BuildCreate2DeployReturnType,
  buildCreate2Deploy,
} from '../buildCreate2Deploy.js'
export {
  type BuildGovernorCancelErrorType,
  type BuildGovernorCancelParameters,
  type BuildGovernorCancelReturnType,
  buildGovernorCancel,
} from '../buildGovernorCancel.js'
export {
  type BuildGovernorExecuteErrorType,
  type BuildGovernorExecuteParameters,
  type BuildGovernorExecuteReturnType,
  buildGovernorExecute,
} from '../buildGovernorExecute.js'
export {
  type BuildGovernorProposeErrorType,
  type BuildGovernorProposeParameters,
  type BuildGovernorProposeReturnType,
  buildGovernorPropose,
} from '../buildGovernorPropose.js'
export {
  type BuildGovernorQueueErrorType,
  type BuildGovernorQueueParameters,
  type BuildGovernorQueueReturnType,
  buildGovernorQueue,
} from '../buildGovernorQueue.js'
export {
  type BuildGrantRoleErrorType,
  type BuildGrantRoleParameters,
  type BuildGrantRoleReturnType,
  buildGrantRole,
} from '../buildGrantRole.js'
export {
  type BuildPauseErrorType,
  type BuildPauseParameters,
  type BuildPauseReturnType,
  buildPause,
} from '../buildPause.js'
export {
  type BuildReleaseErrorType,
  type BuildReleaseParameters,
  type BuildReleaseReturnType,
  buildRelease,
} from '../buildRelease.js'
export {
  type BuildRenounceRoleErrorType,
  type BuildRenounceRoleParameters,
  type BuildRenounceRoleReturnType,
  buildRenounceRole,
} from '../buildRenounceRole.js'
export {
  type BuildRevokeRoleErrorType,
  type BuildRevokeRoleParameters,
  type BuildRevokeRoleReturnType,
  buildRevokeRole,
} from '../buildRevokeRole.js'
export {
  type BuildTimelockCancelErrorType,
  type BuildTimelockCancelParameters,
  type BuildTimelockCancelReturnType,
  buildTimelockCancel,
} from '../buildTimelockCancel.js'
export {
  type BuildTimelockExecuteErrorType,
  type BuildTimelockExecuteParameters,
  type BuildTimelockExecuteReturnType,
  buildTimelockExecute,
} from '../buildTimelockExecute.js'
export {
  type BuildTimelockScheduleErrorType,
  type BuildTimelockScheduleParameters,
  type BuildTimelockScheduleReturnType,
  buildTimelockSchedule,
} from '../buildTimelockSchedule.js'
export {
  type BuildTransparentUpgradeErrorType,
  type BuildTransparentUpgradeParameters,
  type BuildTransparentUpgradeReturnType,
  buildTransparentUpgrade,
} from '../buildTransparentUpgrade.js'
export {
  type BuildUnpauseErrorType,
  type BuildUnpauseParameters,
  type BuildUnpauseReturnType,
  buildUnpause,
} from '../buildUnpause.js'
export {
  type BuildUupsUpgradeErrorType,
  type BuildUupsUpgradeParameters,
  type BuildUupsUpgradeReturnType,
  buildUupsUpgrade,
} from '../buildUupsUpgrade.js'
export {
  type CheckUpgradeSafetyErrorType,
  type CheckUpgradeSafetyParameters,
  type CheckUpgradeSafetyReturnType,
  checkUpgradeSafety,
} from '../checkUpgradeSafety.js'
export { create2DeployerAddress } from '../constants.js'
export {
  type DecodeCallErrorType,
  type DecodeCallInput,
  type DecodeCallParameters,
  type DecodeCallReturnType,
  type DecodedCall,
  type DecodedCreate2Deploy,
  type DecodedFunctionCall,
  decodeCall,
  type UnknownCall,
} from '../decodeCall.js'
export { AbiEncodingError, type AbiEncodingErrorType } from '../errors/abi.js'
export {
  InvalidCallError,
  type InvalidCallErrorType,
  NoCallsError,
  type NoCallsErrorType,
} from '../errors/calls.js'
export {
  ConstructorAbiMissingError,
  type ConstructorAbiMissingErrorType,
  Create2AddressOccupiedError,
  type Create2AddressOccupiedErrorType,
  Create2DeployerMissingError,
  type Create2DeployerMissingErrorType,
  InvalidBytecodeError,
  type InvalidBytecodeErrorType,
  ReleaseAddressCollisionError,
  type ReleaseAddressCollisionErrorType,
  ReleaseDuplicateNameError,
  type ReleaseDuplicateNameErrorType,
  ReleaseReferenceCycleError,
  type ReleaseReferenceCycleErrorType,
  ReleaseUnknownReferenceError,
  type ReleaseUnknownReferenceErrorType,
} from '../errors/deploy.js'
export {
  InvalidBytes32Error,
  type InvalidBytes32ErrorType,
} from '../errors/hex.js'
export { UnknownRoleError, type UnknownRoleErrorType } from '../errors/roles.js'
export {
  InvalidBlockRangeError,
  type InvalidBlockRangeErrorType,
  InvalidDelayError,
  type InvalidDelayErrorType,
  TimelockDelayTooShortError,
  type TimelockDelayTooShortErrorType,
  TimelockOperationExistsError,
  type TimelockOperationExistsErrorType,
} from '../errors/timelock.js'
export {
  FoundryProjectError,
  type FoundryProjectErrorType,
  SolidityCompileError,
  type SolidityCompileErrorType,
  UnknownContractError,
  type UnknownContractErrorType,
  UpgradeSafetyError,
  type UpgradeSafetyErrorType,
  UpgradesCoreError,
  type UpgradesCoreErrorType,
} from '../errors/upgrade.js'
export {
  type GetPendingTimelockOperationsErrorType,
  type GetPendingTimelockOperationsParameters,
  type GetPendingTimelockOperationsReturnType,
  getPendingTimelockOperations,
  type TimelockEventLocation,
  type TimelockOperation,
  type TimelockOperationState,
} from '../getPendingTimelockOperations.js'
export {
  type GetProxyStateErrorType,
  type GetProxyStateParameters,
  type GetProxyStateReturnType,
  getProxyState,
  type ProxyKind,
} from '../getProxyState.js'
export {
  type HashProposalErrorType,
  type HashProposalParameters,
  type HashProposalReturnType,
  hashProposal,
} from '../hashProposal.js'
export {
  type HashTimelockOperationErrorType,
  type HashTimelockOperationParameters,
  type HashTimelockOperationReturnType,
  hashTimelockOperation,
} from '../hashTimelockOperation.js'
export {
  type PrepareTimelockScheduleErrorType,
  type PrepareTimelockScheduleParameters,
  type PrepareTimelockScheduleReturnType,
  prepareTimelockSchedule,
} from '../prepareTimelockSchedule.js'
export type { OperationCall, ProposalDescription } from '../types/calls.js'
export type {
  PausableCallErrorType,
  PausableCallParameters,
} from '../types/pausable.js'
export type {
  ProposalActionParameters,
  ProposalReference,
} from '../types/proposal.js'
export type {
  Release,
  ReleaseCall,
  ReleaseContract,
  ReleaseDeployment,
  ReleaseEncodedCall,
  ReleaseReference,
  ReleaseValue,
} from '../types/release.js'
export type { RoleCallErrorType, RoleCallParameters } from '../types/roles.js'
export type {
  UpgradeKind,
  UpgradeSafetyCheck,
  UpgradeSafetyIssue,
  UpgradeSafetyReport,
} from '../types/upgradeSafety.js'
