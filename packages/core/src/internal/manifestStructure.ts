import { type Address, getAddress, type Hex } from 'viem'
import { z } from 'zod'
import {
  type contractKinds,
  manifestSchemaVersion,
  upgradeStatuses,
} from '../manifestConstants.js'

/** @internal Patterns shared by the schema and the issue hints. */
export const patterns = {
  address: /^0x[0-9a-fA-F]{40}$/,
  hash: /^0x[0-9a-fA-F]{64}$/,
  hexData: /^0x(?:[0-9a-fA-F]{2})*$/,
  contractName: /^[A-Za-z][A-Za-z0-9_-]*$/,
  networkName: /^[A-Za-z0-9][A-Za-z0-9_-]*$/,
  envName: /^[A-Z_][A-Z0-9_]*$/,
  upgradeId: /^[A-Za-z0-9][A-Za-z0-9._-]*$/,
  decimal: /^(?:0|[1-9][0-9]*)$/,
} as const

const maxUint256 = 2n ** 256n - 1n

/**
 * @internal An EIP-55 checksummed address. The checksum is checked here (not
 * only the shape) so a lowercase address is reported with its fix.
 *
 * Typed as viem's `Address` through a cast: zod has no way to narrow a
 * regex-checked string, and a transform would make the schema unrepresentable
 * as JSON Schema.
 */
export const addressSchema = z
  .string()
  .regex(patterns.address, {
    error: 'Expected an address: "0x" followed by 40 hex digits.',
  })
  .superRefine((value, context) => {
    if (!patterns.address.test(value)) return
    const checksummed = getAddress(value.toLowerCase())
    if (value === checksummed) return
    const lowercase = value === value.toLowerCase()
    context.addIssue({
      code: 'custom',
      message: lowercase
        ? `Address ${value} is not checksummed.`
        : `Address ${value} has a wrong EIP-55 checksum.`,
      params: {
        code: 'address_not_checksummed',
        hint: lowercase
          ? `Write it as ${checksummed} (its EIP-55 checksummed form, viem getAddress).`
          : `Its checksummed form is ${checksummed} (viem getAddress). A wrong checksum often means a mistyped digit: check the digits against the source before fixing the case.`,
        fix: checksummed,
      },
    })
  })
  .meta({
    description: 'EIP-55 checksummed address (viem getAddress).',
  }) as unknown as z.ZodType<Address, string>

/** @internal A 32-byte hash (transaction hash, Safe tx hash, operation id). */
export const hashSchema = z.string().regex(patterns.hash, {
  error: 'Expected a 32-byte hash: "0x" followed by 64 hex digits.',
}) as unknown as z.ZodType<Hex, string>

/** @internal Hex-encoded bytes (calldata). */
export const hexDataSchema = z.string().regex(patterns.hexData, {
  error: 'Expected hex bytes: "0x" followed by an even number of hex digits.',
}) as unknown as z.ZodType<Hex, string>

/** @internal A contract name (a key of `contracts`). */
export const contractNameSchema = z.string().regex(patterns.contractName, {
  error:
    'Invalid contract name: start with a letter, then letters, digits, "_" or "-".',
})

/** @internal */
export const networkSchema = z.strictObject({
  name: z.string().regex(patterns.networkName, {
    error:
      'Invalid network name: letters, digits, "_" or "-", starting with a letter or digit.',
  }),
  chainId: z.number().int().positive(),
  rpcEnv: z
    .string()
    .regex(patterns.envName, {
      error:
        'Invalid environment variable name: uppercase letters, digits and "_".',
    })
    .meta({ description: 'Environment variable that holds the RPC URL.' })
    .exactOptional(),
})

/** @internal */
export const safeSchema = z.strictObject({
  address: addressSchema,
  threshold: z
    .number()
    .int()
    .min(1, { error: 'Threshold must be at least 1.' }),
  owners: z
    .array(addressSchema)
    .min(1, { error: 'A Safe needs at least one owner.' }),
})

/** @internal */
export const safesSchema = z.strictObject({
  ops: safeSchema,
  emergency: safeSchema.exactOptional(),
})

/** @internal */
export const rolesSchema = z.strictObject({
  timelock: contractNameSchema.exactOptional(),
  governor: contractNameSchema.exactOptional(),
  token: contractNameSchema.exactOptional(),
  treasury: contractNameSchema.exactOptional(),
})

/** @internal */
export const deploymentSchema = z.strictObject({
  block: z.number().int().nonnegative(),
  tx: hashSchema,
})

