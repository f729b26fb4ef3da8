import {
  decodeErrorResult,
  encodeErrorResult,
  keccak256,
  toHex,
  zeroHash,
} from 'viem'
import { formatAbiItem } from 'viem/utils'
import { describe, expect, test } from 'vitest'
import { storyDaoAbis } from './generated.js'
import {
  openZeppelinErrorsAbi,
  openZeppelinRoleNames,
} from './openZeppelinErrors.js'

describe('openZeppelinErrorsAbi', () => {
  test('default: every error of the generated ABIs, once each', () => {
    const signatures = openZeppelinErrorsAbi.map((item) => formatAbiItem(item))
    expect(new Set(signatures).size).toBe(signatures.length)
    const generated = new Set(
      Object.values(storyDaoAbis).flatMap((abi) =>
        abi
          .filter((item) => item.type === 'error')
          .map((item) => formatAbiItem(item)),
      ),
    )
    expect(new Set(signatures)).toEqual(generated)
    for (const name of [
      'AccessControlUnauthorizedAccount',
      'EnforcedPause',
      'ERC20InsufficientBalance',
      'ERC1967InvalidImplementation',
      'UUPSUnauthorizedCallContext',
      'OwnableUnauthorizedAccount',
      'TimelockUnexpectedOperationState',
      'GovernorNonexistentProposal',
    ])
      expect(openZeppelinErrorsAbi.some((item) => item.name === name)).toBe(
        true,
      )
  })

  test('behavior: decodes AccessControlUnauthorizedAccount (0xe2517d3f)', () => {
    const data = encodeErrorResult({
      abi: openZeppelinErrorsAbi,
      errorName: 'AccessControlUnauthorizedAccount',
      args: ['0x0000000000000000000000000000000000000001', zeroHash],
    })
    expect(data.slice(0, 10)).toBe('0xe2517d3f')
    expect(
      decodeErrorResult({ abi: openZeppelinErrorsAbi, data }).errorName,
    ).toBe('AccessControlUnauthorizedAccount')
  })
})

describe('openZeppelinRoleNames', () => {
  test('default: keccak256 of each *_ROLE name, 0x00 for the admin role', () => {
    expect(openZeppelinRoleNames).toMatchInlineSnapshot(`
      {
        "0x0000000000000000000000000000000000000000000000000000000000000000": "DEFAULT_ADMIN_ROLE",
        "0x189ab7a9244df0848122154315af71fe140f3db0fe014031783b0946b8c9d2e3": "UPGRADER_ROLE",
        "0x65d7a28e3265b37a6474929f336521b332c1681b933f6cb9f3376673440d862a": "PAUSER_ROLE",
        "0x9f2df0fed2c77648de5860a4cc508cd0818c85b8b8a1ab4ceeef8d981c8956a6": "MINTER_ROLE",
        "0xb09aa5aeb3702cfd50b6b62bc4532604938f21248a27a1d5ca736082b6819cc1": "PROPOSER_ROLE",
        "0xd8aa0f3194971a2a116679f7c2090f6939c8d4e01a2a8d7e41d55e5351469e63": "EXECUTOR_ROLE",
        "0xfd643c72710c63c0180259aba6b2d05451e3591a24e58b62239378085726f783": "CANCELLER_ROLE",
      }
    `)
    expect(openZeppelinRoleNames[keccak256(toHex('PAUSER_ROLE'))]).toBe(
      'PAUSER_ROLE',
    )
    expect(openZeppelinRoleNames[zeroHash]).toBe('DEFAULT_ADMIN_ROLE')
  })
})
