// Plain JSON ABIs rather than `parseAbi`: viem 2.30–2.37 throw on import when a
// human-readable signature says `address payable` (Safe's `execTransaction`),
// and these constants are evaluated when the package loads. `safe.test.ts`
// checks them against the Solidity signatures.

/** The parts of the Safe v1.3.0–v1.5.0 singleton ABI the SDK reads and writes. */
export const safeAbi = [
  {
    name: 'VERSION',
    type: 'function',
    stateMutability: 'view',
    inputs: [],
    outputs: [
      {
        type: 'string',
      },
    ],
  },
  {
    name: 'nonce',
    type: 'function',
    stateMutability: 'view',
    inputs: [],
    outputs: [
      {
        type: 'uint256',
      },
    ],
  },
  {
    name: 'getOwners',
    type: 'function',
    stateMutability: 'view',
    inputs: [],
    outputs: [
      {
        type: 'address[]',
      },
    ],
  },
  {
    name: 'getThreshold',
    type: 'function',
    stateMutability: 'view',
    inputs: [],
    outputs: [
      {
        type: 'uint256',
      },
    ],
  },
  {
    name: 'isOwner',
    type: 'function',
    stateMutability: 'view',
    inputs: [
      {
        type: 'address',
        name: 'owner',
      },
    ],
    outputs: [
      {
        type: 'bool',
      },
    ],
  },
  {
    name: 'getModulesPaginated',
    type: 'function',
    stateMutability: 'view',
    inputs: [
      {
        type: 'address',
        name: 'start',
      },
      {
        type: 'uint256',
        name: 'pageSize',
      },
    ],
    outputs: [
      {
        type: 'address[]',
        name: 'array',
      },
      {
        type: 'address',
        name: 'next',
      },
    ],
  },
  {
    name: 'getStorageAt',
    type: 'function',
    stateMutability: 'view',
    inputs: [
      {
        type: 'uint256',
        name: 'offset',
      },
      {
        type: 'uint256',
        name: 'length',
      },
    ],
    outputs: [
      {
        type: 'bytes',
      },
    ],
  },
  {
    name: 'domainSeparator',
    type: 'function',
    stateMutability: 'view',
    inputs: [],
    outputs: [
      {
        type: 'bytes32',
      },
    ],
  },
  {
    name: 'approvedHashes',
    type: 'function',
    stateMutability: 'view',
    inputs: [
      {
        type: 'address',
        name: 'owner',
      },
      {
        type: 'bytes32',
        name: 'hash',
      },
    ],
    outputs: [
      {
        type: 'uint256',
      },
    ],
  },
  {
    name: 'approveHash',
    type: 'function',
    stateMutability: 'nonpayable',
    inputs: [
      {
        type: 'bytes32',
        name: 'hashToApprove',
      },
    ],
    outputs: [],
  },
  {
    name: 'setup',
    type: 'function',
    stateMutability: 'nonpayable',
    inputs: [
      {
        type: 'address[]',
        name: '_owners',
      },
      {
        type: 'uint256',
        name: '_threshold',
      },
      {
        type: 'address',
        name: 'to',
      },
      {
        type: 'bytes',
        name: 'data',
      },
      {
        type: 'address',
        name: 'fallbackHandler',
      },
      {
        type: 'address',
        name: 'paymentToken',
      },
      {
        type: 'uint256',
        name: 'payment',
      },
      {
        type: 'address',
        name: 'paymentReceiver',
      },
    ],
    outputs: [],
  },
  {
    name: 'getTransactionHash',
    type: 'function',
    stateMutability: 'view',
    inputs: [
      {
        type: 'address',
        name: 'to',
      },
      {
        type: 'uint256',
        name: 'value',
      },
      {
        type: 'bytes',
        name: 'data',
      },
      {
        type: 'uint8',
        name: 'operation',
      },
      {
        type: 'uint256',
        name: 'safeTxGas',
      },
      {
        type: 'uint256',
        name: 'baseGas',
      },
      {
        type: 'uint256',
        name: 'gasPrice',
      },
      {
        type: 'address',
        name: 'gasToken',
      },
      {
        type: 'address',
        name: 'refundReceiver',
      },
      {
        type: 'uint256',
        name: '_nonce',
      },
    ],
    outputs: [
      {
        type: 'bytes32',
      },
    ],
  },
  {
    name: 'encodeTransactionData',
    type: 'function',
    stateMutability: 'view',
    inputs: [
      {
        type: 'address',
        name: 'to',
      },
      {
        type: 'uint256',
        name: 'value',
      },
      {
        type: 'bytes',
        name: 'data',
      },
      {
        type: 'uint8',
        name: 'operation',
      },
      {
        type: 'uint256',
        name: 'safeTxGas',
      },
      {
        type: 'uint256',
        name: 'baseGas',
      },
      {
        type: 'uint256',
        name: 'gasPrice',
      },
      {
        type: 'address',
        name: 'gasToken',
      },
      {
        type: 'address',
        name: 'refundReceiver',
      },
      {
        type: 'uint256',
        name: '_nonce',
      },
    ],
    outputs: [
      {
        type: 'bytes',
      },
    ],
  },
  {
    name: 'execTransaction',
    type: 'function',
    stateMutability: 'payable',
    inputs: [
      {
        type: 'address',
        name: 'to',
      },
      {
        type: 'uint256',
        name: 'value',
      },
      {
        type: 'bytes',
        name: 'data',
      },
      {
        type: 'uint8',
        name: 'operation',
      },
      {
        type: 'uint256',
        name: 'safeTxGas',
      },
      {
        type: 'uint256',
        name: 'baseGas',
      },
      {
        type: 'uint256',
        name: 'gasPrice',
      },
      {
        type: 'address',
        name: 'gasToken',
      },
      {
        type: 'address',
        name: 'refundReceiver',
      },
      {
        type: 'bytes',
        name: 'signatures',
      },
    ],
    outputs: [
      {
        type: 'bool',
        name: 'success',
      },
    ],
  },
  {
    name: 'checkSignatures',
    type: 'function',
    stateMutability: 'view',
    inputs: [
      {
        type: 'bytes32',
        name: 'dataHash',
      },
      {
        type: 'bytes',
        name: 'data',
      },
      {
        type: 'bytes',
        name: 'signatures',
      },
    ],
    outputs: [],
  },
  {
    name: 'ExecutionSuccess',
    type: 'event',
    inputs: [
      {
        type: 'bytes32',
        name: 'txHash',
        indexed: true,
      },
      {
        type: 'uint256',
        name: 'payment',
      },
    ],
  },
  {
    name: 'ExecutionFailure',
    type: 'event',
    inputs: [
      {
        type: 'bytes32',
        name: 'txHash',
        indexed: true,
      },
      {
        type: 'uint256',
        name: 'payment',
      },
    ],
  },
  {
    name: 'ApproveHash',
    type: 'event',
    inputs: [
      {
        type: 'bytes32',
        name: 'approvedHash',
        indexed: true,
      },
      {
        type: 'address',
        name: 'owner',
        indexed: true,
      },
    ],
  },
  {
    name: 'AddedOwner',
    type: 'event',
    inputs: [
      {
        type: 'address',
        name: 'owner',
        indexed: true,
      },
    ],
  },
  {
    name: 'RemovedOwner',
    type: 'event',
    inputs: [
      {
        type: 'address',
        name: 'owner',
        indexed: true,
      },
    ],
  },
  {
    name: 'ChangedThreshold',
    type: 'event',
    inputs: [
      {
        type: 'uint256',
        name: 'threshold',
      },
    ],
  },
  {
    name: 'EnabledModule',
    type: 'event',
    inputs: [
      {
        type: 'address',
        name: 'module',
        indexed: true,
      },
    ],
  },
  {
    name: 'DisabledModule',
    type: 'event',
    inputs: [
      {
        type: 'address',
        name: 'module',
        indexed: true,
      },
    ],
  },
  {
    name: 'ChangedGuard',
    type: 'event',
    inputs: [
      {
        type: 'address',
        name: 'guard',
        indexed: true,
      },
    ],
  },
  {
    name: 'ChangedFallbackHandler',
    type: 'event',
    inputs: [
      {
        type: 'address',
        name: 'handler',
        indexed: true,
      },
    ],
  },
] as const

