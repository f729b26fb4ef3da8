import { safeAbi } from '@storydao/core'
import { decodeFunctionData, encodeFunctionData } from 'viem'
import { describe, expect, test } from 'vitest'
import { multiSendCallOnly141, offlinePlan } from './test/plans.js'
import { toExecTransactionArgs } from './toExecTransactionArgs.js'

const plan = offlinePlan({
  calls: [
    {
      to: '0x79613FD49472C3C7a32188e45ff00e7bdC8a897d',
      value: 1n,
      data: '0x',
      operation: 'call',
      label: 'Send 1 wei',
    },
    {
      to: '0x6b92f5E5360bfCa8F5d3FcE65D87382967847983',
      value: 0n,
      data: '0xdeadbeef',
      operation: 'call',
      label: 'Raw',
    },
  ],
})

describe('toExecTransactionArgs', () => {
  test('default: the safeTx fields without the nonce, then the signatures', () => {
    const args = toExecTransactionArgs({ plan, signatures: '0x1234' })
    const { safeTx } = plan
    expect(args).toEqual([
      multiSendCallOnly141,
      0n,
      safeTx.data,
      1,
      0n,
      0n,
      0n,
      safeTx.gasToken,
      safeTx.refundReceiver,
      '0x1234',
    ])
    // The Safe ABI takes them in this order.
    const data = encodeFunctionData({
      abi: safeAbi,
      functionName: 'execTransaction',
      args,
    })
    expect(decodeFunctionData({ abi: safeAbi, data }).args).toEqual(args)
  })

  test('error: no parameters, no plan', () => {
    expect(() =>
      // @ts-expect-error: plain-JavaScript caller
      toExecTransactionArgs(),
    ).toThrowErrorMatchingInlineSnapshot(`
      [MissingParameterError: toExecTransactionArgs: missing \`parameters\` (expected an object with \`plan\`, \`signatures\`).

      Hint: Call toExecTransactionArgs(…) with \`parameters\` set; see its doc comment for an example.
      Docs: packages/core/README.md#errors
      Version: @storydao/core@x.y.z]
    `)
    expect(() =>
      // @ts-expect-error: plain-JavaScript caller
      toExecTransactionArgs({ signatures: '0x' }),
    ).toThrowErrorMatchingInlineSnapshot(`
      [MissingParameterError: toExecTransactionArgs: missing \`plan\` (expected a value).

      Hint: Call toExecTransactionArgs(…) with \`plan\` set; see its doc comment for an example.
      Docs: packages/core/README.md#errors
      Version: @storydao/core@x.y.z]
    `)
  })
})
