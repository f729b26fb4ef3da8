import { describe, expect, test } from 'vitest'
import { ManifestError } from './errors/manifest.js'
import { parseManifest } from './parseManifest.js'
import { address, mutable, sampleManifest } from './test/manifests.js'

const source = 'deployments/local.json'

function issuesOf(input: unknown) {
  try {
    parseManifest({ input, source })
  } catch (error) {
    if (error instanceof ManifestError) return error.issues
    throw error
  }
  throw new Error('expected a ManifestError')
}

describe('parseManifest', () => {
  test('default', () => {
    const manifest = sampleManifest()
    expect(parseManifest({ input: manifest, source })).toEqual(manifest)
  })

  test('behavior: minimal manifest (optional sections absent)', () => {
    const input = {
      schemaVersion: 1,
      network: { name: 'local', chainId: 31337 },
      safes: {
        ops: { address: address('ops'), threshold: 1, owners: [address('a')] },
      },
      contracts: {},
    }
    expect(parseManifest({ input })).toEqual(input)
  })

  test('behavior: JSON text input', () => {
    const manifest = sampleManifest()
    expect(parseManifest({ input: JSON.stringify(manifest), source })).toEqual(
      manifest,
    )
  })

  test('behavior: undefined properties count as absent', () => {
    const manifest = sampleManifest()
    const input = {
      ...manifest,
      roles: undefined,
      network: { ...manifest.network, rpcEnv: undefined },
    }
    const { roles: _, ...expected } = manifest
    expected.network = { name: 'local', chainId: 31337 }
    expect(parseManifest({ input })).toStrictEqual(expected)
  })

  test('behavior: transparent proxy with proxyAdmin', () => {
    const input = mutable()
    input.contracts.Legacy = {
      address: address('Legacy'),
      kind: 'transparent-proxy',
      implementation: address('LegacyImpl'),
      proxyAdmin: address('ProxyAdmin'),
      artifact: 'Legacy',
    }
    expect(parseManifest({ input }).contracts.Legacy).toEqual(
      input.contracts.Legacy,
    )
  })

  test('error: lowercase address', () => {
    const input = mutable()
    input.contracts.AuthorCoin.address =
      input.contracts.AuthorCoin.address.toLowerCase()
    expect(() =>
      parseManifest({ input, source }),
    ).toThrowErrorMatchingInlineSnapshot(`
        [ManifestError: Invalid manifest deployments/local.json: 1 problem.

        - contracts.AuthorCoin.address: Address 0x399b17ab143d024e5857b2edcd8601f99751c6e3 is not checksummed.
          Hint: Write it as 0x399b17AB143D024e5857b2eDcD8601f99751C6E3 (its EIP-55 checksummed form, viem getAddress).

        Version: @storydao/core@x.y.z]
      `)
    expect(issuesOf(input)).toEqual([
      expect.objectContaining({
        code: 'address_not_checksummed',
        path: 'contracts.AuthorCoin.address',
        hint: expect.stringContaining(address('AuthorCoin')),
      }),
    ])
  })

  test('error: wrong checksum', () => {
    const input = mutable()
    const good: string = input.safes.ops.owners[1]
    // Flip the case of the first letter digit.
    const index = good.slice(2).search(/[a-fA-F]/) + 2
    const char = good[index]!
    const bad =
      good.slice(0, index) +
      (char === char.toLowerCase() ? char.toUpperCase() : char.toLowerCase()) +
      good.slice(index + 1)
    input.safes.ops.owners[1] = bad
    const issues = issuesOf(input)
    expect(issues).toHaveLength(1)
    expect(issues[0]).toMatchObject({
      code: 'address_not_checksummed',
      path: 'safes.ops.owners[1]',
      message: `Address ${bad} has a wrong EIP-55 checksum.`,
    })
    expect(issues[0]!.hint).toContain(good)
  })

  test('error: malformed address', () => {
    const input = mutable()
    input.contracts.StoryDAO.address = '0x1234'
    expect(() =>
      parseManifest({ input, source }),
    ).toThrowErrorMatchingInlineSnapshot(`
        [ManifestError: Invalid manifest deployments/local.json: 1 problem.

        - contracts.StoryDAO.address: Expected an address: "0x" followed by 40 hex digits. Got the string "0x1234".
          Hint: Write the checksummed 20-byte address, e.g. 0x5FbDB2315678afecb367f032d93F642f64180aa3.

        Version: @storydao/core@x.y.z]
      `)
  })

  test('error: unknown kind', () => {
    const input = mutable()
    input.contracts.StoryDAO.kind = 'governer'
    expect(() =>
      parseManifest({ input, source }),
    ).toThrowErrorMatchingInlineSnapshot(`
        [ManifestError: Invalid manifest deployments/local.json: 1 problem.

        - contracts.StoryDAO.kind: Unknown kind "governer".
          Hint: Did you mean "governor"? Use one of: plain, uups-proxy, transparent-proxy, beacon-proxy, beacon, timelock, governor.

        Version: @storydao/core@x.y.z]
      `)
  })

  test('error: missing implementation', () => {
    const input = mutable()
    delete input.contracts.AuthorCoin.implementation
    expect(() =>
      parseManifest({ input, source }),
    ).toThrowErrorMatchingInlineSnapshot(`
        [ManifestError: Invalid manifest deployments/local.json: 1 problem.

        - contracts.AuthorCoin.implementation: Kind "uups-proxy" requires "implementation".
          Hint: Add the implementation contract’s address (a proxy’s EIP-1967 implementation slot; a beacon’s implementation()).

        Version: @storydao/core@x.y.z]
      `)
  })

  test('error: transparent proxy without proxyAdmin', () => {
    const input = mutable()
    input.contracts.AuthorCoin.kind = 'transparent-proxy'
    expect(issuesOf(input)).toMatchInlineSnapshot(`
      [
        {
          "code": "missing_field",
          "hint": "Add the ProxyAdmin’s address (the proxy’s EIP-1967 admin slot).",
          "message": "Kind "transparent-proxy" requires "proxyAdmin".",
          "path": "contracts.AuthorCoin.proxyAdmin",
        },
      ]
    `)
  })

  test('error: field of another kind', () => {
    const input = mutable()
    input.contracts.AuthorCoin.beacon = address('TreasuryBeacon')
    expect(issuesOf(input)).toMatchInlineSnapshot(`
      [
        {
          "code": "unknown_key",
          "hint": ""beacon" only applies to kind "beacon-proxy"; this entry has kind "uups-proxy". Remove it or change the kind.",
          "message": "Unknown key "beacon".",
          "path": "contracts.AuthorCoin.beacon",
        },
      ]
    `)
  })

  test('error: beacon-proxy whose beacon is not a beacon entry', () => {
    const input = mutable()
    input.contracts.Treasury.beacon = address('AuthorCoin')
    expect(() =>
      parseManifest({ input, source }),
    ).toThrowErrorMatchingInlineSnapshot(`
        [ManifestError: Invalid manifest deployments/local.json: 1 problem.

        - contracts.Treasury.beacon: Beacon 0x399b17AB143D024e5857b2eDcD8601f99751C6E3 is AuthorCoin, which has kind "uups-proxy", not "beacon".
          Hint: Point "beacon" at a contract of kind "beacon": TreasuryBeacon.

        Version: @storydao/core@x.y.z]
      `)
  })

  test('error: beacon-proxy whose beacon is not in the manifest', () => {
    const input = mutable()
    input.contracts.Treasury.beacon = address('nowhere')
    expect(issuesOf(input)).toMatchInlineSnapshot(`
      [
        {
          "code": "beacon_not_found",
          "hint": "Use the address of a contract of kind "beacon" (TreasuryBeacon), or add the UpgradeableBeacon to contracts.",
          "message": "Beacon 0xcD8Aa581f8B78fd78C1B44b87aC86098304EA314 is not the address of any contract in this manifest.",
          "path": "contracts.Treasury.beacon",
        },
      ]
    `)
  })

  test('error: roles naming a missing contract', () => {
    const input = mutable()
    input.roles.timelock = 'StoryTimelok'
    expect(() =>
      parseManifest({ input, source }),
    ).toThrowErrorMatchingInlineSnapshot(`
        [ManifestError: Invalid manifest deployments/local.json: 1 problem.

        - roles.timelock: roles.timelock names "StoryTimelok", which is not a contract in this manifest.
          Hint: Did you mean "StoryTimelock"? Use the name of a contract of kind "timelock": StoryTimelock.

        Version: @storydao/core@x.y.z]
      `)
  })

  test('error: roles naming a contract of the wrong kind', () => {
    const input = mutable()
    input.roles.governor = 'StoryTimelock'
    input.roles.token = 'TreasuryBeacon'
    expect(issuesOf(input)).toMatchInlineSnapshot(`
      [
        {
          "code": "role_wrong_kind",
          "hint": "Use one of: StoryDAO.",
          "message": "roles.governor names StoryTimelock, which has kind "timelock"; the governor must have kind "governor".",
          "path": "roles.governor",
        },
        {
          "code": "role_wrong_kind",
          "hint": "Use one of: AuthorCoin, Treasury.",
          "message": "roles.token names TreasuryBeacon, which has kind "beacon"; the token must have kind "plain" or "uups-proxy" or "transparent-proxy" or "beacon-proxy".",
          "path": "roles.token",
        },
      ]
    `)
  })

  test('error: unknown role', () => {
    const input = mutable()
    input.roles.guardian = 'StoryDAO'
    expect(issuesOf(input)).toMatchInlineSnapshot(`
      [
        {
          "code": "unknown_key",
          "hint": "Remove it. Allowed keys here: timelock, governor, token, treasury.",
          "message": "Unknown key "guardian".",
          "path": "roles.guardian",
        },
      ]
    `)
  })

  test('error: duplicate owners', () => {
    const input = mutable()
    input.safes.emergency.owners[2] = input.safes.emergency.owners[0]
    expect(() =>
      parseManifest({ input, source }),
    ).toThrowErrorMatchingInlineSnapshot(`
        [ManifestError: Invalid manifest deployments/local.json: 1 problem.

        - safes.emergency.owners[2]: Owner 0x3e033319468b6DCeBdA65e61606eE2Ae2a198a87 is listed twice (also at owners[0]).
          Hint: A Safe owner counts once: remove the duplicate.

        Version: @storydao/core@x.y.z]
      `)
  })

  test('error: threshold > owners', () => {
    const input = mutable()
    input.safes.ops.threshold = 4
    expect(() =>
      parseManifest({ input, source }),
    ).toThrowErrorMatchingInlineSnapshot(`
        [ManifestError: Invalid manifest deployments/local.json: 1 problem.

        - safes.ops.threshold: Threshold 4 is higher than the number of owners (3).
          Hint: Use a threshold between 1 and 3, or list every owner.

        Version: @storydao/core@x.y.z]
      `)
  })

  test('error: threshold 0 and no owners', () => {
    const input = mutable()
    input.safes.ops.threshold = 0
    input.safes.emergency.owners = []
    expect(issuesOf(input)).toMatchInlineSnapshot(`
      [
        {
          "code": "too_small",
          "message": "Threshold must be at least 1.",
          "path": "safes.ops.threshold",
        },
        {
          "code": "too_small",
          "message": "A Safe needs at least one owner.",
          "path": "safes.emergency.owners",
        },
        {
          "code": "threshold_too_high",
          "hint": "Use a threshold between 1 and 0, or list every owner.",
          "message": "Threshold 2 is higher than the number of owners (0).",
          "path": "safes.emergency.threshold",
        },
      ]
    `)
  })

  test('error: wrong schemaVersion', () => {
    const input = mutable()
    input.schemaVersion = 2
    expect(() =>
      parseManifest({ input, source }),
    ).toThrowErrorMatchingInlineSnapshot(`
        [ManifestError: Invalid manifest deployments/local.json: 1 problem.

        - schemaVersion: Unsupported schemaVersion 2; this version of @storydao/core reads schemaVersion 1.
          Hint: The manifest is newer than this package: upgrade @storydao/core.

        Version: @storydao/core@x.y.z]
      `)
  })

  test('error: unknown key', () => {
    const input = mutable()
    input.contracts.AuthorCoin.implementaton =
      input.contracts.AuthorCoin.implementation
    input.network.rpcUrl = 'http://127.0.0.1:8545'
    expect(() =>
      parseManifest({ input, source }),
    ).toThrowErrorMatchingInlineSnapshot(`
        [ManifestError: Invalid manifest deployments/local.json: 2 problems.

        - network.rpcUrl: Unknown key "rpcUrl".
          Hint: Remove it. Allowed keys here: name, chainId, rpcEnv.
        - contracts.AuthorCoin.implementaton: Unknown key "implementaton".
          Hint: Did you mean "implementation"? Allowed keys here: address, kind, implementation, artifact, deployment, verified.

        Version: @storydao/core@x.y.z]
      `)
  })

  test('error: invalid contract name', () => {
    const input = mutable()
    input.contracts['1st-token'] = input.contracts.StoryDAO
    delete input.contracts.StoryDAO
    input.roles.governor = '1st-token'
    expect(issuesOf(input)).toMatchInlineSnapshot(`
      [
        {
          "code": "invalid_format",
          "message": "Invalid contract name: start with a letter, then letters, digits, "_" or "-". Got the string "1st-token".",
          "path": "roles.governor",
        },
        {
          "code": "invalid_name",
          "hint": "Rename the entry, e.g. "AuthorCoin" or "Treasury-v2".",
          "message": "Invalid contract name: start with a letter, then letters, digits, "_" or "-". Got "1st-token".",
          "path": "contracts["1st-token"]",
        },
      ]
    `)
  })

  test('error: duplicate addresses and names differing in case', () => {
    const input = mutable()
    input.contracts.storydao = { ...input.contracts.StoryDAO }
    expect(issuesOf(input)).toMatchInlineSnapshot(`
      [
        {
          "code": "duplicate_name",
          "hint": "Give every contract a distinct name.",
          "message": "Contract name "storydao" differs from "StoryDAO" only in case.",
          "path": "contracts.storydao",
        },
        {
          "code": "duplicate_address",
          "hint": "Each contract entry is one deployed contract: fix the address, or remove the duplicate and use roles to give it another meaning.",
          "message": "storydao has the same address as StoryDAO (0xF68e0b0787Ed013e9f9Cf6dEc462dC66E46f509d).",
          "path": "contracts.storydao.address",
        },
      ]
    `)
  })

  test('error: upgrades', () => {
    const input = mutable()
    input.upgrades.push(
      { ...input.upgrades[0], target: 'AuthorCion', status: 'done' },
      {
        ...input.upgrades[0],
        id: 'treasury-v2',
        target: 'Treasury',
        toImplementation: input.upgrades[0].fromImplementation,
        createdAt: '26/11/2026',
        proposalId: 42,
      },
    )
    expect(() =>
      parseManifest({ input, source }),
    ).toThrowErrorMatchingInlineSnapshot(`
        [ManifestError: Invalid manifest deployments/local.json: 7 problems.

        - upgrades[1].status: Invalid value "done"; expected one of "prepared", "proposed", "queued", "executed", "cancelled".
        - upgrades[1].id: Upgrade id "2026-11-26-authorcoin-v2" is already used by upgrades[0].
          Hint: Give every upgrade a unique id, e.g. <YYYY-MM-DD>-<contract>-<version>.
        - upgrades[1].target: Upgrade target "AuthorCion" is not a contract in this manifest.
          Hint: Did you mean "AuthorCoin"? Upgradeable contracts: AuthorCoin, TreasuryBeacon.
        - upgrades[2].createdAt: Expected an ISO 8601 UTC timestamp like 2026-11-26T10:00:00.000Z. Got the string "26/11/2026".
          Hint: Use new Date().toISOString(), e.g. 2026-11-26T10:00:00.000Z.
        - upgrades[2].proposalId: Expected string, got number 42.
          Hint: JSON numbers cannot hold a uint256: write the proposal id as a decimal string, e.g. "123".
        - upgrades[2].target: Upgrade target Treasury has kind "beacon-proxy", which cannot be upgraded directly.
          Hint: A beacon proxy is upgraded through its beacon: target "TreasuryBeacon".
        - upgrades[2].toImplementation: toImplementation equals fromImplementation.
          Hint: An upgrade must change the implementation: set toImplementation to the new implementation’s address.

        Version: @storydao/core@x.y.z]
      `)
  })

  test('error: proposalId out of uint256 range', () => {
    const input = mutable()
    input.upgrades[0].proposalId = (2n ** 256n).toString()
    expect(issuesOf(input)).toMatchInlineSnapshot(`
      [
        {
          "code": "invalid_value",
          "message": "Proposal id does not fit in a uint256.",
          "path": "upgrades[0].proposalId",
        },
      ]
    `)
  })

  test('error: not an object', () => {
    expect(() =>
      parseManifest({ input: [], source }),
    ).toThrowErrorMatchingInlineSnapshot(`
      [ManifestError: Invalid manifest deployments/local.json: 1 problem.

      - (root): Expected object, got an array.
        Hint: A manifest is a JSON object: { "$schema": "./manifest.schema.json", "schemaVersion": 1, "network": …, "safes": …, "contracts": … }.

      Version: @storydao/core@x.y.z]
    `)
  })

  test('error: every problem at once', () => {
    const input = mutable()
    input.schemaVersion = 0
    input.contracts.AuthorCoin.address =
      input.contracts.AuthorCoin.address.toLowerCase()
    input.roles.treasury = 'Vault'
    input.safes.ops.threshold = 5
    expect(
      issuesOf(input).map(({ path, code }) => `${path} ${code}`),
    ).toMatchInlineSnapshot(`
        [
          "schemaVersion unsupported_schema_version",
          "safes.ops.threshold threshold_too_high",
          "roles.treasury role_unknown_contract",
          "contracts.AuthorCoin.address address_not_checksummed",
        ]
      `)
  })

  test('error: JSON text with a syntax error', () => {
    const text =
      '{\n  "schemaVersion": 1,\n  "network": {\n    "name": "local",\n  }\n}\n'
    expect(() =>
      parseManifest({ input: text, source }),
    ).toThrowErrorMatchingInlineSnapshot(`
        [ManifestParseError: Manifest deployments/local.json is not valid JSON at line 5, column 3.

        Hint: Fix the JSON syntax at line 5, column 3 (a missing comma, quote or bracket, or a trailing comma), or restore the file from its archive/ copy.
        Details: expected a property name in double quotes, found "}"
        Version: @storydao/core@x.y.z]
      `)
  })

  test('error: JSON text with a duplicate key', () => {
    const manifest = sampleManifest()
    const text = JSON.stringify(manifest, null, 2).replace(
      '"StoryDAO": {',
      '"StoryTimelock": { "address": "0x0000000000000000000000000000000000000001", "kind": "plain", "artifact": "X" },\n    "StoryDAO": {',
    )
    expect(issuesOf(text)).toMatchInlineSnapshot(`
      [
        {
          "code": "role_wrong_kind",
          "hint": "No contract of kind "timelock" is listed: add it to contracts, or remove roles.timelock.",
          "message": "roles.timelock names StoryTimelock, which has kind "plain"; the timelock must have kind "timelock".",
          "path": "roles.timelock",
        },
        {
          "code": "duplicate_key",
          "hint": "Rename or merge the entries so every key appears once.",
          "message": "Duplicate key "StoryTimelock": JSON keeps only the last one, so an entry is silently lost.",
          "path": "contracts.StoryTimelock",
        },
      ]
    `)
  })
})
