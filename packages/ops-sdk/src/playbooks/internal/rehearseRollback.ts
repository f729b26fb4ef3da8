import { type Call, ChainReadError, type UpgradeEntry } from '@storydao/core'
import {
  checkInvariants,
  createFork,
  type Fork,
  getDefaultInvariants,
  readInvariantState,
} from '@storydao/invariants'
import {
  type Address,
  BaseError,
  type Hex,
  HttpRequestError,
  numberToHex,
  TimeoutError,
} from 'viem'
import type { RollbackRehearsal } from '../../types/upgrade.js'
import type { OpsContext } from '../createOpsContext.js'
import { buildUpgradeCall, upgradeKindOf } from './upgradeCall.js'

// Gas is free on the fork (zero base fee, gas price 0); estimates are
// unreliable there (ERC20Votes checkpoints), so every call gets a fixed limit
// that fits a CREATE2 implementation deploy.
const forkGasLimit = 15_000_000n

/**
 * @internal The reverse of an upgrade: back to the implementation it
 * replaces, with no call after it (the old implementation's storage is
 * already initialised). `upgrade rollback` records the same call.
 */
export function buildReverseUpgrade(
  context: OpsContext,
  upgrade: UpgradeEntry,
): { to: Address; data: Hex } {
  const target = context.manifest.contracts[upgrade.target]!
  const call = buildUpgradeCall(target, {
    kind: upgradeKindOf(upgrade.target, target),
    implementation: upgrade.fromImplementation,
    data: undefined,
  })
  return { to: call.to, data: call.data }
}

/**
 * @internal Rehearses the rollback on a fork before voters see the proposal:
 * the upgrade's actions run as the timelock (as the executed proposal would),
 * then the reverse upgrade, then the `upgrade` invariants for the old
 * implementation (relative ones across the reverse). A call that reverts is a
 * failed rehearsal, not an error.
 */
export async function rehearseRollback(
  context: OpsContext,
  {
    upgrade,
    actions,
    timelock,
  }: { upgrade: UpgradeEntry; actions: readonly Call[]; timelock: Address },
): Promise<RollbackRehearsal> {
  const reverse = buildReverseUpgrade(context, upgrade)
  const base = { reverse, implementation: upgrade.fromImplementation }
  const fork = await createFork({ rpcUrl: context.rpcUrl })
  try {
    for (const action of actions) {
      const failure = await runAsTimelock(fork, { timelock, call: action })
      if (failure) return failedRehearsal(base, `the upgrade: ${failure}`)
    }
    const invariants = getDefaultInvariants({
      manifest: context.manifest,
      action: 'upgrade',
      upgrade: {
        contract: upgrade.target,
        implementation: upgrade.fromImplementation,
      },
    }).filter((invariant) => !invariant.needsLogs)
    const before = await readInvariantState(fork.client, {
      invariants: invariants.filter((invariant) => invariant.needsBefore),
    })
    const failure = await runAsTimelock(fork, {
      timelock,
      call: {
        ...reverse,
        value: 0n,
        operation: 'call',
        label: `${upgrade.target} back to ${upgrade.fromImplementation}`,
      },
    })
    if (failure) return failedRehearsal(base, `the reverse upgrade: ${failure}`)
    const checked = await checkInvariants(fork.client, { invariants, before })
    return {
      ...base,
      ok: checked.ok,
      invariants: checked.results.length,
      failed: checked.violations.map(
        (violation) => `invariant ${violation.name} failed`,
      ),
    }
  } finally {
    await fork.stop()
  }
}

function failedRehearsal(
  base: Pick<RollbackRehearsal, 'reverse' | 'implementation'>,
  failure: string,
): RollbackRehearsal {
  return { ...base, ok: false, invariants: 0, failed: [failure] }
}

/**
 * Sends one call from the timelock (the fork impersonates every sender);
 * returns why it failed, or `undefined` when it succeeded.
 */
async function runAsTimelock(
  fork: Fork,
  { timelock, call }: { timelock: Address; call: Call },
): Promise<string | undefined> {
  const what = call.label ?? `call to ${call.to}`
  const transaction = {
    from: timelock,
    to: call.to,
    data: call.data,
    value: numberToHex(call.value),
    gas: numberToHex(forkGasLimit),
    gasPrice: '0x0',
  }
  try {
    // The call first: it names the revert reason a mined receipt does not.
    await fork.client.request({
      method: 'eth_call',
      params: [transaction, 'latest'],
    } as never)
    const hash = (await fork.client.request({
      method: 'eth_sendTransaction',
      params: [transaction],
    } as never)) as Hex
    const receipt = await fork.client.waitForTransactionReceipt({ hash })
    return receipt.status === 'success'
      ? undefined
      : `${what} reverted on the fork in block ${receipt.blockNumber}`
  } catch (error) {
    if (error instanceof HttpRequestError || error instanceof TimeoutError)
      throw new ChainReadError({
        what: 'the rollback rehearsal on the fork',
        cause: error,
      })
    const reason =
      error instanceof BaseError ? error.shortMessage : String(error)
    return `${what} reverts on the fork: ${reason}`
  }
}