/** Safe v1.4.1 `SafeProxyFactory`. */
export const safeProxyFactoryAbi = [
  {
    name: 'createProxyWithNonce',
    type: 'function',
    stateMutability: 'nonpayable',
    inputs: [
      {
        type: 'address',
        name: '_singleton',
      },
      {
        type: 'bytes',
        name: 'initializer',
      },
      {
        type: 'uint256',
        name: 'saltNonce',
      },
    ],
    outputs: [
      {
        type: 'address',
        name: 'proxy',
      },
    ],
  },
  {
    name: 'proxyCreationCode',
    type: 'function',
    stateMutability: 'pure',
    inputs: [],
    outputs: [
      {
        type: 'bytes',
      },
    ],
  },
  {
    name: 'ProxyCreation',
    type: 'event',
    inputs: [
      {
        type: 'address',
        name: 'proxy',
        indexed: true,
      },
      {
        type: 'address',
        name: 'singleton',
      },
    ],
  },
] as const

/** `MultiSend` / `MultiSendCallOnly` entry point (selector 0x8d80ff0a). */
export const multiSendAbi = [
  {
    name: 'multiSend',
    type: 'function',
    stateMutability: 'payable',
    inputs: [
      {
        type: 'bytes',
        name: 'transactions',
      },
    ],
    outputs: [],
  },
] as const

/** EIP-1271 `isValidSignature(bytes32,bytes)` (magic value 0x1626ba7e). */
export const erc1271Abi = [
  {
    name: 'isValidSignature',
    type: 'function',
    stateMutability: 'view',
    inputs: [
      {
        type: 'bytes32',
        name: 'hash',
      },
      {
        type: 'bytes',
        name: 'signature',
      },
    ],
    outputs: [
      {
        type: 'bytes4',
      },
    ],
  },
] as const
