import { type ErrorConfig, replaceErrorConfig } from './errors/errorConfig.js'
import {
  assertParameters,
  type MissingParameterErrorType,
} from './errors/parameters.js'
import { version } from './errors/version.js'

export type SetErrorConfigParameters = ErrorConfig

export type SetErrorConfigReturnType = undefined

export type SetErrorConfigErrorType = MissingParameterErrorType

/**
 * Replaces the settings used to build {@link OpsError} messages, as viem's
 * `setErrorConfig` does. Tests pin `version` so message snapshots stay stable.
 *
 * - Docs: https://github.com/storydao/ops-sdk/blob/main/packages/core/README.md#errors
 *
 * @example
 * ```ts
 * import { setErrorConfig } from '@storydao/core'
 *
 * setErrorConfig({ version: '@storydao/core@x.y.z' })
 * ```
 *
 * @param config - The new settings (replace the current ones; `{}` restores the defaults).
 */
export function setErrorConfig(
  config: SetErrorConfigParameters,
): SetErrorConfigReturnType {
  assertParameters('setErrorConfig', { config }, ['config'], { version })
  replaceErrorConfig(config)
}
