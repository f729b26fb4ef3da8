import { MissingParameterError } from '@storydao/core'
import { version } from '../errors/version.js'
import type { Fork } from '../types/fork.js'

/**
 * @internal Throws a typed error when a plain-JavaScript caller passes no
 * fork (or something without a client) as the first argument.
 */
export function assertFork(
  functionName: string,
  fork: Fork | undefined | null,
): asserts fork is Fork {
  if (!fork || typeof fork !== 'object' || !fork.client)
    throw new MissingParameterError({
      functionName,
      parameter: 'fork',
      expected: 'a Fork from createFork(…)',
      version,
    })
}
