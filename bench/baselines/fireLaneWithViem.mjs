// Baseline for bench/emergencyFire.ts: the bare minimum a script does to send
// an already signed emergency-Safe pause with viem: read the lane from the
// lanes file, execTransaction with its packed signatures, wait for the
// receipt. No verification, no checks. Inputs come from the environment (set
// by the bench); viem is the same copy the CLI loads (its ESM build).
import { readFileSync } from 'node:fs'

const viem = new URL(
  '../../packages/ops-sdk/node_modules/viem/_esm/',
  import.meta.url,
)
const { createPublicClient, createWalletClient, http, parseAbi } = await import(
  new URL('index.js', viem)
)
const { privateKeyToAccount } = await import(new URL('accounts/index.js', viem))

const env = process.env
const file = JSON.parse(readFileSync(env.BENCH_LANES, 'utf8'))
const lane = file.lanes.find((entry) => entry.id === env.BENCH_LANE)
const tx = lane.safeTx
const transport = http(env.BENCH_RPC_URL)
const wallet = createWalletClient({
  account: privateKeyToAccount(env.BENCH_SENDER_KEY),
  transport,
})
const hash = await wallet.writeContract({
  address: file.safe,
  abi: parseAbi([
    'function execTransaction(address to, uint256 value, bytes data, uint8 operation, uint256 safeTxGas, uint256 baseGas, uint256 gasPrice, address gasToken, address refundReceiver, bytes signatures) payable returns (bool)',
  ]),
  functionName: 'execTransaction',
  args: [
    tx.to,
    BigInt(tx.value),
    tx.data,
    tx.operation,
    BigInt(tx.safeTxGas),
    BigInt(tx.baseGas),
    BigInt(tx.gasPrice),
    tx.gasToken,
    tx.refundReceiver,
    lane.signatures,
  ],
  chain: null,
})
const receipt = await createPublicClient({
  transport,
}).waitForTransactionReceipt({ hash, pollingInterval: 100 })
if (receipt.status !== 'success') process.exit(1)
