import type { MissingParameterErrorType } from '@storydao/core'
import type { Address, Hex } from 'viem'
import {
  concat,
  hashMessage,
  hashStruct,
  isAddressEqual,
  keccak256,
  recoverAddress,
  slice,
} from 'viem/utils'
import type { EmergencyLaneTamperedErrorType } from '../../errors/emergency.js'
import { assertParametersLazily } from '../internal/assertParametersLazily.js'
import type { EmergencyLane, EmergencyLanesFile } from './emergencyLanes.js'

export type VerifyEmergencyLaneParameters = {
  /** The lanes file the lane comes from (chain id, Safe, owners, threshold). */
  file: EmergencyLanesFile
  lane: EmergencyLane
  /** The Safe's owners now (read from the chain); default the file's. */
  owners?: readonly Address[] | undefined
  /** The Safe's threshold now; default the file's. */
  threshold?: number | undefined
}

export type VerifyEmergencyLaneReturnType = {
  /** The owners the packed signatures recover to, ascending. */
  signers: Address[]
}

export type VerifyEmergencyLaneErrorType =
  | EmergencyLaneTamperedErrorType
  | MissingParameterErrorType

// Safe ≥ 1.3.0's EIP-712 types (docs/safe-formats.md#safe-transaction-hash).
const domainTypes = {
  EIP712Domain: [
    { name: 'chainId', type: 'uint256' },
    { name: 'verifyingContract', type: 'address' },
  ],
} as const
const safeTxTypes = {
  SafeTx: [
    { name: 'to', type: 'address' },
    { name: 'value', type: 'uint256' },
    { name: 'data', type: 'bytes' },
    { name: 'operation', type: 'uint8' },
    { name: 'safeTxGas', type: 'uint256' },
    { name: 'baseGas', type: 'uint256' },
    { name: 'gasPrice', type: 'uint256' },
    { name: 'gasToken', type: 'address' },
    { name: 'refundReceiver', type: 'address' },
    { name: 'nonce', type: 'uint256' },
  ],
} as const

/**
 * Checks a lane the way the Safe will before anything is sent: recomputes the
 * domain hash, message hash and safeTxHash from the stored fields and
 * compares them with the stored ones, then recovers every packed signature
 * and requires ascending owners, at least the threshold of them. A lanes file
 * edited after signing fails here instead of reverting on chain.
 *
 * - Docs: https://github.com/storydao/ops-sdk/blob/main/docs/operations/incident-response.md#break-glass-lanes
 *
 * @example
 * ```ts
 * import { verifyEmergencyLane } from '@storydao/ops-sdk'
 *
 * const { signers } = await verifyEmergencyLane({ file, lane: file.lanes[0] })
 * ```
 */
export async function verifyEmergencyLane(
  parameters: VerifyEmergencyLaneParameters,
): Promise<VerifyEmergencyLaneReturnType> {
  await assertParametersLazily('verifyEmergencyLane', parameters, [
    'file',
    'lane',
  ])
  const { file, lane } = parameters
  const owners = parameters.owners ?? file.owners
  const threshold = parameters.threshold ?? file.threshold
  const computed = hashLane(file, lane.safeTx)
  const problems = compareHashes(computed, lane)
  // The Safe checks signatures against the hash of the fields it is given,
  // so they are recovered against the computed hash, not the stored one.
  const { signers, problems: signatureProblems } = await recoverSigners(lane, {
    hash: computed.safeTxHash,
    owners,
  })
  problems.push(...signatureProblems)
  if (signers.length < threshold)
    problems.push(
      `${signers.length} of ${threshold} owner signatures verify: unsigned lanes cannot fire`,
    )
  if (problems.length === 0) return { signers }
  const { EmergencyLaneTamperedError } = await import(
    '../../errors/emergency.js'
  )
  throw new EmergencyLaneTamperedError({ lane: lane.id, problems })
}

/** @internal The three hashes of a lane's `safeTx`, computed here. */
export function hashLane(
  file: Pick<EmergencyLanesFile, 'chainId' | 'safe'>,
  safeTx: EmergencyLane['safeTx'],
): { domainHash: Hex; messageHash: Hex; safeTxHash: Hex } {
  const domainHash = hashStruct({
    data: { chainId: BigInt(file.chainId), verifyingContract: file.safe },
    primaryType: 'EIP712Domain',
    types: domainTypes,
  })
  const messageHash = hashStruct({
    data: safeTx,
    primaryType: 'SafeTx',
    types: safeTxTypes,
  })
  const safeTxHash = keccak256(concat(['0x1901', domainHash, messageHash]))
  return { domainHash, messageHash, safeTxHash }
}

function compareHashes(
  computed: ReturnType<typeof hashLane>,
  lane: EmergencyLane,
): string[] {
  return (['domainHash', 'messageHash', 'safeTxHash'] as const).flatMap(
    (key) =>
      computed[key].toLowerCase() === lane[key].toLowerCase()
        ? []
        : [
            `${key}: the stored fields hash to ${computed[key]}, the file says ${lane[key]}`,
          ],
  )
}

async function recoverSigners(
  lane: EmergencyLane,
  { hash, owners }: { hash: Hex; owners: readonly Address[] },
): Promise<{ signers: Address[]; problems: string[] }> {
  const count = (lane.signatures.length - 2) / 130
  const signers: Address[] = []
  const problems: string[] = []
  for (let index = 0; index < count; index++) {
    const part = slice(lane.signatures, index * 65, index * 65 + 65)
    const signer = await recoverPart(hash, part).catch(() => undefined)
    const label = `signature ${index + 1}`
    if (!signer) {
      problems.push(`${label} is not a valid EOA or eth_sign signature`)
      continue
    }
    if (!owners.some((owner) => isAddressEqual(owner, signer)))
      problems.push(`${label} recovers to ${signer}, not an owner of the Safe`)
    else if (
      signers.length > 0 &&
      BigInt(signer) <= BigInt(signers[signers.length - 1]!)
    )
      problems.push(`${label} (${signer}) is out of the ascending owner order`)
    else signers.push(signer)
    const claimed = lane.signers[index]
    if (claimed && !isAddressEqual(claimed, signer))
      problems.push(`${label} recovers to ${signer}, the file names ${claimed}`)
  }
  return { signers, problems }
}

async function recoverPart(hash: Hex, part: Hex): Promise<Address | undefined> {
  const v = Number.parseInt(part.slice(-2), 16)
  if (v === 27 || v === 28) return recoverAddress({ hash, signature: part })
  // eth_sign signatures carry v + 4 (docs/safe-formats.md#signature-bytes).
  if (v === 31 || v === 32)
    return recoverAddress({
      hash: hashMessage({ raw: hash }),
      signature: `${part.slice(0, -2)}${(v - 4).toString(16)}` as Hex,
    })
  return undefined
}
