import { buildPause } from '@storydao/governance'
import { buildSafePlan } from '@storydao/safe'
import { type LocalStack, startLocalStack } from '@storydao/testkit'
import { parseEther } from 'viem'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { checkSafePlan, type Report } from './checkSafePlan.js'
import { createFork } from './createFork.js'
import { getDefaultInvariants } from './getDefaultInvariants.js'
import { renderReport } from './renderReport.js'
import type { Fork } from './types/fork.js'
import './test/helpers.js'
import { prepareScenario } from './test/scenario.js'

let stack: LocalStack
let fork: Fork
let pauseReport: Report
let drainReport: Report

beforeAll(async () => {
  stack = await startLocalStack()
  const scenario = await prepareScenario(stack)
  fork = await createFork({ rpcUrl: stack.rpcUrl })
  const { manifest } = stack
  const pause = await buildSafePlan(fork.client, {
    safe: manifest.safes.emergency!.address,
    calls: [
      buildPause({
        target: manifest.contracts.AuthorCoin!.address,
        label: 'AuthorCoin: pause',
      }),
    ],
  })
  pauseReport = await checkSafePlan(fork, {
    plan: pause,
    manifest,
    invariants: getDefaultInvariants({ manifest, action: 'pause' }),
  })
  const drain = await buildSafePlan(fork.client, {
    safe: manifest.safes.ops.address,
    calls: [
      {
        ...scenario.drain.execute,
        label: 'StoryTimelock: execute grant payout',
      },
    ],
  })
  drainReport = await checkSafePlan(fork, {
    plan: drain,
    manifest,
    invariants: getDefaultInvariants({
      manifest,
      action: 'treasury-transfer',
      treasuryOutflows: [{ asset: 'ETH', amount: parseEther('1') }],
    }),
  })
})

afterAll(async () => {
  await fork?.stop()
  await stack?.stop()
})

