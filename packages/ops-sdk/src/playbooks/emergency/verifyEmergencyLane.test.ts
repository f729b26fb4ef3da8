import { hashSafeTransaction } from '@storydao/safe'
import { anvilPrivateKeys } from '@storydao/testkit'
import { type Address, concat, type Hex } from 'viem'
import { privateKeyToAccount } from 'viem/accounts'
import { describe, expect, test } from 'vitest'
import type { EmergencyLane, EmergencyLanesFile } from './emergencyLanes.js'
import { hashLane, verifyEmergencyLane } from './verifyEmergencyLane.js'

const zero: Address = '0x0000000000000000000000000000000000000000'
const owners = [4, 5, 6].map((index) =>
  privateKeyToAccount(anvilPrivateKeys[index]!),
)
const sorted = [...owners].sort((a, b) =>
  BigInt(a.address) < BigInt(b.address) ? -1 : 1,
)
const safe: Address = '0x0Ff9b09627773c18136Bb1f46Ad639335C8B7C51'
const coin: Address = '0x5FbDB2315678afecb367f032d93F642f64180aa3'

async function fixture(): Promise<{
  file: EmergencyLanesFile
  lane: EmergencyLane
}> {
  const safeTx = {
    to: coin,
    value: 0n,
    data: '0x8456cb59' as Hex,
    operation: 0 as const,
    safeTxGas: 0n,
    baseGas: 0n,
    gasPrice: 0n,
    gasToken: zero,
    refundReceiver: zero,
    nonce: 3n,
  }
  const hashes = hashLane({ chainId: 31337, safe }, safeTx)
  const signers = sorted.slice(0, 2)
  const signatures = concat(
    await Promise.all(
      signers.map((account) => account.sign({ hash: hashes.safeTxHash })),
    ),
  )
  const lane: EmergencyLane = {
    id: 'AuthorCoin@3',
    target: 'AuthorCoin',
    targets: [{ name: 'AuthorCoin', address: coin }],
    nonce: 3n,
    safeTx,
    ...hashes,
    gasLimit: 150_000n,
    signers: signers.map(({ address }) => address),
    signatures,
    rehearsal: {
      ok: true,
      forkBlock: 1n,
      gasUsed: 60_000n,
      invariants: 9,
      failed: [],
    },
  }
  const file: EmergencyLanesFile = {
    kind: 'storydao-emergency-lanes',
    version: 1,
    network: 'local',
    chainId: 31337,
    safe,
    safeVersion: '1.4.1',
    owners: owners.map(({ address }) => address),
    threshold: 2,
    pausable: ['AuthorCoin'],
    preparedAt: '2026-12-05T13:00:00.000Z',
    lanes: [lane],
  }
  return { file, lane }
}

describe('verifyEmergencyLane', () => {
  test('default: the hashes agree with @storydao/safe and the signers recover in owner order', async () => {
    const { file, lane } = await fixture()
    expect(
      hashSafeTransaction({
        chainId: 31337,
        safe,
        safeVersion: '1.4.1',
        safeTx: lane.safeTx,
      }),
    ).toEqual({
      domainHash: lane.domainHash,
      messageHash: lane.messageHash,
      safeTxHash: lane.safeTxHash,
    })
    expect(await verifyEmergencyLane({ file, lane })).toEqual({
      signers: lane.signers,
    })
  })

  test("error: edited fields, a stranger's signature and too few signatures are each named", async () => {
    const { file, lane } = await fixture()
    const edited = { ...lane, safeTx: { ...lane.safeTx, to: safe } }
    await expect(
      verifyEmergencyLane({ file, lane: edited }),
    ).rejects.toMatchObject({
      code: 'EMERGENCY_LANE_TAMPERED',
      metaMessages: expect.arrayContaining([
        expect.stringMatching(/^safeTxHash: the stored fields hash to 0x/),
        expect.stringMatching(
          /^signature 1 recovers to 0x[0-9a-fA-F]{40}, not an owner/,
        ),
      ]),
    })
    const stranger = privateKeyToAccount(anvilPrivateKeys[9]!)
    const foreign = {
      ...lane,
      signatures: concat([
        lane.signatures.slice(0, 132) as Hex,
        await stranger.sign({ hash: lane.safeTxHash }),
      ]),
    }
    await expect(verifyEmergencyLane({ file, lane: foreign })).rejects.toThrow(
      /does not verify/,
    )
    await expect(
      verifyEmergencyLane({ file, lane, owners: file.owners, threshold: 3 }),
    ).rejects.toMatchObject({
      metaMessages: [
        '2 of 3 owner signatures verify: unsigned lanes cannot fire',
      ],
    })
  })

  test('error: missing parameters throw the typed error', async () => {
    await expect(verifyEmergencyLane(undefined as never)).rejects.toMatchObject(
      { code: 'PARAMETER_MISSING' },
    )
  })
})
