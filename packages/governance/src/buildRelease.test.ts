import {
  authorCoinAbi,
  storyDaoAbi,
  storyTimelockAbi,
  treasuryAbi,
  upgradeableBeaconAbi,
} from '@storydao/core'
import { storyDaoBytecodes, storyDaoRelease } from '@storydao/testkit'
import { keccak256, toHex, zeroHash } from 'viem'
import { describe, expect, test } from 'vitest'
import { assertCreate2AddressesFree } from './assertCreate2AddressesFree.js'
import { assertCreate2DeployerPresent } from './assertCreate2DeployerPresent.js'
import { buildRelease } from './buildRelease.js'
import { Create2AddressOccupiedError } from './errors/deploy.js'
import { getProxyState } from './getProxyState.js'
import { safes, sendAs, useLocalStack } from './test/localStack.js'

const context = useLocalStack()

const role = (name: string) => keccak256(toHex(name))

describe('buildRelease', () => {
  test('default', async () => {
    const { stack, client } = context
    const { ops, emergency } = safes(stack)
    const holder = stack.accounts.deployer.address
    const { calls, addresses, deployments } = buildRelease({
      release: storyDaoRelease({ holder }),
      manifest: stack.manifest,
    })
    // Dependencies first; the declared order is kept otherwise.
    expect(deployments.map((deployment) => deployment.name)).toEqual([
      'AuthorCoinImplementation',
      'StoryTimelock',
      'AuthorCoin',
      'StoryDAO',
      'TreasuryImplementation',
      'TreasuryBeacon',
      'Treasury',
    ])
    expect(
      calls.map((call) => call.label.replace(/0x[0-9a-fA-F]{40}/g, '…')),
    ).toMatchInlineSnapshot(`
        [
          "Deploy AuthorCoinImplementation (AuthorCoin) at …",
          "Deploy StoryTimelock at …",
          "Deploy AuthorCoin (ERC1967Proxy) at …",
          "Deploy StoryDAO at …",
          "Deploy TreasuryImplementation (Treasury) at …",
          "Deploy TreasuryBeacon (UpgradeableBeacon) at …",
          "Deploy Treasury (BeaconProxy) at …",
          "StoryTimelock …: grantRole(0xb09aa5ae…9cc1, StoryDAO)",
          "StoryTimelock …: grantRole(0xfd643c72…f783, StoryDAO)",
          "StoryTimelock …: grantRole(0xd8aa0f31…9e63, StoryDAO)",
          "StoryTimelock …: grantRole(0xfd643c72…f783, safes.emergency)",
          "StoryTimelock: the ops Safe gives up its temporary admin role",
        ]
      `)

    await assertCreate2DeployerPresent(client)
    await assertCreate2AddressesFree(client, {
      addresses: Object.values(addresses),
    })
    // One batch, in order, from the ops Safe.
    for (const call of calls)
      await sendAs(context, ops, call, { gas: 15_000_000n })

    for (const { name, address } of deployments)
      expect(
        (await client.getCode({ address }))?.length,
        `${name} at ${address}`,
      ).toBeGreaterThan(2)
    await expect(
      assertCreate2AddressesFree(client, { addresses: [addresses.StoryDAO!] }),
    ).rejects.toBeInstanceOf(Create2AddressOccupiedError)

    const timelock = addresses.StoryTimelock!
    const governor = addresses.StoryDAO!
    const authorCoin = addresses.AuthorCoin!
    const read = {
      timelockRole: (name: string, account: `0x${string}`) =>
        client.readContract({
          address: timelock,
          abi: storyTimelockAbi,
          functionName: 'hasRole',
          args: [
            name === 'DEFAULT_ADMIN_ROLE' ? zeroHash : role(name),
            account,
          ],
        }),
      coinRole: (name: string, account: `0x${string}`) =>
        client.readContract({
          address: authorCoin,
          abi: authorCoinAbi,
          functionName: 'hasRole',
          args: [
            name === 'DEFAULT_ADMIN_ROLE' ? zeroHash : role(name),
            account,
          ],
        }),
    }
    // Timelock wiring: governor and ops Safe propose/execute, the emergency
    // Safe cancels, nobody but the timelock itself is admin.
    expect(await read.timelockRole('PROPOSER_ROLE', governor)).toBe(true)
    expect(await read.timelockRole('EXECUTOR_ROLE', governor)).toBe(true)
    expect(await read.timelockRole('CANCELLER_ROLE', governor)).toBe(true)
    expect(await read.timelockRole('PROPOSER_ROLE', ops)).toBe(true)
    expect(await read.timelockRole('CANCELLER_ROLE', emergency)).toBe(true)
    expect(await read.timelockRole('DEFAULT_ADMIN_ROLE', ops)).toBe(false)
    expect(await read.timelockRole('DEFAULT_ADMIN_ROLE', timelock)).toBe(true)
    // The CREATE2 deployer received nothing.
    const deployer = '0x4e59b44847b379578588920cA78FbF26c0B4956C'
    expect(await read.timelockRole('DEFAULT_ADMIN_ROLE', deployer)).toBe(false)
    expect(await read.coinRole('DEFAULT_ADMIN_ROLE', deployer)).toBe(false)

    // AuthorCoin: initialized in its proxy's constructor.
    expect(await read.coinRole('DEFAULT_ADMIN_ROLE', timelock)).toBe(true)
    expect(await read.coinRole('UPGRADER_ROLE', timelock)).toBe(true)
    expect(await read.coinRole('PAUSER_ROLE', emergency)).toBe(true)
    expect(
      await client.readContract({
        address: authorCoin,
        abi: authorCoinAbi,
        functionName: 'balanceOf',
        args: [holder],
      }),
    ).toBe(10n ** 26n)
    expect(await getProxyState(client, { proxy: authorCoin })).toMatchObject({
      kind: 'uups',
      implementation: addresses.AuthorCoinImplementation,
    })

    // Governor, treasury and beacon point at the new system.
    expect(
      await client.readContract({
        address: governor,
        abi: storyDaoAbi,
        functionName: 'timelock',
      }),
    ).toBe(timelock)
    expect(
      await client.readContract({
        address: governor,
        abi: storyDaoAbi,
        functionName: 'token',
      }),
    ).toBe(authorCoin)
    expect(
      await client.readContract({
        address: addresses.Treasury!,
        abi: treasuryAbi,
        functionName: 'owner',
      }),
    ).toBe(timelock)
    expect(
      await client.readContract({
        address: addresses.TreasuryBeacon!,
        abi: upgradeableBeaconAbi,
        functionName: 'owner',
      }),
    ).toBe(timelock)
    expect(await getProxyState(client, { proxy: addresses.Treasury! })).toEqual(
      {
        kind: 'beacon',
        implementation: addresses.TreasuryImplementation,
        admin: undefined,
        beacon: addresses.TreasuryBeacon,
      },
    )
  })

  test('behavior: addresses depend on the salt and are stable', () => {
    const holder = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8'
    const manifest = context.stack.manifest
    const first = buildRelease({
      release: storyDaoRelease({ holder }),
      manifest,
    })
    const again = buildRelease({
      release: storyDaoRelease({ holder }),
      manifest,
    })
    const other = buildRelease({
      release: storyDaoRelease({ holder, salt: zeroHash }),
      manifest,
    })
    expect(again.addresses).toEqual(first.addresses)
    expect(other.addresses.StoryTimelock).not.toBe(
      first.addresses.StoryTimelock,
    )
  })

  test('error: timelock and governor referencing each other', () => {
    expect(() =>
      buildRelease({
        release: {
          contracts: [
            {
              name: 'StoryTimelock',
              bytecode: storyDaoBytecodes.StoryTimelock,
              abi: storyTimelockAbi,
              constructorArgs: [
                3600n,
                [{ ref: 'StoryDAO' }],
                [{ ref: 'StoryDAO' }],
                '0x0000000000000000000000000000000000000000',
              ],
              salt: zeroHash,
            },
            {
              name: 'StoryDAO',
              bytecode: storyDaoBytecodes.StoryDAO,
              abi: storyDaoAbi,
              constructorArgs: [
                '0x5FbDB2315678afecb367f032d93F642f64180aa3',
                { ref: 'StoryTimelock' },
                1,
                50,
                0n,
                4n,
              ],
              salt: zeroHash,
            },
          ],
        },
      }),
    ).toThrowErrorMatchingInlineSnapshot(`
      [ReleaseReferenceCycleError: Release entries reference each other: StoryTimelock → StoryDAO → StoryTimelock.

      Hint: A CREATE2 address depends on the constructor arguments, so a cycle cannot be resolved. Break it by constructing one side without the reference (for example a timelock whose admin is the deploying Safe) and wiring it with a call in the release’s \`calls\` (grantRole, then renounceRole).
      Docs: packages/governance/README.md#errors
      Version: @storydao/core@x.y.z]
    `)
  })

  test('error: unknown reference in constructor arguments', () => {
    expect(() =>
      buildRelease({
        release: {
          contracts: [
            {
              name: 'TreasuryBeacon',
              bytecode: storyDaoBytecodes.UpgradeableBeacon,
              abi: upgradeableBeaconAbi,
              constructorArgs: [{ ref: 'TreasuryImpl' }, { ref: 'safes.ops' }],
              salt: zeroHash,
            },
            {
              name: 'TreasuryImplementation',
              bytecode: storyDaoBytecodes.Treasury,
              salt: zeroHash,
            },
          ],
        },
        manifest: context.stack.manifest,
      }),
    ).toThrowErrorMatchingInlineSnapshot(`
      [ReleaseUnknownReferenceError: Unknown reference "TreasuryImpl" at contracts.TreasuryBeacon.constructorArgs[0].

      Known names: TreasuryBeacon, TreasuryImplementation, AuthorCoin, StoryTimelock, StoryDAO, Treasury, safes.ops, safes.emergency

      Hint: A reference names a contract of the same release, or, when a manifest is passed, one of its contracts or \`safes.ops\` / \`safes.emergency\`.
      Docs: packages/governance/README.md#errors
      Version: @storydao/core@x.y.z]
    `)
  })

  test('error: unknown reference in a call', () => {
    expect(() =>
      buildRelease({
        release: {
          contracts: [],
          calls: [
            {
              to: { ref: 'StoryTimelock' },
              abi: storyTimelockAbi,
              functionName: 'grantRole',
              args: [zeroHash, { ref: 'Governor' }],
            },
          ],
        },
        manifest: context.stack.manifest,
      }),
    ).toThrowErrorMatchingInlineSnapshot(`
      [ReleaseUnknownReferenceError: Unknown reference "Governor" at calls[0].args[1].

      Known names: AuthorCoin, StoryTimelock, StoryDAO, TreasuryBeacon, Treasury, safes.ops, safes.emergency

      Hint: A reference names a contract of the same release, or, when a manifest is passed, one of its contracts or \`safes.ops\` / \`safes.emergency\`.
      Docs: packages/governance/README.md#errors
      Version: @storydao/core@x.y.z]
    `)
  })

  test('error: duplicate name', () => {
    expect(() =>
      buildRelease({
        release: {
          contracts: [
            {
              name: 'Treasury',
              bytecode: storyDaoBytecodes.Treasury,
              salt: zeroHash,
            },
            {
              name: 'Treasury',
              bytecode: storyDaoBytecodes.TreasuryV2,
              salt: zeroHash,
            },
          ],
        },
      }),
    ).toThrowErrorMatchingInlineSnapshot(`
      [ReleaseDuplicateNameError: Release entry name "Treasury" is used more than once.

      Hint: Give every release entry a unique \`name\`; references resolve by name.
      Docs: packages/governance/README.md#errors
      Version: @storydao/core@x.y.z]
    `)
  })

  test('error: two entries with the same address', () => {
    expect(() =>
      buildRelease({
        release: {
          contracts: [
            { name: 'A', bytecode: storyDaoBytecodes.Treasury, salt: zeroHash },
            { name: 'B', bytecode: storyDaoBytecodes.Treasury, salt: zeroHash },
          ],
        },
      }),
    ).toThrowErrorMatchingInlineSnapshot(`
      [ReleaseAddressCollisionError: Release entries A and B would deploy to the same address 0x8b52404cD3C013B78592D8E1B25512cA15E422EA.

      Hint: They have the same bytecode, constructor arguments and salt. Give each its own \`salt\`.
      Docs: packages/governance/README.md#errors
      Version: @storydao/core@x.y.z]
    `)
  })

  test('error: call arguments that do not encode', () => {
    expect(() =>
      buildRelease({
        release: {
          contracts: [],
          calls: [
            {
              to: '0x5FbDB2315678afecb367f032d93F642f64180aa3',
              abi: storyTimelockAbi,
              functionName: 'grantRole',
              args: [zeroHash],
            },
          ],
        },
      }),
    ).toThrowError(/Could not encode grantRole\(…\) at calls\[0\]/)
  })

  test('error: initializer arguments that do not encode', () => {
    expect(() =>
      buildRelease({
        release: {
          contracts: [
            {
              name: 'Treasury',
              bytecode: storyDaoBytecodes.BeaconProxy,
              abi: upgradeableBeaconAbi,
              constructorArgs: [
                '0x5FbDB2315678afecb367f032d93F642f64180aa3',
                {
                  encode: {
                    abi: treasuryAbi,
                    functionName: 'initialize',
                    args: [42n],
                  },
                },
              ],
              salt: zeroHash,
            },
          ],
        },
      }),
    ).toThrowError(
      /Could not encode initialize\(…\) at contracts\.Treasury\.constructorArgs\[1\]/,
    )
  })

  test('error: unlinked library placeholder names the entry', () => {
    const placeholder = `__$${keccak256(toHex('src/Lib.sol:Lib')).slice(2, 36)}$__`
    expect(() =>
      buildRelease({
        release: {
          contracts: [
            { name: 'A', bytecode: storyDaoBytecodes.Treasury, salt: zeroHash },
            {
              name: 'UsesLib',
              bytecode: `0x73${placeholder}`,
              salt: zeroHash,
            },
          ],
        },
      }),
    ).toThrowErrorMatchingInlineSnapshot(`
      [InvalidBytecodeError: Bytecode of UsesLib has an unlinked library placeholder __$1402aea24ab274b7cf9b89f02291aec666$__ at byte 1: link the library first.

      Path: contracts.UsesLib.bytecode

      Hint: Deploy each library, then put its address in place of its placeholder (\`forge build --libraries src/Lib.sol:Lib:0x…\`). A placeholder is \`__$\` + the first 17 bytes of keccak256("<source path>:<library name>") in hex + \`$__\`.
      Docs: packages/governance/README.md#errors
      Version: @storydao/core@x.y.z]
    `)
  })

  test('error: negative call value', () => {
    expect(() =>
      buildRelease({
        release: {
          contracts: [],
          calls: [
            {
              to: '0x5FbDB2315678afecb367f032d93F642f64180aa3',
              abi: storyTimelockAbi,
              functionName: 'updateDelay',
              args: [0n],
              value: -1n,
            },
          ],
        },
      }),
    ).toThrowErrorMatchingInlineSnapshot(`
      [InvalidCallError: Invalid value at calls[0].value: -1 is negative.

      Hint: Pass wei as a bigint from 0n to 2^256 - 1, e.g. \`0n\` or \`parseEther("1")\` from viem.
      Docs: packages/governance/README.md#errors
      Version: @storydao/core@x.y.z]
    `)
  })
})
