import type { Address, Hex } from 'viem'
import { parseSafeVersion } from './safeVersion.js'

/** @internal A MultiSendCallOnly release with a canonical deployment. */
export type MultiSendCallOnlyVersion = '1.3.0' | '1.4.1' | '1.5.0'

/** @internal A canonical MultiSendCallOnly deployment (safe-deployments). */
export type MultiSendCallOnlyDeployment = {
  version: MultiSendCallOnlyVersion
  address: Address
  /** keccak256 of the runtime code. */
  codeHash: Hex
}

/**
 * @internal Canonical MultiSendCallOnly deployments, newest first, from
 * `@safe-global/safe-deployments` (`src/assets/v*\/multi_send_call_only.json`,
 * `canonical` and `eip155` variants; the zkSync ones are a different VM). The
 * contract first shipped with Safe 1.3.0; older Safes use 1.3.0's.
 */
export const multiSendCallOnlyDeployments: readonly MultiSendCallOnlyDeployment[] =
  [
    {
      version: '1.5.0',
      address: '0xA83c336B20401Af773B6219BA5027174338D1836',
      codeHash:
        '0xcdbdcec38d2f1c7d961b0029ff8416b7e86e9974d6f0e9c9580c7d17fcfb6663',
    },
    {
      version: '1.4.1',
      address: '0x9641d764fc13c8B624c04430C7356C1C7C8102e2',
      codeHash:
        '0xecd5bd14a08c5d2122379900b2f272bdf107a7e92423c10dd5fe3254386c9939',
    },
    {
      version: '1.3.0',
      address: '0x40A2aCCbd92BCA938b02010E17A5b8929b49130D',
      codeHash:
        '0xa9865ac2d9c7a1591619b188c4d88167b50df6cc0c5327fcbd1c8c75f7c066ad',
    },
    {
      version: '1.3.0',
      address: '0xA1dabEF33b3B82c7814B6D82A79e50F4AC44102B',
      codeHash:
        '0xa9865ac2d9c7a1591619b188c4d88167b50df6cc0c5327fcbd1c8c75f7c066ad',
    },
  ]

/**
 * @internal The deployments to try for a Safe version, preferred first: the
 * version's own release, then the others from newest to oldest.
 */
export function multiSendCallOnlyCandidates(
  safeVersion: string,
): readonly MultiSendCallOnlyDeployment[] {
  const [, minor] = parseSafeVersion(safeVersion)
  const family = minor >= 5 ? '1.5.0' : minor === 4 ? '1.4.1' : '1.3.0'
  return [
    ...multiSendCallOnlyDeployments.filter((d) => d.version === family),
    ...multiSendCallOnlyDeployments.filter((d) => d.version !== family),
  ]
}
