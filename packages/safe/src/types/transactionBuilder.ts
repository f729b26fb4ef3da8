/** One input of a Transaction Builder `contractMethod` (an ABI parameter). */
export type TransactionBuilderContractInput = {
  /** Solidity type as the compiler names it (`address`, `contract IERC20`…). */
  internalType: string
  /** Parameter name (`''` when unnamed; values are then keyed by index). */
  name: string
  /** ABI type (`uint256`, `address[]`, `tuple`…). */
  type: string
  /** Tuple components. */
  components?: TransactionBuilderContractInput[]
}

/** The ABI fragment of a Transaction Builder transaction built from a method. */
export type TransactionBuilderContractMethod = {
  /** Inputs, in order. */
  inputs: TransactionBuilderContractInput[]
  /** Function name. */
  name: string
  /** Whether it accepts ether. */
  payable: boolean
}

/** One transaction of a Transaction Builder batch: always a plain CALL. */
export type TransactionBuilderTransaction = {
  /** Target address. */
  to: string
  /** Wei, as a decimal string (never a JSON number). */
  value: string
  /** Raw calldata; when truthy the app uses it verbatim. */
  data: string | null
  /** The method, for a decoded view (and encoding when `data` is null). */
  contractMethod: TransactionBuilderContractMethod | null
  /** Argument values as strings, keyed by input name (or index). */
  contractInputsValues: Record<string, string> | null
}

/** `meta` of a Transaction Builder batch. */
export type TransactionBuilderMeta = {
  /** Batch name (not covered by the checksum). */
  name: string
  /** Description. */
  description?: string | undefined
  /** Transaction Builder version that wrote it (informational). */
  txBuilderVersion?: string | undefined
  /** The Safe it was made for. */
  createdFromSafeAddress?: string | undefined
  /** The owner who made it (`''` in app exports). */
  createdFromOwnerAddress?: string | undefined
  /** `0x` + keccak256 of the canonical serialization (docs/safe-formats.md#checksum). */
  checksum?: string | undefined
}

/** A Safe{Wallet} Transaction Builder batch file (docs/safe-formats.md#transaction-builder-files). */
export type TransactionBuilderBatch = {
  /** Format version, `"1.0"`. */
  version: string
  /** Decimal chain id as a string. */
  chainId: string
  /** Creation time, ms since the epoch. */
  createdAt: number
  /** Metadata (name, Safe, checksum…). */
  meta: TransactionBuilderMeta
  /** The calls, in order. */
  transactions: TransactionBuilderTransaction[]
}
