import {
  getCompatibilityFallbackHandlerDeployment,
  getMultiSendCallOnlyDeployment,
  getMultiSendDeployment,
  getProxyFactoryDeployment,
  getSafeSingletonDeployment,
} from '@safe-global/safe-deployments'
import {
  authorCoinAbi,
  safeAbi,
  storyTimelockAbi,
  treasuryAbi,
  upgradeableBeaconAbi,
} from '@storydao/core'
import { getAddress, keccak256, parseEther, toHex, zeroHash } from 'viem'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { type LocalStack, startLocalStack } from './startLocalStack.js'

const role = (name: string) => keccak256(toHex(name))
const implementationSlot =
  '0x360894a13ba1a3210667c828492db98dca3e2076cc3735a920a3ca505d382bbc'

let stack: LocalStack
beforeAll(async () => {
  stack = await startLocalStack()
})
afterAll(() => stack?.stop())

const contract = (name: string) => {
  const entry = stack.manifest.contracts[name]
  if (!entry) throw new Error(`no ${name} in manifest`)
  return entry.address
}

describe('startLocalStack', () => {
  test('default: Safe contracts sit at their canonical v1.4.1 addresses', () => {
    const canonical = (d: ReturnType<typeof getSafeSingletonDeployment>) =>
      (d!.deployments as Record<string, { address: string }>).canonical!.address
    expect(stack.safeContracts.safeSingletonAddress).toBe(
      canonical(getSafeSingletonDeployment({ version: '1.4.1' })),
    )
    expect(stack.safeContracts.safeProxyFactoryAddress).toBe(
      canonical(getProxyFactoryDeployment({ version: '1.4.1' })),
    )
    expect(stack.safeContracts.multiSendAddress).toBe(
      canonical(getMultiSendDeployment({ version: '1.4.1' })),
    )
    expect(stack.safeContracts.multiSendCallOnlyAddress).toBe(
      canonical(getMultiSendCallOnlyDeployment({ version: '1.4.1' })),
    )
    expect(stack.safeContracts.fallbackHandlerAddress).toBe(
      canonical(
        getCompatibilityFallbackHandlerDeployment({ version: '1.4.1' }),
      ),
    )
    expect(stack.contractNetworks['31337']).toEqual(stack.safeContracts)
  })

  test('default: ops and emergency Safes are 2-of-3 over distinct dev accounts', async () => {
    const { client, manifest, accounts } = stack
    for (const [name, owners] of [
      ['ops', accounts.opsOwners],
      ['emergency', accounts.emergencyOwners],
    ] as const) {
      const address = manifest.safes[name]!.address
      const [threshold, chainOwners, version] = await Promise.all([
        client.readContract({
          address,
          abi: safeAbi,
          functionName: 'getThreshold',
        }),
        client.readContract({
          address,
          abi: safeAbi,
          functionName: 'getOwners',
        }),
        client.readContract({ address, abi: safeAbi, functionName: 'VERSION' }),
      ])
      expect(threshold).toBe(2n)
      expect(version).toBe('1.4.1')
      expect([...chainOwners].sort()).toEqual(
        owners.map((o) => o.address).sort(),
      )
      expect(manifest.safes[name]!.owners).toEqual(owners.map((o) => o.address))
    }
  })

  test('default: roles are wired as in production', async () => {
    const { client, manifest } = stack
    const ops = manifest.safes.ops.address
    const emergency = manifest.safes.emergency!.address
    const deployer = stack.accounts.deployer.address
    const timelock = contract('StoryTimelock')
    const governor = contract('StoryDAO')
    const coin = contract('AuthorCoin')
    const hasRole = (
      address: `0x${string}`,
      r: `0x${string}`,
      who: `0x${string}`,
    ) =>
      client.readContract({
        address,
        abi: authorCoinAbi,
        functionName: 'hasRole',
        args: [r, who],
      })
    const timelockHas = (r: string, who: `0x${string}`) =>
      client.readContract({
        address: timelock,
        abi: storyTimelockAbi,
        functionName: 'hasRole',
        args: [role(r), who],
      })

    expect(await hasRole(coin, role('PAUSER_ROLE'), emergency)).toBe(true)
    expect(await hasRole(coin, role('PAUSER_ROLE'), ops)).toBe(false)
    expect(await hasRole(coin, zeroHash, timelock)).toBe(true)
    expect(await hasRole(coin, role('UPGRADER_ROLE'), timelock)).toBe(true)
    expect(await hasRole(coin, role('MINTER_ROLE'), timelock)).toBe(true)
    expect(await hasRole(coin, zeroHash, deployer)).toBe(false)

    expect(await timelockHas('PROPOSER_ROLE', governor)).toBe(true)
    expect(await timelockHas('PROPOSER_ROLE', ops)).toBe(true)
    expect(await timelockHas('EXECUTOR_ROLE', ops)).toBe(true)
    expect(await timelockHas('CANCELLER_ROLE', emergency)).toBe(true)
    expect(await timelockHas('PROPOSER_ROLE', emergency)).toBe(false)
    // The deployer handed the timelock over to itself.
    expect(
      await client.readContract({
        address: timelock,
        abi: storyTimelockAbi,
        functionName: 'hasRole',
        args: [zeroHash, deployer],
      }),
    ).toBe(false)
    expect(
      await client.readContract({
        address: timelock,
        abi: storyTimelockAbi,
        functionName: 'getMinDelay',
      }),
    ).toBe(3600n)
  })

  test('default: manifest matches the proxies and the funded treasury', async () => {
    const { client, manifest } = stack
    const coin = manifest.contracts.AuthorCoin!
    if (coin.kind !== 'uups-proxy')
      throw new Error('AuthorCoin is a UUPS proxy')
    const slot = await client.getStorageAt({
      address: coin.address,
      slot: implementationSlot,
    })
    expect(getAddress(`0x${slot!.slice(26)}`)).toBe(
      'implementation' in coin ? coin.implementation : undefined,
    )
    const beacon = manifest.contracts.TreasuryBeacon!
    if (beacon.kind !== 'beacon') throw new Error('TreasuryBeacon is a beacon')
    expect(
      await client.readContract({
        address: beacon.address,
        abi: upgradeableBeaconAbi,
        functionName: 'implementation',
      }),
    ).toBe('implementation' in beacon ? beacon.implementation : undefined)
    const treasury = contract('Treasury')
    expect(await client.getBalance({ address: treasury })).toBe(
      parseEther('100'),
    )
    expect(
      await client.readContract({
        address: coin.address,
        abi: authorCoinAbi,
        functionName: 'balanceOf',
        args: [treasury],
      }),
    ).toBe(parseEther('10000000'))
    expect(
      await client.readContract({
        address: treasury,
        abi: treasuryAbi,
        functionName: 'owner',
      }),
    ).toBe(contract('StoryTimelock'))
    // Every address in the manifest is checksummed.
    for (const entry of Object.values(manifest.contracts))
      expect(entry.address).toBe(getAddress(entry.address))
  })

  test('behavior: reset() returns to the post-deployment state', async () => {
    const { client } = stack
    const stranger = stack.accounts.stranger.address
    const before = await client.getBalance({ address: stranger })
    await client.setBalance({ address: stranger, value: 1n })
    expect(await client.getBalance({ address: stranger })).toBe(1n)
    await stack.reset()
    expect(await client.getBalance({ address: stranger })).toBe(before)
    // And again: reset keeps working after a reset.
    await client.setBalance({ address: stranger, value: 2n })
    await stack.reset()
    expect(await client.getBalance({ address: stranger })).toBe(before)
  })

  test('behavior: a second stack is an independent chain', async () => {
    const other = await startLocalStack({ config: { timelockMinDelay: 60n } })
    try {
      expect(other.rpcUrl).not.toBe(stack.rpcUrl)
      // Same deployer nonces → same addresses, which keeps manifests stable.
      const addresses = (s: LocalStack) =>
        Object.values(s.manifest.contracts).map((c) => c.address)
      expect(addresses(other)).toEqual(addresses(stack))
      expect(
        await other.client.readContract({
          address: other.manifest.contracts.StoryTimelock!.address,
          abi: storyTimelockAbi,
          functionName: 'getMinDelay',
        }),
      ).toBe(60n)
    } finally {
      await other.stop()
    }
  })
})
