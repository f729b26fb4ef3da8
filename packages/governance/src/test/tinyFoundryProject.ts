import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

/**
 * A second, tiny Foundry project with its own layout (`src = "contracts"`,
 * a `@math/` remapping to `vendor/`), standing for another repository that
 * points the upgrade check at its own project. Returns its root and a
 * cleanup function.
 */
export function createTinyFoundryProject(): { root: string; remove(): void } {
  const root = mkdtempSync(path.join(tmpdir(), 'governance-foundry-'))
  mkdirSync(path.join(root, 'contracts', 'lib'), { recursive: true })
  mkdirSync(path.join(root, 'vendor', 'math'), { recursive: true })
  writeFileSync(
    path.join(root, 'foundry.toml'),
    [
      '[profile.default]',
      'src = "contracts" # not the default',
      'remappings = [',
      '  "@math/=vendor/math/",',
      ']',
      '',
      '[profile.ci]',
      'src = "ignored"',
    ].join('\n'),
  )
  writeFileSync(
    path.join(root, 'vendor', 'math', 'Math.sol'),
    'pragma solidity ^0.8.20;\nlibrary Math { function max(uint a, uint b) internal pure returns (uint) { return a > b ? a : b; } }\n',
  )
  const box = (name: string, body: string) =>
    writeFileSync(
      path.join(root, 'contracts', `${name}.sol`),
      `pragma solidity ^0.8.20;\nimport {Math} from "@math/Math.sol";\n// import "./Missing.sol"; (comments are not imports)\ncontract ${name} {\n${body}\n}\n`,
    )
  box(
    'Box',
    '  uint256 public value;\n  function set(uint256 v) external { value = Math.max(v, value); }',
  )
  box(
    'BoxV2',
    '  uint256 public value;\n  uint256 public count;\n  function set(uint256 v) external { value = v; count++; }',
  )
  box('BoxBad', '  address public owner;\n  uint256 public value;')
  box(
    'BoxImmutable',
    '  uint256 public value;\n  uint256 public immutable created = 1;',
  )
  writeFileSync(
    path.join(root, 'contracts', 'lib', 'Box.sol'),
    'pragma solidity ^0.8.20;\ncontract Box { uint256 public other; }\n',
  )
  return {
    root,
    remove: () => rmSync(root, { recursive: true, force: true }),
  }
}