const tail = {
  artifact: z
    .string()
    .min(1, { error: 'Artifact name must not be empty.' })
    .meta({
      description:
        'Build artifact (contract name) whose ABI this address speaks; for a proxy, its implementation’s.',
    }),
  deployment: deploymentSchema
    .meta({ description: 'Block and transaction that deployed it.' })
    .exactOptional(),
  verified: z
    .boolean()
    .meta({ description: 'Source verified on the block explorer.' })
    .exactOptional(),
}

const implementationSchema = addressSchema.meta({
  description:
    'Implementation contract: the EIP-1967 implementation slot of a proxy, or a beacon’s implementation().',
})
const beaconSchema = addressSchema.meta({
  description:
    'The UpgradeableBeacon this proxy reads (a contract of kind "beacon" in this manifest).',
})
const proxyAdminSchema = addressSchema.meta({
  description: 'The ProxyAdmin (EIP-1967 admin slot).',
})

/** @internal One schema per contract kind; the union discriminates on `kind`. */
export const contractSchemas = {
  plain: z.strictObject({
    address: addressSchema,
    kind: z.literal('plain'),
    ...tail,
  }),
  'uups-proxy': z.strictObject({
    address: addressSchema,
    kind: z.literal('uups-proxy'),
    implementation: implementationSchema,
    ...tail,
  }),
  'transparent-proxy': z.strictObject({
    address: addressSchema,
    kind: z.literal('transparent-proxy'),
    implementation: implementationSchema,
    proxyAdmin: proxyAdminSchema,
    ...tail,
  }),
  'beacon-proxy': z.strictObject({
    address: addressSchema,
    kind: z.literal('beacon-proxy'),
    beacon: beaconSchema,
    ...tail,
  }),
  beacon: z.strictObject({
    address: addressSchema,
    kind: z.literal('beacon'),
    implementation: implementationSchema,
    ...tail,
  }),
  timelock: z.strictObject({
    address: addressSchema,
    kind: z.literal('timelock'),
    ...tail,
  }),
  governor: z.strictObject({
    address: addressSchema,
    kind: z.literal('governor'),
    ...tail,
  }),
} as const satisfies Record<(typeof contractKinds)[number], z.ZodObject>

/** @internal */
export const contractSchema = z.discriminatedUnion('kind', [
  contractSchemas.plain,
  contractSchemas['uups-proxy'],
  contractSchemas['transparent-proxy'],
  contractSchemas['beacon-proxy'],
  contractSchemas.beacon,
  contractSchemas.timelock,
  contractSchemas.governor,
])

/** @internal */
export const upgradeSchema = z.strictObject({
  id: z.string().regex(patterns.upgradeId, {
    error:
      'Invalid upgrade id: letters, digits, ".", "_" or "-", starting with a letter or digit.',
  }),
  target: contractNameSchema,
  fromImplementation: addressSchema,
  toImplementation: addressSchema,
  calldata: hexDataSchema,
  status: z.enum(upgradeStatuses),
  createdAt: z.iso.datetime({
    error: 'Expected an ISO 8601 UTC timestamp like 2026-11-26T10:00:00.000Z.',
  }),
  safeTxHash: hashSchema.exactOptional(),
  // A uint256 proposal id does not fit a JSON number; it is a decimal string.
  proposalId: z
    .string()
    .meta({
      description:
        'Governor proposal id: a uint256 as a decimal string (JSON numbers cannot hold it).',
    })
    .regex(patterns.decimal, {
      error: 'Expected a decimal string (a uint256 proposal id).',
    })
    .refine(
      (value) => !patterns.decimal.test(value) || BigInt(value) <= maxUint256,
      { error: 'Proposal id does not fit in a uint256.' },
    )
    .exactOptional(),
  operationId: hashSchema.exactOptional(),
  executedTx: hashSchema.exactOptional(),
  notes: z.string().exactOptional(),
})

/** @internal The manifest's shape, without the cross-entry reference checks. */
export const manifestStructureSchema = z.strictObject({
  $schema: z
    .string()
    .meta({
      description:
        'Where editors find this JSON Schema; writeManifest writes a reference that resolves from the manifest folder.',
    })
    .exactOptional(),
  schemaVersion: z.literal(manifestSchemaVersion),
  network: networkSchema,
  safes: safesSchema,
  roles: rolesSchema
    .meta({
      description:
        'Contract names playing each protocol role; each must be a contract of the right kind.',
    })
    .exactOptional(),
  contracts: z
    .record(contractNameSchema, contractSchema)
    .meta({ description: 'Deployed contracts by name.' }),
  upgrades: z
    .array(upgradeSchema)
    .meta({ description: 'Upgrade history, oldest first.' })
    .exactOptional(),
})

/** @internal Canonical key order of a contract entry (all kinds). */
export const contractKeyOrder = [
  'address',
  'kind',
  'implementation',
  'beacon',
  'proxyAdmin',
  'artifact',
  'deployment',
  'verified',
] as const
