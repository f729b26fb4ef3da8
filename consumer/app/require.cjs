// CommonJS: `require` reaches the CJS build, which works the same.
const { buildPause } = require('@storydao/ops-sdk')
const { encodeFunctionData, parseAbi } = require('viem')

const target = '0x5FbDB2315678afecb367f032d93F642f64180aa3'
const call = buildPause({ target })
const expected = encodeFunctionData({
  abi: parseAbi(['function pause()']),
  functionName: 'pause',
})
if (call.data !== expected || call.to !== target)
  throw new Error(`unexpected pause call ${JSON.stringify(call)}`)
console.log('cjs ok')
