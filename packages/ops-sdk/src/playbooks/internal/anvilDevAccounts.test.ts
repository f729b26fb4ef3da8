import { anvilPrivateKeys } from '@storydao/testkit'
import { privateKeyToAccount } from 'viem/accounts'
import { expect, test } from 'vitest'
import { anvilDevAccounts, anvilFirstDevKey } from './anvilDevAccounts.js'

test("default: the derived accounts are anvil's dev accounts, and the written-out first key is the first of them", () => {
  const accounts = anvilDevAccounts(10)
  expect(accounts.map(({ address }) => address)).toEqual(
    anvilPrivateKeys
      .slice(0, 10)
      .map((key) => privateKeyToAccount(key).address),
  )
  expect(privateKeyToAccount(anvilFirstDevKey).address).toBe(
    accounts[0]!.address,
  )
})
