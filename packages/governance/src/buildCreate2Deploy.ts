import type { Call } from '@storydao/core'
import {
  assertParameters,
  type MissingParameterErrorType,
} from '@storydao/core'
import {
  type Abi,
  type Address,
  concat,
  encodeDeployData,
  getContractAddress,
  type Hex,
  keccak256,
} from 'viem'
import { create2DeployerAddress } from './constants.js'
import { AbiEncodingError, type AbiEncodingErrorType } from './errors/abi.js'
import {
  ConstructorAbiMissingError,
  type ConstructorAbiMissingErrorType,
  type InvalidBytecodeErrorType,
} from './errors/deploy.js'
import type { InvalidBytes32ErrorType } from './errors/hex.js'
import { version } from './errors/version.js'
import { toBytecode } from './internal/bytecode.js'
import { shortHex } from './internal/operationCall.js'
import { toBytes32 } from './internal/toBytes32.js'

export type BuildCreate2DeployParameters = {
  /** Creation bytecode (the artifact's `bytecode.object`), with every library linked. */
  bytecode: Hex
  /** Constructor arguments; needs `abi`. */
  constructorArgs?: readonly unknown[] | undefined
  /** The contract's ABI (its constructor encodes `constructorArgs`). */
  abi?: Abi | undefined
  /** CREATE2 salt (bytes32). */
  salt: Hex
  /** Names the contract in labels and errors. */
  name?: string | undefined
  /** Overrides the generated label. */
  label?: string | undefined
}

export type BuildCreate2DeployReturnType = {
  /** The call to the CREATE2 deployer (`salt ‖ initCode`). */
  call: Call
  /** Where the contract will be. */
  address: Address
  /** Bytecode followed by the encoded constructor arguments. */
  initCode: Hex
  /** `keccak256(initCode)`, part of the address. */
  initCodeHash: Hex
}

export type BuildCreate2DeployErrorType =
  | MissingParameterErrorType
  | ConstructorAbiMissingErrorType
  | AbiEncodingErrorType
  | InvalidBytecodeErrorType
  | InvalidBytes32ErrorType

/**
 * Builds a contract deployment through the deterministic deployment proxy
 * ({@link create2DeployerAddress}) and predicts its address:
 * `keccak256(0xff ‖ deployer ‖ salt ‖ keccak256(initCode))[12:]`.
 *
 * The deployer proxy is the constructor's `msg.sender`: constructors that
 * record `msg.sender` as owner or admin would give it to the proxy, which
 * nobody controls. Pass owners (the Safe, the timelock) explicitly.
 *
 * - Docs: https://github.com/storydao/ops-sdk/blob/main/packages/governance/README.md#buildcreate2deploy
 *
 * @example
 * ```ts
 * import { upgradeableBeaconAbi } from '@storydao/core'
 * import { buildCreate2Deploy } from '@storydao/governance'
 * import { zeroHash } from 'viem'
 *
 * const { call, address } = buildCreate2Deploy({
 *   bytecode: upgradeableBeaconBytecode,
 *   abi: upgradeableBeaconAbi,
 *   constructorArgs: [treasuryImplementation, timelock],
 *   salt: zeroHash,
 * })
 * ```
 *
 * @param parameters - {@link BuildCreate2DeployParameters}
 * @returns The call, the predicted address and the init code.
 */
export function buildCreate2Deploy(
  parameters: BuildCreate2DeployParameters,
): BuildCreate2DeployReturnType {
  assertParameters('buildCreate2Deploy', parameters, ['bytecode', 'salt'], {
    version,
  })
  const { abi, constructorArgs = [] } = parameters
  const name = parameters.name ?? 'the contract'
  const bytecode = toBytecode(parameters.bytecode, {
    contract: parameters.name,
    path: 'bytecode',
  })
  const salt = toBytes32(parameters.salt, 'salt')
  const hasConstructor = abi?.some((item) => item.type === 'constructor')
  if (constructorArgs.length > 0 && !hasConstructor)
    throw new ConstructorAbiMissingError({ contract: name })
  let initCode: Hex
  try {
    initCode = hasConstructor
      ? encodeDeployData({
          abi: abi!,
          bytecode,
          args: constructorArgs as unknown[],
        })
      : bytecode
  } catch (error) {
    throw new AbiEncodingError({
      what: `the constructor arguments of ${name}`,
      cause: error,
    })
  }
  const initCodeHash = keccak256(initCode)
  const address = getContractAddress({
    opcode: 'CREATE2',
    from: create2DeployerAddress,
    salt,
    bytecodeHash: initCodeHash,
  })
  return {
    call: {
      to: create2DeployerAddress,
      value: 0n,
      data: concat([salt, initCode]),
      operation: 'call',
      label:
        parameters.label ??
        `Deploy ${parameters.name ?? 'contract'} at ${address} (CREATE2, salt ${shortHex(salt)})`,
    },
    address,
    initCode,
    initCodeHash,
  }
}