describe('renderReport', () => {
  test('default', () => {
    expect(
      renderReport({ report: drainReport, format: 'markdown' }),
    ).toMatchInlineSnapshot(`
      "# Safe transaction check: FAIL

      **Do not sign: 1 invariant(s) fail.**

      | | |
      |---|---|
      | Network | local (chain 31337), fork of block 31 |
      | Safe | ops Safe \`0x1835069efDE63081BA0833Ef9704bf2Cc0E45abc\` (Safe 1.4.1) |
      | Nonce | 1 |
      | safeTxHash | \`0x7362c97d3d8280d89ba9182731bc50f12fddc7cb077e766b78acb9cac481a3c3\` |
      | Domain hash | \`0x0bbd94adbd563f4f42c10425ab7cdb157c25ccf5fccd81f5b9997e67327f7f0c\` |
      | Message hash | \`0xe7d8a1c422324b0c935a80549197843f4f71bee3cdfe40cd8410e11f1d1027f8\` |
      | Operation | CALL to \`0xB7f8BC63BbcaD18155201308C8f3540b07f84F5e\`, value 0 wei |
      | Simulation | success, gas used 118295 |

      ## Calls (1)

      - **0.** StoryTimelock (0xB7f8BC63BbcaD18155201308C8f3540b07f84F5e): \`execute(target: 0x9A676e781A523b5d0C0e43731313A708CB607508, value: 0, payload: 0x4782f779000000000000000000000000a0ee7a142d267c1f36714e4a8f75612f20a797200000000000000000000000000000000000000000000000056bc75e2d63100000, predecessor: 0x0000000000000000000000000000000000000000000000000000000000000000, salt: 0x0000000000000000000000000000000000000000000000000000000000000003)\` — StoryTimelock: execute grant payout
        - timelock call **0.** Treasury (0x9A676e781A523b5d0C0e43731313A708CB607508): \`withdrawETH(to: 0xa0Ee7A142d267C1f36714E4a8F75612F20a79720, amount: 100000000000000000000)\`

      ## Invariants: 11 passed, 1 failed

      | | Invariant | Expected | Actual |
      |---|---|---|---|
      | ✅ | ops Safe: owners and threshold unchanged | \`{"owners":["0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC","0x70997970C51812dc3A010C7d01b50e0d17dc79C8","0x90F79bf6EB2c4f870365E785982E1f101E93b906"],"threshold":"2"}\` | \`{"owners":["0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC","0x70997970C51812dc3A010C7d01b50e0d17dc79C8","0x90F79bf6EB2c4f870365E785982E1f101E93b906"],"threshold":"2"}\` |
      | ✅ | emergency Safe: owners and threshold unchanged | \`{"owners":["0x15d34AAf54267DB7D7c367839AAf71A00a2C6A65","0x976EA74026E726554dB657fA54763abd0C3a0aa9","0x9965507D1a55bcC2695C58ba16FB37d819B0A4dc"],"threshold":"2"}\` | \`{"owners":["0x15d34AAf54267DB7D7c367839AAf71A00a2C6A65","0x976EA74026E726554dB657fA54763abd0C3a0aa9","0x9965507D1a55bcC2695C58ba16FB37d819B0A4dc"],"threshold":"2"}\` |
      | ✅ | StoryTimelock: getMinDelay() ≥ its value before | \`{"atLeast":"3600"}\` | \`3600\` |
      | ✅ | AuthorCoin: totalSupply() ≤ cap() | \`{"atMost":"1000000000000000000000000000"}\` | \`100000000000000000000000000\` |
      | ✅ | AuthorCoin: cap() unchanged | \`1000000000000000000000000000\` | \`1000000000000000000000000000\` |
      | ✅ | AuthorCoin: implementation is 0x0B306BF915C4d645ff596e518fAf3F9669b97016 | \`0x0B306BF915C4d645ff596e518fAf3F9669b97016\` | \`0x0B306BF915C4d645ff596e518fAf3F9669b97016\` |
      | ✅ | TreasuryBeacon: implementation() is 0xA51c1fc2f0D1a1b8494Ed1FE312d7C3a78Ed91C0 | \`0xA51c1fc2f0D1a1b8494Ed1FE312d7C3a78Ed91C0\` | \`0xA51c1fc2f0D1a1b8494Ed1FE312d7C3a78Ed91C0\` |
      | ✅ | No unexpected role changes on AuthorCoin, StoryTimelock | \`[]\` | \`[]\` |
      | ✅ | AuthorCoin: totalSupply() unchanged | \`100000000000000000000000000\` | \`100000000000000000000000000\` |
      | ❌ | Treasury: ETH balance changes by -1000000000000000000 | \`-1000000000000000000\` | \`-100000000000000000000\` |
      | ✅ | Treasury: AuthorCoin balance changes by 0 | \`0\` | \`0\` |
      | ✅ | AuthorCoin: paused() unchanged | \`false\` | \`false\` |

      ### ❌ balanceChangedBy(ETH,0x9A676e781A523b5d0C0e43731313A708CB607508,-1000000000000000000)

      Treasury's ETH balance changed by -100000000000000000000, expected -1000000000000000000.

      - balance: before \`100000000000000000000\`, after \`0\`

      ## Warnings (1)

      - ⚠️ \`treasury-outflow\` Treasury sends out 100000000000000000000 wei.

      ## Simulation

      Executed by \`0x70997970C51812dc3A010C7d01b50e0d17dc79C8\` after approveHash from \`0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC\`; fork transaction \`0x037d5593d097e8f5f31a63f2d8514fa4d1939d38c741ff3c8d7f84703e8c91fe\` in block 33.

      ### Balance changes

      | Holder | Asset | Change |
      |---|---|---|
      | Treasury | ETH (wei) | -100000000000000000000 |
      | \`0xa0Ee7A142d267C1f36714E4a8F75612F20a79720\` | ETH (wei) | +100000000000000000000 |

      ### Storage changes

      | Contract | Slot | Before | After |
      |---|---|---|---|
      | ops Safe | \`0x0000000000000000000000000000000000000000000000000000000000000005\` | \`0x0000000000000000000000000000000000000000000000000000000000000001\` | \`0x0000000000000000000000000000000000000000000000000000000000000002\` |
      | Treasury | \`0x0000000000000000000000000000000000000000000000000000000000000000\` | \`0x0000000000000000000000000000000000000000000000000000000000000000\` | \`0x0000000000000000000000000000000000000000000000000000000000000001\` |
      | StoryTimelock | \`0xafa6b5d6f5cf9bcae62faaef1522ee2d78165ba3d1910f1eccb0d69add747f69\` | \`0x000000000000000000000000000000000000000000000000000000007735a210\` | \`0x0000000000000000000000000000000000000000000000000000000000000001\` |

      ### Events

      - Treasury: \`EthWithdrawn(to: 0xa0Ee7A142d267C1f36714E4a8F75612F20a79720, amount: 100000000000000000000)\`
      - StoryTimelock: \`CallExecuted(id: 0xde53aff2f77641e79acbc056391aeaa309da793f54f04e576e2bc0d71769a479, index: 0, target: 0x9A676e781A523b5d0C0e43731313A708CB607508, value: 0, data: 0x4782f779000000000000000000000000a0ee7a142d267c1f36714e4a8f75612f20a797200000000000000000000000000000000000000000000000056bc75e2d63100000)\`
      - ops Safe: \`ExecutionSuccess(txHash: 0x7362c97d3d8280d89ba9182731bc50f12fddc7cb077e766b78acb9cac481a3c3, payment: 0)\`
      "
    `)
  })

  test('behavior: a passing report says so first', () => {
    const markdown = renderReport({ report: pauseReport, format: 'markdown' })
    expect(markdown.split('\n').slice(0, 3)).toEqual([
      '# Safe transaction check: PASS',
      '',
      'The transaction executed on a fork and every invariant holds.',
    ])
    expect(markdown).toContain(
      '| ✅ | AuthorCoin: paused() is true | `true` | `true` |',
    )
    expect(markdown).toContain('## Warnings (0)')
  })

  test('behavior: json is stable for CI', async () => {
    const json = renderReport({ report: pauseReport, format: 'json' })
    const parsed = JSON.parse(json)
    // Bigints as decimal strings.
    expect(parsed.simulation.gasUsed).toBe(
      pauseReport.simulation.gasUsed.toString(),
    )
    expect(parsed.safe.nonce).toBe('0')
    // Keys sorted at every level.
    expect(Object.keys(parsed)).toEqual([...Object.keys(parsed)].sort())
    expect(Object.keys(parsed.simulation)).toEqual(
      [...Object.keys(parsed.simulation)].sort(),
    )
    // The same check on the same fork renders byte for byte the same.
    const again = await checkSafePlan(fork, {
      plan: await buildSafePlan(fork.client, {
        safe: stack.manifest.safes.emergency!.address,
        calls: [
          buildPause({
            target: stack.manifest.contracts.AuthorCoin!.address,
            label: 'AuthorCoin: pause',
          }),
        ],
      }),
      manifest: stack.manifest,
      invariants: getDefaultInvariants({
        manifest: stack.manifest,
        action: 'pause',
      }),
    })
    expect(renderReport({ report: again, format: 'json' })).toBe(json)
  })

  test('error: unknown format', () => {
    expect(() =>
      renderReport({ report: pauseReport, format: 'html' as never }),
    ).toThrowErrorMatchingInlineSnapshot(`
      [UnknownReportFormatError: Unknown report format "html".

      Hint: Use 'markdown' or 'json'.
      Docs: packages/invariants/README.md#renderreport
      Version: @storydao/core@x.y.z]
    `)
  })
})
