import { type LocalAccount, privateKeyToAccount } from 'viem/accounts'
import { createEmergencyRpc } from '../../playbooks/emergency/createEmergencyRpc.js'
import { fireEmergencyLane } from '../../playbooks/emergency/fireEmergencyLane.js'
import {
  anvilFirstDevKey,
  localChainId,
} from '../../playbooks/internal/anvilDevAccounts.js'
import { CliUsageError } from '../cliUsageError.js'
import { readEmergencyLanesInput } from '../emergencyLanesInput.js'
import { createOutput } from '../output.js'
import type { CommandInvocation } from '../types.js'
import { stringOption } from '../values.js'

// Break glass: this module imports viem and small local modules only (no
// @storydao package, no manifest), so the pause is on its way within
// milliseconds of node starting. Errors load their classes lazily.

/** `storydao-ops emergency fire [--target <name> | --all]`. */
export async function run(invocation: CommandInvocation): Promise<number> {
  const output = createOutput(
    { json: invocation.values.json === true },
    invocation.streams,
  )
  const target = targetOption(invocation)
  const { file, rpcUrl } = await readEmergencyLanesInput(invocation)
  const account = await senderOf(invocation, file.chainId)
  output.step(
    `Fire the ${target ?? 'all'} lane of the emergency Safe ${file.safe} from ${account.address}`,
  )
  const fired = await fireEmergencyLane(createEmergencyRpc({ rpcUrl }), {
    file,
    target,
    account,
  })
  output.result({ ok: true, ...fired }, [
    `Fired lane ${fired.lane}: ${fired.paused.join(', ')} paused.`,
    `  Safe ${fired.safe}, nonce ${fired.nonce}, safeTxHash ${fired.safeTxHash}`,
    `  Transaction ${fired.transactionHash} (block ${fired.blockNumber}), sent by ${fired.executor}`,
    `  Signed by ${fired.signers.join(', ')}`,
    'Next: storydao-ops emergency status, then re-arm with storydao-ops emergency prepare.',
  ])
  // Loaded only when asked: the incident log is written after the pause.
  if (invocation.values.incident !== undefined) {
    const { recordForIncident } = await import('../recordForIncident.js')
    await recordForIncident(invocation, output, {
      summary: `Emergency lane ${fired.lane} fired: ${fired.paused.join(', ')} paused`,
      details: [
        `Transaction ${fired.transactionHash} (block ${fired.blockNumber})`,
        `safeTxHash ${fired.safeTxHash}`,
      ],
    })
  }
  return 0
}

function targetOption(invocation: CommandInvocation): string | undefined {
  const target = stringOption(invocation, 'target')
  if (target !== undefined && invocation.values.all === true)
    throw new CliUsageError({
      message: 'Pass --target <name> or --all, not both.',
      command: 'emergency fire',
    })
  return target
}

async function senderOf(
  invocation: CommandInvocation,
  chainId: number,
): Promise<LocalAccount> {
  const variable = stringOption(invocation, 'signer-env')
  if (!variable) {
    if (chainId === localChainId) return privateKeyToAccount(anvilFirstDevKey)
    throw new CliUsageError({
      message: `emergency fire needs --signer-env <VAR> on chain ${chainId}: a funded account to pay the gas.`,
      hint: 'Any funded key works (not necessarily an owner): storydao-ops emergency fire --signer-env RELAYER_KEY',
      command: 'emergency fire',
    })
  }
  const key = invocation.env[variable]?.trim()
  const normalized = key && (key.startsWith('0x') ? key : `0x${key}`)
  if (normalized && /^0x[0-9a-fA-F]{64}$/.test(normalized))
    return privateKeyToAccount(normalized as `0x${string}`)
  const { SignerEnvMissingError, SignerKeyInvalidError } = await import(
    '../../errors/context.js'
  )
  throw key
    ? new SignerKeyInvalidError({ variable })
    : new SignerEnvMissingError({ variable })
}
