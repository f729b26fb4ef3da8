import {
  assertParameters,
  type MissingParameterErrorType,
} from '@storydao/core'
import type { GetAddressErrorType } from 'viem'
import { type Address, getAddress, type Hex } from 'viem'
import { version } from '../errors/version.js'
import { timelockReadAbi } from '../internal/abis.js'
import { nameOf } from '../internal/invariantHelpers.js'
import type { Invariant, InvariantParameters } from '../types.js'

/**
 * The state {@link timelockOperationIs} requires of an operation, as
 * TimelockController's `getOperationState` reports it (OpenZeppelin 5.x:
 * `unset`, `waiting`, `ready`, `done`); `pending` means `waiting` or `ready`.
 * Not `TimelockOperationState` of `@storydao/governance`, which is rebuilt
 * from the timelock's events.
 */
export type ExpectedTimelockOperationState =
  | 'unset'
  | 'waiting'
  | 'ready'
  | 'done'
  | 'pending'

export type TimelockOperationIsParameters = InvariantParameters & {
  /** The TimelockController. */
  timelock: Address
  /** The operation id (`hashOperation` / `hashOperationBatch`). */
  operationId: Hex
  /** The required state. */
  state: ExpectedTimelockOperationState
}

export type TimelockOperationIsErrorType =
  | MissingParameterErrorType
  | GetAddressErrorType

export type TimelockOperationIsReturnType = Invariant

const states = ['unset', 'waiting', 'ready', 'done'] as const

/**
 * Invariant: a timelock operation is in `state` after the transaction, e.g.
 * `unset` after a cancel, `pending` after a schedule, `done` after an execute.
 *
 * - Docs: https://github.com/storydao/ops-sdk/blob/main/packages/invariants/README.md#invariants
 *
 * @example
 * ```ts
 * import { timelockOperationIs } from '@storydao/invariants'
 *
 * // After cancelling: the operation is gone.
 * const invariant = timelockOperationIs({ timelock: manifest.contracts.StoryTimelock.address, operationId, state: 'unset' })
 * ```
 *
 * @param parameters - {@link TimelockOperationIsParameters}
 * @returns The {@link Invariant}.
 */
export function timelockOperationIs(
  parameters: TimelockOperationIsParameters,
): TimelockOperationIsReturnType {
  assertParameters(
    'timelockOperationIs',
    parameters,
    ['timelock', 'operationId', 'state'],
    { version },
  )
  const { timelock, operationId, state, ...options } = parameters
  const address = getAddress(timelock)
  const id = operationId.toLowerCase() as Hex
  const name = nameOf(address, options)
  return {
    name: 'timelockOperationIs',
    id: `timelockOperationIs(${address},${id},${state})`,
    description: `${name}: operation ${id} is ${state}`,
    reads: {
      state: {
        type: 'call',
        address,
        abi: timelockReadAbi,
        functionName: 'getOperationState',
        args: [id],
      },
    },
    needsBefore: false,
    needsLogs: false,
    evaluate({ after }) {
      const actual =
        states[Number(after.state)] ?? `unknown(${String(after.state)})`
      const ok =
        state === 'pending'
          ? actual === 'waiting' || actual === 'ready'
          : actual === state
      return {
        ok,
        expected: state,
        actual,
        message: `${name} operation ${id} is ${actual}${ok ? '.' : `, expected ${state}.`}`,
      }
    },
  }
}
