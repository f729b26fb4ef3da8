// What every example shares: where the repository is and which network, read
// from the environment the way the storydao-ops CLI reads its flags, and one
// JSON result line on stdout (bigints as decimal strings).
import type { CreateOpsContextParameters } from '@storydao/ops-sdk'

/**
 * `STORYDAO_ROOT` (default: the current folder) holds `deployments/`;
 * `STORYDAO_NETWORK` (default `local`) picks `deployments/<network>.json`;
 * `STORYDAO_SIGNER_ENV` names the variable holding an owner's key (on the
 * local chain the anvil dev keys sign).
 */
export function exampleContext(): CreateOpsContextParameters {
  return {
    network: process.env.STORYDAO_NETWORK ?? 'local',
    root: process.env.STORYDAO_ROOT ?? process.cwd(),
    signerEnv: process.env.STORYDAO_SIGNER_ENV,
  }
}

/** The example's result: one JSON line on stdout. */
export function printResult(result: Record<string, unknown>): void {
  process.stdout.write(
    `${JSON.stringify(result, (_key, value) =>
      typeof value === 'bigint' ? value.toString() : value,
    )}\n`,
  )
}
