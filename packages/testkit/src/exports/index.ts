// Anvil process management lives in @storydao/invariants (its single owner).
export {
  getFreePort,
  type StartAnvilParameters,
  type StartAnvilReturnType as Anvil,
  startAnvil,
} from '@storydao/invariants'
export {
  anvilPrivateKeys,
  type LocalAccount,
  type LocalAccounts,
  localAccounts,
} from '../accounts.js'
export { storyDaoBytecodes } from '../artifacts/bytecode.generated.js'
export { TestkitError, type TestkitErrorType } from '../errors/testkit.js'
export {
  TxServiceStateInvalidError,
  type TxServiceStateInvalidErrorType,
} from '../errors/txService.js'
export {
  createLocalClient,
  type LocalClient,
  localChain,
} from '../localClient.js'
export { type CreateSafeParameters, createSafe } from '../safe/createSafe.js'
export {
  deployCanonicalSafeContracts,
  type SafeContracts,
} from '../safe/deployCanonicalSafeContracts.js'
export {
  type CreateVersionedSafeErrorType,
  type CreateVersionedSafeParameters,
  type CreateVersionedSafeReturnType,
  createVersionedSafe,
} from '../safe/versions/createVersionedSafe.js'
export {
  type DeploySafeVersionErrorType,
  type DeploySafeVersionParameters,
  type DeploySafeVersionReturnType,
  deploySafeVersion,
} from '../safe/versions/deploySafeVersion.js'
export {
  type LocalStackReady,
  type ServeLocalStackParameters,
  type ServeLocalStackReturnType,
  serveLocalStack,
} from '../serveLocalStack.js'
export {
  type LocalStack,
  type StartLocalStackParameters,
  startLocalStack,
  type TxServiceOption,
} from '../startLocalStack.js'
export {
  type Deployed,
  defaultStoryDaoConfig,
  deployStoryDao,
  type StoryDaoConfig,
  type StoryDaoDeployment,
} from '../storydao/deployStoryDao.js'
export { storyDaoRelease } from '../storydao/storyDaoRelease.js'
export { toLocalManifest } from '../storydao/toLocalManifest.js'
export type { TxServiceLimits } from '../txService/server.js'
export {
  type StartTxServiceErrorType,
  type StartTxServiceParameters,
  type StartTxServiceReturnType,
  startTxService,
  type TxService,
  type TxServiceSnapshot,
} from '../txService/startTxService.js'
