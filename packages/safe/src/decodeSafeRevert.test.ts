import { authorCoinAbi, openZeppelinErrorsAbi } from '@storydao/core'
import { type LocalStack, startLocalStack } from '@storydao/testkit'
import {
  encodeErrorResult,
  encodeFunctionData,
  type Hex,
  keccak256,
  toHex,
} from 'viem'
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest'
import { decodeSafeRevert } from './decodeSafeRevert.js'
import { revertDataOf } from './internal/revertReason.js'
import { contract } from './test/stack.js'

const errorString = (text: string) =>
  encodeErrorResult({
    abi: [
      {
        type: 'error',
        name: 'Error',
        inputs: [{ name: 'message', type: 'string' }],
      },
    ],
    errorName: 'Error',
    args: [text],
  })

let stack: LocalStack
beforeAll(async () => {
  stack = await startLocalStack()
})
beforeEach(() => stack.reset())
afterAll(() => stack?.stop())

describe('decodeSafeRevert', () => {
  test('default: a Safe revert code is expanded', () => {
    expect(decodeSafeRevert(errorString('GS026'))).toMatchInlineSnapshot(`
      {
        "args": [
          "GS026",
        ],
        "data": "0x08c379a0000000000000000000000000000000000000000000000000000000000000002000000000000000000000000000000000000000000000000000000000000000054753303236000000000000000000000000000000000000000000000000000000",
        "errorName": "Error",
        "reason": "GS026: Invalid owner provided",
        "safeCode": "GS026",
      }
    `)
  })

  test('behavior: a real unauthorized pause on anvil names the role', async () => {
    const [outsider] = stack.accounts.emergencyOwners
    const error = await stack.client
      .call({
        account: outsider.address,
        to: contract(stack, 'AuthorCoin'),
        data: encodeFunctionData({ abi: authorCoinAbi, functionName: 'pause' }),
      })
      .catch((e: unknown) => e)
    const data = revertDataOf(error) as Hex
    expect(data.slice(0, 10)).toBe('0xe2517d3f')
    const decoded = decodeSafeRevert(data)
    expect(decoded.errorName).toBe('AccessControlUnauthorizedAccount')
    expect(decoded.role).toEqual({
      hash: keccak256(toHex('PAUSER_ROLE')),
      name: 'PAUSER_ROLE',
    })
    expect(decoded.reason).toBe(
      `AccessControlUnauthorizedAccount(${outsider.address}, PAUSER_ROLE)`,
    )
  })

  test('behavior: every OpenZeppelin error decodes without an ABI', () => {
    const data = encodeErrorResult({
      abi: openZeppelinErrorsAbi,
      errorName: 'EnforcedPause',
    })
    expect(decodeSafeRevert(data).reason).toBe('EnforcedPause()')
  })

  test('behavior: an unknown role is shown as its hash; Panic and plain strings', () => {
    const role = keccak256(toHex('SOMETHING_ELSE'))
    const data = encodeErrorResult({
      abi: openZeppelinErrorsAbi,
      errorName: 'AccessControlUnauthorizedAccount',
      args: ['0x0000000000000000000000000000000000000001', role],
    })
    expect(decodeSafeRevert(data).reason).toBe(
      `AccessControlUnauthorizedAccount(0x0000000000000000000000000000000000000001, ${role})`,
    )
    expect(
      decodeSafeRevert(
        '0x4e487b710000000000000000000000000000000000000000000000000000000000000011',
      ).reason,
    ).toBe('Panic(0x11)')
    expect(decodeSafeRevert(errorString('not allowed')).reason).toBe(
      'not allowed',
    )
  })

  test('behavior: custom errors from the ABIs passed, no data, unknown data', () => {
    const abi = [
      { type: 'error', name: 'Custom', inputs: [{ name: 'x', type: 'uint8' }] },
    ] as const
    const data = encodeErrorResult({ abi, errorName: 'Custom', args: [7] })
    expect(decodeSafeRevert({ data, abis: [abi] }).reason).toBe('Custom(7)')
    expect(decodeSafeRevert(undefined).reason).toBe('reverted without a reason')
    expect(decodeSafeRevert('0x').reason).toBe('reverted without a reason')
    expect(decodeSafeRevert(data).reason).toBe(
      `unrecognized revert data ${data}`,
    )
  })

  test('error: data that is not hex', () => {
    expect(() =>
      decodeSafeRevert('0xnothex' as Hex),
    ).toThrowErrorMatchingInlineSnapshot(`
      [SafePlanInputError: Invalid data: expected 0x-prefixed hex bytes, got "0xnothex".

      Hint: Use \`0x\` for empty calldata.
      Docs: packages/safe/README.md#errors
      Version: @storydao/core@x.y.z]
    `)
  })
})
