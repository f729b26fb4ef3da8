import { type Abi, type Hex, keccak256, toHex, zeroHash } from 'viem'
import { formatAbiItem } from 'viem/utils'
import { storyDaoAbis } from './generated.js'

type AbiError = Extract<Abi[number], { type: 'error' }>
type AbiFunction = Extract<Abi[number], { type: 'function' }>

const generatedAbis = Object.values(storyDaoAbis)

/**
 * Every custom `error` the StoryDAO contracts can revert with (OpenZeppelin 5
 * access control, pausable, ERC20, ERC1967, UUPS, Governor, TimelockController,
 * Ownable… and the contracts' own), once each. Derived from the generated ABIs
 * when the module loads, so it can never fall behind `forge build`.
 *
 * - Docs: https://github.com/storydao/ops-sdk/blob/main/packages/core/README.md#abis
 *
 * @example
 * ```ts
 * import { openZeppelinErrorsAbi } from '@storydao/core'
 * import { decodeErrorResult } from 'viem'
 *
 * decodeErrorResult({ abi: openZeppelinErrorsAbi, data: '0xe2517d3f…' })
 * // { errorName: 'AccessControlUnauthorizedAccount', args: [account, role] }
 * ```
 */
export const openZeppelinErrorsAbi: readonly AbiError[] = uniqueErrors()

/**
 * Role hashes of the generated ABIs' `*_ROLE` constants, keyed by the
 * lowercase hash: OpenZeppelin defines each role as `keccak256(name)`, except
 * `DEFAULT_ADMIN_ROLE`, which is `0x00…00`. Lets a decoded
 * `AccessControlUnauthorizedAccount` name the role it needed.
 *
 * - Docs: https://github.com/storydao/ops-sdk/blob/main/packages/core/README.md#abis
 *
 * @example
 * ```ts
 * import { openZeppelinRoleNames } from '@storydao/core'
 * import { keccak256, toHex } from 'viem'
 *
 * openZeppelinRoleNames[keccak256(toHex('PAUSER_ROLE'))] // 'PAUSER_ROLE'
 * ```
 */
export const openZeppelinRoleNames: Readonly<Record<Hex, string>> =
  Object.freeze(roleNames())

function uniqueErrors(): AbiError[] {
  const bySignature = new Map<string, AbiError>()
  for (const abi of generatedAbis)
    for (const item of abi)
      if (item.type === 'error') {
        const signature = formatAbiItem(item as AbiError)
        if (!bySignature.has(signature))
          bySignature.set(signature, item as AbiError)
      }
  return [...bySignature.values()]
}

function roleNames(): Record<Hex, string> {
  const names: Record<Hex, string> = {}
  for (const abi of generatedAbis)
    for (const item of abi)
      if (isRoleConstant(item))
        names[
          item.name === 'DEFAULT_ADMIN_ROLE'
            ? zeroHash
            : keccak256(toHex(item.name))
        ] = item.name
  return names
}

function isRoleConstant(item: { type: string }): item is AbiFunction {
  const fn = item as AbiFunction
  return (
    fn.type === 'function' &&
    fn.name.endsWith('_ROLE') &&
    fn.inputs.length === 0 &&
    fn.outputs.length === 1 &&
    fn.outputs[0]?.type === 'bytes32'
  )
}
