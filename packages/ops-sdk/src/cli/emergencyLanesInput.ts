import { readFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import type { EmergencyLanesFile } from '../playbooks/emergency/emergencyLanes.js'
import { parseEmergencyLanes } from '../playbooks/emergency/parseEmergencyLanes.js'
import type { CommandInvocation } from './types.js'
import { stringOption } from './values.js'

// `emergency fire` and `status` read the lanes file and one RPC URL, nothing
// more: no manifest, no zod, no SDK packages (they must start in a blink).

/** @internal The lanes file of `--lanes` (default the network's) and the RPC URL to use with it. */
export async function readEmergencyLanesInput(
  invocation: CommandInvocation,
): Promise<{ path: string; file: EmergencyLanesFile; rpcUrl: string }> {
  const network = stringOption(invocation, 'network')
  const lanesOption = stringOption(invocation, 'lanes')
  const networks = await readNetworks(invocation.cwd)
  const name = network ?? 'local'
  if (network !== undefined || lanesOption === undefined)
    await networkEntry(networks, name)
  const path = lanesOption
    ? resolve(invocation.cwd, lanesOption)
    : join(invocation.cwd, 'safe-transactions', name, 'emergency-lanes.json')
  let text: string
  try {
    text = await readFile(path, 'utf8')
  } catch (cause) {
    const { EmergencyLanesNotFoundError } = await import(
      '../errors/emergency.js'
    )
    throw new EmergencyLanesNotFoundError({ path, cause })
  }
  const file = await parseEmergencyLanes({ text, path })
  const entry = await networkEntry(networks, file.network)
  if (network !== undefined && network !== file.network) {
    const { EmergencyChainMismatchError } = await import(
      '../errors/emergency.js'
    )
    throw new EmergencyChainMismatchError({
      message: `The lanes file ${path} is for ${file.network}, not ${network}.`,
      details: [`Safe ${file.safe}, chain ${file.chainId}`],
    })
  }
  const fromEnv = entry.rpcEnv
    ? invocation.env[entry.rpcEnv]?.trim()
    : undefined
  const rpcUrl = fromEnv || entry.defaultRpcUrl
  if (!rpcUrl) {
    const { EmergencyNetworkUnknownError } = await import(
      '../errors/emergency.js'
    )
    throw new EmergencyNetworkUnknownError({
      message: `No RPC URL for ${file.network}: set ${entry.rpcEnv ?? 'its rpcEnv variable'}.`,
      known: Object.keys(networks),
    })
  }
  return { path, file, rpcUrl }
}

type NetworkEntry = { rpcEnv?: string; defaultRpcUrl?: string | null }

async function readNetworks(
  cwd: string,
): Promise<Record<string, NetworkEntry>> {
  const path = join(cwd, 'deployments', 'networks.json')
  try {
    const parsed = JSON.parse(await readFile(path, 'utf8')) as {
      networks?: Record<string, NetworkEntry>
    }
    if (parsed && typeof parsed.networks === 'object' && parsed.networks)
      return parsed.networks
  } catch {
    // Reported below as an unknown network with nothing known.
  }
  return {}
}

async function networkEntry(
  networks: Record<string, NetworkEntry>,
  name: string,
): Promise<NetworkEntry> {
  const entry = Object.hasOwn(networks, name) ? networks[name] : undefined
  if (entry && typeof entry === 'object') return entry
  const { EmergencyNetworkUnknownError } = await import(
    '../errors/emergency.js'
  )
  throw new EmergencyNetworkUnknownError({
    message: `Unknown network "${name}" (deployments/networks.json).`,
    known: Object.keys(networks),
  })
}
