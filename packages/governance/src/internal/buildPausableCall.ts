import {
  type Call,
  pausableAbi,
  type ToChecksummedAddressErrorType,
  toChecksummedAddress,
} from '@storydao/core'
import { type Address, encodeFunctionData } from 'viem'

/** @internal Parameters the Pausable builders share. */
export type PausableCallParameters = {
  /** The Pausable contract. */
  target: Address
  /** Overrides the generated label. */
  label?: string | undefined
}

/** @internal Errors the Pausable builders throw. */
export type PausableCallErrorType = ToChecksummedAddressErrorType

/**
 * @internal Builds `pause()` or `unpause()` on an OpenZeppelin Pausable
 * contract, labelled `${verb} ${target}` unless a label is given.
 */
export function buildPausableCall(
  functionName: 'pause' | 'unpause',
  parameters: PausableCallParameters,
  verb: string,
): Call {
  const target = toChecksummedAddress({
    address: parameters.target,
    path: 'target',
  })
  return {
    to: target,
    value: 0n,
    data: encodeFunctionData({ abi: pausableAbi, functionName }),
    operation: 'call',
    label: parameters.label ?? `${verb} ${target}`,
    abi: pausableAbi,
  }
}
