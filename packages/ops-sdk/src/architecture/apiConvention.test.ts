import { describe, expect, test } from 'vitest'
import {
  conventionViolations,
  type ExportedFunction,
  readUmbrellaApi,
} from './apiConvention.js'

describe('public API convention', () => {
  test('behavior: every exported function of @storydao/ops-sdk follows (client | wallet | service | fork, parameters)', () => {
    const { functions, types } = readUmbrellaApi()
    expect(functions.length).toBeGreaterThan(60)
    expect(functions.flatMap((fn) => conventionViolations(fn, types))).toEqual(
      [],
    )
  }, 120_000)

  test('behavior: the check catches each kind of violation', () => {
    const fn = (parameters: ExportedFunction['parameters']) => ({
      name: 'doThing',
      file: 'x.ts',
      parameters,
    })
    const p = (name: string, type: string) => ({ name, type, optional: false })
    expect(
      conventionViolations(
        fn([
          p('plan', 'SafePlan'),
          p('options', 'DoThingOptions'),
          p('x', 'number'),
        ]),
        new Set(),
      ),
    ).toMatchInlineSnapshot(`
      [
        "doThing (x.ts): takes 3 arguments (at most 2)",
        "doThing (x.ts): first of two arguments is "plan", expected one of client/wallet/service/fork/path/context",
        "doThing (x.ts): second argument is typed "DoThingOptions", expected DoThingParameters",
        "doThing (x.ts): DoThingReturnType is not exported",
        "doThing (x.ts): DoThingErrorType is not exported",
      ]
    `)
    expect(
      conventionViolations(
        fn([p('client', 'Client'), p('parameters', 'DoThingParameters')]),
        new Set(['DoThingParameters', 'DoThingReturnType', 'DoThingErrorType']),
      ),
    ).toEqual([])
  })
})
