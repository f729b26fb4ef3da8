import {
  assertParameters,
  type LoadManifestErrorType,
  loadManifest,
  type MissingParameterErrorType,
} from '@storydao/core'
import {
  NetworkChainMismatchError,
  type NetworkChainMismatchErrorType,
} from '../errors/context.js'
import { version } from '../errors/version.js'
import type { OpsContext } from './createOpsContext.js'

export type RefreshOpsContextReturnType = OpsContext

export type RefreshOpsContextErrorType =
  | MissingParameterErrorType
  | LoadManifestErrorType
  | NetworkChainMismatchErrorType

/**
 * The same context on the manifest as it is on disk now. A playbook step
 * reads the manifest its context was opened with (as each CLI command does
 * in its own process); a script that chains steps, where one writes the
 * manifest (`prepareUpgrade`, `draftGovernorUpgrade`, `recordDeployment`,
 * `validateUpgrade`, …) and the next reads what it wrote, refreshes in
 * between. The client, service and signers are kept; nothing is sent.
 *
 * - Docs: https://github.com/storydao/ops-sdk/blob/main/packages/ops-sdk/README.md#refreshopscontext
 *
 * @example
 * ```ts
 * import { createOpsContext, draftGovernorUpgrade, prepareUpgrade, refreshOpsContext } from '@storydao/ops-sdk'
 *
 * const context = await createOpsContext({ network: 'sepolia' })
 * const { upgrade } = await prepareUpgrade(context, { target: 'AuthorCoin', to: 'AuthorCoinV2' })
 * await draftGovernorUpgrade(await refreshOpsContext(context), { id: upgrade.id })
 * ```
 */
export async function refreshOpsContext(
  context: OpsContext,
): Promise<RefreshOpsContextReturnType> {
  assertParameters('refreshOpsContext', { context }, ['context'], { version })
  const manifest = await loadManifest(context.manifestPath)
  if (manifest.network.chainId !== context.chainId)
    throw new NetworkChainMismatchError({
      network: context.networkName,
      rpcUrl: context.rpcUrl,
      rpcChainId: context.chainId,
      manifestChainId: manifest.network.chainId,
    })
  return { ...context, manifest }
}
