import { authorCoinAbi, type Manifest, storyTimelockAbi } from '@storydao/core'
import {
  type Address,
  createTestClient,
  createWalletClient,
  encodeFunctionData,
  type Hex,
  http,
  keccak256,
  toHex,
  zeroHash,
} from 'viem'
import { readContract } from 'viem/actions'
import { ContractNotInManifestError } from '../errors/playbook.js'
import type { OpsContext } from '../playbooks/createOpsContext.js'

/**
 * The incident the demo responds to: a proposer of the timelock is
 * compromised and schedules `grantRole(MINTER_ROLE, attacker)` on AuthorCoin.
 * anvil lets the demo send as the governor (impersonation); on a real
 * network this is what an attacker with a proposer key would do.
 */
export async function scheduleRogueOperation(
  context: OpsContext,
  { attacker }: { attacker: Address },
): Promise<Hex> {
  const { timelock, governor, token } = roleAddresses(context.manifest)
  const delay = await readContract(context.client, {
    address: timelock,
    abi: storyTimelockAbi,
    functionName: 'getMinDelay',
  })
  const data = encodeFunctionData({
    abi: authorCoinAbi,
    functionName: 'grantRole',
    args: [keccak256(toHex('MINTER_ROLE')), attacker],
  })
  const salt = keccak256(toHex('storydao-demo-rogue-operation'))
  const anvil = createTestClient({
    mode: 'anvil',
    transport: http(context.rpcUrl),
  })
  await anvil.impersonateAccount({ address: governor })
  await anvil.setBalance({ address: governor, value: 10n ** 18n })
  const hash = await createWalletClient({
    account: governor,
    transport: http(context.rpcUrl),
  }).writeContract({
    chain: null,
    address: timelock,
    abi: storyTimelockAbi,
    functionName: 'schedule',
    args: [token, 0n, data, zeroHash, salt, delay],
  })
  await anvil.stopImpersonatingAccount({ address: governor })
  await context.client.waitForTransactionReceipt({ hash })
  return readContract(context.client, {
    address: timelock,
    abi: storyTimelockAbi,
    functionName: 'hashOperation',
    args: [token, 0n, data, zeroHash, salt],
  })
}

function roleAddresses(manifest: Manifest): {
  timelock: Address
  governor: Address
  token: Address
} {
  const address = (role: 'timelock' | 'governor' | 'token') => {
    const name = manifest.roles?.[role] ?? role
    const entry = manifest.contracts[name]
    if (!entry)
      throw new ContractNotInManifestError({
        name,
        network: manifest.network.name,
        known: Object.keys(manifest.contracts),
      })
    return entry.address
  }
  return {
    timelock: address('timelock'),
    governor: address('governor'),
    token: address('token'),
  }
}
