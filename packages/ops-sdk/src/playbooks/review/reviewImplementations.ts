import { isHexEqual, type Manifest } from '@storydao/core'
import type { Fork, ReportedCall } from '@storydao/invariants'
import { getCanonicalContract } from '@storydao/safe'
import {
  type Address,
  getAddress,
  getContractAddress,
  type Hex,
  isAddressEqual,
  keccak256,
  parseEther,
  slice,
} from 'viem'
import { compareRuntimeBytecode } from '../internal/compareRuntimeBytecode.js'
import { readFoundryArtifact } from '../internal/readFoundryArtifact.js'
import { parseDeploymentNote } from '../internal/upgradeDeployment.js'
import { flatten, labelOf, type ReviewWarning } from './reviewWarnings.js'

/** An implementation an upgrade call in the tree switches a proxy or beacon to. */
type UpgradeTarget = { proxy: string; implementation: Address }

// The argument that names the new implementation, by function: UUPS and
// beacons take it first, a ProxyAdmin second (after the proxy).
const implementationArgument: Record<string, number> = {
  upgradeToAndCall: 0,
  upgradeTo: 0,
  upgradeAndCall: 1,
}

/**
 * @internal Compares the runtime code of every implementation an upgrade in
 * the tree installs with the local forge build of the contract its prepared
 * `upgrades[]` entry names. The code is read on the rehearsal fork: as
 * deployed on chain, or, when the batch itself deploys it with CREATE2, after
 * replaying that deploy there (the deployer is permissionless and the address
 * depends only on salt and init code, so the replay is what the batch puts
 * there). A mismatch is critical: signers would approve code nobody reviewed.
 */
export async function reviewImplementations(
  fork: Fork,
  {
    manifest,
    calls,
    contracts,
  }: { manifest: Manifest; calls: readonly ReportedCall[]; contracts: string },
): Promise<ReviewWarning[]> {
  const warnings: ReviewWarning[] = []
  for (const target of upgradeTargets(calls)) {
    const contract = preparedContract(manifest, target.implementation)
    const subject = `${target.proxy}'s new implementation ${target.implementation}`
    if (!contract) {
      warnings.push({
        severity: 'warning',
        code: 'implementation-unverified',
        message: `${subject} is named by no prepared upgrade in the manifest, so its code was not compared with a local build: check where it comes from.`,
      })
      continue
    }
    const code = await runtimeCode(fork, calls, target.implementation)
    warnings.push(
      await compareWithBuild({ subject, contract, code, contracts }),
    )
  }
  return warnings
}

/** Every (proxy, implementation) an upgrade call in the tree names, once each. */
function upgradeTargets(calls: readonly ReportedCall[]): UpgradeTarget[] {
  const targets = new Map<string, UpgradeTarget>()
  for (const call of flatten(calls)) {
    const position = implementationArgument[call.functionName ?? '']
    const value = position === undefined ? undefined : call.args?.[position]
    if (typeof value?.value !== 'string') continue
    const implementation = getAddress(value.value)
    targets.set(implementation, { proxy: labelOf(call), implementation })
  }
  return [...targets.values()]
}

/** The contract the `upgrades[]` entry with this implementation was prepared from. */
function preparedContract(
  manifest: Manifest,
  implementation: Address,
): string | undefined {
  const entry = (manifest.upgrades ?? []).find((upgrade) =>
    isAddressEqual(upgrade.toImplementation, implementation),
  )
  return parseDeploymentNote(entry?.notes)?.contract
}

/**
 * Whether a call to the CREATE2 deployer creates `address`: its data is the
 * salt then the init code, whether or not the decoder marked it (actions
 * nested in a governor proposal are not).
 */
function deploysTo(call: ReportedCall, address: Address): boolean {
  if (call.create2) return isAddressEqual(call.create2.address, address)
  if (!call.data || call.data.length < 2 + 64 * 2) return false
  return isAddressEqual(
    getContractAddress({
      opcode: 'CREATE2',
      from: call.to,
      salt: slice(call.data, 0, 32),
      bytecode: slice(call.data, 32),
    }),
    address,
  )
}

