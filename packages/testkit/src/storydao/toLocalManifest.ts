import type { Manifest } from '@storydao/core'
import type { Address } from 'viem'
import type { LocalAccounts } from '../accounts.js'
import type { Deployed, StoryDaoDeployment } from './deployStoryDao.js'

const deployment = (deployed: Deployed) => ({
  block: Number(deployed.block),
  tx: deployed.tx,
})

/**
 * The manifest of a local stack, in the same schema as every network's
 * `deployments/<network>.json`.
 *
 * @example
 * const manifest = toLocalManifest({ chainId: 31337, safes, deployment, accounts })
 */
export function toLocalManifest(parameters: {
  chainId: number
  networkName?: string
  opsSafe: Address
  emergencySafe: Address
  accounts: LocalAccounts
  deployment: StoryDaoDeployment
}): Manifest {
  const { deployment: d, accounts } = parameters
  return {
    $schema: './manifest.schema.json',
    schemaVersion: 1,
    network: {
      name: parameters.networkName ?? 'local',
      chainId: parameters.chainId,
      rpcEnv: 'LOCAL_RPC_URL',
    },
    safes: {
      ops: {
        address: parameters.opsSafe,
        threshold: 2,
        owners: accounts.opsOwners.map((owner) => owner.address),
      },
      emergency: {
        address: parameters.emergencySafe,
        threshold: 2,
        owners: accounts.emergencyOwners.map((owner) => owner.address),
      },
    },
    roles: {
      timelock: 'StoryTimelock',
      governor: 'StoryDAO',
      token: 'AuthorCoin',
      treasury: 'Treasury',
    },
    contracts: {
      AuthorCoin: {
        address: d.authorCoin.address,
        kind: 'uups-proxy',
        implementation: d.authorCoin.implementation,
        artifact: 'AuthorCoin',
        deployment: deployment(d.authorCoin),
      },
      StoryTimelock: {
        address: d.timelock.address,
        kind: 'timelock',
        artifact: 'StoryTimelock',
        deployment: deployment(d.timelock),
      },
      StoryDAO: {
        address: d.governor.address,
        kind: 'governor',
        artifact: 'StoryDAO',
        deployment: deployment(d.governor),
      },
      TreasuryBeacon: {
        address: d.treasuryBeacon.address,
        kind: 'beacon',
        implementation: d.treasuryBeacon.implementation,
        artifact: 'UpgradeableBeacon',
        deployment: deployment(d.treasuryBeacon),
      },
      Treasury: {
        address: d.treasury.address,
        kind: 'beacon-proxy',
        beacon: d.treasuryBeacon.address,
        artifact: 'Treasury',
        deployment: deployment(d.treasury),
      },
    },
    upgrades: [],
  } as Manifest
}
