import type {
  DecodedLog,
  Invariant,
  InvariantResult,
  InvariantValue,
  ReadResult,
} from '../types.js'
import { readKey } from './readState.js'
import { toInvariantValue } from './values.js'

/**
 * @internal Evaluates invariants on values already read: a failed read fails
 * its invariant (naming the read), and so does an `evaluate` that throws.
 */
export function evaluateInvariants(parameters: {
  invariants: readonly Invariant[]
  before: ReadonlyMap<string, ReadResult> | undefined
  after: ReadonlyMap<string, ReadResult>
  logs: readonly DecodedLog[]
}): InvariantResult[] {
  const { before, after, logs } = parameters
  return parameters.invariants.map((invariant) => {
    const entries = Object.entries(invariant.reads)
    const collect = (map: ReadonlyMap<string, ReadResult>) => {
      const values: Record<string, unknown> = {}
      const shown: Record<string, InvariantValue> = {}
      let failure: string | undefined
      for (const [name, read] of entries) {
        const result = map.get(readKey(read))
        if (!result?.ok) {
          failure ??= `${name}: ${result ? result.error : 'not read'}`
          shown[name] = null
          continue
        }
        values[name] = result.value
        shown[name] = toInvariantValue(result.value)
      }
      return { values, shown, failure }
    }
    const now = collect(after)
    const then = before ? collect(before) : undefined
    const base = {
      id: invariant.id,
      name: invariant.name,
      description: invariant.description,
      ...(then ? { before: then.shown } : {}),
      after: now.shown,
    }
    const failure =
      now.failure ?? (invariant.needsBefore ? then?.failure : undefined)
    if (failure !== undefined)
      return {
        ...base,
        ok: false,
        expected: null,
        actual: null,
        message: `Could not read the state this invariant needs (${failure}).`,
      }
    try {
      const outcome = invariant.evaluate({
        before: then?.values,
        after: now.values,
        logs,
      })
      return { ...base, ...outcome }
    } catch (error) {
      return {
        ...base,
        ok: false,
        expected: null,
        actual: null,
        message: `The invariant's check threw: ${error instanceof Error ? error.message : String(error)}`,
      }
    }
  })
}
