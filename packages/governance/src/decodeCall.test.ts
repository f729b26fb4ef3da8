import {
  authorCoinAbi,
  authorCoinV2Abi,
  storyDaoAbis,
  treasuryV2Abi,
} from '@storydao/core'
import { storyDaoBytecodes } from '@storydao/testkit'
import {
  encodeFunctionData,
  getAddress,
  keccak256,
  parseEther,
  toHex,
  zeroHash,
} from 'viem'
import { describe, expect, test } from 'vitest'
import { buildCreate2Deploy } from './buildCreate2Deploy.js'
import { buildGovernorPropose } from './buildGovernorPropose.js'
import { buildGrantRole } from './buildGrantRole.js'
import { buildTimelockSchedule } from './buildTimelockSchedule.js'
import { buildTransparentUpgrade } from './buildTransparentUpgrade.js'
import { buildUupsUpgrade } from './buildUupsUpgrade.js'
import { decodeCall } from './decodeCall.js'
import {
  contractAddress,
  safes,
  sendAs,
  useLocalStack,
} from './test/localStack.js'

const context = useLocalStack()

const implementation = '0x1527181A8abA30D2dC92B7979e24FA3768660741'
const stranger = '0xa0Ee7A142d267C1f36714E4a8F75612F20a79720'

describe('decodeCall', () => {
  test('default', async () => {
    const { stack, client } = context
    const timelock = contractAddress(stack, 'StoryTimelock')
    const authorCoin = contractAddress(stack, 'AuthorCoin')
    const { call } = buildTimelockSchedule({
      timelock,
      calls: [
        buildUupsUpgrade({
          proxy: authorCoin,
          implementation,
          data: encodeFunctionData({
            abi: authorCoinV2Abi,
            functionName: 'initializeV2',
            args: [parseEther('1000')],
          }),
        }),
        buildGrantRole({
          target: authorCoin,
          abi: authorCoinAbi,
          role: 'MINTER_ROLE',
          account: stranger,
        }),
      ],
      salt: keccak256(toHex('upgrade')),
      delay: 3600n,
    })
    // Decode what actually went on chain, not only what was built.
    const { transactionHash } = await sendAs(context, safes(stack).ops, call)
    const { input, to } = await client.getTransaction({ hash: transactionHash })
    expect(
      decodeCall({ call: { to: to!, data: input }, abis: storyDaoAbis }),
    ).toMatchInlineSnapshot(`
      {
        "args": {
          "delay": 3600n,
          "payloads": [
            "0x4f1ef2860000000000000000000000001527181a8aba30d2dc92b7979e24fa3768660741000000000000000000000000000000000000000000000000000000000000004000000000000000000000000000000000000000000000000000000000000000245b4e128c00000000000000000000000000000000000000000000003635c9adc5dea0000000000000000000000000000000000000000000000000000000000000",
            "0x2f2ff15d9f2df0fed2c77648de5860a4cc508cd0818c85b8b8a1ab4ceeef8d981c8956a6000000000000000000000000a0ee7a142d267c1f36714e4a8f75612f20a79720",
          ],
          "predecessor": "0x0000000000000000000000000000000000000000000000000000000000000000",
          "salt": "0x00f2f7c15cbe06c8d94597cd91fd7f3369eae842359235712def5584f8d270cd",
          "targets": [
            "0x959922bE3CAee4b8Cd9a407cc3ac1C251C2007B1",
            "0x959922bE3CAee4b8Cd9a407cc3ac1C251C2007B1",
          ],
          "values": [
            0n,
            0n,
          ],
        },
        "functionName": "scheduleBatch",
        "inner": [
          {
            "args": {
              "data": "0x5b4e128c00000000000000000000000000000000000000000000003635c9adc5dea00000",
              "newImplementation": "0x1527181A8abA30D2dC92B7979e24FA3768660741",
            },
            "functionName": "upgradeToAndCall",
            "inner": [
              {
                "args": {
                  "mintLimitPerCall_": 1000000000000000000000n,
                },
                "functionName": "initializeV2",
                "selector": "0x5b4e128c",
                "signature": "initializeV2(uint256)",
                "status": "decoded",
                "to": "0x959922bE3CAee4b8Cd9a407cc3ac1C251C2007B1",
                "value": 0n,
              },
            ],
            "selector": "0x4f1ef286",
            "signature": "upgradeToAndCall(address,bytes)",
            "status": "decoded",
            "to": "0x959922bE3CAee4b8Cd9a407cc3ac1C251C2007B1",
            "value": 0n,
          },
          {
            "args": {
              "account": "0xa0Ee7A142d267C1f36714E4a8F75612F20a79720",
              "role": "0x9f2df0fed2c77648de5860a4cc508cd0818c85b8b8a1ab4ceeef8d981c8956a6",
            },
            "functionName": "grantRole",
            "selector": "0x2f2ff15d",
            "signature": "grantRole(bytes32,address)",
            "status": "decoded",
            "to": "0x959922bE3CAee4b8Cd9a407cc3ac1C251C2007B1",
            "value": 0n,
          },
        ],
        "selector": "0x8f2a0bb0",
        "signature": "scheduleBatch(address[],uint256[],bytes[],bytes32,bytes32,uint256)",
        "status": "decoded",
        "to": "0xB7f8BC63BbcaD18155201308C8f3540b07f84F5e",
        "value": 0n,
      }
    `)
  })

  test('behavior: governor proposal calls are decoded', () => {
    const { call } = buildGovernorPropose({
      governor: '0x9A9f2CCfdE556A7E9Ff0848998Aa4a0CFD8863AE',
      calls: [
        {
          to: '0x959922bE3CAee4b8Cd9a407cc3ac1C251C2007B1',
          data: encodeFunctionData({
            abi: authorCoinAbi,
            functionName: 'unpause',
          }),
        },
      ],
      description: 'Unpause',
    })
    const decoded = decodeCall({
      call: { ...call, abi: undefined },
      abis: [storyDaoAbis.StoryDAO, storyDaoAbis.AuthorCoin],
    })
    expect(decoded).toMatchObject({
      status: 'decoded',
      functionName: 'propose',
      args: { description: 'Unpause' },
      inner: [{ status: 'decoded', functionName: 'unpause', args: {} }],
    })
  })

  test('behavior: ProxyAdmin upgradeAndCall data is decoded against the proxy', () => {
    const call = buildTransparentUpgrade({
      proxyAdmin: '0x7C6Ff1873430D451533E60eAcd4dDE146c128430',
      proxy: '0xd8a894e9b899db301f76b27296daea4564794be6',
      implementation,
      data: encodeFunctionData({
        abi: treasuryV2Abi,
        functionName: 'initializeV2',
        args: [1n],
      }),
    })
    expect(decodeCall({ call, abis: [treasuryV2Abi] })).toMatchObject({
      functionName: 'upgradeAndCall',
      inner: [
        {
          to: getAddress('0xd8a894e9b899db301f76b27296daea4564794be6'),
          functionName: 'initializeV2',
          args: { dailyLimit_: 1n },
        },
      ],
    })
  })

  test('behavior: CREATE2 deployments show the address they create', async () => {
    const { stack, client } = context
    const { call, address } = buildCreate2Deploy({
      bytecode: storyDaoBytecodes.TreasuryV2,
      salt: zeroHash,
    })
    const decoded = decodeCall({ call })
    expect(decoded).toMatchObject({
      status: 'create2-deploy',
      salt: zeroHash,
      address,
    })
    await sendAs(context, stack.accounts.deployer.address, call, {
      gas: 10_000_000n,
    })
    expect((await client.getCode({ address }))?.length).toBeGreaterThan(2)
  })

  test('behavior: unknown selector is reported, not thrown', () => {
    expect(
      decodeCall({
        call: {
          to: '0x5FbDB2315678afecb367f032d93F642f64180aa3',
          value: 1n,
          data: '0xdeadbeef00',
          label: 'mystery',
        },
        abis: storyDaoAbis,
      }),
    ).toMatchInlineSnapshot(`
      {
        "data": "0xdeadbeef00",
        "label": "mystery",
        "selector": "0xdeadbeef",
        "status": "unknown",
        "to": "0x5FbDB2315678afecb367f032d93F642f64180aa3",
        "value": 1n,
      }
    `)
    expect(
      decodeCall({
        call: {
          to: '0x5FbDB2315678afecb367f032d93F642f64180aa3',
          data: '0x',
        },
      }),
    ).toMatchObject({ status: 'unknown', selector: undefined })
  })

  test('behavior: a malformed target does not throw', () => {
    expect(
      decodeCall({
        call: { to: '0x1234', data: '0x8456cb59' },
        abis: [authorCoinAbi],
      }),
    ).toMatchObject({ status: 'decoded', to: '0x1234', functionName: 'pause' })
  })

  test('behavior: a known selector whose arguments do not decode is unknown', () => {
    const data = encodeFunctionData({
      abi: authorCoinAbi,
      functionName: 'grantRole',
      args: [zeroHash, stranger],
    }).slice(0, 20) as `0x${string}`
    expect(
      decodeCall({
        call: { to: '0x5FbDB2315678afecb367f032d93F642f64180aa3', data },
        abis: [authorCoinAbi],
      }).status,
    ).toBe('unknown')
  })

  test('error: no call', () => {
    // @ts-expect-error plain-JavaScript caller without `call`
    expect(() => decodeCall({ abis: storyDaoAbis })).toThrow(
      expect.objectContaining({
        name: 'MissingParameterError',
        parameter: 'call',
      }),
    )
  })
})
