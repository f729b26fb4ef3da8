import {
  authorCoinAbi,
  beaconProxyAbi,
  erc1967ProxyAbi,
  storyDaoAbi,
  storyTimelockAbi,
  treasuryAbi,
  upgradeableBeaconAbi,
} from '@storydao/core'
import {
  type Abi,
  type Account,
  type Address,
  type Chain,
  type ContractConstructorArgs,
  encodeFunctionData,
  getAddress,
  type Hash,
  type Hex,
  keccak256,
  parseEther,
  toHex,
  zeroHash,
} from 'viem'
import {
  authorCoinBytecode,
  beaconProxyBytecode,
  erc1967ProxyBytecode,
  storyDaoBytecode,
  storyTimelockBytecode,
  treasuryBytecode,
  upgradeableBeaconBytecode,
} from '../artifacts/bytecode.generated.js'
import { TestkitError } from '../errors/testkit.js'
import type { LocalClient } from '../localClient.js'

/** Protocol parameters of a local StoryDAO deployment. */
export type StoryDaoConfig = {
  /** TimelockController minimum delay in seconds. Default 3600. */
  timelockMinDelay: bigint
  tokenName: string
  tokenSymbol: string
  /** AuthorCoin cap (wei). Default 1e9 tokens. */
  tokenCap: bigint
  /** Minted to the deployer at initialization (wei). Default 1e8 tokens. */
  initialSupply: bigint
  /** ETH sent to the Treasury. Default 100 ETH. */
  treasuryEth: bigint
  /** AuthorCoin sent to the Treasury. Default 1e7 tokens. */
  treasuryTokens: bigint
  votingDelay: number
  votingPeriod: number
  proposalThreshold: bigint
  quorumNumerator: bigint
}

export const defaultStoryDaoConfig: StoryDaoConfig = {
  timelockMinDelay: 3600n,
  tokenName: 'AuthorCoin',
  tokenSymbol: 'AUTH',
  tokenCap: parseEther('1000000000'),
  initialSupply: parseEther('100000000'),
  treasuryEth: parseEther('100'),
  treasuryTokens: parseEther('10000000'),
  votingDelay: 1,
  votingPeriod: 50,
  proposalThreshold: 0n,
  quorumNumerator: 4n,
}

/** Where a contract was deployed. */
export type Deployed = { address: Address; block: bigint; tx: Hash }

export type StoryDaoDeployment = {
  timelock: Deployed
  governor: Deployed
  authorCoin: Deployed & { implementation: Address }
  treasuryBeacon: Deployed & { implementation: Address }
  treasury: Deployed
}

const role = (name: string) => keccak256(toHex(name))

/**
 * Deploys and wires StoryDAO the way production is wired: the timelock owns
 * every upgrade and admin role, the ops Safe and the governor propose and
 * execute on the timelock, the emergency Safe may pause AuthorCoin and cancel
 * timelock operations, the deployer keeps nothing but its tokens.
 *
 * @example
 * const deployment = await deployStoryDao(client, { opsSafe, emergencySafe })
 */
