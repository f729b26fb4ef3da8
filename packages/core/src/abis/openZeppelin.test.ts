import type { AbiItem } from 'viem'
import { describe, expect, test } from 'vitest'
import { authorCoinAbi, storyTimelockAbi } from './generated.js'
import { accessControlAbi, pausableAbi } from './openZeppelin.js'

// The hand-written ABIs must match what solc emits for the real contracts.
function compiled(abi: readonly AbiItem[], item: AbiItem) {
  const match = abi.find(
    (candidate) =>
      candidate.type === item.type &&
      'name' in candidate &&
      'name' in item &&
      candidate.name === item.name,
  )
  return match
}

describe('pausableAbi', () => {
  test('matches AuthorCoin as compiled', () => {
    for (const item of pausableAbi)
      expect(compiled(authorCoinAbi, item)).toEqual(item)
  })
})

describe('accessControlAbi', () => {
  test('matches AuthorCoin and the timelock as compiled', () => {
    for (const item of accessControlAbi) {
      expect(compiled(authorCoinAbi, item)).toEqual(item)
      expect(compiled(storyTimelockAbi, item)).toEqual(item)
    }
  })
})
