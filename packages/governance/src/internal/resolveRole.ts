import { type Abi, type Hex, keccak256, toHex, zeroHash } from 'viem'
import { UnknownRoleError } from '../errors/roles.js'
import { abiFunctions } from './abis.js'
import { isBytes32 } from './toBytes32.js'

/** @internal Role getters an ABI declares: `NAME_ROLE() view returns (bytes32)`. */
export function rolesOf(abi: Abi | undefined): string[] {
  const names = abiFunctions(abi ?? [])
    .filter(
      (item) =>
        item.name.endsWith('_ROLE') &&
        item.inputs.length === 0 &&
        item.outputs.length === 1 &&
        item.outputs[0]!.type === 'bytes32',
    )
    .map((item) => item.name)
  return [...new Set(['DEFAULT_ADMIN_ROLE', ...names])].sort()
}

/**
 * @internal Resolves a role name to its id (OpenZeppelin convention:
 * `keccak256("NAME_ROLE")`, `DEFAULT_ADMIN_ROLE` = `bytes32(0)`), or checks a
 * 32-byte id given directly.
 */
export function resolveRole(
  role: string,
  abi: Abi | undefined,
): { id: Hex; name: string } {
  if (isBytes32(role)) {
    const id = role.toLowerCase() as Hex
    const name = rolesOf(abi).find((candidate) => roleId(candidate) === id)
    return { id, name: name ?? id }
  }
  const available = rolesOf(abi)
  if (!available.includes(role)) throw new UnknownRoleError({ role, available })
  return { id: roleId(role), name: role }
}

function roleId(name: string): Hex {
  return name === 'DEFAULT_ADMIN_ROLE' ? zeroHash : keccak256(toHex(name))
}
