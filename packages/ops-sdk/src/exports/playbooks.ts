// biome-ignore-all lint/performance/noBarrelFile: entrypoint module (read by scripts/generateUmbrellaExports.mjs)
// The playbook steps, one per step of the operations playbook; the CLI, the
// examples and the demo call these same functions.
export {
  type CreateOpsContextErrorType,
  type CreateOpsContextParameters,
  type CreateOpsContextReturnType,
  createOpsContext,
  type OpsContext,
} from '../playbooks/createOpsContext.js'
export {
  type CheckDeploymentErrorType,
  type CheckDeploymentParameters,
  type CheckDeploymentReturnType,
  checkDeployment,
} from '../playbooks/deployment/checkDeployment.js'
export {
  type DeployReleaseErrorType,
  type DeployReleaseParameters,
  type DeployReleaseReturnType,
  deployRelease,
} from '../playbooks/deployment/deployRelease.js'
export {
  type RecordDeploymentErrorType,
  type RecordDeploymentParameters,
  type RecordDeploymentReturnType,
  recordDeployment,
} from '../playbooks/deployment/recordDeployment.js'
export {
  type ValidateDeploymentErrorType,
  type ValidateDeploymentParameters,
  type ValidateDeploymentReturnType,
  validateDeployment,
} from '../playbooks/deployment/validateDeployment.js'
export {
  type CreateEmergencyRpcErrorType,
  type CreateEmergencyRpcParameters,
  type CreateEmergencyRpcReturnType,
  createEmergencyRpc,
  type EmergencyRpc,
} from '../playbooks/emergency/createEmergencyRpc.js'
export type {
  EmergencyLane,
  EmergencyLanesFile,
  EmergencyLanesIssue,
} from '../playbooks/emergency/emergencyLanes.js'
export {
  type FireEmergencyLaneErrorType,
  type FireEmergencyLaneParameters,
  type FireEmergencyLaneReturnType,
  fireEmergencyLane,
} from '../playbooks/emergency/fireEmergencyLane.js'
export {
  type EmergencyLaneState,
  type GetEmergencyLaneStatusErrorType,
  type GetEmergencyLaneStatusParameters,
  type GetEmergencyLaneStatusReturnType,
  getEmergencyLaneStatus,
} from '../playbooks/emergency/getEmergencyLaneStatus.js'
export {
  type ParseEmergencyLanesErrorType,
  type ParseEmergencyLanesParameters,
  type ParseEmergencyLanesReturnType,
  parseEmergencyLanes,
} from '../playbooks/emergency/parseEmergencyLanes.js'
export {
  type PrepareEmergencyLanesErrorType,
  type PrepareEmergencyLanesParameters,
  type PrepareEmergencyLanesReturnType,
  prepareEmergencyLanes,
} from '../playbooks/emergency/prepareEmergencyLanes.js'
export {
  type VerifyEmergencyLaneErrorType,
  type VerifyEmergencyLaneParameters,
  type VerifyEmergencyLaneReturnType,
  verifyEmergencyLane,
} from '../playbooks/emergency/verifyEmergencyLane.js'
export {
  type CloseIncidentErrorType,
  type CloseIncidentParameters,
  type CloseIncidentReturnType,
  closeIncident,
} from '../playbooks/incident/closeIncident.js'
export {
  type OpenIncidentErrorType,
  type OpenIncidentParameters,
  type OpenIncidentReturnType,
  openIncident,
} from '../playbooks/incident/openIncident.js'
export {
  type RecordIncidentEntryErrorType,
  type RecordIncidentEntryParameters,
  type RecordIncidentEntryReturnType,
  recordIncidentEntry,
} from '../playbooks/incident/recordIncidentEntry.js'
export {
  type PauseContractsErrorType,
  type PauseContractsParameters,
  type PauseContractsReturnType,
  pauseContracts,
} from '../playbooks/pauseContracts.js'
export {
  type RefreshOpsContextErrorType,
  type RefreshOpsContextReturnType,
  refreshOpsContext,
} from '../playbooks/refreshOpsContext.js'
export {
  type RenderReviewHtmlErrorType,
  type RenderReviewHtmlParameters,
  type RenderReviewHtmlReturnType,
  renderReviewHtml,
} from '../playbooks/review/renderReviewHtml.js'
export {
  type ReviewCallLine,
  type ReviewHashCheck,
  type ReviewInput,
  type ReviewNonce,
  type ReviewSafeTransactionErrorType,
  type ReviewSafeTransactionParameters,
  type ReviewSafeTransactionReturnType,
  type ReviewSeverity,
  type ReviewWarning,
  reviewSafeTransaction,
} from '../playbooks/review/reviewSafeTransaction.js'
export {
  type ConfirmSafeTransactionErrorType,
  type ConfirmSafeTransactionParameters,
  type ConfirmSafeTransactionReturnType,
  confirmSafeTransaction,
} from '../playbooks/safe/confirmSafeTransaction.js'
export {
  type ExecuteSafeTransactionErrorType,
  type ExecuteSafeTransactionParameters,
  type ExecuteSafeTransactionReturnType,
  executeSafeTransaction,
} from '../playbooks/safe/executeSafeTransaction.js'
export {
  type GetSafeQueueErrorType,
  type GetSafeQueueParameters,
  type GetSafeQueueReturnType,
  getSafeQueue,
  type SafeQueueEntry,
} from '../playbooks/safe/getSafeQueue.js'
export {
  type RejectSafeTransactionErrorType,
  type RejectSafeTransactionParameters,
  type RejectSafeTransactionReturnType,
  rejectSafeTransaction,
} from '../playbooks/safe/rejectSafeTransaction.js'
export {
  type DiffStateDumpsErrorType,
  type DiffStateDumpsParameters,
  type DiffStateDumpsReturnType,
  diffStateDumps,
  type StateDumpInfo,
} from '../playbooks/state/diffStateDumps.js'
export {
  type DumpStateErrorType,
  type DumpStateParameters,
  type DumpStateReturnType,
  dumpState,
} from '../playbooks/state/dumpState.js'
export {
  type CancelTimelockOperationsErrorType,
  type CancelTimelockOperationsParameters,
  type CancelTimelockOperationsReturnType,
  cancelTimelockOperations,
} from '../playbooks/timelock/cancelTimelockOperations.js'
export {
  type ListedTimelockOperation,
  type ListTimelockOperationsErrorType,
  type ListTimelockOperationsParameters,
  type ListTimelockOperationsReturnType,
  listTimelockOperations,
  type TimelockOperationOrigin,
} from '../playbooks/timelock/listTimelockOperations.js'
export {
  type ExecuteUnpauseErrorType,
  type ExecuteUnpauseParameters,
  type ExecuteUnpauseReturnType,
  executeUnpause,
} from '../playbooks/unpause/executeUnpause.js'
export {
  type ScheduleUnpauseErrorType,
  type ScheduleUnpauseParameters,
  type ScheduleUnpauseReturnType,
  scheduleUnpause,
} from '../playbooks/unpause/scheduleUnpause.js'
export {
  type DraftGovernorUpgradeErrorType,
  type DraftGovernorUpgradeParameters,
  type DraftGovernorUpgradeReturnType,
  draftGovernorUpgrade,
} from '../playbooks/upgrade/draftGovernorUpgrade.js'
export {
  type ExecuteUpgradeErrorType,
  type ExecuteUpgradeParameters,
  type ExecuteUpgradeReturnType,
  executeUpgrade,
} from '../playbooks/upgrade/executeUpgrade.js'
export {
  type PrepareUpgradeErrorType,
  type PrepareUpgradeParameters,
  type PrepareUpgradeReturnType,
  prepareUpgrade,
} from '../playbooks/upgrade/prepareUpgrade.js'
export {
  type ProposeUpgradeErrorType,
  type ProposeUpgradeParameters,
  type ProposeUpgradeReturnType,
  proposeUpgrade,
} from '../playbooks/upgrade/proposeUpgrade.js'
export {
  type QueueUpgradeErrorType,
  type QueueUpgradeParameters,
  type QueueUpgradeReturnType,
  queueUpgrade,
} from '../playbooks/upgrade/queueUpgrade.js'
export {
  type RollbackUpgradeErrorType,
  type RollbackUpgradeParameters,
  type RollbackUpgradeReturnType,
  rollbackUpgrade,
} from '../playbooks/upgrade/rollbackUpgrade.js'
export {
  type ValidateUpgradeErrorType,
  type ValidateUpgradeParameters,
  type ValidateUpgradeReturnType,
  validateUpgrade,
} from '../playbooks/upgrade/validateUpgrade.js'
export {
  type PollDeploymentErrorType,
  type PollDeploymentParameters,
  type PollDeploymentReturnType,
  pollDeployment,
  type QueuedSchedule,
  type WatchEvent,
  type WatchEventType,
  type WatchedOperation,
  type WatchState,
} from '../playbooks/watch/pollDeployment.js'
export type { DeploymentFinding } from '../types/deploymentFinding.js'
export type {
  DeployedContract,
  PendingDeployment,
  PendingDeploymentEntry,
  RecordedContract,
  ReleaseManifestKind,
  VerificationInput,
} from '../types/releaseFile.js'
export type { SafeTransactionOutcome } from '../types/safeTransactionOutcome.js'
export type {
  RollbackRehearsal,
  UpgradeCheck,
  UpgradeRoute,
} from '../types/upgrade.js'
