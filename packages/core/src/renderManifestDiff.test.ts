import { describe, expect, test } from 'vitest'
import { diffManifests } from './diffManifests.js'
import { renderManifestDiff } from './renderManifestDiff.js'
import { changedManifest, sampleManifest } from './test/manifests.js'

describe('renderManifestDiff', () => {
  test('default', () => {
    expect(
      renderManifestDiff({
        diff: diffManifests({
          before: sampleManifest(),
          after: changedManifest(),
        }),
      }),
    ).toMatchInlineSnapshot(`
      "## Manifest changes: local (chain 31337)

      ### Contracts

      - Added **Vesting** (\`plain\`, artifact \`Vesting\`) at \`0x0aD48473f19402B5A21FA6e6E476C42026F6c834\`
      - Removed **StoryTimelock** (\`timelock\`) at \`0x571f57699a2BC9e29dF43770FC810C8832f0Ef2A\`
      - Changed **AuthorCoin**:
        - \`implementation\`: \`0x05cC18D2C2BDfd7fA5A6903a819A54405445f856\` → \`0x95F3F2E54e9f4E7FE51E9F59204b8644287FB868\`
      - Changed **StoryDAO**:
        - \`verified\`: set to \`true\`
      - Changed **TreasuryBeacon**:
        - \`implementation\`: \`0x97938B41E9E3ce457fc6F92403eDfe4829D1dE5A\` → \`0x3Ea5b2F5BFf96Aa13372c25e8ED17DAf65e15d6D\`

      ### Implementations

      | Contract | Before | After |
      | --- | --- | --- |
      | AuthorCoin | \`0x05cC18D2C2BDfd7fA5A6903a819A54405445f856\` | \`0x95F3F2E54e9f4E7FE51E9F59204b8644287FB868\` |
      | TreasuryBeacon | \`0x97938B41E9E3ce457fc6F92403eDfe4829D1dE5A\` | \`0x3Ea5b2F5BFf96Aa13372c25e8ED17DAf65e15d6D\` |
      | Treasury (via TreasuryBeacon) | \`0x97938B41E9E3ce457fc6F92403eDfe4829D1dE5A\` | \`0x3Ea5b2F5BFf96Aa13372c25e8ED17DAf65e15d6D\` |

      ### Roles

      - Removed \`timelock\` (was **StoryTimelock**)
      - Changed \`token\`: **AuthorCoin** → **Vesting**

      ### Safes

      - Removed **emergency** at \`0x2A062b09EaBaFe0714406056F84e5634aA355896\`
      - Changed **ops**:
        - threshold: 2 → 3
        - owner added: \`0x1EbDf07C134263b1706a88c3658A0F62051db93E\`
        - owner removed: \`0xAcFB09713f4F9cc14aA498cBf844b94A27DA64FF\`

      ### Upgrades

      - Added \`2026-11-27-treasury-v2\`: **TreasuryBeacon** \`0x97938B41E9E3ce457fc6F92403eDfe4829D1dE5A\` → \`0x3Ea5b2F5BFf96Aa13372c25e8ED17DAf65e15d6D\` (prepared)
      - Changed \`2026-11-26-authorcoin-v2\` (**AuthorCoin**):
        - \`status\`: \`prepared\` → \`executed\`
        - \`executedTx\`: set to \`0xdaa68a937c95af8a149e2e57b203187b2fa64dff9a8248dcc8914b3d979695f1\`
        - \`proposalId\`: set to \`1234567890123456789012345678901234567890\`
      "
    `)
  })

  test('behavior: no changes', () => {
    expect(
      renderManifestDiff({
        diff: diffManifests({
          before: sampleManifest(),
          after: sampleManifest(),
        }),
        title: 'Upgrade 2026-11-26',
        headingLevel: 3,
      }),
    ).toMatchInlineSnapshot(`
      "### Upgrade 2026-11-26

      No changes.
      "
    `)
  })

  test('behavior: notes with backticks and newlines stay one code span', () => {
    const next = sampleManifest()
    next.upgrades![0]!.notes = 'run `cast call`\nthen check'
    expect(
      renderManifestDiff({
        diff: diffManifests({ before: sampleManifest(), after: next }),
      }),
    ).toContain('set to `` run `cast call` then check ``')
  })

  test('error: missing diff', () => {
    // @ts-expect-error plain-JavaScript caller without a diff
    expect(() => renderManifestDiff({})).toThrow(
      expect.objectContaining({ code: 'PARAMETER_MISSING', parameter: 'diff' }),
    )
  })
})
