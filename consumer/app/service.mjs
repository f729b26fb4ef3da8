// The Transaction Service path as an app bundles it (the consumer test runs it
// through esbuild): reads the emergency Safe's queue from the local stack and
// prints the outcome, or the typed error a user would see.
import {
  createSafeService,
  getQueuedSafePlans,
  loadManifest,
} from '@storydao/ops-sdk'

const manifest = await loadManifest(process.env.STORYDAO_MANIFEST)
const service = createSafeService({
  chainId: manifest.network.chainId,
  txServiceUrl: process.env.STORYDAO_TX_SERVICE_URL,
})
try {
  const queue = await getQueuedSafePlans(service, {
    safe: manifest.safes.emergency.address,
  })
  console.log(JSON.stringify({ ok: true, queued: queue.length }))
} catch (error) {
  console.log(JSON.stringify({ ok: false, name: error.name, hint: error.hint }))
}
