import {
  assertParameters,
  type MissingParameterErrorType,
} from '@storydao/core'
import { type Address, getAddress, isAddress } from 'viem'
import { version } from './errors/version.js'
import { multiSendCallOnlyDeployments } from './internal/multiSendDeployments.js'

/** What a canonical infrastructure contract is. */
export type CanonicalContractKind =
  | 'create2-deployer'
  | 'multicall3'
  | 'safe-singleton-factory'
  | 'safe'
  | 'safe-l2'
  | 'safe-proxy-factory'
  | 'compatibility-fallback-handler'
  | 'multi-send'
  | 'multi-send-call-only'

/** A contract at the same address on every EVM chain that has it. */
export type CanonicalContract = {
  /** Checksummed address. */
  address: Address
  /** `CREATE2 deployer`, `Multicall3`, `Safe 1.4.1 singleton`, `MultiSendCallOnly 1.3.0`… */
  name: string
  kind: CanonicalContractKind
  /** The Safe release, for the Safe contracts (safe-deployments' `v1.3.0`, `v1.4.1`, `v1.5.0`). */
  safeVersion?: '1.3.0' | '1.4.1' | '1.5.0' | undefined
}

type SafeRelease = NonNullable<CanonicalContract['safeVersion']>

const safeNames: Record<
  Exclude<
    CanonicalContractKind,
    'create2-deployer' | 'multicall3' | 'safe-singleton-factory'
  >,
  (release: SafeRelease) => string
> = {
  safe: (release) => `Safe ${release} singleton`,
  'safe-l2': (release) => `SafeL2 ${release} singleton`,
  'safe-proxy-factory': (release) => `SafeProxyFactory ${release}`,
  'compatibility-fallback-handler': (release) =>
    `CompatibilityFallbackHandler ${release}`,
  'multi-send': (release) => `MultiSend ${release}`,
  'multi-send-call-only': (release) => `MultiSendCallOnly ${release}`,
}

// The released EVM deployments (`canonical` and its `eip155` twin) of
// @safe-global/safe-deployments, written out: importing its assets would load
// every ABI with this package. getCanonicalContract.test.ts checks each
// address against the assets. MultiSendCallOnly comes from the assets
// isMultiSendCallOnly already loads.
const safeDeployments: readonly (readonly [
  keyof typeof safeNames,
  SafeRelease,
  Address,
])[] = [
  ['safe', '1.5.0', '0xFf51A5898e281Db6DfC7855790607438dF2ca44b'],
  ['safe', '1.4.1', '0x41675C099F32341bf84BFc5382aF534df5C7461a'],
  ['safe', '1.3.0', '0xd9Db270c1B5E3Bd161E8c8503c55cEABeE709552'],
  ['safe', '1.3.0', '0x69f4D1788e39c87893C980c06EdF4b7f686e2938'],
  ['safe-l2', '1.5.0', '0xEdd160fEBBD92E350D4D398fb636302fccd67C7e'],
  ['safe-l2', '1.4.1', '0x29fcB43b46531BcA003ddC8FCB67FFE91900C762'],
  ['safe-l2', '1.3.0', '0x3E5c63644E683549055b9Be8653de26E0B4CD36E'],
  ['safe-l2', '1.3.0', '0xfb1bffC9d739B8D520DaF37dF666da4C687191EA'],
  ['safe-proxy-factory', '1.5.0', '0x14F2982D601c9458F93bd70B218933A6f8165e7b'],
  ['safe-proxy-factory', '1.4.1', '0x4e1DCf7AD4e460CfD30791CCC4F9c8a4f820ec67'],
  ['safe-proxy-factory', '1.3.0', '0xa6B71E26C5e0845f74c812102Ca7114b6a896AB2'],
  ['safe-proxy-factory', '1.3.0', '0xC22834581EbC8527d974F8a1c97E1bEA4EF910BC'],
  [
    'compatibility-fallback-handler',
    '1.5.0',
    '0x3EfCBb83A4A7AfcB4F68D501E2c2203a38be77f4',
  ],
  [
    'compatibility-fallback-handler',
    '1.4.1',
    '0xfd0732Dc9E303f09fCEf3a7388Ad10A83459Ec99',
  ],
  [
    'compatibility-fallback-handler',
    '1.3.0',
    '0xf48f2B2d2a534e402487b3ee7C18c33Aec0Fe5e4',
  ],
  [
    'compatibility-fallback-handler',
    '1.3.0',
    '0x017062a1dE2FE6b99BE3d9d37841FeD19F573804',
  ],
  ['multi-send', '1.5.0', '0x218543288004CD07832472D464648173c77D7eB7'],
  ['multi-send', '1.4.1', '0x38869bf66a61cF6bDB996A6aE40D5853Fd43B526'],
  ['multi-send', '1.3.0', '0xA238CBeb142c10Ef7Ad8442C6D1f9E89e07e7761'],
  ['multi-send', '1.3.0', '0x998739BFdAAdde7C933B942a68053933098f9EDa'],
]

