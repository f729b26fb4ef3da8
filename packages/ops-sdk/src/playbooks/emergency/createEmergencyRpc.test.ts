import { describe, expect, test } from 'vitest'
import { createEmergencyRpc } from './createEmergencyRpc.js'

describe('createEmergencyRpc', () => {
  test('error: a closed port is EMERGENCY_RPC_UNREACHABLE (exit 3 in the CLI)', async () => {
    const rpc = createEmergencyRpc({
      rpcUrl: 'http://127.0.0.1:9',
      timeout: 2_000,
    })
    await expect(
      rpc.batch([{ method: 'eth_chainId', params: [] }]),
    ).rejects.toMatchObject({
      code: 'EMERGENCY_RPC_UNREACHABLE',
      shortMessage: 'Could not reach the RPC at http://127.0.0.1:9.',
    })
  })

  test('error: a missing rpcUrl is reported as a missing parameter when first used', async () => {
    const rpc = createEmergencyRpc({} as never)
    await expect(
      rpc.batch([{ method: 'eth_chainId', params: [] }]),
    ).rejects.toMatchObject({ code: 'PARAMETER_MISSING' })
  })
})
