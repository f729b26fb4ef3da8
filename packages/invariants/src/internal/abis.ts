import { parseAbi } from 'viem'

/** @internal ERC-20 (with ERC20Capped's `cap`). */
export const erc20ReadAbi = parseAbi([
  'function totalSupply() view returns (uint256)',
  'function cap() view returns (uint256)',
  'function balanceOf(address account) view returns (uint256)',
  'function decimals() view returns (uint8)',
  'function symbol() view returns (string)',
  'event Transfer(address indexed from, address indexed to, uint256 value)',
])

/** @internal OpenZeppelin TimelockController (5.x). */
export const timelockReadAbi = parseAbi([
  'function getMinDelay() view returns (uint256)',
  'function getOperationState(bytes32 id) view returns (uint8)',
  'function getTimestamp(bytes32 id) view returns (uint256)',
  'event CallScheduled(bytes32 indexed id, uint256 indexed index, address target, uint256 value, bytes data, bytes32 predecessor, uint256 delay)',
  'event CallExecuted(bytes32 indexed id, uint256 indexed index, address target, uint256 value, bytes data)',
  'event Cancelled(bytes32 indexed id)',
  'event MinDelayChange(uint256 oldDuration, uint256 newDuration)',
])

/** @internal UpgradeableBeacon / Ownable. */
export const beaconReadAbi = parseAbi([
  'function implementation() view returns (address)',
  'function owner() view returns (address)',
])

/** @internal Multicall3 `aggregate3`, `getEthBalance` and `getBlockGasLimit`. */
export const multicall3ReadAbi = parseAbi([
  'struct Call3 { address target; bool allowFailure; bytes callData; }',
  'struct Result { bool success; bytes returnData; }',
  'function aggregate3(Call3[] calls) payable returns (Result[] returnData)',
  'function getEthBalance(address addr) view returns (uint256 balance)',
  'function getBlockGasLimit() view returns (uint256 gaslimit)',
])
