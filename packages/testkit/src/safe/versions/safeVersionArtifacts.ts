import { createRequire } from 'node:module'
import {
  getCompatibilityFallbackHandlerDeployment,
  getProxyFactoryDeployment,
  getSafeSingletonDeployment,
  type SingletonDeployment,
} from '@safe-global/safe-deployments'
import type { Address, Hex } from 'viem'
import { TestkitError } from '../../errors/testkit.js'

/** Safe versions the local stack can deploy next to its canonical v1.4.1 set. */
export type SafeVersion = '1.3.0' | '1.4.1' | '1.5.0'

/** The contracts `deploySafeVersion` deploys, keyed like protocol-kit's `contractNetworks`. */
export type SafeVersionContractName =
  | 'safeSingletonAddress'
  | 'safeProxyFactoryAddress'
  | 'fallbackHandlerAddress'

/**
 * @internal Which safe-deployments entry a CREATE2 deployment through the Safe
 * singleton factory (0x914d7Fec…43d7) with a zero salt reproduces.
 */
export type SafeDeploymentType = 'canonical' | 'eip155'

/** @internal Where each version's artifacts live and which deployment they reproduce. */
export const safeVersionArtifacts: Record<
  SafeVersion,
  {
    /** npm package holding the Hardhat artifacts of that release. */
    package: string
    /**
     * v1.3.0 was released twice with identical runtime code: `canonical` went
     * through Arachnid's deterministic deployment proxy (0x4e59b448…956C),
     * `eip155` through the Safe singleton factory, which is what the local
     * stack has. From v1.4.1 on, `canonical` is the singleton factory one.
     */
    deploymentType: SafeDeploymentType
    contracts: Record<
      SafeVersionContractName,
      {
        /** Path under `build/artifacts/contracts/`. */
        artifact: string
        deployment: () => SingletonDeployment | undefined
      }
    >
  }
> = {
  '1.3.0': {
    package: '@gnosis.pm/safe-contracts',
    deploymentType: 'eip155',
    contracts: {
      safeSingletonAddress: {
        artifact: 'GnosisSafe.sol/GnosisSafe.json',
        deployment: () => getSafeSingletonDeployment({ version: '1.3.0' }),
      },
      safeProxyFactoryAddress: {
        artifact:
          'proxies/GnosisSafeProxyFactory.sol/GnosisSafeProxyFactory.json',
        deployment: () => getProxyFactoryDeployment({ version: '1.3.0' }),
      },
      fallbackHandlerAddress: {
        artifact:
          'handler/CompatibilityFallbackHandler.sol/CompatibilityFallbackHandler.json',
        deployment: () =>
          getCompatibilityFallbackHandlerDeployment({ version: '1.3.0' }),
      },
    },
  },
  '1.4.1': {
    package: '@safe-global/safe-contracts',
    deploymentType: 'canonical',
    contracts: {
      safeSingletonAddress: {
        artifact: 'Safe.sol/Safe.json',
        deployment: () => getSafeSingletonDeployment({ version: '1.4.1' }),
      },
      safeProxyFactoryAddress: {
        artifact: 'proxies/SafeProxyFactory.sol/SafeProxyFactory.json',
        deployment: () => getProxyFactoryDeployment({ version: '1.4.1' }),
      },
      fallbackHandlerAddress: {
        artifact:
          'handler/CompatibilityFallbackHandler.sol/CompatibilityFallbackHandler.json',
        deployment: () =>
          getCompatibilityFallbackHandlerDeployment({ version: '1.4.1' }),
      },
    },
  },
  '1.5.0': {
    package: '@safe-global/safe-smart-account',
    deploymentType: 'canonical',
    contracts: {
      safeSingletonAddress: {
        artifact: 'Safe.sol/Safe.json',
        deployment: () => getSafeSingletonDeployment({ version: '1.5.0' }),
      },
      safeProxyFactoryAddress: {
        artifact: 'proxies/SafeProxyFactory.sol/SafeProxyFactory.json',
        deployment: () => getProxyFactoryDeployment({ version: '1.5.0' }),
      },
      fallbackHandlerAddress: {
        artifact:
          'handler/CompatibilityFallbackHandler.sol/CompatibilityFallbackHandler.json',
        deployment: () =>
          getCompatibilityFallbackHandlerDeployment({ version: '1.5.0' }),
      },
    },
  },
}

/** @internal Creation bytecode of one artifact of a Safe release package. */
export function readVersionArtifactBytecode(
  pkg: string,
  artifact: string,
): Hex {
  const require = createRequire(import.meta.url)
  const path = `${pkg}/build/artifacts/contracts/${artifact}`
  try {
    return (require(path) as { bytecode: Hex }).bytecode
  } catch (error) {
    throw new TestkitError(`Cannot read the Safe artifact ${path}.`, {
      code: 'SAFE_ARTIFACT_MISSING',
      cause: error,
      hint: `Install ${pkg} as a dependency of @storydao/testkit.`,
    })
  }
}

/** @internal Address and runtime code hash safe-deployments records for one variant. */
export function getVersionDeployment(
  version: SafeVersion,
  name: SafeVersionContractName,
): { contractName: string; address: Address; codeHash: Hex } {
  const { deploymentType, contracts } = safeVersionArtifacts[version]
  const deployment = contracts[name].deployment()
  const entry = (
    deployment?.deployments as
      | Partial<Record<string, { address: Address; codeHash: Hex }>>
      | undefined
  )?.[deploymentType]
  if (!deployment || !entry)
    throw new TestkitError(
      `@safe-global/safe-deployments has no ${deploymentType} v${version} ${name}.`,
      {
        code: 'SAFE_DEPLOYMENT_MISSING',
        hint: 'Pin @safe-global/safe-deployments to a release that lists it.',
      },
    )
  return { contractName: deployment.contractName, ...entry }
}
