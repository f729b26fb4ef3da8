import { ChainReadError, storyDaoAbi, storyTimelockAbi } from '@storydao/core'
import type { Address } from 'viem'
import { getBlock, readContract } from 'viem/actions'
import type { OpsContext } from '../createOpsContext.js'

/** @internal When a governor proposal made now could execute at the earliest. */
export type GovernorTiming = {
  /** `CLOCK_MODE()`: `blocknumber` or `timestamp`. */
  clock: 'blocknumber' | 'timestamp'
  votingDelay: bigint
  votingPeriod: bigint
  /** The timelock's `getMinDelay()`, seconds. */
  minDelay: bigint
  /** The chain's latest block time, seconds. */
  now: bigint
  /** `now` + voting delay + voting period + timelock delay (block clocks at 12 s a block). */
  earliestExecution: bigint
}

// A block clock counts blocks; Ethereum mainnet's slot time turns them into an estimate.
const secondsPerBlock = 12n

/** @internal Reads the voting and timelock delays behind an upgrade proposal. */
export async function readGovernorTiming(
  context: OpsContext,
  { governor, timelock }: { governor: Address; timelock: Address },
): Promise<GovernorTiming> {
  try {
    const read = <name extends 'CLOCK_MODE' | 'votingDelay' | 'votingPeriod'>(
      functionName: name,
    ) =>
      readContract(context.client, {
        address: governor,
        abi: storyDaoAbi,
        functionName,
      } as never) as Promise<name extends 'CLOCK_MODE' ? string : bigint>
    const [mode, votingDelay, votingPeriod, minDelay, block] =
      await Promise.all([
        read('CLOCK_MODE'),
        read('votingDelay'),
        read('votingPeriod'),
        readContract(context.client, {
          address: timelock,
          abi: storyTimelockAbi,
          functionName: 'getMinDelay',
        }),
        getBlock(context.client),
      ])
    const clock = mode.includes('mode=timestamp') ? 'timestamp' : 'blocknumber'
    const voting = votingDelay + votingPeriod
    const votingSeconds =
      clock === 'timestamp' ? voting : voting * secondsPerBlock
    return {
      clock,
      votingDelay,
      votingPeriod,
      minDelay,
      now: block.timestamp,
      earliestExecution: block.timestamp + votingSeconds + minDelay,
    }
  } catch (cause) {
    throw new ChainReadError({
      what: `the voting and timelock delays of the governor ${governor}`,
      cause,
    })
  }
}
