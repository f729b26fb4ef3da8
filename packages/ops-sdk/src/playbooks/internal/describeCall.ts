import { type Manifest, storyDaoAbis } from '@storydao/core'
import { type DecodedCall, decodeCall } from '@storydao/governance'
import { type Address, type Hex, isAddressEqual } from 'viem'

/** @internal The manifest name of an address (a contract or a Safe), else the address. */
export function nameOf(manifest: Manifest, address: Address): string {
  for (const [name, entry] of Object.entries(manifest.contracts))
    if (isAddressEqual(entry.address, address)) return name
  for (const [name, safe] of Object.entries(manifest.safes))
    if (safe && isAddressEqual(safe.address, address)) return `${name} Safe`
  return address
}

/**
 * @internal One readable line for a call a signer is asked to approve:
 * `AuthorCoin.pause()`, with arguments, from the StoryDAO ABIs.
 */
export function describeCall(
  manifest: Manifest,
  call: { to: Address; value: bigint; data: Hex },
): { decoded: DecodedCall; text: string } {
  const decoded = decodeCall({ call, abis: storyDaoAbis })
  const target = nameOf(manifest, call.to)
  const value = call.value > 0n ? ` (value ${call.value} wei)` : ''
  if (decoded.status === 'decoded') {
    const args = Object.entries(decoded.args)
      .map(([key, item]) => `${key}: ${String(item)}`)
      .join(', ')
    return {
      decoded,
      text: `${target}.${decoded.functionName}(${args})${value}`,
    }
  }
  if (decoded.status === 'create2-deploy')
    return {
      decoded,
      text: `deploy ${decoded.address} through the CREATE2 deployer${value}`,
    }
  if (call.data === '0x')
    return {
      decoded,
      text: `${target}: empty call${value}${target.endsWith(' Safe') ? ' (a rejection)' : ''}`,
    }
  return {
    decoded,
    text: `${target}: unknown function ${decoded.selector ?? call.data}${value}`,
  }
}
