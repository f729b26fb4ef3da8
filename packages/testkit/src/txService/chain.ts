import { erc1271Abi, safeAbi } from '@storydao/core'
import {
  type Address,
  createPublicClient,
  decodeFunctionData,
  getAddress,
  type Hex,
  http,
  keccak256,
  type PublicClient,
  parseAbi,
  toBytes,
  toEventSelector,
} from 'viem'

const sentinel = '0x0000000000000000000000000000000000000001'
const executionSuccess = toEventSelector(
  'ExecutionSuccess(bytes32 txHash, uint256 payment)',
)
const executionFailure = toEventSelector(
  'ExecutionFailure(bytes32 txHash, uint256 payment)',
)
// Safe storage layout (safe-smart-account: FallbackManager, GuardManager).
const slots = {
  singleton: '0x0',
  fallbackHandler: keccak256(toBytes('fallback_manager.handler.address')),
  guard: keccak256(toBytes('guard_manager.guard.address')),
  moduleGuard: keccak256(toBytes('module_manager.module_guard.address')),
} as const
const legacyErc1271Abi = parseAbi([
  'function isValidSignature(bytes _data, bytes _signature) view returns (bytes4)',
])
const magicValues = new Set(['0x1626ba7e', '0x20c13b0b'])

/** @internal What `/v1/safes/{address}/` returns, read live from the chain. */
export type SafeState = {
  address: Address
  nonce: bigint
  threshold: bigint
  owners: Address[]
  masterCopy: Address
  modules: Address[]
  fallbackHandler: Address
  guard: Address
  moduleGuard: Address
  version: string
}

/** @internal One `ExecutionSuccess`/`ExecutionFailure` log of a Safe. */
export type ExecutionLog = {
  safeTxHash: Hex
  success: boolean
  payment: bigint
  transactionHash: Hex
  blockHash: Hex
  blockNumber: bigint
}

/** @internal The Ethereum transaction that executed a Safe transaction. */
export type ExecutionDetails = {
  executionDate: Date
  executor: Address
  ethGasPrice: bigint | null
  maxFeePerGas: bigint | null
  maxPriorityFeePerGas: bigint | null
  gasUsed: bigint | null
  /** The `signatures` argument of `execTransaction`, when the tx called the Safe directly. */
  signatures: Hex | null
}

/** @internal Typed JSON-RPC reads the service needs. */
export type ChainReader = ReturnType<typeof createChainReader>

/**
 * @internal
 * Reads over one batched HTTP transport (concurrent calls share a round trip).
 */
