import type { Address, Hex } from 'viem'

/**
 * @internal The Safe{Wallet} page where owners review and sign a queued
 * transaction, for networks with an EIP-3770 short name (`eth`, `sep`, …).
 */
export function toSafeWalletUrl({
  shortName,
  safe,
  safeTxHash,
}: {
  shortName: string
  safe: Address
  safeTxHash: Hex
}): string {
  return `https://app.safe.global/transactions/tx?safe=${shortName}:${safe}&id=multisig_${safe}_${safeTxHash}`
}
