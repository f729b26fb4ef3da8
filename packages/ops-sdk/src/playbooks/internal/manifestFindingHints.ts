import type { ManifestFinding } from '@storydao/core'

// core's findings say what differs; the operator also needs what to do next.
const hints: Readonly<Record<string, string>> = {
  chain_id_mismatch:
    "Point the network's rpcEnv variable at an RPC of the manifest's chain.",
  no_code:
    'Nothing is deployed there: fix the address in the manifest, or deploy it (storydao-ops deploy).',
  implementation_mismatch:
    'The proxy runs another implementation: record the executed upgrade in the manifest, or find out who upgraded it.',
  beacon_mismatch:
    'The proxy reads another beacon than the manifest says: fix the manifest entry.',
  admin_mismatch:
    "The proxy's admin slot differs from the manifest's proxyAdmin: fix the manifest or investigate the admin change.",
  unexpected_admin:
    'A UUPS proxy should have no EIP-1967 admin: check that the contract kind in the manifest is right.',
  owners_mismatch:
    "The Safe's owners changed on chain: update safes.<name>.owners in the manifest after checking the change was intended.",
  threshold_mismatch:
    "The Safe's threshold changed on chain: update safes.<name>.threshold in the manifest after checking the change was intended.",
  read_failed:
    'The read reverted: check that the address is the contract kind the manifest says.',
}

/** @internal A core manifest finding with the hint `validate` prints. */
export function withHint(
  finding: ManifestFinding,
): ManifestFinding & { hint: string } {
  return {
    ...finding,
    hint:
      hints[finding.code] ??
      `Compare ${finding.path} in the manifest with the chain and fix whichever is wrong.`,
  }
}
