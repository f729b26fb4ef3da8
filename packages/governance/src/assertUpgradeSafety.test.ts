import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { assertUpgradeSafety } from './assertUpgradeSafety.js'
import { UpgradeSafetyError } from './errors/upgrade.js'
import { createTinyFoundryProject } from './test/tinyFoundryProject.js'

// The StoryDAO contracts are checked in checkUpgradeSafety.test.ts; a tiny
// project keeps this file from compiling them a second time.
let project: ReturnType<typeof createTinyFoundryProject>
beforeAll(() => {
  project = createTinyFoundryProject()
})
afterAll(() => project.remove())

describe('assertUpgradeSafety', () => {
  test('default', async () => {
    const report = await assertUpgradeSafety({
      root: project.root,
      from: 'contracts/Box.sol:Box',
      to: 'BoxV2',
      kind: 'transparent',
    })
    expect(report).toMatchObject({ ok: true, errors: [], warnings: [] })
  })

  test('error: incompatible storage layout', async () => {
    const error = await assertUpgradeSafety({
      root: project.root,
      from: 'contracts/Box.sol:Box',
      to: 'BoxBad',
      kind: 'transparent',
    }).catch((error: unknown) => error)
    expect(error).toBeInstanceOf(UpgradeSafetyError)
    expect((error as UpgradeSafetyError).report.ok).toBe(false)
    expect(error).toMatchInlineSnapshot(`
      [UpgradeSafetyError: Upgrading contracts/Box.sol:Box to contracts/BoxBad.sol:BoxBad is not safe.

      - contracts/BoxBad.sol:5: Inserted \`owner\`
        > New variables should be placed after all existing inherited variables
      - contracts/BoxBad.sol:6: Layout changed for \`value\` (uint256 -> uint256)
        - Slot changed from 0 to 1

      Hint: Keep every existing state variable in place and append new ones after them (or in a new ERC-7201 namespace); see https://docs.openzeppelin.com/upgrades-plugins/writing-upgradeable.
      Docs: packages/governance/README.md#errors
      Version: @storydao/core@x.y.z]
    `)
  })

  test('error: unsafe implementation', async () => {
    await expect(
      assertUpgradeSafety({
        root: project.root,
        from: 'contracts/Box.sol:Box',
        to: 'BoxImmutable',
        kind: 'transparent',
      }),
    ).rejects.toThrowErrorMatchingInlineSnapshot(`
      [UpgradeSafetyError: Upgrading contracts/Box.sol:Box to contracts/BoxImmutable.sol:BoxImmutable is not safe.

      - contracts/BoxImmutable.sol:6: Variable \`created\` is immutable and will be initialized on the implementation
          If by design, annotate with '@custom:oz-upgrades-unsafe-allow state-variable-immutable'
      Otherwise, consider a constant variable or use a mutable variable instead
          https://zpl.in/upgrades/error-005

      Hint: Fix the findings above in the new implementation, or, for a finding reviewed and accepted, pass its kind in \`unsafeAllow\` (or annotate the code with \`@custom:oz-upgrades-unsafe-allow\`).
      Docs: packages/governance/README.md#errors
      Version: @storydao/core@x.y.z]
    `)
  })
})
