import type { Call } from '@storydao/core'
import { setErrorConfig } from '@storydao/core'
import {
  buildSafePlan,
  executeSafePlan,
  type SafePlanCall,
  signSafePlan,
} from '@storydao/safe'
import type { LocalStack } from '@storydao/testkit'
import { type Client, http, type Transport } from 'viem'

// Pinned so error message snapshots do not change with every release.
setErrorConfig({
  getDocsUrl: ({ docsPath }) => docsPath,
  version: '@storydao/core@x.y.z',
})

/** A viem transport factory that counts JSON-RPC requests by method. */
export function countingTransport() {
  const methods: string[] = []
  return {
    transport: (url: string): Transport =>
      ((options: Parameters<Transport>[0]) => {
        const inner = http(url)(options)
        return {
          ...inner,
          request: (async (args: { method: string }) => {
            methods.push(args.method)
            return inner.request(args as never)
          }) as typeof inner.request,
        }
      }) as Transport,
    methods,
    count: () => methods.length,
    reset: () => {
      methods.length = 0
    },
  }
}

/** Executes calls from a stack Safe for real: plan, two owner signatures, execTransaction. */
export async function executeOnStack(
  stack: LocalStack,
  which: 'ops' | 'emergency',
  calls: readonly (Call | SafePlanCall)[],
): Promise<void> {
  const safe = stack.manifest.safes[which]!
  const owners =
    which === 'ops' ? stack.accounts.opsOwners : stack.accounts.emergencyOwners
  const plan = await buildSafePlan(stack.client as unknown as Client, {
    safe: safe.address,
    calls,
  })
  const signatures = [
    await signSafePlan({ plan, account: owners[0].privateKey }),
    await signSafePlan({ plan, account: owners[1].privateKey }),
  ]
  // Explicit gas: anvil's estimate misses ERC20Votes checkpoint writes.
  await executeSafePlan(stack.client as unknown as Client, {
    plan,
    signatures,
    gas: 5_000_000n,
  })
}

/** Moves the stack's clock forward and mines a block. */
export async function passTime(
  stack: LocalStack,
  seconds: number,
): Promise<void> {
  await stack.client.increaseTime({ seconds })
  await stack.client.mine({ blocks: 1 })
}
