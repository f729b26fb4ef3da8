import { createRequire } from 'node:module'
import {
  getCompatibilityFallbackHandlerDeployment,
  getCreateCallDeployment,
  getMultiSendCallOnlyDeployment,
  getMultiSendDeployment,
  getProxyFactoryDeployment,
  getSafeL2SingletonDeployment,
  getSafeSingletonDeployment,
  getSignMessageLibDeployment,
  getSimulateTxAccessorDeployment,
  type SingletonDeployment,
} from '@safe-global/safe-deployments'
import type { Address, Hex } from 'viem'
import { TestkitError } from '../errors/testkit.js'

/** Keys follow protocol-kit's `ContractNetworkConfig` so the result plugs into `contractNetworks`. */
export type SafeContractName =
  | 'safeSingletonAddress'
  | 'safeL2SingletonAddress'
  | 'safeProxyFactoryAddress'
  | 'multiSendAddress'
  | 'multiSendCallOnlyAddress'
  | 'fallbackHandlerAddress'
  | 'createCallAddress'
  | 'signMessageLibAddress'
  | 'simulateTxAccessorAddress'

/** @internal The v1.4.1 set: artifact path in @safe-global/safe-contracts and its canonical deployment. */
export const canonicalSafeContracts: readonly {
  key: SafeContractName
  artifact: string
  deployment: () => SingletonDeployment | undefined
}[] = [
  {
    key: 'safeSingletonAddress',
    artifact: 'Safe.sol/Safe.json',
    deployment: () => getSafeSingletonDeployment({ version: '1.4.1' }),
  },
  {
    key: 'safeL2SingletonAddress',
    artifact: 'SafeL2.sol/SafeL2.json',
    deployment: () => getSafeL2SingletonDeployment({ version: '1.4.1' }),
  },
  {
    key: 'safeProxyFactoryAddress',
    artifact: 'proxies/SafeProxyFactory.sol/SafeProxyFactory.json',
    deployment: () => getProxyFactoryDeployment({ version: '1.4.1' }),
  },
  {
    key: 'multiSendAddress',
    artifact: 'libraries/MultiSend.sol/MultiSend.json',
    deployment: () => getMultiSendDeployment({ version: '1.4.1' }),
  },
  {
    key: 'multiSendCallOnlyAddress',
    artifact: 'libraries/MultiSendCallOnly.sol/MultiSendCallOnly.json',
    deployment: () => getMultiSendCallOnlyDeployment({ version: '1.4.1' }),
  },
  {
    key: 'fallbackHandlerAddress',
    artifact:
      'handler/CompatibilityFallbackHandler.sol/CompatibilityFallbackHandler.json',
    deployment: () =>
      getCompatibilityFallbackHandlerDeployment({ version: '1.4.1' }),
  },
  {
    key: 'createCallAddress',
    artifact: 'libraries/CreateCall.sol/CreateCall.json',
    deployment: () => getCreateCallDeployment({ version: '1.4.1' }),
  },
  {
    key: 'signMessageLibAddress',
    artifact: 'libraries/SignMessageLib.sol/SignMessageLib.json',
    deployment: () => getSignMessageLibDeployment({ version: '1.4.1' }),
  },
  {
    key: 'simulateTxAccessorAddress',
    artifact: 'accessors/SimulateTxAccessor.sol/SimulateTxAccessor.json',
    deployment: () => getSimulateTxAccessorDeployment({ version: '1.4.1' }),
  },
]

/** @internal Creation bytecode of a @safe-global/safe-contracts@1.4.1 artifact. */
export function readSafeArtifactBytecode(artifact: string): Hex {
  const require = createRequire(import.meta.url)
  const json = require(
    `@safe-global/safe-contracts/build/artifacts/contracts/${artifact}`,
  ) as { bytecode: Hex }
  return json.bytecode
}

/** @internal Canonical address and runtime code hash recorded by safe-deployments. */
export function getCanonicalDeployment(deployment: SingletonDeployment): {
  address: Address
  codeHash: Hex
} {
  const canonical = (
    deployment.deployments as Record<
      string,
      { address: Address; codeHash: Hex }
    >
  ).canonical
  if (!canonical)
    throw new TestkitError(
      `${deployment.contractName} has no canonical deployment in @safe-global/safe-deployments.`,
      {
        code: 'SAFE_DEPLOYMENT_MISSING',
        hint: 'Pin @safe-global/safe-deployments to a release that lists it.',
      },
    )
  return canonical
}
