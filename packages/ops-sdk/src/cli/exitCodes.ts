/**
 * Exit codes of `storydao-ops`, stable for scripts: 0 done, 1 a check failed
 * (an invariant, a chain mismatch, a critical review warning), 2 bad input or
 * usage, 3 an RPC or a service could not be reached.
 */
export const exitCodes = {
  ok: 0,
  checkFailed: 1,
  usage: 2,
  unreachable: 3,
} as const

export type ExitCode = (typeof exitCodes)[keyof typeof exitCodes]

// Bad input: what the user typed or pointed at is wrong, and they can fix it.
const usageCodes = new Set([
  'CLI_USAGE',
  'PARAMETER_MISSING',
  'ADDRESS_INVALID',
  'BYTES32_INVALID',
  'CALL_INVALID',
  'CALLS_EMPTY',
  'CONTRACT_UNKNOWN',
  'ROLE_UNKNOWN',
  'MANIFEST_INVALID',
  'MANIFEST_PARSE',
  'MANIFEST_NOT_FOUND',
  'MANIFEST_FILE',
  'NETWORKS_INVALID',
  'NETWORK_UNKNOWN',
  'CHAIN_MISMATCH',
  'RPC_URL_MISSING',
  'RPC_URL_INVALID',
  'SIGNER_ENV_MISSING',
  'SIGNER_KEY_INVALID',
  'UPGRADE_UNKNOWN',
  'UPGRADE_EXISTS',
  'GOVERNOR_NOT_IN_MANIFEST',
  'UPGRADE_NOT_PROPOSABLE',
  'UPGRADE_CALL_INVALID',
  'UPGRADE_NOT_ROLLBACKABLE',
  'ARTIFACT_NOT_FOUND',
  'CONTRACT_NOT_UPGRADEABLE',
  'INCIDENT_EXISTS',
  'INCIDENT_NOT_FOUND',
  'INCIDENT_TITLE_INVALID',
  'INCIDENT_CLOSED',
  'TX_BUILDER_INVALID',
  'TX_BUILDER_CHECKSUM',
  'TX_BUILDER_CHAIN_MISMATCH',
  'TX_BUILDER_SAFE_MISMATCH',
  'TX_BUILDER_UNSUPPORTED',
  'TIMELOCK_NOT_IN_MANIFEST',
  'TIMELOCK_NOTHING_PENDING',
  'TIMELOCK_OPERATION_NOT_PENDING',
  'STATE_DUMP_INVALID',
  'STATE_DUMP_CHAIN_MISMATCH',
  'SAFE_TX_NOT_QUEUED',
  'EXECUTOR_MISSING',
  'REVIEW_INPUT_INVALID',
  'REVIEW_TX_NOT_FOUND',
  'RELEASE_NOT_FOUND',
  'RELEASE_INVALID',
  'RELEASE_ALREADY_DEPLOYED',
  'RELEASE_REFERENCE_CYCLE',
  'RELEASE_REFERENCE_UNKNOWN',
  'RELEASE_NAME_DUPLICATE',
  'RELEASE_ADDRESS_COLLISION',
  'CONSTRUCTOR_ABI_MISSING',
  'DEPLOYMENT_NOT_PENDING',
  'EMERGENCY_LANES_NOT_FOUND',
  'EMERGENCY_LANES_INVALID',
  'EMERGENCY_LANE_UNKNOWN',
  'EMERGENCY_NETWORK_UNKNOWN',
  'DEPLOYMENT_RECORD_INVALID',
])

const unreachable = /(?:_UNREACHABLE|_TIMEOUT|_UNRESPONSIVE)$/

/**
 * @internal Maps an error to the exit code: by its stable `code` when it is an
 * `OpsError`, else 1 (an unexpected failure is never reported as success or
 * as the user's fault).
 */
export function toExitCode(error: unknown): ExitCode {
  const code =
    error && typeof error === 'object' && 'code' in error
      ? String((error as { code: unknown }).code)
      : undefined
  if (!code) return exitCodes.checkFailed
  if (usageCodes.has(code)) return exitCodes.usage
  if (unreachable.test(code) || code === 'CHAIN_READ_FAILED')
    return exitCodes.unreachable
  return exitCodes.checkFailed
}
