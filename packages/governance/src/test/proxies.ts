import {
  erc1967ProxyAbi,
  transparentUpgradeableProxyAbi,
  treasuryAbi,
} from '@storydao/core'
import { storyDaoBytecodes } from '@storydao/testkit'
import { encodeFunctionData, zeroHash } from 'viem'
import { getProxyState } from '../getProxyState.js'
import {
  contractAddress,
  deployWithCreate2,
  type StackContext,
  safes,
} from './localStack.js'

/**
 * A Treasury behind a TransparentUpgradeableProxy whose ProxyAdmin is owned
 * by the ops Safe (StoryDAO itself has none; the builders support them).
 */
export async function deployTransparentTreasury(context: StackContext) {
  const { stack, client } = context
  const { ops } = safes(stack)
  const manifestBeacon = stack.manifest.contracts.TreasuryBeacon!
  const implementation =
    'implementation' in manifestBeacon
      ? manifestBeacon.implementation!
      : contractAddress(stack, 'TreasuryBeacon')
  const proxy = await deployWithCreate2(context, {
    bytecode: storyDaoBytecodes.TransparentUpgradeableProxy,
    abi: transparentUpgradeableProxyAbi,
    constructorArgs: [
      implementation,
      ops,
      encodeFunctionData({
        abi: treasuryAbi,
        functionName: 'initialize',
        args: [ops],
      }),
    ],
    salt: zeroHash,
  })
  const { admin } = await getProxyState(client, { proxy })
  return { proxy, proxyAdmin: admin!, implementation }
}

/** A Treasury behind a plain ERC1967Proxy (not UUPS: Treasury has no upgradeToAndCall). */
export async function deployErc1967Treasury(context: StackContext) {
  const { stack } = context
  const manifestBeacon = stack.manifest.contracts.TreasuryBeacon!
  const implementation =
    'implementation' in manifestBeacon ? manifestBeacon.implementation! : ''
  const proxy = await deployWithCreate2(context, {
    bytecode: storyDaoBytecodes.ERC1967Proxy,
    abi: erc1967ProxyAbi,
    constructorArgs: [
      implementation,
      encodeFunctionData({
        abi: treasuryAbi,
        functionName: 'initialize',
        args: [safes(stack).ops],
      }),
    ],
    salt: zeroHash,
  })
  return { proxy, implementation }
}
