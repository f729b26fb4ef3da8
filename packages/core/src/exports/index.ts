export {
  authorCoinAbi,
  authorCoinV2Abi,
  beaconProxyAbi,
  erc1967ProxyAbi,
  proxyAdminAbi,
  storyDaoAbi,
  storyDaoAbis,
  storyTimelockAbi,
  transparentUpgradeableProxyAbi,
  treasuryAbi,
  treasuryV2Abi,
  upgradeableBeaconAbi,
} from '../abis/generated.js'
export { accessControlAbi, pausableAbi } from '../abis/openZeppelin.js'
export {
  openZeppelinErrorsAbi,
  openZeppelinRoleNames,
} from '../abis/openZeppelinErrors.js'
export {
  erc1271Abi,
  multiSendAbi,
  safeAbi,
  safeProxyFactoryAbi,
} from '../abis/safe.js'
export type { Call } from '../call.js'
export {
  type CheckManifestAgainstChainErrorType,
  type CheckManifestAgainstChainParameters,
  type CheckManifestAgainstChainReturnType,
  checkManifestAgainstChain,
} from '../checkManifestAgainstChain.js'
export {
  type DiffManifestsErrorType,
  type DiffManifestsParameters,
  type DiffManifestsReturnType,
  diffManifests,
  type ImplementationChange,
  type ManifestDiff,
  type ManifestDiffSection,
  type ManifestValueChange,
} from '../diffManifests.js'
export { eip1967Slots } from '../eip1967Slots.js'
export {
  MissingAbiError,
  type MissingAbiErrorType,
} from '../errors/abi.js'
export {
  InvalidAddressError,
  type InvalidAddressErrorType,
} from '../errors/address.js'
export {
  OpsError,
  type OpsErrorParameters,
  type OpsErrorType,
} from '../errors/base.js'
export {
  ChainReadError,
  type ChainReadErrorType,
  InvalidSlotValueError,
  type InvalidSlotValueErrorType,
} from '../errors/chain.js'
export {
  OptionalDependencyMissingError,
  type OptionalDependencyMissingErrorType,
} from '../errors/dependency.js'
export { docsBaseUrl, type ErrorConfig } from '../errors/errorConfig.js'
export {
  FileWriteError,
  type FileWriteErrorType,
} from '../errors/file.js'
export {
  ManifestError,
  type ManifestErrorType,
  ManifestFileError,
  type ManifestFileErrorType,
  type ManifestIssue,
  ManifestLockedError,
  type ManifestLockedErrorType,
  type ManifestLockHolder,
  ManifestNotFoundError,
  type ManifestNotFoundErrorType,
  ManifestParseError,
  type ManifestParseErrorType,
  ManifestReadOnlyError,
  type ManifestReadOnlyErrorType,
  ManifestUpdaterError,
  type ManifestUpdaterErrorType,
} from '../errors/manifest.js'
export {
  InvalidNetworksError,
  type InvalidNetworksErrorType,
  InvalidRpcUrlError,
  type InvalidRpcUrlErrorType,
  MissingRpcUrlError,
  type MissingRpcUrlErrorType,
  UnknownNetworkError,
  type UnknownNetworkErrorType,
} from '../errors/network.js'
export {
  type AssertParametersErrorType,
  type AssertParametersReturnType,
  assertParameters,
  MissingParameterError,
  type MissingParameterErrorType,
} from '../errors/parameters.js'
export {
  type GetNetworkErrorType,
  type GetNetworkParameters,
  type GetNetworkReturnType,
  getNetwork,
} from '../getNetwork.js'
export {
  type IsHexEqualErrorType,
  type IsHexEqualReturnType,
  isHexEqual,
} from '../isHexEqual.js'
export {
  type LoadManifestErrorType,
  type LoadManifestParameters,
  type LoadManifestReturnType,
  loadManifest,
} from '../loadManifest.js'
export {
  type LoadNetworksErrorType,
  type LoadNetworksParameters,
  type LoadNetworksReturnType,
  loadNetworks,
} from '../loadNetworks.js'
export {
  contractKinds,
  manifestRoleKinds,
  manifestSchemaRef,
  manifestSchemaUrl,
  manifestSchemaVersion,
  upgradeStatuses,
} from '../manifestConstants.js'
export { manifestJsonSchema } from '../manifestJsonSchema.js'
export {
  type ContractDeployment,
  type ContractEntry,
  type ContractKind,
  type Manifest,
  type ManifestInput,
  type ManifestNetwork,
  type ManifestRole,
  type ManifestRoles,
  type ManifestSafe,
  type ManifestSafes,
  manifestSchema,
  type UpgradeEntry,
  type UpgradeStatus,
} from '../manifestSchema.js'
export {
  type Network,
  type NetworkConfig,
  type Networks,
  networksSchema,
} from '../networksSchema.js'
export {
  type ParseManifestErrorType,
  type ParseManifestParameters,
  type ParseManifestReturnType,
  parseManifest,
} from '../parseManifest.js'
export {
  type RenderManifestDiffErrorType,
  type RenderManifestDiffParameters,
  type RenderManifestDiffReturnType,
  renderManifestDiff,
} from '../renderManifestDiff.js'
export {
  type ResolveRpcUrlErrorType,
  type ResolveRpcUrlParameters,
  type ResolveRpcUrlReturnType,
  type RpcUrlSource,
  resolveRpcUrl,
} from '../resolveRpcUrl.js'
export {
  type SerializeManifestErrorType,
  type SerializeManifestReturnType,
  serializeManifest,
} from '../serializeManifest.js'
export {
  type SetErrorConfigErrorType,
  type SetErrorConfigParameters,
  type SetErrorConfigReturnType,
  setErrorConfig,
} from '../setErrorConfig.js'
export {
  type ToAddressFromSlotErrorType,
  type ToAddressFromSlotReturnType,
  toAddressFromSlot,
} from '../toAddressFromSlot.js'
export {
  type ToChecksummedAddressErrorType,
  type ToChecksummedAddressParameters,
  type ToChecksummedAddressReturnType,
  toChecksummedAddress,
} from '../toChecksummedAddress.js'
export {
  type ToDocsUrlErrorType,
  type ToDocsUrlReturnType,
  toDocsUrl,
} from '../toDocsUrl.js'
export {
  type FrontendArtifact,
  type ToFrontendArtifactsErrorType,
  type ToFrontendArtifactsParameters,
  type ToFrontendArtifactsReturnType,
  toFrontendArtifacts,
} from '../toFrontendArtifacts.js'
export type { ManifestFinding } from '../types/manifestFinding.js'
export {
  type UpdateManifestErrorType,
  type UpdateManifestParameters,
  type UpdateManifestReturnType,
  updateManifest,
} from '../updateManifest.js'
export {
  type WriteFileAtomicErrorType,
  type WriteFileAtomicParameters,
  type WriteFileAtomicReturnType,
  writeFileAtomic,
} from '../writeFileAtomic.js'
export {
  type ManifestWriteSettings,
  type WriteManifestErrorType,
  type WriteManifestParameters,
  type WriteManifestReturnType,
  writeManifest,
} from '../writeManifest.js'
