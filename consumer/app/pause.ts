// What a user's repository does with @storydao/ops-sdk: plan an emergency
// pause as an emergency-Safe transaction, rehearse it on a fork with the pause
// invariants, sign and propose it to the Transaction Service, and find it in
// the queue. The stack's URLs come from the environment (storydao-local).
import {
  assertSafePlan,
  buildPause,
  buildSafePlan,
  createFork,
  createSafeService,
  getDefaultInvariants,
  getQueuedSafePlans,
  loadManifest,
  proposeSafePlan,
  signSafePlan,
} from '@storydao/ops-sdk'
import { createPublicClient, type Hex, http } from 'viem'
import { privateKeyToAddress } from 'viem/accounts'

function env(name: string): string {
  const value = process.env[name]
  if (!value) throw new Error(`${name} is not set`)
  return value
}

const rpcUrl = env('STORYDAO_RPC_URL')
const proposerKey = env('STORYDAO_PROPOSER_KEY') as Hex
const manifest = await loadManifest(env('STORYDAO_MANIFEST'))
const emergency = manifest.safes.emergency
const coin = manifest.contracts.AuthorCoin
if (!emergency || !coin) throw new Error('the manifest has no emergency Safe')

const client = createPublicClient({ transport: http(rpcUrl) })
const service = createSafeService({
  chainId: await client.getChainId(),
  txServiceUrl: env('STORYDAO_TX_SERVICE_URL'),
})
const plan = await buildSafePlan(client, {
  safe: emergency.address,
  calls: [buildPause({ target: coin.address })],
  service,
})

const fork = await createFork({ rpcUrl })
try {
  await assertSafePlan(fork, {
    plan,
    manifest,
    invariants: getDefaultInvariants({ manifest, action: 'pause' }),
  })
} finally {
  await fork.stop()
}

await proposeSafePlan(service, {
  plan,
  sender: privateKeyToAddress(proposerKey),
  signature: await signSafePlan({ plan, account: proposerKey }),
})
const queued = await getQueuedSafePlans(service, { safe: plan.safe })
if (!queued.some((entry) => entry.safeTxHash === plan.safeTxHash))
  throw new Error(`${plan.safeTxHash} is not in the service queue`)
console.log(
  JSON.stringify({
    ok: true,
    safeTxHash: plan.safeTxHash,
    nonce: plan.nonce.toString(),
  }),
)
