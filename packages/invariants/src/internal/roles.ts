import { type Hex, keccak256, toHex, zeroHash } from 'viem'

const bytes32 = /^0x[0-9a-fA-F]{64}$/

/** @internal Role names used by OpenZeppelin contracts and StoryDAO. */
export const knownRoleNames = [
  'DEFAULT_ADMIN_ROLE',
  'PAUSER_ROLE',
  'MINTER_ROLE',
  'UPGRADER_ROLE',
  'PROPOSER_ROLE',
  'EXECUTOR_ROLE',
  'CANCELLER_ROLE',
] as const

/**
 * @internal A role as bytes32: a 32-byte hex value is taken as is,
 * `DEFAULT_ADMIN_ROLE` is zero, any other name is `keccak256(name)` as
 * OpenZeppelin defines its role constants.
 */
export function toRoleHash(role: string): Hex {
  if (bytes32.test(role)) return role.toLowerCase() as Hex
  if (role === 'DEFAULT_ADMIN_ROLE') return zeroHash
  return keccak256(toHex(role))
}

const names = new Map<string, string>(
  knownRoleNames.map((name) => [toRoleHash(name), name]),
)

/** @internal The role's name when known, else its hash. */
export function roleName(role: Hex | string): string {
  return names.get(role.toLowerCase()) ?? role
}
