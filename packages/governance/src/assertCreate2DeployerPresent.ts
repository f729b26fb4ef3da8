import type { ChainReadErrorType } from '@storydao/core'
import {
  assertParameters,
  type MissingParameterErrorType,
} from '@storydao/core'
import type { Chain, Client, Transport } from 'viem'
import { getChainId, getCode } from 'viem/actions'
import { getAction } from 'viem/utils'
import { create2DeployerAddress } from './constants.js'
import {
  Create2DeployerMissingError,
  type Create2DeployerMissingErrorType,
} from './errors/deploy.js'
import { version } from './errors/version.js'
import { readChain } from './internal/readChain.js'

export type AssertCreate2DeployerPresentReturnType = undefined

export type AssertCreate2DeployerPresentErrorType =
  | MissingParameterErrorType
  | Create2DeployerMissingErrorType
  | ChainReadErrorType

/**
 * Checks that the deterministic deployment proxy ({@link create2DeployerAddress})
 * has code on the client's chain, and says how to deploy it when it has not.
 *
 * - Docs: https://github.com/storydao/ops-sdk/blob/main/packages/governance/README.md#assertcreate2deployerpresent
 *
 * @example
 * ```ts
 * import { assertCreate2DeployerPresent } from '@storydao/governance'
 *
 * await assertCreate2DeployerPresent(client)
 * ```
 *
 * @param client - A viem client for the target chain.
 * @throws {Create2DeployerMissingError} When the deployer has no code.
 */
export async function assertCreate2DeployerPresent<
  chain extends Chain | undefined,
>(
  client: Client<Transport, chain>,
): Promise<AssertCreate2DeployerPresentReturnType> {
  assertParameters('assertCreate2DeployerPresent', { client }, ['client'], {
    version,
  })
  const [code, chainId] = await readChain(
    `the code of the CREATE2 deployer ${create2DeployerAddress}`,
    () =>
      [
        getAction(
          client,
          getCode,
          'getCode',
        )({ address: create2DeployerAddress }),
        getAction(client, getChainId, 'getChainId')({}),
      ] as const,
  )
  if (!code || code === '0x')
    throw new Create2DeployerMissingError({
      address: create2DeployerAddress,
      chainId,
    })
}
