import { ChainReadError } from '@storydao/core'
import { storyDaoBytecodes } from '@storydao/testkit'
import { createPublicClient, http, zeroHash } from 'viem'
import { describe, expect, test } from 'vitest'
import { assertCreate2AddressesFree } from './assertCreate2AddressesFree.js'
import { buildCreate2Deploy } from './buildCreate2Deploy.js'
import { deployWithCreate2, useLocalStack } from './test/localStack.js'

const context = useLocalStack()

describe('assertCreate2AddressesFree', () => {
  test('default', async () => {
    const { address } = buildCreate2Deploy({
      bytecode: storyDaoBytecodes.TreasuryV2,
      salt: zeroHash,
    })
    await expect(
      assertCreate2AddressesFree(context.client, { addresses: [address] }),
    ).resolves.toBeUndefined()
  })

  test('error: an address already holds code', async () => {
    const treasuryV2 = {
      bytecode: storyDaoBytecodes.TreasuryV2,
      salt: zeroHash,
    }
    const occupied = await deployWithCreate2(context, treasuryV2)
    const free = buildCreate2Deploy({
      bytecode: storyDaoBytecodes.AuthorCoinV2,
      salt: zeroHash,
    }).address
    await expect(
      assertCreate2AddressesFree(context.client, {
        addresses: [free, occupied],
      }),
    ).rejects.toThrowErrorMatchingInlineSnapshot(`
      [Create2AddressOccupiedError: Address 0x0BeeD6897De53240b2B6D6fAe11A0Db666d39162 already holds code.

      - 0x0BeeD6897De53240b2B6D6fAe11A0Db666d39162

      Hint: These contracts are already deployed with this exact init code and salt. Reuse them, or pick a new \`salt\` to deploy fresh copies.
      Docs: packages/governance/README.md#errors
      Version: @storydao/core@x.y.z]
    `)
    // Deploying it again would revert.
    const { call } = buildCreate2Deploy(treasuryV2)
    await expect(
      context.client.call({
        account: context.stack.accounts.deployer.address,
        to: call.to,
        data: call.data,
      }),
    ).rejects.toThrowError()
  })

  test('error: RPC unreachable', async () => {
    const client = createPublicClient({
      transport: http('http://127.0.0.1:9', { retryCount: 0 }),
    })
    await expect(
      assertCreate2AddressesFree(client, {
        addresses: ['0x5FbDB2315678afecb367f032d93F642f64180aa3'],
      }),
    ).rejects.toBeInstanceOf(ChainReadError)
  })

  test('error: malformed address', async () => {
    await expect(
      assertCreate2AddressesFree(context.client, { addresses: ['0x12'] }),
    ).rejects.toThrowErrorMatchingInlineSnapshot(`
      [InvalidAddressError: Invalid address "0x12" at addresses[0]: expected "0x" followed by 40 hex digits.

      Hint: Pass a 20-byte hex address such as 0x5FbDB2315678afecb367f032d93F642f64180aa3.
      Version: @storydao/core@x.y.z]
    `)
  })
})
