import { readFileSync } from 'node:fs'
import { createPublicClient, http } from 'viem'
import { describe, expect, test } from 'vitest'
// @ts-expect-error: a plain .mjs script without declarations
import * as generator from '../../scripts/generateMulticall3Code.mjs'
import { startAnvil } from '../startAnvil.js'
import '../test/helpers.js'
import { multicall3RuntimeCode } from './multicall3Code.generated.js'

const { readViemMulticall3Bytecode, render, target, toRuntimeCode } =
  generator as {
    readViemMulticall3Bytecode(): `0x${string}`
    render(runtimeCode: string): string
    target: string
    toRuntimeCode(creationCode: string): `0x${string}`
  }

describe('multicall3RuntimeCode', () => {
  test('behavior: the file is what the generator writes from the installed viem', () => {
    expect(readFileSync(target, 'utf8')).toBe(
      render(toRuntimeCode(readViemMulticall3Bytecode())),
    )
  })

  test('behavior: equals the code anvil deploys from viem’s creation code', async () => {
    const anvil = await startAnvil()
    try {
      const client = createPublicClient({ transport: http(anvil.rpcUrl) })
      // A call without `to` runs the creation code and returns what it deploys.
      const { data } = await client.call({ data: readViemMulticall3Bytecode() })
      expect(data).toBe(multicall3RuntimeCode)
    } finally {
      await anvil.stop()
    }
  })
})
