import {
  buildCreate2Deploy,
  buildPause,
  buildTimelockSchedule,
} from '@storydao/governance'
import { zeroHash } from 'viem'
import { describe, expect, test } from 'vitest'
import { toReportedCall } from './decode.js'
import { indexManifest } from './manifestIndex.js'

const timelock = '0xB7f8BC63BbcaD18155201308C8f3540b07f84F5e'
const coin = '0x959922bE3CAee4b8Cd9a407cc3ac1C251C2007B1'
const index = indexManifest(undefined)

describe('toReportedCall', () => {
  test('default: a timelock schedule with its calls', () => {
    const deploy = buildCreate2Deploy({
      bytecode: '0x600080fd',
      salt: zeroHash,
    })
    const { call } = buildTimelockSchedule({
      timelock,
      calls: [
        buildPause({ target: coin }),
        deploy.call,
        { to: coin, data: '0x12345678' },
      ],
      salt: zeroHash,
      delay: 3600n,
    })
    const reported = toReportedCall(call, 0, index)
    expect(reported.functionName).toBe('scheduleBatch')
    expect(reported.args?.map(({ name, type }) => `${type} ${name}`)).toEqual([
      'address[] targets',
      'uint256[] values',
      'bytes[] payloads',
      'bytes32 predecessor',
      'bytes32 salt',
      'uint256 delay',
    ])
    expect(reported.inner).toMatchInlineSnapshot(`
      [
        {
          "args": [],
          "functionName": "pause",
          "index": 0,
          "operation": "call",
          "to": "0x959922bE3CAee4b8Cd9a407cc3ac1C251C2007B1",
          "value": 0n,
        },
        {
          "create2": {
            "address": "0x92254c94DBCC77d8C89aAD76D736362C9858999F",
            "initCodeHash": "0x0115ad62e83bffb6cf82a8026d5978e375b872220eb81f43bba668c5d97b6bf3",
            "salt": "0x0000000000000000000000000000000000000000000000000000000000000000",
          },
          "index": 1,
          "operation": "call",
          "to": "0x4e59b44847b379578588920cA78FbF26c0B4956C",
          "value": 0n,
        },
        {
          "data": "0x12345678",
          "index": 2,
          "operation": "call",
          "to": "0x959922bE3CAee4b8Cd9a407cc3ac1C251C2007B1",
          "value": 0n,
        },
      ]
    `)
  })

  test('behavior: the Safe call keeps its data, operation and label', () => {
    const call = buildPause({ target: coin, label: 'AuthorCoin: pause' })
    expect(
      toReportedCall({ ...call, operation: 'delegatecall' }, 3, index),
    ).toMatchInlineSnapshot(`
      {
        "args": [],
        "data": "0x8456cb59",
        "functionName": "pause",
        "index": 3,
        "label": "AuthorCoin: pause",
        "operation": "delegatecall",
        "to": "0x959922bE3CAee4b8Cd9a407cc3ac1C251C2007B1",
        "value": 0n,
      }
    `)
  })

  test('behavior: a CREATE2 deployment shows the address it creates', () => {
    const deploy = buildCreate2Deploy({
      bytecode: '0x600080fd',
      salt: zeroHash,
    })
    const reported = toReportedCall(deploy.call, 0, index)
    expect(reported.create2?.address).toBe(deploy.address)
    expect(reported.data).toBe(deploy.call.data)
    expect(reported.functionName).toBeUndefined()
  })
})