/**
 * The calldata of a decoded CREATE2 deploy nested in a proposal's actions
 * (reports keep only its salt and init-code hash): the argument bytes
 * anywhere in the tree that are that salt followed by that init code.
 */
function deployData(
  calls: readonly ReportedCall[],
  { create2 }: ReportedCall,
): Hex | undefined {
  if (!create2) return undefined
  const matches = (value: unknown): value is Hex =>
    typeof value === 'string' &&
    /^0x[0-9a-fA-F]*$/.test(value) &&
    value.length > 2 + 64 &&
    isHexEqual(slice(value as Hex, 0, 32), create2.salt) &&
    isHexEqual(keccak256(slice(value as Hex, 32)), create2.initCodeHash)
  const search = (value: unknown): Hex | undefined => {
    if (matches(value)) return value
    if (Array.isArray(value)) {
      for (const item of value) {
        const found = search(item)
        if (found) return found
      }
    }
    return undefined
  }
  for (const call of flatten(calls))
    for (const argument of call.args ?? []) {
      const found = search(argument.value)
      if (found) return found
    }
  return undefined
}

/** The code at the address on the fork, once the deploy of it found in the call tree ran there. */
async function runtimeCode(
  fork: Fork,
  calls: readonly ReportedCall[],
  implementation: Address,
): Promise<Hex | undefined> {
  const existing = await fork.client.getCode({ address: implementation })
  if (existing && existing !== '0x') return existing
  // The deploy may sit at any depth: a batch's own call, or an action of the
  // governor proposal being queued or the timelock operation being scheduled.
  const deploy = flatten(calls).find(
    (call) =>
      getCanonicalContract({ address: call.to })?.kind === 'create2-deployer' &&
      deploysTo(call, implementation),
  )
  const data = deploy ? (deploy.data ?? deployData(calls, deploy)) : undefined
  if (!deploy || !data) return undefined
  // Any funded account can send it; this one exists only on the fork.
  const sender = '0x00000000000000000000000000000000000e2e71' as const
  await fork.client.setBalance({ address: sender, value: parseEther('1') })
  await fork.client.impersonateAccount({ address: sender })
  const hash = await fork.client.sendUnsignedTransaction({
    from: sender,
    to: deploy.to,
    data,
  })
  await fork.client.waitForTransactionReceipt({ hash })
  return fork.client.getCode({ address: implementation })
}

async function compareWithBuild({
  subject,
  contract,
  code,
  contracts,
}: {
  subject: string
  contract: string
  code: Hex | undefined
  contracts: string
}): Promise<ReviewWarning> {
  let artifact: Awaited<ReturnType<typeof readFoundryArtifact>>
  try {
    artifact = await readFoundryArtifact({ project: contracts, contract })
  } catch (error) {
    return {
      severity: 'warning',
      code: 'implementation-unverified',
      message: `${subject} should be ${contract}, but the local build could not be read, so its code was not compared: ${(error as Error).message.split('\n')[0]}`,
    }
  }
  const comparison = compareRuntimeBytecode({ code, artifact })
  if (comparison.status === 'match')
    return {
      severity: 'info',
      code: 'implementation-verified',
      message: `${subject} runs exactly the local forge build of ${artifact.id} (immutables masked).`,
    }
  const why =
    comparison.status === 'no-code'
      ? 'nothing is deployed there, and the batch does not deploy it'
      : comparison.status === 'length-mismatch'
        ? `its runtime code is ${comparison.chainLength} bytes, the local build's ${comparison.buildLength}`
        : `its runtime code differs from the local build from byte ${comparison.firstDifference}`
  return {
    severity: 'critical',
    code: 'implementation-mismatch',
    message: `${subject} is not the local forge build of ${artifact.id}: ${why}. Rebuild with the repository's foundry.toml and review again; if it still differs, do not sign.`,
  }
}
