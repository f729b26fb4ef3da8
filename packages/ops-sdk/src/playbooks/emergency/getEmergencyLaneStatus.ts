import type { MissingParameterErrorType } from '@storydao/core'
import type { Address } from 'viem'
import type {
  EmergencyChainMismatchErrorType,
  EmergencyRpcErrorType,
  EmergencyRpcUnreachableErrorType,
} from '../../errors/emergency.js'
import { assertParametersLazily } from '../internal/assertParametersLazily.js'
import type { EmergencyRpc } from './createEmergencyRpc.js'
import {
  type EmergencyLane,
  type EmergencyLanesFile,
  signedCount,
} from './emergencyLanes.js'
import { type LaneChain, readLaneChain } from './readLaneChain.js'
import { verifyEmergencyLane } from './verifyEmergencyLane.js'

export type GetEmergencyLaneStatusParameters = {
  /** The lanes file (`parseEmergencyLanes`). */
  file: EmergencyLanesFile
}

/**
 * A lane's state: `live` (signed, its nonce not used yet, a target still
 * unpaused; `fires now` when its nonce is the Safe's), `stale` (its nonce
 * was used), `unsigned` (fewer signatures than the threshold), `paused`
 * (every target is paused already) or `invalid` (hashes or signatures do not
 * verify).
 */
export type EmergencyLaneState =
  | 'live'
  | 'stale'
  | 'unsigned'
  | 'paused'
  | 'invalid'

export type GetEmergencyLaneStatusReturnType = {
  safe: Address
  network: string
  /** The Safe's nonce now. */
  nonce: bigint
  /** Every lane, in file order. */
  lanes: {
    id: string
    target: string
    nonce: bigint
    state: EmergencyLaneState
    /** Whether `emergency fire` would send it now. */
    firesNow: boolean
    signed: number
    required: number
    /** Why it is not live, in words (`unsigned: 1 of 2`). */
    detail: string
  }[]
  /** Targets with a live lane at the Safe's current nonce. */
  armed: string[]
  /** True when some lane is stale, unsigned or invalid, or a target has nothing to fire now. */
  rearm: boolean
}

export type GetEmergencyLaneStatusErrorType =
  | EmergencyChainMismatchErrorType
  | EmergencyRpcErrorType
  | EmergencyRpcUnreachableErrorType
  | MissingParameterErrorType

/**
 * Which emergency lanes would fire now: reads the Safe's nonce, owners,
 * threshold and each target's `paused()` in one batch, verifies each lane's
 * hashes and signatures offline, and classifies every lane (live, stale,
 * unsigned, paused, invalid). Re-arm with `emergency prepare` when a target
 * has no live lane at the current nonce.
 *
 * - Docs: https://github.com/storydao/ops-sdk/blob/main/docs/operations/incident-response.md#break-glass-lanes
 *
 * @example
 * ```ts
 * import { createEmergencyRpc, getEmergencyLaneStatus } from '@storydao/ops-sdk'
 *
 * const rpc = createEmergencyRpc({ rpcUrl: 'http://127.0.0.1:8545' })
 * const { armed, rearm } = await getEmergencyLaneStatus(rpc, { file })
 * ```
 */
export async function getEmergencyLaneStatus(
  client: EmergencyRpc,
  parameters: GetEmergencyLaneStatusParameters,
): Promise<GetEmergencyLaneStatusReturnType> {
  await assertParametersLazily('getEmergencyLaneStatus', { client }, ['client'])
  await assertParametersLazily('getEmergencyLaneStatus', parameters, ['file'])
  const { file } = parameters
  const targets = [
    ...new Set(
      file.lanes.flatMap((lane) => lane.targets.map((t) => t.address)),
    ),
  ]
  const chain = await readLaneChain(client, { safe: file.safe, targets })
  if (chain.chainId !== file.chainId) {
    const { EmergencyChainMismatchError } = await import(
      '../../errors/emergency.js'
    )
    throw new EmergencyChainMismatchError({
      message: `The RPC is on chain ${chain.chainId}, the lanes were prepared for chain ${file.chainId} (${file.network}).`,
      details: [`Lanes: ${file.network}, Safe ${file.safe}`],
    })
  }
  const lanes = await Promise.all(
    file.lanes.map((lane) => classifyLane({ file, lane, chain })),
  )
  const armed = lanes.filter((lane) => lane.firesNow).map((lane) => lane.target)
  return {
    safe: file.safe,
    network: file.network,
    nonce: chain.nonce,
    lanes,
    armed,
    rearm: needsRearm(file, lanes, armed),
  }
}

type LaneStatus = GetEmergencyLaneStatusReturnType['lanes'][number]

/** One lane's state against the chain: stale, unsigned, invalid, paused or live. */
async function classifyLane({
  file,
  lane,
  chain,
}: {
  file: EmergencyLanesFile
  lane: EmergencyLane
  chain: LaneChain
}): Promise<LaneStatus> {
  const { signed, required, complete } = signedCount(
    { threshold: chain.threshold },
    lane,
  )
  const problem = complete
    ? await verifyEmergencyLane({
        file,
        lane,
        owners: chain.owners,
        threshold: chain.threshold,
      }).then(
        () => undefined,
        (error: { metaMessages?: string[] }) =>
          error.metaMessages?.join('; ') ?? 'does not verify',
      )
    : undefined
  const allPaused = lane.targets.every(({ address }) =>
    chain.paused.get(address.toLowerCase()),
  )
  const [state, detail]: [EmergencyLaneState, string] =
    lane.nonce < chain.nonce
      ? [
          'stale',
          `its nonce ${lane.nonce} was used (the Safe is at ${chain.nonce})`,
        ]
      : !complete
        ? ['unsigned', `unsigned: ${signed} of ${required}`]
        : problem
          ? ['invalid', problem]
          : allPaused
            ? ['paused', 'every target is paused already']
            : [
                'live',
                lane.nonce === chain.nonce
                  ? 'fires now'
                  : `armed for nonce ${lane.nonce}`,
              ]
  return {
    id: lane.id,
    target: lane.target,
    nonce: lane.nonce,
    state,
    firesNow: state === 'live' && lane.nonce === chain.nonce,
    signed,
    required,
    detail,
  }
}

/** Re-arming is due when a lane is spent or unusable, or a target cannot fire now. */
function needsRearm(
  file: EmergencyLanesFile,
  lanes: readonly LaneStatus[],
  armed: readonly string[],
): boolean {
  const targets = [...new Set(file.lanes.map((lane) => lane.target))]
  return (
    lanes.some((lane) =>
      ['stale', 'unsigned', 'invalid'].includes(lane.state),
    ) ||
    targets.some(
      (target) =>
        !armed.includes(target) &&
        !lanes.some(
          (lane) => lane.target === target && lane.state === 'paused',
        ),
    )
  )
}
