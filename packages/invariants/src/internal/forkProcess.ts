import type { AnvilProcess } from './anvil/spawnAnvil.js'

// Kept off the public Fork object: a Fork stays a plain, printable value, and
// only this package needs to ask whether its anvil is still alive.
const processes = new WeakMap<object, AnvilProcess>()

/** @internal Remembers which anvil process serves a fork. */
export function registerForkProcess(fork: object, anvil: AnvilProcess): void {
  processes.set(fork, anvil)
}

/** @internal The anvil process behind a fork made by `createFork`. */
export function getForkProcess(fork: object): AnvilProcess | undefined {
  return processes.get(fork)
}
