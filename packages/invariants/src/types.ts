import type { DecodedCreate2Deploy } from '@storydao/governance'
import type { Abi, Address, Hex } from 'viem'

/**
 * One piece of chain state an invariant needs. Every read of every invariant
 * is batched into one Multicall3 `eth_call` (plus one more for raw storage
 * slots), so the number of RPC requests does not grow with the invariants.
 */
export type StateRead =
  | {
      /** A view function call. */
      type: 'call'
      /** Contract called. */
      address: Address
      /** ABI holding `functionName` (a fragment is enough). */
      abi: Abi
      /** Function name. */
      functionName: string
      /** Arguments, if any. */
      args?: readonly unknown[] | undefined
    }
  | {
      /** The ETH balance of `address`. */
      type: 'balance'
      /** Holder. */
      address: Address
    }
  | {
      /** A raw storage slot (e.g. EIP-1967 implementation slot). */
      type: 'storage'
      /** Contract whose storage is read. */
      address: Address
      /** 32-byte slot. */
      slot: Hex
    }

/** A JSON-compatible value (bigints stay bigints until rendered). */
export type InvariantValue =
  | bigint
  | boolean
  | number
  | string
  | null
  | readonly InvariantValue[]
  | { readonly [key: string]: InvariantValue }

/** A log of the simulated transaction, decoded with the manifest's ABIs when possible. */
export type DecodedLog = {
  /** Emitting contract. */
  address: Address
  /** Manifest name of the emitting contract (contracts and Safes), if listed. */
  contract?: string | undefined
  /** Event name, when an ABI decoded it. */
  eventName?: string | undefined
  /** Decoded arguments, when an ABI decoded it. */
  args?: { readonly [key: string]: InvariantValue } | undefined
  /** Raw topics. */
  topics: readonly Hex[]
  /** Raw data. */
  data: Hex
  /** Position in the transaction's logs. */
  logIndex: number
}

/** What an invariant's `evaluate` receives. */
export type InvariantContext = {
  /** Values of `reads` before the transaction (`undefined` without a baseline). */
  before: { readonly [key: string]: unknown } | undefined
  /** Values of `reads` after the transaction (or now). */
  after: { readonly [key: string]: unknown }
  /** Logs of the simulated transaction (empty outside a simulation). */
  logs: readonly DecodedLog[]
}

/** An invariant's verdict. */
export type InvariantOutcome = {
  /** Whether the invariant holds. */
  ok: boolean
  /** The value the invariant requires. */
  expected: InvariantValue
  /** The value found. */
  actual: InvariantValue
  /** One readable sentence (shown to signers). */
  message: string
}

/**
 * A small declarative check: the state it reads, and a pure function of the
 * values read before and after a transaction (and its logs).
 */
export type Invariant = {
  /** Constructor name: `supplyWithinCap`, `balanceUnchanged`, …, or a custom name. */
  name: string
  /** Stable identifier, unique within a set: `supplyWithinCap({ token: 0x… })`. */
  id: string
  /** Readable description (uses manifest names when given a `label`). */
  description: string
  /** The state it reads, by key. */
  reads: { readonly [key: string]: StateRead }
  /** Whether it compares with the pre-transaction state. */
  needsBefore: boolean
  /** Whether it inspects the transaction's logs. */
  needsLogs: boolean
  /** Pure verdict from the values read. */
  evaluate(context: InvariantContext): InvariantOutcome
}

/** One invariant's result. */
export type InvariantResult = {
  /** {@link Invariant.id} */
  id: string
  /** {@link Invariant.name} */
  name: string
  /** {@link Invariant.description} */
  description: string
  /** Whether it holds. */
  ok: boolean
  /** Required value. */
  expected: InvariantValue
  /** Found value. */
  actual: InvariantValue
  /** Readable verdict. */
  message: string
  /** Values read before the transaction, by read key (absent without a baseline). */
  before?: { readonly [key: string]: InvariantValue } | undefined
  /** Values read after the transaction (or now), by read key. */
  after: { readonly [key: string]: InvariantValue }
}

/** A failed invariant (`check*` functions return these in `violations`). */
export type InvariantViolation = {
  /** {@link Invariant.id} */
  invariant: string
  /** {@link Invariant.name} */
  name: string
  /** {@link Invariant.description} */
  description: string
  /** Required value. */
  expected: InvariantValue
  /** Found value. */
  actual: InvariantValue
  /** Readable verdict. */
  message: string
}

/** Values read for a set of invariants at one block (a baseline for later checks). */
export type InvariantState = {
  /** Block the values were read at (`undefined`: the node's latest at the time). */
  blockNumber: bigint | undefined
  /** Read results by read key. */
  values: ReadonlyMap<string, ReadResult>
}

/** The result of one read. */
export type ReadResult =
  | { ok: true; value: unknown }
  | { ok: false; error: string }

/** Options shared by the invariant constructors. */
export type InvariantParameters = {
  /** Name shown instead of the address in descriptions (e.g. the manifest name). */
  label?: string | undefined
}

/** Options of the balance invariants. */
export type BalanceInvariantParameters = {
  /** Name of the asset shown in descriptions (e.g. `AuthorCoin`); `ETH` for ether. */
  label?: string | undefined
  /** Name of the holder shown in descriptions (e.g. `Treasury`). */
  holderLabel?: string | undefined
}

