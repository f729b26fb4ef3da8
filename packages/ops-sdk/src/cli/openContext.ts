import {
  createOpsContext,
  type OpsContext,
} from '../playbooks/createOpsContext.js'
import type { CommandInvocation } from './types.js'
import { stringOption } from './values.js'

/** @internal The ops context for a command's `--network`, `--root` and `--signer-env`. */
export function openContext(
  invocation: CommandInvocation,
): Promise<OpsContext> {
  return createOpsContext({
    network: stringOption(invocation, 'network') ?? 'local',
    root: invocation.cwd,
    env: invocation.env,
    signerEnv: stringOption(invocation, 'signer-env'),
  })
}