/**
 * Canonical infrastructure: the deterministic CREATE2 deployer, Multicall3,
 * the Safe singleton factory, and the Safe contracts of releases 1.3.0, 1.4.1
 * and 1.5.0 (singletons, proxy factory, fallback handler, MultiSend and
 * MultiSendCallOnly; docs/safe-formats.md#canonical-addresses). A call to one
 * is routine plumbing: reports name them instead of flagging them as unknown.
 *
 * - Docs: https://github.com/storydao/ops-sdk/blob/main/packages/safe/README.md#canonicalcontracts
 *
 * @example
 * ```ts
 * import { canonicalContracts } from '@storydao/safe'
 *
 * canonicalContracts.filter((contract) => contract.kind === 'safe')
 * ```
 */
export const canonicalContracts: readonly CanonicalContract[] = [
  {
    address: '0x4e59b44847b379578588920cA78FbF26c0B4956C',
    name: 'CREATE2 deployer',
    kind: 'create2-deployer',
  },
  {
    address: '0xcA11bde05977b3631167028862bE2a173976CA11',
    name: 'Multicall3',
    kind: 'multicall3',
  },
  {
    address: '0x914d7Fec6aaC8cd542e72Bca78B30650d45643d7',
    name: 'Safe singleton factory',
    kind: 'safe-singleton-factory',
  },
  ...safeDeployments.map(([kind, release, address]) => ({
    address,
    name: safeNames[kind](release),
    kind,
    safeVersion: release,
  })),
  ...multiSendCallOnlyDeployments.map((deployment) => ({
    address: deployment.address,
    name: safeNames['multi-send-call-only'](deployment.version),
    kind: 'multi-send-call-only' as const,
    safeVersion: deployment.version,
  })),
]

const byAddress = new Map(
  canonicalContracts.map((contract) => [contract.address, contract]),
)

export type GetCanonicalContractParameters = {
  /** The address to look up; any letter case. */
  address: Address
}

export type GetCanonicalContractReturnType = CanonicalContract | undefined

export type GetCanonicalContractErrorType = MissingParameterErrorType

/**
 * The canonical infrastructure contract at `address` ({@link canonicalContracts}),
 * or `undefined`. Case-insensitive; checks the address only, not the code
 * at it.
 *
 * - Docs: https://github.com/storydao/ops-sdk/blob/main/packages/safe/README.md#getcanonicalcontract
 *
 * @example
 * ```ts
 * import { getCanonicalContract } from '@storydao/safe'
 *
 * getCanonicalContract({
 *   address: '0x4e59b44847b379578588920cA78FbF26c0B4956C',
 * })?.name // 'CREATE2 deployer'
 * ```
 *
 * @param parameters - {@link GetCanonicalContractParameters}
 * @returns The {@link CanonicalContract}, or `undefined` for any other address.
 */
export function getCanonicalContract(
  parameters: GetCanonicalContractParameters,
): GetCanonicalContractReturnType {
  assertParameters('getCanonicalContract', parameters, ['address'], {
    version,
  })
  const { address } = parameters
  // A malformed address is simply not canonical infrastructure.
  if (typeof address !== 'string' || !isAddress(address, { strict: false }))
    return undefined
  return byAddress.get(getAddress(address))
}
