import { authorCoinAbi, storyTimelockAbi } from '@storydao/core'
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
import type { OpsContext } from '../playbooks/createOpsContext.js'
import { roleAddress } from './roleAddress.js'

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
  const timelock = roleAddress(context.manifest, 'timelock')
  const governor = roleAddress(context.manifest, 'governor')
  const token = roleAddress(context.manifest, 'token')
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
