import { expect, test } from 'vitest'

test('exports', async () => {
  expect(Object.keys(await import('./index.js'))).toMatchInlineSnapshot(`
    [
      "assertInvariants",
      "assertSafePlan",
      "checkInvariants",
      "checkSafePlan",
      "createFork",
      "diffStateSnapshots",
      "ForkError",
      "InvalidStateReadError",
      "InvariantViolationError",
      "MissingBaselineError",
      "SimulationError",
      "getDefaultInvariants",
      "playbookActions",
      "getFreePort",
      "getStateSnapshot",
      "balanceChangedBy",
      "balanceUnchanged",
      "beaconImplementationIs",
      "capUnchanged",
      "custom",
      "hasRole",
      "implementationIs",
      "isNotPaused",
      "isPaused",
      "lacksRole",
      "noUnexpectedRoleChanges",
      "pausedUnchanged",
      "safeOwnersAndThresholdUnchanged",
      "supplyUnchanged",
      "supplyWithinCap",
      "timelockMinDelayAtLeast",
      "timelockOperationIs",
      "readInvariantState",
      "renderReport",
      "simulateSafePlan",
      "startAnvil",
    ]
  `)
})
