import { InvalidAddressError } from '@storydao/core'
import { zeroHash } from 'viem'
import { describe, expect, test } from 'vitest'
import { buildGovernorCancel } from '../buildGovernorCancel.js'
import { buildGovernorExecute } from '../buildGovernorExecute.js'
import { buildGovernorPropose } from '../buildGovernorPropose.js'
import { buildGovernorQueue } from '../buildGovernorQueue.js'
import { buildTimelockExecute } from '../buildTimelockExecute.js'
import { buildTimelockSchedule } from '../buildTimelockSchedule.js'
import { InvalidCallError } from '../errors/calls.js'
import { hashProposal } from '../hashProposal.js'
import { hashTimelockOperation } from '../hashTimelockOperation.js'
import type { OperationCall } from '../types/calls.js'
import { toValidatedCall } from './operationCall.js'

const to = '0x5FbDB2315678afecb367f032d93F642f64180aa3'
const valid: OperationCall = { to, value: 1n, data: '0x8456cb59' }

/** Every builder that takes calls, fed `[valid, call]`. */
const builders: Record<string, (calls: OperationCall[]) => unknown> = {
  buildTimelockSchedule: (calls) =>
    buildTimelockSchedule({ timelock: to, calls, salt: zeroHash, delay: 0n }),
  buildTimelockExecute: (calls) =>
    buildTimelockExecute({ timelock: to, calls, salt: zeroHash }),
  hashTimelockOperation: (calls) =>
    hashTimelockOperation({ calls, salt: zeroHash }),
  buildGovernorPropose: (calls) =>
    buildGovernorPropose({ governor: to, calls, description: 'Pause' }),
  buildGovernorQueue: (calls) =>
    buildGovernorQueue({ governor: to, calls, description: 'Pause' }),
  buildGovernorExecute: (calls) =>
    buildGovernorExecute({ governor: to, calls, description: 'Pause' }),
  buildGovernorCancel: (calls) =>
    buildGovernorCancel({ governor: to, calls, description: 'Pause' }),
  hashProposal: (calls) => hashProposal({ calls, description: 'Pause' }),
}

const malformed: [
  string,
  unknown,
  typeof InvalidCallError | typeof InvalidAddressError,
  string,
][] = [
  [
    'negative value',
    { to, value: -1n, data: '0x' },
    InvalidCallError,
    'calls[1].value',
  ],
  [
    'value too large',
    { to, value: 2n ** 256n, data: '0x' },
    InvalidCallError,
    'calls[1].value',
  ],
  [
    'value as a number',
    { to, value: 1, data: '0x' },
    InvalidCallError,
    'calls[1].value',
  ],
  ['data not hex', { to, data: '0xzz' }, InvalidCallError, 'calls[1].data'],
  [
    'data of odd length',
    { to, data: '0x123' },
    InvalidCallError,
    'calls[1].data',
  ],
  [
    'data without 0x',
    { to, data: '8456cb59' },
    InvalidCallError,
    'calls[1].data',
  ],
  ['data missing', { to }, InvalidCallError, 'calls[1].data'],
  [
    'malformed to',
    { to: '0x123', data: '0x' },
    InvalidAddressError,
    'calls[1].to',
  ],
  ['not a call', null, InvalidCallError, 'calls[1]'],
]

function thrown(fn: () => unknown): Error & { path?: string } {
  try {
    fn()
  } catch (error) {
    return error as Error & { path?: string }
  }
  throw new Error('did not throw')
}

describe('toValidatedCall', () => {
  test('default', () => {
    expect(
      toValidatedCall(
        { to: to.toLowerCase() as `0x${string}`, data: '0x8456CB59' },
        'calls[0]',
      ),
    ).toEqual({ to, value: 0n, data: '0x8456CB59' })
  })

  describe.each(Object.entries(builders))('%s', (_, build) => {
    test('behavior: accepts well-formed calls', () => {
      expect(() => build([valid, { to, data: '0x' }])).not.toThrow()
    })

    test.each(malformed)('error: %s', (_, call, errorClass, path) => {
      const error = thrown(() => build([valid, call as OperationCall]))
      expect(error).toBeInstanceOf(errorClass)
      expect(error.path).toBe(path)
    })
  })

  test('error: negative value', () => {
    expect(() =>
      toValidatedCall({ to, value: -1n, data: '0x' }, 'calls[1]'),
    ).toThrowErrorMatchingInlineSnapshot(`
      [InvalidCallError: Invalid value at calls[1].value: -1 is negative.

      Hint: Pass wei as a bigint from 0n to 2^256 - 1, e.g. \`0n\` or \`parseEther("1")\` from viem.
      Docs: packages/governance/README.md#errors
      Version: @storydao/core@x.y.z]
    `)
  })

  test('error: value as a number', () => {
    expect(() =>
      toValidatedCall(
        { to, value: 1 as unknown as bigint, data: '0x' },
        'calls[1]',
      ),
    ).toThrowErrorMatchingInlineSnapshot(`
      [InvalidCallError: Invalid value at calls[1].value: expected a bigint, got number 1.

      Hint: Pass wei as a bigint from 0n to 2^256 - 1, e.g. \`0n\` or \`parseEther("1")\` from viem.
      Docs: packages/governance/README.md#errors
      Version: @storydao/core@x.y.z]
    `)
  })

  test('error: data not hex', () => {
    expect(() =>
      toValidatedCall({ to, data: '0xzz' }, 'calls[1]'),
    ).toThrowErrorMatchingInlineSnapshot(`
      [InvalidCallError: Invalid data at calls[1].data: "0xzz" is not hex.

      Hint: Pass calldata as "0x" followed by an even number of hex digits ("0x" for none), e.g. from viem’s \`encodeFunctionData\`.
      Docs: packages/governance/README.md#errors
      Version: @storydao/core@x.y.z]
    `)
  })

  test('error: data of odd length', () => {
    expect(() =>
      toValidatedCall({ to, data: '0x123' }, 'calls[1]'),
    ).toThrowErrorMatchingInlineSnapshot(`
      [InvalidCallError: Invalid data at calls[1].data: "0x123" has an odd number of hex digits (3).

      Hint: Pass calldata as "0x" followed by an even number of hex digits ("0x" for none), e.g. from viem’s \`encodeFunctionData\`.
      Docs: packages/governance/README.md#errors
      Version: @storydao/core@x.y.z]
    `)
  })

  test('error: long data is cut short in the message', () => {
    expect(() =>
      toValidatedCall({ to, data: `0x${'ab'.repeat(100)}z` }, 'calls[0]'),
    ).toThrowErrorMatchingInlineSnapshot(`
      [InvalidCallError: Invalid data at calls[0].data: "0xabababababababababababababababababababab…" is not hex.

      Hint: Pass calldata as "0x" followed by an even number of hex digits ("0x" for none), e.g. from viem’s \`encodeFunctionData\`.
      Docs: packages/governance/README.md#errors
      Version: @storydao/core@x.y.z]
    `)
  })

  test('error: not a call', () => {
    expect(() =>
      toValidatedCall(undefined as unknown as OperationCall, 'calls[2]'),
    ).toThrowErrorMatchingInlineSnapshot(`
      [InvalidCallError: Invalid call at calls[2]: expected { to, value?, data }, got undefined.

      Hint: Each call is \`{ to, value?, data }\`, as the builders (\`buildPause\`, \`buildGrantRole\`, …) return.
      Docs: packages/governance/README.md#errors
      Version: @storydao/core@x.y.z]
    `)
  })
})
