import {
  encodeSafeSignatures,
  getQueuedSafePlans,
  proposeSafePlan,
  type SafePlan,
  type SafeSignature,
  signSafePlan,
} from '@storydao/safe'
import { type Address, type Hex, isAddressEqual } from 'viem'
import type { LocalAccount } from 'viem/accounts'
import type { OpsContext } from '../createOpsContext.js'

type Signed = { signers: Address[]; signatures: Hex }

/**
 * @internal Signatures for each lane's plan. `dev-accounts`: the anvil dev
 * accounts that own the Safe sign (the first `threshold` by address).
 * `service`: each lane is looked up on the Safe Transaction Service, proposed
 * first when the context's signer is an owner, and whatever confirmations
 * the service holds are stored (possibly fewer than the threshold).
 */
export async function collectLaneSignatures(
  context: OpsContext,
  {
    plans,
    owners,
    threshold,
    mode,
    titles,
  }: {
    plans: readonly SafePlan[]
    owners: readonly Address[]
    threshold: number
    mode: 'dev-accounts' | 'service'
    titles: readonly string[]
  },
): Promise<Signed[]> {
  const keys = context.signers.filter((account) =>
    owners.some((owner) => isAddressEqual(owner, account.address)),
  )
  if (mode === 'dev-accounts') {
    const chosen = [...keys]
      .sort((a, b) => compareAddresses(a.address, b.address))
      .slice(0, threshold)
    return Promise.all(
      plans.map(async (plan) =>
        pack(
          await Promise.all(
            chosen.map((account) => signSafePlan({ plan, account })),
          ),
        ),
      ),
    )
  }
  return fromService(context, { plans, proposer: keys[0], titles })
}

async function fromService(
  context: OpsContext,
  {
    plans,
    proposer,
    titles,
  }: {
    plans: readonly SafePlan[]
    proposer: LocalAccount | undefined
    titles: readonly string[]
  },
): Promise<Signed[]> {
  const [first] = plans
  if (!first) return []
  const queue = async () =>
    getQueuedSafePlans(context.service, { safe: first.safe })
  let queued = await queue()
  const missing = plans.filter(
    (plan) => !queued.some((entry) => entry.safeTxHash === plan.safeTxHash),
  )
  if (proposer && missing.length > 0) {
    // One at a time: the service validates each against the current queue.
    for (const plan of missing)
      await proposeSafePlan(context.service, {
        plan,
        sender: proposer.address,
        signature: await signSafePlan({ plan, account: proposer }),
        origin: `storydao-ops: ${titles[plans.indexOf(plan)]}`,
      })
    queued = await queue()
  }
  return plans.map((plan) => {
    const entry = queued.find((item) => item.safeTxHash === plan.safeTxHash)
    // Only EOA and eth_sign signatures: `emergency fire` verifies each one
    // offline before sending, which a contract signature would not allow.
    return pack(
      (entry?.confirmations ?? []).filter(
        ({ type }) => type === 'EOA' || type === 'ETH_SIGN',
      ),
    )
  })
}

function pack(signatures: readonly SafeSignature[]): Signed {
  const sorted = [...signatures].sort((a, b) =>
    compareAddresses(a.signer, b.signer),
  )
  return {
    signers: sorted.map(({ signer }) => signer),
    signatures: sorted.length > 0 ? encodeSafeSignatures(sorted) : '0x',
  }
}

function compareAddresses(a: Address, b: Address): number {
  const difference = BigInt(a) - BigInt(b)
  return difference < 0n ? -1 : difference > 0n ? 1 : 0
}
