// Baseline for bench/cli.ts: the bare minimum a script does to propose the
// same emergency pause with protocol-kit + api-kit: no manifest, no checks,
// no rehearsal, no files. Inputs come from the environment (set by the bench).
import { createRequire } from 'node:module'

const require = createRequire(
  new URL('../../packages/testkit/package.json', import.meta.url),
)
// Resolved to their CommonJS builds, whose default export is nested once more.
const unwrap = (module) => module.default?.default ?? module.default
const Safe = unwrap(await import(require.resolve('@safe-global/protocol-kit')))
const SafeApiKit = unwrap(await import(require.resolve('@safe-global/api-kit')))
const { encodeFunctionData, parseAbi } = await import(require.resolve('viem'))
const { privateKeyToAccount } = await import(require.resolve('viem/accounts'))

const env = process.env
const contractNetworks = JSON.parse(env.BENCH_CONTRACT_NETWORKS)
const signer = privateKeyToAccount(env.BENCH_OWNER_KEY)
const kit = await Safe.init({
  provider: env.BENCH_RPC_URL,
  signer: env.BENCH_OWNER_KEY,
  safeAddress: env.BENCH_SAFE,
  contractNetworks,
})
const api = new SafeApiKit({
  chainId: 31337n,
  txServiceUrl: env.BENCH_TX_SERVICE_URL,
})
// The chain nonce: the bench never executes, so every proposal replaces the
// same pending nonce (as the Transaction Service allows).
const nonce = await kit.getNonce()
const transaction = await kit.createTransaction({
  transactions: [
    {
      to: env.BENCH_TARGET,
      value: '0',
      data: encodeFunctionData({
        abi: parseAbi(['function pause()']),
        functionName: 'pause',
      }),
    },
  ],
  options: { nonce },
})
const safeTxHash = await kit.getTransactionHash(transaction)
const signature = await kit.signHash(safeTxHash)
await api.proposeTransaction({
  safeAddress: env.BENCH_SAFE,
  safeTransactionData: transaction.data,
  safeTxHash,
  senderAddress: signer.address,
  senderSignature: signature.data,
})
process.stdout.write(`${JSON.stringify({ safeTxHash })}\n`)
