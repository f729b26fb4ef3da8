import type { Address, Hex } from 'viem'

/**
 * One pre-signed pause: the emergency Safe's transaction at one reserved
 * nonce, its hashes, the owners' signatures and the rehearsal's verdict.
 */
export type EmergencyLane = {
  /** `<target>@<nonce>`: what `status` prints and `review --lane` takes. */
  id: string
  /** A manifest contract name, or `all` for the batch that pauses every pausable contract. */
  target: string
  /** What the lane pauses, in call order. */
  targets: { name: string; address: Address }[]
  /** The Safe nonce the lane consumes. */
  nonce: bigint
  /** The EIP-712 `SafeTx` fields exactly as signed. */
  safeTx: {
    to: Address
    value: bigint
    data: Hex
    operation: 0 | 1
    safeTxGas: bigint
    baseGas: bigint
    gasPrice: bigint
    gasToken: Address
    refundReceiver: Address
    nonce: bigint
  }
  safeTxHash: Hex
  domainHash: Hex
  messageHash: Hex
  /** Gas limit for `execTransaction`: the rehearsal's gas with a margin. */
  gasLimit: bigint
  /** Owners whose signatures `signatures` holds, ascending. */
  signers: Address[]
  /** The packed `execTransaction` signatures (`0x` when nobody signed yet). */
  signatures: Hex
  /** The rehearsal on a fork at this nonce. */
  rehearsal: {
    ok: boolean
    forkBlock: bigint
    gasUsed: bigint
    invariants: number
    failed: string[]
  }
}

/** `safe-transactions/<network>/emergency-lanes.json`: every lane of one emergency Safe. */
export type EmergencyLanesFile = {
  kind: 'storydao-emergency-lanes'
  version: 1
  network: string
  chainId: number
  /** The emergency Safe. */
  safe: Address
  safeVersion: string
  /** The Safe's owners and threshold when the lanes were prepared. */
  owners: Address[]
  threshold: number
  /** The manifest contracts the emergency Safe can pause. */
  pausable: string[]
  /** ISO 8601. */
  preparedAt: string
  lanes: EmergencyLane[]
}

/** One problem found while validating a lanes file: a JSON path and what is wrong there. */
export type EmergencyLanesIssue = { path: string; message: string }

/** @internal The lanes file as JSON text: bigints as decimal strings. */
export function stringifyEmergencyLanes(file: EmergencyLanesFile): string {
  return `${JSON.stringify(
    file,
    (_key, value) => (typeof value === 'bigint' ? value.toString() : value),
    2,
  )}\n`
}

/** @internal The count of signatures a lane holds against the file's threshold: `2 of 2`. */
export function signedCount(
  file: Pick<EmergencyLanesFile, 'threshold'>,
  lane: Pick<EmergencyLane, 'signers'>,
): { signed: number; required: number; complete: boolean } {
  return {
    signed: lane.signers.length,
    required: file.threshold,
    complete: lane.signers.length >= file.threshold,
  }
}
