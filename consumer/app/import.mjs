// ESM: the umbrella loads and a pure function gives the same calldata as viem.
import { buildPause } from '@storydao/ops-sdk'
import { encodeFunctionData, parseAbi } from 'viem'

const target = '0x5FbDB2315678afecb367f032d93F642f64180aa3'
const call = buildPause({ target })
const expected = encodeFunctionData({
  abi: parseAbi(['function pause()']),
  functionName: 'pause',
})
if (call.data !== expected || call.to !== target)
  throw new Error(`unexpected pause call ${JSON.stringify(call)}`)
console.log('esm ok')