/** Options of the role invariants. */
export type RoleInvariantParameters = {
  /** Name of the contract shown in descriptions (e.g. `AuthorCoin`). */
  label?: string | undefined
  /** Name of the account shown in descriptions (e.g. `emergency Safe`). */
  accountLabel?: string | undefined
}

/** A role grant or revocation found in a transaction's logs. */
export type RoleChange = {
  /** The AccessControl contract. */
  contract: Address
  /** Role hash. */
  role: Hex
  /** Account granted or revoked. */
  account: Address
  /** `true` for `RoleGranted`, `false` for `RoleRevoked`. */
  granted: boolean
}

/** One decoded argument. */
export type DecodedArgument = {
  /** Parameter name (or its position). */
  name: string
  /** Solidity type. */
  type: string
  /** Value. */
  value: InvariantValue
}

/**
 * A call the Safe makes, or one such a call carries (`inner`), as reports
 * show it: `decodeCall` from `@storydao/governance` with the manifest's ABIs,
 * plus the call's position, the target's manifest name and the operation.
 */
export type ReportedCall = {
  /** Position in the batch (0 for a single call), or among its parent's `inner` calls. */
  index: number
  /** Target. */
  to: Address
  /** Name of the target: the manifest's, the `known` name `checkSafePlan` was given, or canonical infrastructure's (`CREATE2 deployer`). */
  contract?: string | undefined
  /** Wei sent. */
  value: bigint
  /** `call`, or `delegatecall` (only MultiSendCallOnly should ever be delegatecalled); inner calls are `call`. */
  operation: 'call' | 'delegatecall'
  /**
   * Calldata: always set on the Safe's own calls; on an inner call only when
   * it did not decode (`functionName` and `args`, or `create2`, say it all).
   */
  data?: Hex | undefined
  /** The plan's label for the call, if any. */
  label?: string | undefined
  /** Function name, when an ABI decoded the calldata. */
  functionName?: string | undefined
  /** Decoded arguments, in order (unnamed parameters are `arg0`, `arg1`…). */
  args?: readonly DecodedArgument[] | undefined
  /** The contract a call to the CREATE2 deployer creates, with its name when the manifest or `known` names it. */
  create2?:
    | (Pick<DecodedCreate2Deploy, 'address' | 'salt' | 'initCodeHash'> & {
        contract?: string | undefined
      })
    | undefined
  /**
   * Calls this one makes on the target's behalf, decoded the same way: a
   * timelock operation's calls (`schedule`/`execute`, batch or not), a
   * governor proposal's (`propose`, `queue`, `execute`, `cancel`), or the
   * call run right after an upgrade (`upgradeToAndCall`, `upgradeAndCall`).
   */
  inner?: readonly ReportedCall[] | undefined
}

/** One contract's state. */
export type ContractState = {
  /** Address. */
  address: Address
  /** Manifest kind. */
  kind: string
  /** EIP-1967 implementation slot (UUPS and transparent proxies). */
  implementation?: Address | undefined
  /** EIP-1967 admin slot (transparent proxies). */
  admin?: Address | undefined
  /** EIP-1967 beacon slot (beacon proxies). */
  beacon?: Address | undefined
  /** Every argument-less view getter of its ABI (`paused`, `totalSupply`, `owner`, …), except constants; `null` when it reverted. */
  values: { [getter: string]: InvariantValue }
}

/** One Safe's configuration. */
export type SafeState = {
  /** Address. */
  address: Address
  /** `VERSION()`. */
  version: string
  /** Owners, in the Safe's order. */
  owners: Address[]
  /** Threshold. */
  threshold: bigint
  /** Nonce. */
  nonce: bigint
  /** Enabled modules (first page of 50). */
  modules: Address[]
  /** Transaction guard (zero address when none). */
  guard: Address
  /** Fallback handler (zero address when none). */
  fallbackHandler: Address
}

/** A timelock operation that is scheduled and neither executed nor cancelled. */
export type PendingOperation = {
  /** `waiting` (delay running) or `ready` (executable). */
  state: 'waiting' | 'ready'
  /** Timestamp from which it can execute. */
  readyAt: bigint
  /** Its calls, in order. */
  calls: { target: Address; value: bigint; data: Hex }[]
  /** Predecessor operation id (zero for none). */
  predecessor: Hex
}

/** The protocol's state at one block (the seed's `dump-state`). */
export type StateSnapshot = {
  /** Chain id. */
  chainId: number
  /** Block. */
  blockNumber: bigint
  /** Contracts by manifest name. */
  contracts: { [name: string]: ContractState }
  /** Safes by manifest key (`ops`, `emergency`). */
  safes: { [name: string]: SafeState }
  /** Balances by holder name, then asset (`ETH` or token name). */
  balances: { [holder: string]: { [asset: string]: bigint } }
  /** Role members by contract, then role name (hash when unknown); members sorted. */
  roles: { [contract: string]: { [role: string]: Address[] } }
  /** Pending operations by timelock name, then operation id. */
  timelockOperations: { [timelock: string]: { [id: string]: PendingOperation } }
}
