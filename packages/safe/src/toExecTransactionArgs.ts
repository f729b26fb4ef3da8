import {
  assertParameters,
  type MissingParameterErrorType,
} from '@storydao/core'
import type { Address, Hex } from 'viem'
import { version } from './errors/version.js'
import type { SafeOperation, SafePlan } from './types/safe.js'

export type ToExecTransactionArgsParameters = {
  /** A plan (or anything with its `safeTx`). */
  plan: Pick<SafePlan, 'safeTx'>
  /** The signature bytes (`encodeSafeSignatures`). */
  signatures: Hex
}

export type ToExecTransactionArgsErrorType = MissingParameterErrorType

/** The ten arguments of `execTransaction`, in the Safe ABI's order. */
export type ToExecTransactionArgsReturnType = readonly [
  to: Address,
  value: bigint,
  data: Hex,
  operation: SafeOperation,
  safeTxGas: bigint,
  baseGas: bigint,
  gasPrice: bigint,
  gasToken: Address,
  refundReceiver: Address,
  signatures: Hex,
]

/**
 * The argument list of the Safe's `execTransaction`: the plan's `safeTx`
 * fields (without the nonce, which the Safe reads itself) followed by the
 * signature bytes.
 *
 * - Docs: https://github.com/storydao/ops-sdk/blob/main/packages/safe/README.md#toexectransactionargs
 *
 * @example
 * ```ts
 * import { safeAbi } from '@storydao/core'
 * import { encodeSafeSignatures, toExecTransactionArgs } from '@storydao/safe'
 * import { encodeFunctionData } from 'viem'
 *
 * const data = encodeFunctionData({
 *   abi: safeAbi,
 *   functionName: 'execTransaction',
 *   args: toExecTransactionArgs({
 *     plan,
 *     signatures: encodeSafeSignatures(signatures),
 *   }),
 * })
 * ```
 *
 * @param parameters - {@link ToExecTransactionArgsParameters}
 * @returns The arguments. {@link ToExecTransactionArgsReturnType}
 */
export function toExecTransactionArgs(
  parameters: ToExecTransactionArgsParameters,
): ToExecTransactionArgsReturnType {
  assertParameters(
    'toExecTransactionArgs',
    parameters,
    ['plan', 'signatures'],
    { version },
  )
  assertParameters('toExecTransactionArgs', parameters.plan, ['safeTx'], {
    version,
  })
  const { signatures } = parameters
  const { safeTx } = parameters.plan
  return [
    safeTx.to,
    safeTx.value,
    safeTx.data,
    safeTx.operation,
    safeTx.safeTxGas,
    safeTx.baseGas,
    safeTx.gasPrice,
    safeTx.gasToken,
    safeTx.refundReceiver,
    signatures,
  ]
}
