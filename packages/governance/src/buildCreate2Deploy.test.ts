import { authorCoinV2Abi, upgradeableBeaconAbi } from '@storydao/core'
import { storyDaoBytecodes } from '@storydao/testkit'
import { keccak256, toHex, zeroHash } from 'viem'
import { describe, expect, test } from 'vitest'
import { buildCreate2Deploy } from './buildCreate2Deploy.js'
import { create2DeployerAddress } from './constants.js'
import {
  contractAddress,
  safes,
  sendAs,
  useLocalStack,
} from './test/localStack.js'

const context = useLocalStack()

describe('buildCreate2Deploy', () => {
  test('default', async () => {
    const { stack, client } = context
    const { call, address, initCode, initCodeHash } = buildCreate2Deploy({
      bytecode: storyDaoBytecodes.AuthorCoinV2,
      salt: keccak256(toHex('AuthorCoinV2')),
      name: 'AuthorCoinV2',
    })
    expect(call.to).toBe(create2DeployerAddress)
    expect(initCode).toBe(storyDaoBytecodes.AuthorCoinV2)
    expect(initCodeHash).toBe(keccak256(initCode))
    expect(call.label).toMatchInlineSnapshot(
      `"Deploy AuthorCoinV2 at 0x1527181A8abA30D2dC92B7979e24FA3768660741 (CREATE2, salt 0xf298ac9d…8fb0)"`,
    )
    expect(await client.getCode({ address })).toBeUndefined()
    // The deployer proxy returns the address it created.
    const returned = await client.call({
      account: stack.accounts.deployer.address,
      to: call.to,
      data: call.data,
    })
    expect(returned.data?.toLowerCase()).toBe(address.toLowerCase())
    await sendAs(context, stack.accounts.deployer.address, call, {
      gas: 10_000_000n,
    })
    expect(
      await client.readContract({
        address,
        abi: authorCoinV2Abi,
        functionName: 'version',
      }),
    ).toBe('2.0.0')
  })

  test('behavior: constructor arguments are part of the address', async () => {
    const { stack, client } = context
    const implementation = (() => {
      const entry = stack.manifest.contracts.TreasuryBeacon!
      return 'implementation' in entry ? entry.implementation! : zeroHash
    })()
    const deploy = (owner: `0x${string}`) =>
      buildCreate2Deploy({
        bytecode: storyDaoBytecodes.UpgradeableBeacon,
        abi: upgradeableBeaconAbi,
        constructorArgs: [implementation, owner],
        salt: zeroHash,
      })
    const { ops } = safes(stack)
    const timelock = contractAddress(stack, 'StoryTimelock')
    expect(deploy(ops).address).not.toBe(deploy(timelock).address)
    const { call, address } = deploy(ops)
    // Any account (here a Safe) may send it: the owner is explicit, not msg.sender.
    await sendAs(context, ops, call, { gas: 5_000_000n })
    expect(
      await client.readContract({
        address,
        abi: upgradeableBeaconAbi,
        functionName: 'owner',
      }),
    ).toBe(ops)
    expect(
      await client.readContract({
        address,
        abi: upgradeableBeaconAbi,
        functionName: 'implementation',
      }),
    ).toBe(implementation)
  })

  test('error: constructor arguments without an ABI', () => {
    expect(() =>
      buildCreate2Deploy({
        bytecode: storyDaoBytecodes.UpgradeableBeacon,
        constructorArgs: [zeroHash],
        salt: zeroHash,
        name: 'UpgradeableBeacon',
      }),
    ).toThrowErrorMatchingInlineSnapshot(`
      [ConstructorAbiMissingError: Constructor arguments for UpgradeableBeacon need an ABI with a constructor.

      Hint: Pass the contract’s \`abi\` (from the forge artifact or \`@storydao/core\`) alongside \`constructorArgs\`.
      Docs: packages/governance/README.md#errors
      Version: @storydao/core@x.y.z]
    `)
  })

  test('error: arguments that do not fit the constructor', () => {
    expect(() =>
      buildCreate2Deploy({
        bytecode: storyDaoBytecodes.UpgradeableBeacon,
        abi: upgradeableBeaconAbi,
        constructorArgs: ['not an address'],
        salt: zeroHash,
        name: 'UpgradeableBeacon',
      }),
    ).toThrowErrorMatchingInlineSnapshot(`
      [AbiEncodingError: Could not encode the constructor arguments of UpgradeableBeacon.

      Hint: Check the number and types of the arguments against the ABI.
      Docs: packages/governance/README.md#errors
      Details: ABI encoding params/values length mismatch.
      Expected length (params): 2
      Given length (values): 1
      Version: @storydao/core@x.y.z]
    `)
  })

  test('error: salt is not 32 bytes', () => {
    expect(() =>
      buildCreate2Deploy({
        bytecode: storyDaoBytecodes.AuthorCoinV2,
        salt: '0x00',
      }),
    ).toThrowErrorMatchingInlineSnapshot(`
      [InvalidBytes32Error: Invalid salt "0x00": expected 32 bytes of hex.

      Hint: Pass "0x" followed by exactly 64 hex digits, e.g. \`pad(toHex(1), { size: 32 })\` or \`keccak256(toHex("release-1"))\` from viem.
      Docs: packages/governance/README.md#errors
      Version: @storydao/core@x.y.z]
    `)
  })

  test('error: unlinked library placeholder', () => {
    // solc leaves `__$<keccak256("src/Lib.sol:Lib")[:17]>$__` where Lib's address goes.
    const placeholder = `__$${keccak256(toHex('src/Lib.sol:Lib')).slice(2, 36)}$__`
    const bytecode = `0x6080604052${'73'}${placeholder}6000` as const
    expect(() =>
      buildCreate2Deploy({ bytecode, salt: zeroHash, name: 'UsesLib' }),
    ).toThrowErrorMatchingInlineSnapshot(`
      [InvalidBytecodeError: Bytecode of UsesLib has an unlinked library placeholder __$1402aea24ab274b7cf9b89f02291aec666$__ at byte 6: link the library first.

      Path: bytecode

      Hint: Deploy each library, then put its address in place of its placeholder (\`forge build --libraries src/Lib.sol:Lib:0x…\`). A placeholder is \`__$\` + the first 17 bytes of keccak256("<source path>:<library name>") in hex + \`$__\`.
      Docs: packages/governance/README.md#errors
      Version: @storydao/core@x.y.z]
    `)
  })

  test('error: several unlinked library placeholders', () => {
    const placeholder = (name: string) =>
      `__$${keccak256(toHex(`src/${name}.sol:${name}`)).slice(2, 36)}$__`
    const bytecode = `0x73${placeholder('A')}600073${placeholder('B')}` as const
    expect(() =>
      buildCreate2Deploy({ bytecode, salt: zeroHash }),
    ).toThrowErrorMatchingInlineSnapshot(`
      [InvalidBytecodeError: Bytecode has 2 unlinked library placeholders, the first __$cc29228dac79da584ae3381b7190d6942c$__ at byte 1: link the libraries first.

      Path: bytecode
      - __$cc29228dac79da584ae3381b7190d6942c$__ at byte 1
      - __$165b006b3ae270cb7ffea0e95eb8e8f5a9$__ at byte 24

      Hint: Deploy each library, then put its address in place of its placeholder (\`forge build --libraries src/Lib.sol:Lib:0x…\`). A placeholder is \`__$\` + the first 17 bytes of keccak256("<source path>:<library name>") in hex + \`$__\`.
      Docs: packages/governance/README.md#errors
      Version: @storydao/core@x.y.z]
    `)
  })

  test('error: bytecode that is not hex', () => {
    expect(() =>
      buildCreate2Deploy({ bytecode: '0x6080zz', salt: zeroHash }),
    ).toThrowErrorMatchingInlineSnapshot(`
      [InvalidBytecodeError: Invalid bytecode: "z" at hex digit 4 is not hex.

      Path: bytecode

      Hint: Pass the creation bytecode as "0x" followed by an even number of hex digits: the forge artifact’s \`bytecode.object\` (not \`deployedBytecode\`).
      Docs: packages/governance/README.md#errors
      Version: @storydao/core@x.y.z]
    `)
  })

  test('error: bytecode with an odd number of hex digits', () => {
    expect(() =>
      buildCreate2Deploy({ bytecode: '0x60806', salt: zeroHash }),
    ).toThrowErrorMatchingInlineSnapshot(`
      [InvalidBytecodeError: Invalid bytecode: odd number of hex digits (5), bytecode is whole bytes.

      Path: bytecode

      Hint: Pass the creation bytecode as "0x" followed by an even number of hex digits: the forge artifact’s \`bytecode.object\` (not \`deployedBytecode\`).
      Docs: packages/governance/README.md#errors
      Version: @storydao/core@x.y.z]
    `)
  })
})
