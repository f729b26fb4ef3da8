import type { ToChecksummedAddressErrorType } from '@storydao/core'
import type { Address } from 'viem'

/** Parameters the Pausable builders share (`buildPause`, `buildUnpause`). */
export type PausableCallParameters = {
  /** The Pausable contract. */
  target: Address
  /** Overrides the generated label. */
  label?: string | undefined
}

/** Errors the Pausable builders throw. */
export type PausableCallErrorType = ToChecksummedAddressErrorType
