export {
  type BuildRejectionErrorType,
  type BuildRejectionParameters,
  type BuildRejectionReturnType,
  buildRejection,
} from '../buildRejection.js'
export {
  type BuildSafePlanErrorType,
  type BuildSafePlanParameters,
  type BuildSafePlanReturnType,
  buildSafePlan,
} from '../buildSafePlan.js'
export {
  type ComputeTransactionBuilderChecksumErrorType,
  type ComputeTransactionBuilderChecksumParameters,
  type ComputeTransactionBuilderChecksumReturnType,
  computeTransactionBuilderChecksum,
} from '../computeTransactionBuilderChecksum.js'
export {
  type ConfirmSafePlanErrorType,
  type ConfirmSafePlanParameters,
  type ConfirmSafePlanReturnType,
  confirmSafePlan,
} from '../confirmSafePlan.js'
export {
  type CreateSafeServiceErrorType,
  type CreateSafeServiceParameters,
  type CreateSafeServiceReturnType,
  createSafeService,
} from '../createSafeService.js'
export {
  type DecodeMultiSendErrorType,
  type DecodeMultiSendParameters,
  type DecodeMultiSendReturnType,
  decodeMultiSend,
} from '../decodeMultiSend.js'
export {
  type DecodeSafeRevertErrorType,
  type DecodeSafeRevertParameters,
  type DecodeSafeRevertReturnType,
  decodeSafeRevert,
} from '../decodeSafeRevert.js'
export {
  type DecodeSafeTransactionErrorType,
  type DecodeSafeTransactionParameters,
  type DecodeSafeTransactionReturnType,
  decodeSafeTransaction,
  type SafeTransactionCall,
} from '../decodeSafeTransaction.js'
export {
  type EncodeMultiSendErrorType,
  type EncodeMultiSendParameters,
  type EncodeMultiSendReturnType,
  encodeMultiSend,
  type MultiSendTransaction,
} from '../encodeMultiSend.js'
export {
  type EncodeSafeSignaturesErrorType,
  type EncodeSafeSignaturesParameters,
  type EncodeSafeSignaturesReturnType,
  encodeSafeSignatures,
} from '../encodeSafeSignatures.js'
export {
  SafeExecutionFailedError,
  type SafeExecutionFailedErrorType,
  SafeWalletChainMismatchError,
  type SafeWalletChainMismatchErrorType,
} from '../errors/execution.js'
export {
  MultiSendDecodeError,
  type MultiSendDecodeErrorType,
} from '../errors/multisend.js'
export {
  MultiSendUnavailableError,
  type MultiSendUnavailableErrorType,
  SafeDelegateCallError,
  type SafeDelegateCallErrorType,
  SafeNonceConflictError,
  type SafeNonceConflictErrorType,
  SafeNonceTooLowError,
  type SafeNonceTooLowErrorType,
  SafePlanInputError,
  type SafePlanInputErrorType,
  SafePlanIntegrityError,
  type SafePlanIntegrityErrorType,
} from '../errors/plan.js'
export {
  NotASafeError,
  type NotASafeErrorType,
  SafeChainMismatchError,
  type SafeChainMismatchErrorType,
  SafeNotDeployedError,
  type SafeNotDeployedErrorType,
  SafeVersionMismatchError,
  type SafeVersionMismatchErrorType,
  UnsupportedSafeVersionError,
  type UnsupportedSafeVersionErrorType,
} from '../errors/safeIdentity.js'
export {
  SafeServiceConfigError,
  type SafeServiceConfigErrorType,
  SafeServiceError,
  type SafeServiceErrorReason,
  type SafeServiceErrorType,
  SafeServiceResponseError,
  type SafeServiceResponseErrorType,
  SafeServiceTimeoutError,
  type SafeServiceTimeoutErrorType,
  SafeServiceUnreachableError,
  type SafeServiceUnreachableErrorType,
} from '../errors/service.js'
export {
  SafeSignatureError,
  type SafeSignatureErrorType,
} from '../errors/signature.js'
export {
  TransactionBuilderChainMismatchError,
  type TransactionBuilderChainMismatchErrorType,
  TransactionBuilderChecksumError,
  type TransactionBuilderChecksumErrorType,
  type TransactionBuilderIssue,
  TransactionBuilderParseError,
  type TransactionBuilderParseErrorType,
  TransactionBuilderSafeMismatchError,
  type TransactionBuilderSafeMismatchErrorType,
  TransactionBuilderUnsupportedError,
  type TransactionBuilderUnsupportedErrorType,
} from '../errors/transactionBuilder.js'
export {
  type ExecuteSafePlanErrorType,
  type ExecuteSafePlanParameters,
  type ExecuteSafePlanReturnType,
  executeSafePlan,
} from '../executeSafePlan.js'
export {
  type CanonicalContract,
  type CanonicalContractKind,
  canonicalContracts,
  type GetCanonicalContractErrorType,
  type GetCanonicalContractParameters,
  type GetCanonicalContractReturnType,
  getCanonicalContract,
} from '../getCanonicalContract.js'
export {
  type GetQueuedSafePlansErrorType,
  type GetQueuedSafePlansParameters,
  type GetQueuedSafePlansReturnType,
  getQueuedSafePlans,
  type QueuedSafePlan,
  type SafeConfirmation,
} from '../getQueuedSafePlans.js'
export {
  type GetSafeServiceTransactionErrorType,
  type GetSafeServiceTransactionParameters,
  type GetSafeServiceTransactionReturnType,
  getSafeServiceTransaction,
} from '../getSafeServiceTransaction.js'
export {
  type HashSafeTransactionErrorType,
  type HashSafeTransactionParameters,
  type HashSafeTransactionReturnType,
  hashSafeTransaction,
} from '../hashSafeTransaction.js'
export {
  type IsMultiSendCallOnlyErrorType,
  type IsMultiSendCallOnlyParameters,
  type IsMultiSendCallOnlyReturnType,
  isMultiSendCallOnly,
} from '../isMultiSendCallOnly.js'
export {
  type ParseTransactionBuilderBatchErrorType,
  type ParseTransactionBuilderBatchParameters,
  type ParseTransactionBuilderBatchReturnType,
  parseTransactionBuilderBatch,
} from '../parseTransactionBuilderBatch.js'
export {
  type ProposeSafePlanErrorType,
  type ProposeSafePlanParameters,
  type ProposeSafePlanReturnType,
  proposeSafePlan,
} from '../proposeSafePlan.js'
export {
  type SignSafePlanAccount,
  type SignSafePlanErrorType,
  type SignSafePlanParameters,
  type SignSafePlanReturnType,
  signSafePlan,
} from '../signSafePlan.js'
export {
  type ToExecTransactionArgsErrorType,
  type ToExecTransactionArgsParameters,
  type ToExecTransactionArgsReturnType,
  toExecTransactionArgs,
} from '../toExecTransactionArgs.js'
export {
  type ToTransactionBuilderBatchErrorType,
  type ToTransactionBuilderBatchParameters,
  type ToTransactionBuilderBatchReturnType,
  toTransactionBuilderBatch,
} from '../toTransactionBuilderBatch.js'
export type {
  MultiSendCallOnlyVersion,
  SafeOperation,
  SafePlan,
  SafePlanCall,
  SafeSignature,
  SafeSignatureType,
  SafeTransaction,
} from '../types/safe.js'
export type {
  SafeService,
  SafeServiceConfirmation,
  SafeServiceTransaction,
} from '../types/service.js'
export type {
  TransactionBuilderBatch,
  TransactionBuilderContractInput,
  TransactionBuilderContractMethod,
  TransactionBuilderMeta,
  TransactionBuilderTransaction,
} from '../types/transactionBuilder.js'
