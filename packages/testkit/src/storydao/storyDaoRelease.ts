import {
  authorCoinAbi,
  beaconProxyAbi,
  erc1967ProxyAbi,
  storyDaoAbi,
  storyTimelockAbi,
  treasuryAbi,
  upgradeableBeaconAbi,
} from '@storydao/core'
import type { Release } from '@storydao/governance'
import { type Address, keccak256, parseEther, toHex, zeroHash } from 'viem'
import { storyDaoBytecodes } from '../artifacts/bytecode.generated.js'

const role = (name: string) => keccak256(toHex(name))

/**
 * The whole StoryDAO system as one `buildRelease` release, deployable in one
 * batch sent by the ops Safe (the Deployment playbook as a Safe transaction). The timelock and the governor reference each other, so the
 * timelock starts with the ops Safe as admin; the batch's last calls wire the
 * governor in and renounce that admin role.
 *
 * @example
 * const { calls, addresses } = buildRelease({
 *   release: storyDaoRelease({ holder }),
 *   manifest, // resolves `safes.ops` / `safes.emergency`
 * })
 */
export function storyDaoRelease(parameters: {
  /** The account that receives the initial AuthorCoin supply. */
  holder: Address
  /** Salt of every entry. */
  salt?: `0x${string}`
}): Release {
  const salt = parameters.salt ?? keccak256(toHex('storydao-release-1'))
  const timelock = { ref: 'StoryTimelock' }
  return {
    contracts: [
      {
        name: 'StoryDAO',
        artifact: 'StoryDAO',
        bytecode: storyDaoBytecodes.StoryDAO,
        abi: storyDaoAbi,
        constructorArgs: [{ ref: 'AuthorCoin' }, timelock, 1, 50, 0n, 4n],
        salt,
      },
      {
        name: 'AuthorCoin',
        artifact: 'ERC1967Proxy',
        bytecode: storyDaoBytecodes.ERC1967Proxy,
        abi: erc1967ProxyAbi,
        constructorArgs: [
          { ref: 'AuthorCoinImplementation' },
          {
            encode: {
              abi: authorCoinAbi,
              functionName: 'initialize',
              args: [
                'AuthorCoin',
                'AUTH',
                parseEther('1000000000'),
                timelock,
                { ref: 'safes.emergency' },
                parameters.holder,
                parseEther('100000000'),
              ],
            },
          },
        ],
        salt,
      },
      {
        name: 'AuthorCoinImplementation',
        artifact: 'AuthorCoin',
        bytecode: storyDaoBytecodes.AuthorCoin,
        salt,
      },
      {
        name: 'StoryTimelock',
        artifact: 'StoryTimelock',
        bytecode: storyDaoBytecodes.StoryTimelock,
        abi: storyTimelockAbi,
        constructorArgs: [
          3600n,
          [{ ref: 'safes.ops' }],
          [{ ref: 'safes.ops' }],
          // The batch sender is admin until the end of the batch.
          { ref: 'safes.ops' },
        ],
        salt,
      },
      {
        name: 'TreasuryImplementation',
        artifact: 'Treasury',
        bytecode: storyDaoBytecodes.Treasury,
        salt,
      },
      {
        name: 'TreasuryBeacon',
        artifact: 'UpgradeableBeacon',
        bytecode: storyDaoBytecodes.UpgradeableBeacon,
        abi: upgradeableBeaconAbi,
        constructorArgs: [{ ref: 'TreasuryImplementation' }, timelock],
        salt,
      },
      {
        name: 'Treasury',
        artifact: 'BeaconProxy',
        bytecode: storyDaoBytecodes.BeaconProxy,
        abi: beaconProxyAbi,
        constructorArgs: [
          { ref: 'TreasuryBeacon' },
          {
            encode: {
              abi: treasuryAbi,
              functionName: 'initialize',
              args: [timelock],
            },
          },
        ],
        salt,
      },
    ],
    calls: [
      ...(
        [
          ['PROPOSER_ROLE', { ref: 'StoryDAO' }],
          ['CANCELLER_ROLE', { ref: 'StoryDAO' }],
          ['EXECUTOR_ROLE', { ref: 'StoryDAO' }],
          ['CANCELLER_ROLE', { ref: 'safes.emergency' }],
        ] as const
      ).map(([name, account]) => ({
        to: timelock,
        abi: storyTimelockAbi,
        functionName: 'grantRole',
        args: [role(name), account],
      })),
      {
        to: timelock,
        abi: storyTimelockAbi,
        functionName: 'renounceRole',
        args: [zeroHash, { ref: 'safes.ops' }],
        label: 'StoryTimelock: the ops Safe gives up its temporary admin role',
      },
    ],
  }
}
