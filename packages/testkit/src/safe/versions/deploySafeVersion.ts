import { getSingletonFactoryInfo } from '@safe-global/safe-singleton-factory'
import {
  type Account,
  type Address,
  type Chain,
  concat,
  getContractAddress,
  type Hex,
  keccak256,
  zeroHash,
} from 'viem'
import {
  getCode,
  sendTransaction,
  waitForTransactionReceipt,
} from 'viem/actions'
import { TestkitError } from '../../errors/testkit.js'
import type { LocalClient } from '../../localClient.js'
import { requireAccount } from './requireAccount.js'
import {
  getVersionDeployment,
  readVersionArtifactBytecode,
  type SafeDeploymentType,
  type SafeVersion,
  type SafeVersionContractName,
  safeVersionArtifacts,
} from './safeVersionArtifacts.js'

export type DeploySafeVersionParameters = {
  /** Safe release whose singleton, proxy factory and fallback handler to deploy. */
  version: SafeVersion
}

export type DeploySafeVersionReturnType = Record<
  SafeVersionContractName,
  Address
> & {
  /** The release that was deployed. */
  version: SafeVersion
  /**
   * The safe-deployments variant the addresses and code hashes equal:
   * `eip155` for v1.3.0, `canonical` for v1.4.1 and v1.5.0.
   */
  deploymentType: SafeDeploymentType
}

export type DeploySafeVersionErrorType = TestkitError

const contractNames = [
  'safeSingletonAddress',
  'safeProxyFactoryAddress',
  'fallbackHandlerAddress',
] as const satisfies readonly SafeVersionContractName[]

/**
 * Deploys one Safe release (L1 singleton, proxy factory, compatibility
 * fallback handler) through the Safe singleton factory with a zero salt, as
 * the release was deployed on real chains, and checks every address and
 * runtime code hash against `@safe-global/safe-deployments`. Contracts that
 * already have code are only checked, so the call is idempotent and works for
 * v1.4.1 on a local stack.
 *
 * @param client - a client with an account, on a chain where the Safe
 *   singleton factory is deployed (`startLocalStack` and
 *   `deployCanonicalSafeContracts` do that); `stack.client` works.
 * @param parameters - {@link DeploySafeVersionParameters}
 * @returns the addresses, keyed like protocol-kit's `contractNetworks`.
 * @throws {TestkitError} `SAFE_FACTORY_MISSING`, `SAFE_ADDRESS_MISMATCH`,
 *   `SAFE_CODE_HASH_MISMATCH`, `SAFE_DEPLOYMENT_FAILED`, …
 *
 * @example
 * import { deploySafeVersion, startLocalStack } from '@storydao/testkit'
 *
 * const stack = await startLocalStack()
 * const v130 = await deploySafeVersion(stack.client, { version: '1.3.0' })
 * v130.safeSingletonAddress // 0x69f4D1788e39c87893C980c06EdF4b7f686e2938 (eip155)
 */
export async function deploySafeVersion(
  client: LocalClient<Chain, Account | undefined>,
  parameters: DeploySafeVersionParameters,
): Promise<DeploySafeVersionReturnType> {
  const { version } = parameters
  const account = requireAccount(client)
  const release = Object.hasOwn(safeVersionArtifacts, version)
    ? safeVersionArtifacts[version]
    : undefined
  if (!release)
    throw new TestkitError(`Safe version "${String(version)}" is not known.`, {
      code: 'SAFE_VERSION_UNSUPPORTED',
      hint: `Use one of ${Object.keys(safeVersionArtifacts).join(', ')}.`,
    })

  const factory = getSingletonFactoryInfo(client.chain.id)
  const factoryAddress = factory?.address as Address | undefined
  if (
    !factoryAddress ||
    (await getCode(client, { address: factoryAddress })) === undefined
  )
    throw new TestkitError(
      `The Safe singleton factory is not deployed on chain ${client.chain.id}.`,
      {
        code: 'SAFE_FACTORY_MISSING',
        metaMessages: [`Factory: ${factoryAddress ?? 'none published'}`],
        hint: 'Call deployCanonicalSafeContracts first (startLocalStack does).',
      },
    )

  const result = {
    version,
    deploymentType: release.deploymentType,
  } as DeploySafeVersionReturnType
  const pending: Hex[] = []
  for (const name of contractNames) {
    const expected = getVersionDeployment(version, name)
    const bytecode = readVersionArtifactBytecode(
      release.package,
      release.contracts[name].artifact,
    )
    const address = getContractAddress({
      opcode: 'CREATE2',
      from: factoryAddress,
      salt: zeroHash,
      bytecode,
    })
    if (address !== expected.address)
      throw new TestkitError(
        `v${version} ${expected.contractName} would deploy at ${address}, not at its ${release.deploymentType} ${expected.address}.`,
        {
          code: 'SAFE_ADDRESS_MISMATCH',
          hint: `The ${release.package} artifact differs from the released bytecode; pin ${version}.`,
        },
      )
    result[name] = address
    if ((await getCode(client, { address })) !== undefined) continue
    try {
      // The factory takes `salt ‖ initcode` as raw calldata.
      pending.push(
        await sendTransaction(client, {
          account,
          chain: client.chain,
          to: factoryAddress,
          data: concat([zeroHash, bytecode]),
        }),
      )
    } catch (error) {
      throw new TestkitError(
        `Deploying v${version} ${expected.contractName} failed.`,
        { code: 'SAFE_DEPLOYMENT_FAILED', cause: error },
      )
    }
  }
  for (const hash of pending) {
    const receipt = await waitForTransactionReceipt(client, {
      hash,
      pollingInterval: 10,
    })
    if (receipt.status !== 'success')
      throw new TestkitError(`A v${version} Safe deployment reverted.`, {
        code: 'SAFE_DEPLOYMENT_FAILED',
        metaMessages: [`Transaction: ${hash}`],
      })
  }

  for (const name of contractNames) {
    const expected = getVersionDeployment(version, name)
    const code = await getCode(client, { address: result[name] })
    const codeHash = code ? keccak256(code) : undefined
    if (codeHash !== expected.codeHash)
      throw new TestkitError(
        `v${version} ${expected.contractName} at ${result[name]} has code hash ${codeHash ?? 'none'}, expected ${expected.codeHash}.`,
        { code: 'SAFE_CODE_HASH_MISMATCH' },
      )
  }
  return result
}
