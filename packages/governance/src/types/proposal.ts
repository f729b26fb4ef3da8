import type { Address } from 'viem'
import type { OperationCall, ProposalDescription } from './calls.js'

/** Which proposal: governor, calls and description (or its hash). `buildGovernorQueue`, `buildGovernorExecute` and `buildGovernorCancel` take it. */
export type ProposalReference = {
  /** The Governor. */
  governor: Address
  /** The proposal's calls, exactly as proposed. */
  calls: readonly OperationCall[]
  /** Overrides the generated label. */
  label?: string | undefined
} & ProposalDescription

/** Parameters shared by queue, execute and cancel. */
export type ProposalActionParameters = ProposalReference & {
  /** Wei sent with the call (only `execute` is payable); `0n` when omitted. */
  value?: bigint | undefined
}
