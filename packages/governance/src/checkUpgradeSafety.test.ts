import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { checkUpgradeSafety } from './checkUpgradeSafety.js'
import { createTinyFoundryProject } from './test/tinyFoundryProject.js'

const contractsRoot = fileURLToPath(
  new URL('../../../contracts', import.meta.url),
)

let otherProject: string
let removeOtherProject: () => void
beforeAll(async () => {
  const project = createTinyFoundryProject()
  otherProject = project.root
  removeOtherProject = project.remove
  // The first check compiles the whole repo with solc-js (~5 s idle, far more
  // when CI runs every suite at once); do it here, under the hook's budget,
  // so the tests below measure behaviour against the per-process cache.
  await checkUpgradeSafety({
    root: contractsRoot,
    from: 'Treasury',
    to: 'TreasuryV2',
    kind: 'beacon',
  })
}, 300_000)
afterAll(() => removeOtherProject())

describe('checkUpgradeSafety', () => {
  test('default', async () => {
    const report = await checkUpgradeSafety({
      root: contractsRoot,
      from: 'AuthorCoin',
      to: 'AuthorCoinV2',
      kind: 'uups',
    })
    expect(report).toMatchInlineSnapshot(`
      {
        "errors": [],
        "from": "src/token/AuthorCoin.sol:AuthorCoin",
        "kind": "uups",
        "notes": [
          "Note: Reinitializers are not included in validations by default

          src/token/AuthorCoinV2.sol:25: If you want to validate this function as an initializer, annotate it with '@custom:oz-upgrades-validate-as-initializer'",
        ],
        "ok": true,
        "to": "src/token/AuthorCoinV2.sol:AuthorCoinV2",
        "warnings": [
          {
            "check": "missing-initializer",
            "message": "src/token/AuthorCoinV2.sol:12: Missing initializer
          Define an initializer function and use it to call the initializers of parent contracts
          https://zpl.in/upgrades/error-001",
            "source": "src/token/AuthorCoinV2.sol:12",
          },
        ],
      }
    `)
  })

  test('behavior: Treasury → TreasuryV2 through the beacon is safe', async () => {
    const report = await checkUpgradeSafety({
      root: contractsRoot,
      from: 'Treasury',
      to: 'TreasuryV2',
      kind: 'beacon',
    })
    expect(report.ok).toBe(true)
    expect(report.errors).toEqual([])
    expect(report.from).toBe('src/treasury/Treasury.sol:Treasury')
  })

  test('behavior: AuthorCoinV2BadLayout moves totalMinted', async () => {
    const report = await checkUpgradeSafety({
      root: contractsRoot,
      from: 'AuthorCoin',
      to: 'AuthorCoinV2BadLayout',
      kind: 'uups',
    })
    expect(report.ok).toBe(false)
    expect(report.errors).toMatchInlineSnapshot(`
      [
        {
          "check": "storage-layout",
          "message": "src/mocks/AuthorCoinV2BadLayout.sol:49: Inserted \`mintLimitPerCall\`
        > New variables should be placed after all existing inherited variables",
          "source": "src/mocks/AuthorCoinV2BadLayout.sol:49",
          "variable": "mintLimitPerCall",
        },
        {
          "check": "storage-layout",
          "message": "src/mocks/AuthorCoinV2BadLayout.sol:52: Layout changed for \`totalMinted\` (uint256 -> uint256)
        - Slot changed from 0 to 1",
          "source": "src/mocks/AuthorCoinV2BadLayout.sol:52",
          "variable": "totalMinted",
        },
      ]
    `)
  })

  test('behavior: TreasuryV2BadLayout moves withdrawalCount', async () => {
    const report = await checkUpgradeSafety({
      root: contractsRoot,
      from: 'src/treasury/Treasury.sol:Treasury',
      to: 'src/mocks/TreasuryV2BadLayout.sol:TreasuryV2BadLayout',
      kind: 'beacon',
    })
    expect(report.ok).toBe(false)
    expect(report.errors.map((error) => error.variable)).toEqual([
      'dailyLimit',
      'withdrawalCount',
    ])
    expect(report.errors[0]!.message).toContain('Inserted `dailyLimit`')
  })

  test('behavior: strictInitializers turns initializer findings into errors', async () => {
    const report = await checkUpgradeSafety({
      root: contractsRoot,
      from: 'AuthorCoin',
      to: 'AuthorCoinV2',
      kind: 'uups',
      strictInitializers: true,
    })
    expect(report.ok).toBe(false)
    expect(report.errors.map((error) => error.check)).toEqual([
      'missing-initializer',
    ])
  })

  test('behavior: the upgrade kind matters (a UUPS implementation needs upgradeToAndCall)', async () => {
    const report = await checkUpgradeSafety({
      root: contractsRoot,
      from: 'Treasury',
      to: 'TreasuryV2',
      kind: 'uups',
    })
    expect(report.errors.map((error) => error.check)).toEqual([
      'missing-public-upgradeto',
    ])
    const allowed = await checkUpgradeSafety({
      root: contractsRoot,
      from: 'Treasury',
      to: 'TreasuryV2',
      kind: 'uups',
      unsafeAllow: ['missing-public-upgradeto'],
    })
    expect(allowed.ok).toBe(true)
  })

  test('behavior: another Foundry project, its own src and remappings', async () => {
    const check = (to: string) =>
      checkUpgradeSafety({
        root: otherProject,
        from: 'contracts/Box.sol:Box',
        to,
        kind: 'transparent',
      })
    expect((await check('BoxV2')).ok).toBe(true)
    const bad = await check('BoxBad')
    expect(
      bad.errors.map(({ check, variable }) => ({ check, variable })),
    ).toMatchInlineSnapshot(`
        [
          {
            "check": "storage-layout",
            "variable": "owner",
          },
          {
            "check": "storage-layout",
            "variable": "value",
          },
        ]
      `)
    const immutable = await check('BoxImmutable')
    expect(
      immutable.errors.map(({ check, variable }) => ({ check, variable })),
    ).toEqual([{ check: 'state-variable-immutable', variable: 'created' }])
  })

  test('behavior: the project root is found from a directory inside it', async () => {
    const report = await checkUpgradeSafety({
      root: path.join(otherProject, 'contracts', 'lib'),
      from: 'contracts/Box.sol:Box',
      to: 'BoxV2',
      kind: 'transparent',
    })
    expect(report.ok).toBe(true)
  })

  test('error: ambiguous contract name', async () => {
    await expect(
      checkUpgradeSafety({
        root: otherProject,
        from: 'Box',
        to: 'BoxV2',
        kind: 'transparent',
      }),
    ).rejects.toThrowErrorMatchingInlineSnapshot(`
      [UnknownContractError: Contract name "Box" is ambiguous.

      Matches: contracts/Box.sol:Box, contracts/lib/Box.sol:Box

      Hint: Use the fully qualified name, \`path/to/File.sol:Contract\`.
      Docs: packages/governance/README.md#errors
      Version: @storydao/core@x.y.z]
    `)
  })

  test('error: unknown contract', async () => {
    await expect(
      checkUpgradeSafety({
        root: contractsRoot,
        from: 'AuthorCoin',
        to: 'AuthorCoinV3',
        kind: 'uups',
      }),
    ).rejects.toThrowErrorMatchingInlineSnapshot(`
      [UnknownContractError: No deployable contract "AuthorCoinV3" in the project.

      Contracts: AuthorCoin, AuthorCoinV2, AuthorCoinV2BadLayout, StoryDAO, StoryProxies, StoryTimelock, Treasury, TreasuryV2, TreasuryV2BadLayout

      Hint: Use the name of a non-abstract contract under the project’s source directory (or its fully qualified name \`path/to/File.sol:Contract\`).
      Docs: packages/governance/README.md#errors
      Version: @storydao/core@x.y.z]
    `)
  })

  test('error: no foundry.toml', async () => {
    const empty = mkdtempSync(path.join(tmpdir(), 'governance-empty-'))
    try {
      await expect(
        checkUpgradeSafety({ root: empty, from: 'A', to: 'B', kind: 'uups' }),
      ).rejects.toMatchObject({
        name: 'FoundryProjectError',
        shortMessage: `No foundry.toml in ${empty} or any directory above it.`,
      })
    } finally {
      rmSync(empty, { recursive: true, force: true })
    }
  })

  test('error: an import no remapping resolves', async () => {
    await expect(
      checkUpgradeSafety({
        root: otherProject,
        from: 'contracts/Box.sol:Box',
        to: 'BoxV2',
        kind: 'transparent',
        remappings: [],
      }),
    ).rejects.toMatchObject({
      name: 'FoundryProjectError',
      shortMessage:
        'Cannot read @math/Math.sol (imported by contracts/Box.sol).',
    })
  })

  test('error: source directory missing', async () => {
    await expect(
      checkUpgradeSafety({
        root: otherProject,
        src: 'nope',
        from: 'Box',
        to: 'BoxV2',
        kind: 'transparent',
      }),
    ).rejects.toMatchObject({
      name: 'FoundryProjectError',
      shortMessage: `Source directory ${path.join(otherProject, 'nope')} does not exist.`,
    })
  })

  test('error: malformed remapping', async () => {
    await expect(
      checkUpgradeSafety({
        root: otherProject,
        from: 'Box',
        to: 'BoxV2',
        kind: 'transparent',
        remappings: ['@math/'],
      }),
    ).rejects.toThrowErrorMatchingInlineSnapshot(`
      [FoundryProjectError: Invalid remapping "@math/".

      Hint: Remappings read \`prefix=target\` (optionally \`context:prefix=target\`).
      Docs: packages/governance/README.md#errors
      Version: @storydao/core@x.y.z]
    `)
  })

  test('error: upgrades-core rejects the project', async () => {
    const odd = mkdtempSync(path.join(tmpdir(), 'governance-odd-'))
    try {
      mkdirSync(path.join(odd, 'src'))
      writeFileSync(path.join(odd, 'foundry.toml'), '[profile.default]\n')
      writeFileSync(
        path.join(odd, 'src', 'Odd.sol'),
        'pragma solidity ^0.8.20;\n/// @custom:storage-location erc7201:odd\nstruct OddStorage { uint256 x; }\ncontract Odd { uint256 public y; }\n',
      )
      const error = await checkUpgradeSafety({
        root: odd,
        from: 'Odd',
        to: 'Odd',
        kind: 'transparent',
      }).catch((error: unknown) => error)
      expect(error).toMatchObject({
        name: 'UpgradesCoreError',
        shortMessage:
          '@openzeppelin/upgrades-core could not validate the project.',
      })
      expect((error as Error & { details: string }).details).toContain(
        'Namespace struct OddStorage is defined outside of a contract',
      )
    } finally {
      rmSync(odd, { recursive: true, force: true })
    }
  })

  test('error: the sources do not compile', async () => {
    const broken = mkdtempSync(path.join(tmpdir(), 'governance-broken-'))
    try {
      mkdirSync(path.join(broken, 'src'))
      writeFileSync(path.join(broken, 'foundry.toml'), '[profile.default]\n')
      writeFileSync(
        path.join(broken, 'src', 'Broken.sol'),
        'pragma solidity ^0.8.20;\ncontract Broken { uint256 x = ; }\n',
      )
      const error = await checkUpgradeSafety({
        root: broken,
        from: 'Broken',
        to: 'Broken',
        kind: 'uups',
      }).catch((error: unknown) => error)
      expect(error).toMatchObject({
        name: 'SolidityCompileError',
        shortMessage: 'solc 0.8.30 reported 1 compile error.',
      })
    } finally {
      rmSync(broken, { recursive: true, force: true })
    }
  })
})
