import type { ManifestRoles } from '@storydao/core'
import type { Release } from '@storydao/governance'
import type { Address, Hex } from 'viem'
import type { RuntimeBytecodeComparison } from '../playbooks/internal/compareRuntimeBytecode.js'

/** Kinds a release entry may be recorded as in the manifest. */
export type ReleaseManifestKind =
  | 'uups-proxy'
  | 'beacon'
  | 'beacon-proxy'
  | 'timelock'
  | 'governor'
  | 'plain'

/** What the manifest records for one release entry, references still by name. */
export type ReleaseManifestEntry = {
  kind: ReleaseManifestKind
  /** The artifact whose ABI the address speaks (a proxy's: its implementation's). */
  artifact: string
  /** `uups-proxy` / `beacon`: the release entry or manifest contract that is the implementation. */
  implementation?: string | undefined
  /** `beacon-proxy`: the release entry or manifest contract that is its beacon. */
  beacon?: string | undefined
}

/** One release entry as the file declares it, its artifact read from the Foundry build. */
export type ReleaseFileEntry = {
  name: string
  /** The forge artifact the creation bytecode comes from (`File.sol:Name`). */
  artifactId: string
  /** Creation bytecode of the artifact. */
  bytecode: Hex
  /** Written to the manifest at record time; undefined for helpers such as implementations. */
  manifest: ReleaseManifestEntry | undefined
  /** Release entries this one needs (constructor references and manifest references). */
  references: string[]
}

/** A release file, loaded and checked against the Foundry build. */
export type ReleaseFile = {
  /** `name` of the file (the change record and the verification notes are named after it). */
  name: string
  description: string | undefined
  /** The absolute path it was read from. */
  path: string
  /** Ready for `buildRelease` (big integers converted, ABIs attached). */
  release: Release
  entries: ReleaseFileEntry[]
  /** Roles the manifest gets at record time. */
  roles: Partial<ManifestRoles>
}

/** One contract a pending deployment will create. */
export type PendingDeploymentEntry = {
  name: string
  /** Forge artifact id (`File.sol:Name`) its runtime code is compared with. */
  artifactId: string
  address: Address
  salt: Hex
  initCodeHash: Hex
  /** ABI-encoded constructor arguments (what explorers ask for). */
  constructorArgs: Hex
  /** The manifest entry to write, references resolved; undefined for helpers. */
  manifest:
    | {
        kind: ReleaseManifestKind
        artifact: string
        implementation?: Address | undefined
        beacon?: Address | undefined
      }
    | undefined
}

/**
 * What `deploy` leaves next to the Transaction Builder file, for `record` to
 * find by safeTxHash after the execution.
 */
export type PendingDeployment = {
  format: 'storydao-ops/pending-deployment@1'
  release: string
  /** The release file, relative to the repository root. */
  releaseFile: string
  network: string
  chainId: number
  safe: Address
  safeTxHash: Hex
  nonce: string
  /** A block at or before the proposal; the execution is searched from there. */
  fromBlock: string
  createdAt: string
  deployments: PendingDeploymentEntry[]
  roles: Partial<ManifestRoles>
  /** Release entries left out because the manifest already has them. */
  skipped: string[]
  files: { transactionBuilder: string; report: string }
}

/** What an explorer needs to verify one contract. */
export type VerificationInput = {
  name: string
  address: Address
  /** `src/token/AuthorCoin.sol:AuthorCoin`, as forge and explorers name it. */
  contract: string
  compilerVersion: string
  optimizerRuns: number | undefined
  evmVersion: string | undefined
  constructorArgs: Hex
  /** The `forge verify-contract` command line, run from the Foundry project. */
  command: string
}

/** One deployed contract as the change record lists it. */
export type RecordedContract = {
  name: string
  address: Address
  artifactId: string
  /** The manifest kind, or undefined for an implementation the manifest does not list. */
  kind: string | undefined
  bytecode: RuntimeBytecodeComparison
}

/** A contract `record` found deployed: its bytecode comparison and explorer verification input. */
export type DeployedContract = RecordedContract & {
  verification: VerificationInput
}
