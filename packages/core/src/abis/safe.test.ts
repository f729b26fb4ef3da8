import { parseAbi } from 'viem'
import { describe, expect, test } from 'vitest'
import {
  erc1271Abi,
  multiSendAbi,
  safeAbi,
  safeProxyFactoryAbi,
} from './safe.js'

// The Solidity signatures the JSON ABIs were written from. Parsed here, with
// the dev viem, because older viem (2.30-2.37) rejects `address payable` when
// the package is imported.
describe('safe ABIs', () => {
  test('behavior: safeAbi matches the Solidity signatures', () => {
    expect(safeAbi).toEqual(
      parseAbi([
        'function VERSION() view returns (string)',
        'function nonce() view returns (uint256)',
        'function getOwners() view returns (address[])',
        'function getThreshold() view returns (uint256)',
        'function isOwner(address owner) view returns (bool)',
        'function getModulesPaginated(address start, uint256 pageSize) view returns (address[] array, address next)',
        'function getStorageAt(uint256 offset, uint256 length) view returns (bytes)',
        'function domainSeparator() view returns (bytes32)',
        'function approvedHashes(address owner, bytes32 hash) view returns (uint256)',
        'function approveHash(bytes32 hashToApprove)',
        'function setup(address[] _owners, uint256 _threshold, address to, bytes data, address fallbackHandler, address paymentToken, uint256 payment, address paymentReceiver)',
        'function getTransactionHash(address to, uint256 value, bytes data, uint8 operation, uint256 safeTxGas, uint256 baseGas, uint256 gasPrice, address gasToken, address refundReceiver, uint256 _nonce) view returns (bytes32)',
        'function encodeTransactionData(address to, uint256 value, bytes data, uint8 operation, uint256 safeTxGas, uint256 baseGas, uint256 gasPrice, address gasToken, address refundReceiver, uint256 _nonce) view returns (bytes)',
        'function execTransaction(address to, uint256 value, bytes data, uint8 operation, uint256 safeTxGas, uint256 baseGas, uint256 gasPrice, address gasToken, address payable refundReceiver, bytes signatures) payable returns (bool success)',
        'function checkSignatures(bytes32 dataHash, bytes data, bytes signatures) view',
        'event ExecutionSuccess(bytes32 indexed txHash, uint256 payment)',
        'event ExecutionFailure(bytes32 indexed txHash, uint256 payment)',
        'event ApproveHash(bytes32 indexed approvedHash, address indexed owner)',
        'event AddedOwner(address indexed owner)',
        'event RemovedOwner(address indexed owner)',
        'event ChangedThreshold(uint256 threshold)',
        'event EnabledModule(address indexed module)',
        'event DisabledModule(address indexed module)',
        'event ChangedGuard(address indexed guard)',
        'event ChangedFallbackHandler(address indexed handler)',
      ]),
    )
  })
  test('behavior: safeProxyFactoryAbi matches the Solidity signatures', () => {
    expect(safeProxyFactoryAbi).toEqual(
      parseAbi([
        'function createProxyWithNonce(address _singleton, bytes initializer, uint256 saltNonce) returns (address proxy)',
        'function proxyCreationCode() pure returns (bytes)',
        'event ProxyCreation(address indexed proxy, address singleton)',
      ]),
    )
  })
  test('behavior: multiSendAbi matches the Solidity signatures', () => {
    expect(multiSendAbi).toEqual(
      parseAbi(['function multiSend(bytes transactions) payable']),
    )
  })
  test('behavior: erc1271Abi matches the Solidity signatures', () => {
    expect(erc1271Abi).toEqual(
      parseAbi([
        'function isValidSignature(bytes32 hash, bytes signature) view returns (bytes4)',
      ]),
    )
  })
})
