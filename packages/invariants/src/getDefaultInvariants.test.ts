import { type LocalStack, startLocalStack } from '@storydao/testkit'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import {
  getDefaultInvariants,
  playbookActions,
} from './getDefaultInvariants.js'
import './test/helpers.js'

let stack: LocalStack

beforeAll(async () => {
  stack = await startLocalStack()
})

afterAll(async () => {
  await stack?.stop()
})

describe('getDefaultInvariants', () => {
  test('default', () => {
    expect(
      getDefaultInvariants({ manifest: stack.manifest, action: 'pause' }).map(
        (invariant) => invariant.description,
      ),
    ).toMatchInlineSnapshot(`
      [
        "ops Safe: owners and threshold unchanged",
        "emergency Safe: owners and threshold unchanged",
        "StoryTimelock: getMinDelay() ≥ its value before",
        "AuthorCoin: totalSupply() ≤ cap()",
        "AuthorCoin: cap() unchanged",
        "AuthorCoin: implementation is 0x0B306BF915C4d645ff596e518fAf3F9669b97016",
        "TreasuryBeacon: implementation() is 0xA51c1fc2f0D1a1b8494Ed1FE312d7C3a78Ed91C0",
        "No unexpected role changes on AuthorCoin, StoryTimelock",
        "AuthorCoin: totalSupply() unchanged",
        "Treasury: ETH balance unchanged",
        "Treasury: AuthorCoin balance unchanged",
        "StoryTimelock: ETH balance unchanged",
        "StoryTimelock: AuthorCoin balance unchanged",
        "ops Safe: ETH balance unchanged",
        "ops Safe: AuthorCoin balance unchanged",
        "emergency Safe: ETH balance unchanged",
        "emergency Safe: AuthorCoin balance unchanged",
        "AuthorCoin: paused() is true",
      ]
    `)
  })

  test('behavior: each action adds its own invariants to the common ones', () => {
    const { manifest } = stack
    const names = Object.fromEntries(
      playbookActions.map((action) => [
        action,
        getDefaultInvariants({
          manifest,
          action,
          operationIds: [
            '0x1111111111111111111111111111111111111111111111111111111111111111',
          ],
          upgrade: {
            contract: 'Treasury',
            implementation: stack.accounts.stranger.address,
          },
        })
          .map((invariant) => invariant.name)
          .filter((name, index, all) => all.indexOf(name) === index),
      ]),
    )
    expect(names).toMatchInlineSnapshot(`
      {
        "pause": [
          "safeOwnersAndThresholdUnchanged",
          "timelockMinDelayAtLeast",
          "supplyWithinCap",
          "capUnchanged",
          "implementationIs",
          "beaconImplementationIs",
          "noUnexpectedRoleChanges",
          "supplyUnchanged",
          "balanceUnchanged",
          "isPaused",
        ],
        "role-change": [
          "safeOwnersAndThresholdUnchanged",
          "timelockMinDelayAtLeast",
          "supplyWithinCap",
          "capUnchanged",
          "implementationIs",
          "beaconImplementationIs",
          "noUnexpectedRoleChanges",
          "supplyUnchanged",
          "balanceUnchanged",
          "pausedUnchanged",
        ],
        "timelock-cancel": [
          "safeOwnersAndThresholdUnchanged",
          "timelockMinDelayAtLeast",
          "supplyWithinCap",
          "capUnchanged",
          "implementationIs",
          "beaconImplementationIs",
          "noUnexpectedRoleChanges",
          "supplyUnchanged",
          "balanceUnchanged",
          "pausedUnchanged",
          "timelockOperationIs",
        ],
        "timelock-schedule": [
          "safeOwnersAndThresholdUnchanged",
          "timelockMinDelayAtLeast",
          "supplyWithinCap",
          "capUnchanged",
          "implementationIs",
          "beaconImplementationIs",
          "noUnexpectedRoleChanges",
          "supplyUnchanged",
          "balanceUnchanged",
          "pausedUnchanged",
          "timelockOperationIs",
        ],
        "treasury-transfer": [
          "safeOwnersAndThresholdUnchanged",
          "timelockMinDelayAtLeast",
          "supplyWithinCap",
          "capUnchanged",
          "implementationIs",
          "beaconImplementationIs",
          "noUnexpectedRoleChanges",
          "supplyUnchanged",
          "balanceChangedBy",
          "pausedUnchanged",
        ],
        "unpause": [
          "safeOwnersAndThresholdUnchanged",
          "timelockMinDelayAtLeast",
          "supplyWithinCap",
          "capUnchanged",
          "implementationIs",
          "beaconImplementationIs",
          "noUnexpectedRoleChanges",
          "supplyUnchanged",
          "balanceUnchanged",
          "isNotPaused",
        ],
        "upgrade": [
          "safeOwnersAndThresholdUnchanged",
          "timelockMinDelayAtLeast",
          "supplyWithinCap",
          "capUnchanged",
          "implementationIs",
          "beaconImplementationIs",
          "noUnexpectedRoleChanges",
          "supplyUnchanged",
          "balanceUnchanged",
          "pausedUnchanged",
        ],
      }
    `)
    // An upgrade of a beacon proxy is checked on its beacon.
    const upgrade = getDefaultInvariants({
      manifest,
      action: 'upgrade',
      upgrade: {
        contract: 'Treasury',
        implementation: stack.accounts.stranger.address,
      },
    })
    expect(
      upgrade.find((invariant) => invariant.name === 'beaconImplementationIs')
        ?.description,
    ).toBe(
      `TreasuryBeacon: implementation() is ${stack.accounts.stranger.address}`,
    )
    // Ids are unique within a set.
    for (const action of playbookActions) {
      const ids = getDefaultInvariants({ manifest, action }).map(
        (invariant) => invariant.id,
      )
      expect(new Set(ids).size).toBe(ids.length)
    }
  })

  test('error: unknown action or upgrade target', () => {
    expect(() =>
      getDefaultInvariants({
        manifest: stack.manifest,
        action: 'mint' as never,
      }),
    ).toThrowErrorMatchingInlineSnapshot(`
      [UnknownPlaybookActionError: Unknown playbook action "mint".

      Hint: Use one of: pause, unpause, upgrade, timelock-cancel, timelock-schedule, role-change, treasury-transfer.
      Docs: packages/invariants/README.md#getdefaultinvariants
      Version: @storydao/core@x.y.z]
    `)
    expect(() =>
      getDefaultInvariants({
        manifest: stack.manifest,
        action: 'upgrade',
        upgrade: {
          contract: 'Nope',
          implementation: stack.accounts.stranger.address,
        },
      }),
    ).toThrowErrorMatchingInlineSnapshot(`
      [UnknownUpgradeTargetError: Upgrade target "Nope" is not in the manifest.

      Hint: Name one of: AuthorCoin, StoryTimelock, StoryDAO, TreasuryBeacon, Treasury.
      Docs: packages/invariants/README.md#getdefaultinvariants
      Version: @storydao/core@x.y.z]
    `)
  })
})
