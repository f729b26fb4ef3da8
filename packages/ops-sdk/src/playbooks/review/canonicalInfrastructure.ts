import { type Address, getAddress, isAddressEqual } from 'viem'

// Addresses every chain shares (docs/safe-formats.md#canonical-addresses):
// a call to one is routine plumbing, so naming it beats flagging it as
// unknown, which would train signers to skip the unknown-target warning.
const create2Deployer = '0x4e59b44847b379578588920cA78FbF26c0B4956C'

const entries: readonly (readonly [string, string])[] = [
  [create2Deployer, 'CREATE2 deployer'],
  ['0xcA11bde05977b3631167028862bE2a173976CA11', 'Multicall3'],
  ['0x914d7Fec6aaC8cd542e72Bca78B30650d45643d7', 'Safe singleton factory'],
  ['0x41675C099F32341bf84BFc5382aF534df5C7461a', 'Safe 1.4.1 singleton'],
  ['0x29fcB43b46531BcA003ddC8FCB67FFE91900C762', 'SafeL2 1.4.1 singleton'],
  ['0xd9Db270c1B5E3Bd161E8c8503c55cEABeE709552', 'Safe 1.3.0 singleton'],
  ['0x3E5c63644E683549055b9Be8653de26E0B4CD36E', 'SafeL2 1.3.0 singleton'],
  ['0x69f4D1788e39c87893C980c06EdF4b7f686e2938', 'Safe 1.3.0 singleton'],
  ['0xfb1bffC9d739B8D520DaF37dF666da4C687191EA', 'SafeL2 1.3.0 singleton'],
  ['0x4e1DCf7AD4e460CfD30791CCC4F9c8a4f820ec67', 'SafeProxyFactory 1.4.1'],
  ['0xa6B71E26C5e0845f74c812102Ca7114b6a896AB2', 'SafeProxyFactory 1.3.0'],
  ['0xC22834581EbC8527d974F8a1c97E1bEA4EF910BC', 'SafeProxyFactory 1.3.0'],
  ['0x9641d764fc13c8B624c04430C7356C1C7C8102e2', 'MultiSendCallOnly 1.4.1'],
  ['0x40A2aCCbd92BCA938b02010E17A5b8929b49130D', 'MultiSendCallOnly 1.3.0'],
  ['0xA1dabEF33b3B82c7814B6D82A79e50F4AC44102B', 'MultiSendCallOnly 1.3.0'],
]

const byAddress = new Map(
  entries.map(([address, name]) => [getAddress(address), name]),
)

/** @internal The name of a canonical infrastructure contract, else `undefined`. */
export function canonicalNameOf(address: Address): string | undefined {
  return byAddress.get(getAddress(address))
}

/** @internal Whether the address is the deterministic CREATE2 deployer. */
export function isCreate2Deployer(address: Address): boolean {
  return isAddressEqual(address, create2Deployer)
}
