import { UnsupportedSafeVersionError } from '../errors/safeIdentity.js'

/** @internal `[major, minor, patch]` of a Safe `VERSION()` string. */
export type SafeVersionParts = readonly [number, number, number]

const semver = /^(\d+)\.(\d+)\.(\d+)(?:[+-][0-9A-Za-z.+-]*)?$/

/**
 * @internal Parses a Safe version (`1.4.1`, `1.3.0+L2`) and checks it is one
 * whose hashes this package computes: 1.0.0 ≤ version < 2.0.0.
 */
export function parseSafeVersion(version: string): SafeVersionParts {
  const match = typeof version === 'string' ? semver.exec(version) : null
  if (!match)
    throw new UnsupportedSafeVersionError({ version: String(version) })
  const parts = [Number(match[1]), Number(match[2]), Number(match[3])] as const
  if (parts[0] !== 1) throw new UnsupportedSafeVersionError({ version })
  return parts
}

/**
 * @internal Whether `value` has the shape of a version (`1.4.1`, `1.3.0+L2`),
 * supported or not; anything else from `VERSION()` is not a Safe's answer.
 */
export function isVersionString(value: unknown): value is string {
  return typeof value === 'string' && semver.test(value)
}

/** @internal Whether `a >= b`. */
export function versionAtLeast(
  a: SafeVersionParts,
  b: SafeVersionParts,
): boolean {
  for (let i = 0; i < 3; i++) {
    if (a[i]! !== b[i]!) return a[i]! > b[i]!
  }
  return true
}

/**
 * @internal Safe ≥ 1.3.0 puts `chainId` in the EIP-712 domain (docs/safe-formats.md#safe-transaction-hash;
 * protocol-kit and safe-eth-py use the same rule).
 */
export function domainHasChainId(version: string): boolean {
  return versionAtLeast(parseSafeVersion(version), [1, 3, 0])
}
