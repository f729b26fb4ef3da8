import { describe, expect, test } from 'vitest'
import { parseEmergencyLanes } from './parseEmergencyLanes.js'

const zero = '0x0000000000000000000000000000000000000000'
const hash = `0x${'ab'.repeat(32)}`
const valid = {
  kind: 'storydao-emergency-lanes',
  version: 1,
  network: 'local',
  chainId: 31337,
  safe: '0x0Ff9b09627773c18136Bb1f46Ad639335C8B7C51',
  safeVersion: '1.4.1',
  owners: ['0x15d34AAf54267DB7D7c367839AAf71A00a2C6A65'],
  threshold: 1,
  pausable: ['AuthorCoin'],
  preparedAt: '2026-12-05T13:00:00.000Z',
  lanes: [
    {
      id: 'AuthorCoin@0',
      target: 'AuthorCoin',
      targets: [
        {
          name: 'AuthorCoin',
          address: '0x5FbDB2315678afecb367f032d93F642f64180aa3',
        },
      ],
      nonce: '0',
      safeTx: {
        to: '0x5FbDB2315678afecb367f032d93F642f64180aa3',
        value: '0',
        data: '0x8456cb59',
        operation: 0,
        safeTxGas: '0',
        baseGas: '0',
        gasPrice: '0',
        gasToken: zero,
        refundReceiver: zero,
        nonce: '0',
      },
      safeTxHash: hash,
      domainHash: hash,
      messageHash: hash,
      gasLimit: '150000',
      signers: ['0x15d34AAf54267DB7D7c367839AAf71A00a2C6A65'],
      signatures: `0x${'11'.repeat(65)}`,
      rehearsal: {
        ok: true,
        forkBlock: '12',
        gasUsed: '61000',
        invariants: 9,
        failed: [],
      },
    },
  ],
}

const parse = (value: unknown) =>
  parseEmergencyLanes({ text: JSON.stringify(value), path: 'lanes.json' })

describe('parseEmergencyLanes', () => {
  test('default: a valid file comes back typed, bigints restored', async () => {
    const file = await parse(valid)
    expect(file.lanes[0]!.nonce).toBe(0n)
    expect(file.lanes[0]!.gasLimit).toBe(150_000n)
    expect(file.lanes[0]!.safeTx.value).toBe(0n)
    expect(file.lanes[0]!.rehearsal.forkBlock).toBe(12n)
  })

  test('error: every problem is reported with its JSON path', async () => {
    const broken = structuredClone(valid) as Record<string, unknown> &
      typeof valid
    ;(broken as Record<string, unknown>).extra = 1
    ;(broken.lanes[0] as Record<string, unknown>).nonce = 0
    broken.lanes[0]!.safeTx.data = '0x8456cb5'
    broken.lanes[0]!.signers = []
    broken.threshold = 2
    const error = await parse(broken).catch((caught: unknown) => caught)
    expect(error).toMatchObject({ code: 'EMERGENCY_LANES_INVALID' })
    expect((error as { issues: unknown[] }).issues).toEqual([
      { path: '$.extra', message: 'unknown key' },
      { path: '$.threshold', message: 'is 2, above the 1 owners' },
      { path: '$.lanes[0].nonce', message: 'expected a decimal string' },
      {
        path: '$.lanes[0].safeTx.data',
        message: 'expected hex bytes (0x + an even number of hex digits)',
      },
      {
        path: '$.lanes[0].signatures',
        message: 'expected 65 bytes per signer (0 signers)',
      },
    ])
  })

  test('error: text that is not JSON, and missing parameters', async () => {
    await expect(
      parseEmergencyLanes({ text: '{', path: 'lanes.json' }),
    ).rejects.toThrow(/lanes.json is invalid/)
    await expect(parseEmergencyLanes({} as never)).rejects.toMatchObject({
      code: 'PARAMETER_MISSING',
    })
  })
})