export async function deployStoryDao(
  client: LocalClient<Chain, Account>,
  parameters: {
    opsSafe: Address
    emergencySafe: Address
    config?: Partial<StoryDaoConfig>
  },
): Promise<StoryDaoDeployment> {
  const config = { ...defaultStoryDaoConfig, ...parameters.config }
  const deployer = client.account.address
  const { opsSafe, emergencySafe } = parameters

  const deploy = async <const abi extends Abi>(
    name: string,
    abi: abi,
    bytecode: Hex,
    args: ContractConstructorArgs<abi>,
  ): Promise<Deployed> => {
    const tx = await client.deployContract({
      abi,
      bytecode,
      args,
    } as Parameters<typeof client.deployContract>[0])
    const receipt = await client.waitForTransactionReceipt({ hash: tx })
    if (receipt.status !== 'success' || !receipt.contractAddress)
      throw new TestkitError(`Deploying ${name} failed.`, {
        code: 'DEPLOYMENT_FAILED',
        metaMessages: [`Transaction: ${tx}`],
      })
    return {
      address: getAddress(receipt.contractAddress),
      block: receipt.blockNumber,
      tx,
    }
  }
  const send = async (label: string, request: Promise<Hash>) => {
    const hash = await request
    const receipt = await client.waitForTransactionReceipt({ hash })
    if (receipt.status !== 'success')
      throw new TestkitError(`${label} reverted.`, {
        code: 'DEPLOYMENT_FAILED',
        metaMessages: [`Transaction: ${hash}`],
        details: await replayRevertReason(client, hash),
      })
  }

  // The deployer is the timelock's temporary admin so the governor (whose
  // constructor needs the timelock) can be added as proposer afterwards.
  const timelock = await deploy(
    'StoryTimelock',
    storyTimelockAbi,
    storyTimelockBytecode,
    [config.timelockMinDelay, [opsSafe], [opsSafe], deployer],
  )

  const treasuryImplementation = await deploy(
    'Treasury implementation',
    treasuryAbi,
    treasuryBytecode,
    [],
  )
  const beacon = await deploy(
    'UpgradeableBeacon',
    upgradeableBeaconAbi,
    upgradeableBeaconBytecode,
    [treasuryImplementation.address, timelock.address],
  )
  const treasury = await deploy(
    'Treasury',
    beaconProxyAbi,
    beaconProxyBytecode,
    [
      beacon.address,
      encodeFunctionData({
        abi: treasuryAbi,
        functionName: 'initialize',
        args: [timelock.address],
      }),
    ],
  )

  const coinImplementation = await deploy(
    'AuthorCoin implementation',
    authorCoinAbi,
    authorCoinBytecode,
    [],
  )
  const authorCoin = await deploy(
    'AuthorCoin',
    erc1967ProxyAbi,
    erc1967ProxyBytecode,
    [
      coinImplementation.address,
      encodeFunctionData({
        abi: authorCoinAbi,
        functionName: 'initialize',
        args: [
          config.tokenName,
          config.tokenSymbol,
          config.tokenCap,
          timelock.address,
          emergencySafe,
          deployer,
          config.initialSupply,
        ],
      }),
    ],
  )

  const governor = await deploy('StoryDAO', storyDaoAbi, storyDaoBytecode, [
    authorCoin.address,
    timelock.address,
    config.votingDelay,
    config.votingPeriod,
    config.proposalThreshold,
    config.quorumNumerator,
  ])

  const grant = (name: string, account: Address) =>
    send(
      `grantRole(${name}, ${account})`,
      client.writeContract({
        address: timelock.address,
        abi: storyTimelockAbi,
        functionName: 'grantRole',
        args: [role(name), account],
      }),
    )
  await grant('PROPOSER_ROLE', governor.address)
  await grant('CANCELLER_ROLE', governor.address)
  await grant('EXECUTOR_ROLE', governor.address)
  await grant('CANCELLER_ROLE', emergencySafe)
  await send(
    'renounce timelock admin',
    client.writeContract({
      address: timelock.address,
      abi: storyTimelockAbi,
      functionName: 'renounceRole',
      // DEFAULT_ADMIN_ROLE is bytes32(0), not a hashed name.
      args: [zeroHash, deployer],
    }),
  )

  // Token moves touch ERC20Votes checkpoints. anvil estimates against `latest`,
  // whose block number equals the previous transaction's, so the estimate
  // updates a checkpoint in place while the mined transaction (next block)
  // pushes a new one and runs out of gas. Give these calls explicit gas.
  const tokenGas = 300_000n
  // Votes need delegation before they count for the governor.
  await send(
    'delegate votes',
    client.writeContract({
      address: authorCoin.address,
      abi: authorCoinAbi,
      functionName: 'delegate',
      args: [deployer],
      gas: tokenGas,
    }),
  )
  await send(
    'fund treasury (AUTH)',
    client.writeContract({
      address: authorCoin.address,
      abi: authorCoinAbi,
      functionName: 'transfer',
      args: [treasury.address, config.treasuryTokens],
      gas: tokenGas,
    }),
  )
  await send(
    'fund treasury (ETH)',
    client.sendTransaction({ to: treasury.address, value: config.treasuryEth }),
  )

  return {
    timelock,
    governor,
    authorCoin: { ...authorCoin, implementation: coinImplementation.address },
    treasuryBeacon: {
      ...beacon,
      implementation: treasuryImplementation.address,
    },
    treasury,
  }
}

/** Re-runs a mined, reverted transaction as an `eth_call` to recover its revert reason. */
async function replayRevertReason(
  client: LocalClient<Chain, Account>,
  hash: Hash,
): Promise<string> {
  const tx = await client.getTransaction({ hash })
  try {
    await client.call({
      account: tx.from,
      to: tx.to,
      data: tx.input,
      value: tx.value,
      gas: tx.gas,
      blockNumber: tx.blockNumber - 1n,
    })
    return 'the call succeeds when replayed; it likely ran out of gas'
  } catch (error) {
    return error instanceof Error
      ? error.message.split('\n')[0]!
      : String(error)
  }
}
