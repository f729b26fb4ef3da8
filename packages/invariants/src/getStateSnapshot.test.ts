import { authorCoinAbi } from '@storydao/core'
import { buildPause } from '@storydao/governance'
import { type LocalStack, startLocalStack } from '@storydao/testkit'
import { createPublicClient } from 'viem'
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest'
import { diffStateSnapshots } from './diffStateSnapshots.js'
import { getStateSnapshot } from './getStateSnapshot.js'
import { countingTransport, executeOnStack } from './test/helpers.js'
import { prepareScenario } from './test/scenario.js'

let stack: LocalStack

beforeAll(async () => {
  stack = await startLocalStack()
})

beforeEach(async () => {
  await stack.reset()
})

afterAll(async () => {
  await stack?.stop()
})

const client = () =>
  stack.client as unknown as Parameters<typeof getStateSnapshot>[0]

describe('getStateSnapshot', () => {
  test('default', async () => {
    const snapshot = await getStateSnapshot(client(), {
      manifest: stack.manifest,
    })
    expect(snapshot.blockNumber).toBe(await stack.client.getBlockNumber())
    expect(snapshot).toMatchInlineSnapshot(`
      {
        "balances": {
          "AuthorCoin": {
            "AuthorCoin": 0n,
            "ETH": 0n,
          },
          "StoryDAO": {
            "AuthorCoin": 0n,
            "ETH": 0n,
          },
          "StoryTimelock": {
            "AuthorCoin": 0n,
            "ETH": 0n,
          },
          "Treasury": {
            "AuthorCoin": 10000000000000000000000000n,
            "ETH": 100000000000000000000n,
          },
          "TreasuryBeacon": {
            "AuthorCoin": 0n,
            "ETH": 0n,
          },
          "emergency Safe": {
            "AuthorCoin": 0n,
            "ETH": 0n,
          },
          "ops Safe": {
            "AuthorCoin": 0n,
            "ETH": 0n,
          },
        },
        "blockNumber": 27n,
        "chainId": 31337,
        "contracts": {
          "AuthorCoin": {
            "address": "0x959922bE3CAee4b8Cd9a407cc3ac1C251C2007B1",
            "implementation": "0x0B306BF915C4d645ff596e518fAf3F9669b97016",
            "kind": "uups-proxy",
            "values": {
              "cap": 1000000000000000000000000000n,
              "decimals": 18,
              "name": "AuthorCoin",
              "paused": false,
              "symbol": "AUTH",
              "totalMinted": 0n,
              "totalSupply": 100000000000000000000000000n,
              "version": "1.0.0",
            },
          },
          "StoryDAO": {
            "address": "0x9A9f2CCfdE556A7E9Ff0848998Aa4a0CFD8863AE",
            "kind": "governor",
            "values": {
              "name": "StoryDAO",
              "proposalThreshold": 0n,
              "quorumDenominator": 100n,
              "quorumNumerator": 4n,
              "timelock": "0xB7f8BC63BbcaD18155201308C8f3540b07f84F5e",
              "token": "0x959922bE3CAee4b8Cd9a407cc3ac1C251C2007B1",
              "version": "1",
              "votingDelay": 1n,
              "votingPeriod": 50n,
            },
          },
          "StoryTimelock": {
            "address": "0xB7f8BC63BbcaD18155201308C8f3540b07f84F5e",
            "kind": "timelock",
            "values": {
              "getMinDelay": 3600n,
            },
          },
          "Treasury": {
            "address": "0x9A676e781A523b5d0C0e43731313A708CB607508",
            "beacon": "0x0DCd1Bf9A1b36cE34237eEaFef220932846BCD82",
            "kind": "beacon-proxy",
            "values": {
              "owner": "0xB7f8BC63BbcaD18155201308C8f3540b07f84F5e",
              "version": "1.0.0",
              "withdrawalCount": 0n,
            },
          },
          "TreasuryBeacon": {
            "address": "0x0DCd1Bf9A1b36cE34237eEaFef220932846BCD82",
            "kind": "beacon",
            "values": {
              "implementation": "0xA51c1fc2f0D1a1b8494Ed1FE312d7C3a78Ed91C0",
              "owner": "0xB7f8BC63BbcaD18155201308C8f3540b07f84F5e",
            },
          },
        },
        "roles": {
          "AuthorCoin": {
            "DEFAULT_ADMIN_ROLE": [
              "0xB7f8BC63BbcaD18155201308C8f3540b07f84F5e",
            ],
            "MINTER_ROLE": [
              "0xB7f8BC63BbcaD18155201308C8f3540b07f84F5e",
            ],
            "PAUSER_ROLE": [
              "0x0Ff9b09627773c18136Bb1f46Ad639335C8B7C51",
            ],
            "UPGRADER_ROLE": [
              "0xB7f8BC63BbcaD18155201308C8f3540b07f84F5e",
            ],
          },
          "StoryTimelock": {
            "CANCELLER_ROLE": [
              "0x0Ff9b09627773c18136Bb1f46Ad639335C8B7C51",
              "0x1835069efDE63081BA0833Ef9704bf2Cc0E45abc",
              "0x9A9f2CCfdE556A7E9Ff0848998Aa4a0CFD8863AE",
            ],
            "DEFAULT_ADMIN_ROLE": [
              "0xB7f8BC63BbcaD18155201308C8f3540b07f84F5e",
            ],
            "EXECUTOR_ROLE": [
              "0x1835069efDE63081BA0833Ef9704bf2Cc0E45abc",
              "0x9A9f2CCfdE556A7E9Ff0848998Aa4a0CFD8863AE",
            ],
            "PROPOSER_ROLE": [
              "0x1835069efDE63081BA0833Ef9704bf2Cc0E45abc",
              "0x9A9f2CCfdE556A7E9Ff0848998Aa4a0CFD8863AE",
            ],
          },
        },
        "safes": {
          "emergency": {
            "address": "0x0Ff9b09627773c18136Bb1f46Ad639335C8B7C51",
            "fallbackHandler": "0xfd0732Dc9E303f09fCEf3a7388Ad10A83459Ec99",
            "guard": "0x0000000000000000000000000000000000000000",
            "modules": [],
            "nonce": 0n,
            "owners": [
              "0x15d34AAf54267DB7D7c367839AAf71A00a2C6A65",
              "0x9965507D1a55bcC2695C58ba16FB37d819B0A4dc",
              "0x976EA74026E726554dB657fA54763abd0C3a0aa9",
            ],
            "threshold": 2n,
            "version": "1.4.1",
          },
          "ops": {
            "address": "0x1835069efDE63081BA0833Ef9704bf2Cc0E45abc",
            "fallbackHandler": "0xfd0732Dc9E303f09fCEf3a7388Ad10A83459Ec99",
            "guard": "0x0000000000000000000000000000000000000000",
            "modules": [],
            "nonce": 0n,
            "owners": [
              "0x70997970C51812dc3A010C7d01b50e0d17dc79C8",
              "0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC",
              "0x90F79bf6EB2c4f870365E785982E1f101E93b906",
            ],
            "threshold": 2n,
            "version": "1.4.1",
          },
        },
        "timelockOperations": {
          "StoryTimelock": {},
        },
      }
    `)
  })

  test('behavior: one log query and one batched read', async () => {
    const counter = countingTransport()
    const counted = createPublicClient({
      chain: stack.client.chain,
      transport: counter.transport(stack.rpcUrl),
    })
    await getStateSnapshot(counted, { manifest: stack.manifest })
    expect(counter.methods.sort()).toEqual([
      'eth_blockNumber',
      'eth_call',
      'eth_call',
      'eth_chainId',
      'eth_getLogs',
    ])
  })

  test('behavior: pending timelock operations, pinned blocks', async () => {
    const before = await stack.client.getBlockNumber()
    const scenario = await prepareScenario(stack)
    const snapshot = await getStateSnapshot(client(), {
      manifest: stack.manifest,
    })
    const pending = snapshot.timelockOperations.StoryTimelock!
    expect(Object.keys(pending).sort()).toEqual(
      [
        scenario.upgrade.id,
        scenario.mintToStranger.id,
        scenario.drain.id,
        scenario.toCancel.id,
        scenario.grantToStranger.id,
      ].sort(),
    )
    expect(pending[scenario.drain.id]).toMatchObject({
      state: 'ready',
      calls: [
        { target: stack.manifest.contracts.Treasury!.address, value: 0n },
      ],
    })
    // A snapshot of an earlier block does not see them.
    const earlier = await getStateSnapshot(client(), {
      manifest: stack.manifest,
      blockNumber: before,
    })
    expect(earlier.timelockOperations.StoryTimelock).toEqual({})
  })
})

describe('diffStateSnapshots', () => {
  test('default', async () => {
    const before = await getStateSnapshot(client(), {
      manifest: stack.manifest,
    })
    const coin = stack.manifest.contracts.AuthorCoin!.address
    await executeOnStack(stack, 'emergency', [buildPause({ target: coin })])
    const after = await getStateSnapshot(client(), { manifest: stack.manifest })
    expect(
      await stack.client.readContract({
        address: coin,
        abi: authorCoinAbi,
        functionName: 'paused',
      }),
    ).toBe(true)
    expect(diffStateSnapshots({ before, after })).toMatchInlineSnapshot(`
      {
        "blocks": {
          "after": 28n,
          "before": 27n,
        },
        "changes": [
          {
            "after": true,
            "before": false,
            "path": "contracts.AuthorCoin.values.paused",
          },
          {
            "after": 1n,
            "before": 0n,
            "path": "safes.emergency.nonce",
          },
        ],
      }
    `)
  })

  test('behavior: identical snapshots have no changes', async () => {
    const snapshot = await getStateSnapshot(client(), {
      manifest: stack.manifest,
    })
    expect(
      diffStateSnapshots({ before: snapshot, after: snapshot }).changes,
    ).toEqual([])
  })
})
