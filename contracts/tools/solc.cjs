#!/usr/bin/env node
// forge invokes this file as its `solc` (foundry.toml). No native solc can be
// downloaded here, so we answer forge's two questions with solc-js:
//   `--version`        → the banner forge parses for the compiler version
//   `--standard-json`  → compile stdin, write the output JSON
// The stock `solcjs` CLI cannot be used: it prints a `>>>` banner and splits
// outputs over 64 KiB across several writes, which forge rejects.
'use strict'
const fs = require('node:fs')
const path = require('node:path')
const solc = require('solc')

const args = process.argv.slice(2)

if (args.includes('--version')) {
  fs.writeSync(
    1,
    `solc, the solidity compiler commandline interface\nVersion: ${solc.version()}\n`,
  )
  process.exit(0)
}

if (!args.includes('--standard-json')) {
  fs.writeSync(
    2,
    'solc shim: only --version and --standard-json are supported\n',
  )
  process.exit(1)
}

// forge passes --base-path/--include-path/--allow-paths; imports that are not
// inlined in the input are resolved against those roots.
const roots = []
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--base-path' || args[i] === '--include-path')
    roots.push(args[i + 1])
}
if (roots.length === 0) roots.push(process.cwd())

function findImport(importPath) {
  for (const root of roots) {
    const candidate = path.resolve(root, importPath)
    if (fs.existsSync(candidate))
      return { contents: fs.readFileSync(candidate, 'utf8') }
  }
  return { error: `File not found: ${importPath}` }
}

const input = fs.readFileSync(0, 'utf8')
const output = solc.compile(input, { import: findImport })
// One write: forge reads the pipe to EOF and chokes on interleaved partial JSON.
fs.writeSync(1, output)
