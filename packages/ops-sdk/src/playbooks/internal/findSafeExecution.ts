import { ChainReadError, safeAbi } from '@storydao/core'
import type { Address, Chain, Hex, PublicClient, Transport } from 'viem'
import { getBlockNumber, getContractEvents, readContract } from 'viem/actions'
import {
  DeploymentExecutionFailedError,
  DeploymentNotExecutedError,
} from '../../errors/deployment.js'

// Public RPCs cap eth_getLogs ranges (often at 10 000 blocks); a multisig
// may take days to collect signatures, so the search walks in windows.
const window = 10_000n

/**
 * @internal The Safe's execution of `safeTxHash`: its `ExecutionSuccess` log
 * (the Safe indexes the hash), searched from `fromBlock`. An
 * `ExecutionFailure` or no log at all are errors naming the Safe's nonce.
 */
export async function findSafeExecution(
  client: PublicClient<Transport, Chain | undefined>,
  {
    safe,
    safeTxHash,
    nonce,
    fromBlock,
  }: { safe: Address; safeTxHash: Hex; nonce: bigint; fromBlock: bigint },
): Promise<{ blockNumber: bigint; transactionHash: Hex }> {
  const latest = await read('the latest block', () => getBlockNumber(client))
  for (let start = fromBlock; start <= latest; start += window) {
    const end = start + window - 1n < latest ? start + window - 1n : latest
    const logs = await read(`the Safe ${safe}'s execution logs`, () =>
      getContractEvents(client, {
        address: safe,
        abi: safeAbi,
        args: { txHash: safeTxHash },
        fromBlock: start,
        toBlock: end,
      }),
    )
    const log = logs.find(
      (entry) =>
        entry.eventName === 'ExecutionSuccess' ||
        entry.eventName === 'ExecutionFailure',
    )
    if (!log) continue
    if (log.eventName === 'ExecutionFailure')
      throw new DeploymentExecutionFailedError({
        safeTxHash,
        transactionHash: log.transactionHash,
      })
    return {
      blockNumber: log.blockNumber,
      transactionHash: log.transactionHash,
    }
  }
  const safeNonce = await read(`the Safe ${safe}'s nonce`, () =>
    readContract(client, {
      address: safe,
      abi: safeAbi,
      functionName: 'nonce',
    }),
  )
  throw new DeploymentNotExecutedError({ safeTxHash, safe, nonce, safeNonce })
}

async function read<value>(
  what: string,
  run: () => Promise<value>,
): Promise<value> {
  try {
    return await run()
  } catch (cause) {
    throw new ChainReadError({ what, cause })
  }
}
