import type { StartAnvilParameters } from '../../types/anvil.js'
import type { spawnAnvil } from './spawnAnvil.js'

/** @internal Turns {@link StartAnvilParameters} into anvil's command line. */
export function toSpawnParameters(
  parameters: StartAnvilParameters,
): Parameters<typeof spawnAnvil>[0] {
  const { forkUrl, forkBlockNumber, accounts } = parameters
  return {
    port: parameters.port,
    timeoutMs: parameters.timeoutMs ?? 15_000,
    args: [
      ...(accounts === undefined ? [] : ['--accounts', String(accounts)]),
      ...(forkUrl === undefined
        ? ['--chain-id', String(parameters.chainId ?? 31337)]
        : [
            '--fork-url',
            forkUrl,
            ...(forkBlockNumber === undefined
              ? []
              : ['--fork-block-number', forkBlockNumber.toString()]),
          ]),
      ...(parameters.args ?? []),
    ],
    hint:
      forkUrl === undefined
        ? 'Another process may have taken the port; retry without `port`.'
        : 'Check that the fork URL answers JSON-RPC and that the block exists.',
  }
}
