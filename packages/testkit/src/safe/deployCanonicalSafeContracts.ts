import { getSingletonFactoryInfo } from '@safe-global/safe-singleton-factory'
import {
  type Account,
  type Address,
  type Chain,
  concat,
  getContractAddress,
  type Hex,
  keccak256,
  parseEther,
  zeroHash,
} from 'viem'
import {
  getCode,
  sendRawTransaction,
  sendTransaction,
  setBalance,
  waitForTransactionReceipt,
} from 'viem/actions'
import { TestkitError } from '../errors/testkit.js'
import type { LocalClient } from '../localClient.js'
import {
  canonicalSafeContracts,
  getCanonicalDeployment,
  readSafeArtifactBytecode,
  type SafeContractName,
} from './canonicalSafeContracts.js'

/** Addresses of the Safe v1.4.1 contracts, keyed like protocol-kit's `contractNetworks` entry. */
export type SafeContracts = Record<SafeContractName, Address>

/**
 * Deploys the canonical Safe v1.4.1 contracts the way real chains got them:
 * the Safe singleton factory from its presigned transaction, then each
 * artifact through the factory with a zero salt. Every address and runtime code
 * hash is checked against `@safe-global/safe-deployments`.
 *
 * @param client - a client on an anvil chain (uses `anvil_setBalance`).
 * @returns the addresses, ready for protocol-kit's `contractNetworks`.
 *
 * @example
 * const contracts = await deployCanonicalSafeContracts(walletClient)
 * contracts.multiSendCallOnlyAddress // 0x9641d764fc13c8B624c04430C7356C1C7C8102e2
 */
export async function deployCanonicalSafeContracts(
  client: LocalClient<Chain, Account>,
): Promise<SafeContracts> {
  const factory = getSingletonFactoryInfo(client.chain.id)
  if (!factory)
    throw new TestkitError(
      `No Safe singleton factory is published for chain ${client.chain.id}.`,
      { code: 'SAFE_FACTORY_UNAVAILABLE', hint: 'Use chain id 31337.' },
    )
  const factoryAddress = factory.address as Address

  if ((await getCode(client, { address: factoryAddress })) === undefined) {
    // The presigned transaction pays gasLimit × gasPrice from a keyless signer.
    const cost = BigInt(factory.gasLimit) * BigInt(factory.gasPrice)
    await setBalance(client, {
      address: factory.signerAddress as Address,
      value: cost + parseEther('0.01'),
    })
    const hash = await sendRawTransaction(client, {
      serializedTransaction: factory.transaction as Hex,
    })
    await waitForTransactionReceipt(client, { hash, pollingInterval: 10 })
  }

  const addresses = {} as SafeContracts
  const pending: Hex[] = []
  for (const contract of canonicalSafeContracts) {
    const deployment = contract.deployment()
    if (!deployment)
      throw new TestkitError(
        `safe-deployments has no v1.4.1 ${contract.key}.`,
        {
          code: 'SAFE_DEPLOYMENT_MISSING',
        },
      )
    const canonical = getCanonicalDeployment(deployment)
    const bytecode = readSafeArtifactBytecode(contract.artifact)
    const address = getContractAddress({
      opcode: 'CREATE2',
      from: factoryAddress,
      salt: zeroHash,
      bytecode,
    })
    if (address !== canonical.address)
      throw new TestkitError(
        `${deployment.contractName} would deploy at ${address}, not at its canonical ${canonical.address}.`,
        {
          code: 'SAFE_ADDRESS_MISMATCH',
          hint: 'The @safe-global/safe-contracts artifact differs from the released bytecode; pin 1.4.1.',
        },
      )
    addresses[contract.key] = address
    if ((await getCode(client, { address })) !== undefined) continue
    // The factory takes `salt ‖ initcode` as raw calldata.
    pending.push(
      await sendTransaction(client, {
        to: factoryAddress,
        data: concat([zeroHash, bytecode]),
        gas: 8_000_000n,
      }),
    )
  }
  for (const hash of pending)
    await waitForTransactionReceipt(client, { hash, pollingInterval: 10 })

  for (const contract of canonicalSafeContracts) {
    const canonical = getCanonicalDeployment(contract.deployment()!)
    const code = await getCode(client, { address: addresses[contract.key] })
    const codeHash = code ? keccak256(code) : undefined
    if (codeHash !== canonical.codeHash)
      throw new TestkitError(
        `${contract.key} at ${addresses[contract.key]} has code hash ${codeHash ?? 'none'}, expected ${canonical.codeHash}.`,
        { code: 'SAFE_CODE_HASH_MISMATCH' },
      )
  }
  return addresses
}
