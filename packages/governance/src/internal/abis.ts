import {
  authorCoinAbi,
  storyDaoAbi,
  storyTimelockAbi,
  upgradeableBeaconAbi,
} from '@storydao/core'
import type { Abi, AbiFunction } from 'viem'

type FunctionNamed<abi extends Abi, name extends string> = Extract<
  abi[number],
  { type: 'function'; name: name }
>

/** @internal Keeps the named functions of a generated ABI (typed). */
function pick<const abi extends Abi, const name extends string>(
  abi: abi,
  names: readonly name[],
): readonly FunctionNamed<abi, name>[] {
  return abi.filter(
    (item): item is FunctionNamed<abi, name> =>
      item.type === 'function' &&
      (names as readonly string[]).includes(item.name),
  )
}

/** @internal UUPSUpgradeable `upgradeToAndCall` (OpenZeppelin 5). */
export const uupsAbi = pick(authorCoinAbi, ['upgradeToAndCall'])

/** @internal UpgradeableBeacon `upgradeTo` / `implementation`. */
export const beaconAbi = pick(upgradeableBeaconAbi, [
  'upgradeTo',
  'implementation',
])

/** @internal ERC-1822 `proxiableUUID` (UUPS implementations). */
export const proxiableAbi = pick(authorCoinAbi, ['proxiableUUID'])

/** @internal TimelockController functions the builders call or read. */
export const timelockAbi = pick(storyTimelockAbi, [
  'schedule',
  'scheduleBatch',
  'execute',
  'executeBatch',
  'cancel',
  'getMinDelay',
  'getOperationState',
  'getTimestamp',
  'hashOperation',
  'hashOperationBatch',
])

/** @internal TimelockController events that describe an operation's life. */
export const timelockEventsAbi = storyTimelockAbi.filter(
  (item) =>
    item.type === 'event' &&
    ['CallScheduled', 'CallSalt', 'CallExecuted', 'Cancelled'].includes(
      item.name,
    ),
)

/** @internal Governor proposal lifecycle functions. */
export const governorAbi = pick(storyDaoAbi, [
  'propose',
  'queue',
  'execute',
  'cancel',
  'hashProposal',
])

/** @internal Every function of an ABI. */
export function abiFunctions(abi: Abi): AbiFunction[] {
  return abi.filter((item): item is AbiFunction => item.type === 'function')
}