export function createChainReader(rpcUrl: string) {
  const client: PublicClient = createPublicClient({
    transport: http(rpcUrl, { batch: true, retryCount: 0 }),
    cacheTime: 0,
  })
  const readSafe = <
    name extends 'VERSION' | 'nonce' | 'getOwners' | 'getThreshold',
  >(
    address: Address,
    functionName: name,
  ) => client.readContract({ address, abi: safeAbi, functionName })
  const readSlot = async (address: Address, slot: Hex) => {
    const word = await client.getStorageAt({ address, slot })
    return getAddress(`0x${(word ?? '0x').slice(-40).padStart(40, '0')}`)
  }

  return {
    getChainId: () => client.getChainId(),
    getVersion: (safe: Address) => readSafe(safe, 'VERSION'),
    getNonce: (safe: Address) => readSafe(safe, 'nonce'),
    getThreshold: (safe: Address) => readSafe(safe, 'getThreshold'),
    getOwners: async (safe: Address): Promise<Address[]> => [
      ...(await readSafe(safe, 'getOwners')),
    ],
    /** `null` when the address does not answer like a Safe. */
    async getSafeState(address: Address): Promise<SafeState | null> {
      const code = await client.getCode({ address })
      if (!code || code === '0x') return null
      const results = await Promise.allSettled([
        client.readContract({ address, abi: safeAbi, functionName: 'nonce' }),
        client.readContract({
          address,
          abi: safeAbi,
          functionName: 'getThreshold',
        }),
        client.readContract({
          address,
          abi: safeAbi,
          functionName: 'getOwners',
        }),
        client.readContract({
          address,
          abi: safeAbi,
          functionName: 'getModulesPaginated',
          args: [sentinel, 100n],
        }),
        client.readContract({ address, abi: safeAbi, functionName: 'VERSION' }),
        readSlot(address, slots.singleton),
        readSlot(address, slots.fallbackHandler),
        readSlot(address, slots.guard),
        readSlot(address, slots.moduleGuard),
      ])
      if (results.some((result) => result.status === 'rejected')) {
        const rejected = results.find((r) => r.status === 'rejected')
        if (isConnectionError(rejected?.reason)) throw rejected?.reason
        return null
      }
      const value = <type>(index: number) =>
        (results[index] as PromiseFulfilledResult<type>).value
      const version = value<string>(4)
      return {
        address,
        nonce: value<bigint>(0),
        threshold: value<bigint>(1),
        owners: [...value<readonly Address[]>(2)],
        modules: [...value<readonly [readonly Address[], Address]>(3)[0]],
        version,
        masterCopy: value<Address>(5),
        fallbackHandler: value<Address>(6),
        guard: value<Address>(7),
        // The module guard exists from Safe v1.5.0; older layouts read zero.
        moduleGuard: value<Address>(8),
      }
    },
    /** Every execution event of the Safe, in chain order. */
    async getExecutionLogs(safe: Address): Promise<ExecutionLog[]> {
      const logs = await client.request({
        method: 'eth_getLogs',
        params: [
          {
            address: safe,
            topics: [[executionSuccess, executionFailure]],
            fromBlock: 'earliest',
            toBlock: 'latest',
          },
        ],
      })
      return logs
        .filter((log) => !log.removed && log.topics[1])
        .map((log) => ({
          safeTxHash: log.topics[1]!.toLowerCase() as Hex,
          success: log.topics[0] === executionSuccess,
          payment: BigInt(log.data === '0x' ? 0 : log.data),
          transactionHash: log.transactionHash as Hex,
          blockHash: log.blockHash as Hex,
          blockNumber: BigInt(log.blockNumber as Hex),
        }))
    },
    async getExecutionDetails(
      safe: Address,
      log: ExecutionLog,
    ): Promise<ExecutionDetails> {
      const [transaction, receipt, block] = await Promise.all([
        client.getTransaction({ hash: log.transactionHash }),
        client.getTransactionReceipt({ hash: log.transactionHash }),
        client.getBlock({ blockHash: log.blockHash }),
      ])
      let signatures: Hex | null = null
      if (transaction.to && getAddress(transaction.to) === safe)
        try {
          const decoded = decodeFunctionData({
            abi: safeAbi,
            data: transaction.input,
          })
          if (decoded.functionName === 'execTransaction')
            signatures = decoded.args[9].toLowerCase() as Hex
        } catch {
          // Not a plain execTransaction call.
        }
      return {
        executionDate: new Date(Number(block.timestamp) * 1000),
        executor: getAddress(transaction.from),
        ethGasPrice: receipt.effectiveGasPrice ?? transaction.gasPrice ?? null,
        maxFeePerGas: transaction.maxFeePerGas ?? null,
        maxPriorityFeePerGas: transaction.maxPriorityFeePerGas ?? null,
        gasUsed: receipt.gasUsed ?? null,
        signatures,
      }
    },
    /** `approvedHashes(owner, hash) == 1` at `pending`, then `latest` (safe-eth-py). */
    async isHashApproved(
      safe: Address,
      owner: Address,
      hash: Hex,
    ): Promise<boolean> {
      let failure: unknown
      for (const blockTag of ['pending', 'latest'] as const)
        try {
          const approved = await client.readContract({
            address: safe,
            abi: safeAbi,
            functionName: 'approvedHashes',
            args: [owner, hash],
            blockTag,
          })
          return approved === 1n
        } catch (error) {
          failure = error
        }
      if (isConnectionError(failure)) throw failure
      return false
    },
    /**
     * EIP-1271: `isValidSignature(bytes32, bytes)`, then the legacy
     * `isValidSignature(bytes, bytes)` over the preimage (what Safe ≤ 1.4.1
     * calls), either magic value accepted.
     */
    async isValidContractSignature(
      owner: Address,
      hash: Hex,
      preimage: Hex,
      signature: Hex,
    ): Promise<boolean> {
      const attempts = [
        () =>
          client.readContract({
            address: owner,
            abi: erc1271Abi,
            functionName: 'isValidSignature',
            args: [hash, signature],
          }),
        () =>
          client.readContract({
            address: owner,
            abi: legacyErc1271Abi,
            functionName: 'isValidSignature',
            args: [preimage, signature],
          }),
      ]
      for (const attempt of attempts)
        try {
          if (magicValues.has((await attempt()).toLowerCase())) return true
        } catch (error) {
          if (isConnectionError(error)) throw error
        }
      return false
    },
  }
}

/** @internal The node did not answer (as opposed to a call that reverted). */
export function isConnectionError(error: unknown): boolean {
  let current: unknown = error
  while (current && typeof current === 'object') {
    const name = (current as { name?: unknown }).name
    if (
      name === 'HttpRequestError' ||
      name === 'TimeoutError' ||
      name === 'SocketClosedError' ||
      name === 'WebSocketRequestError'
    )
      return true
    current = (current as { cause?: unknown }).cause
  }
  return false
}
