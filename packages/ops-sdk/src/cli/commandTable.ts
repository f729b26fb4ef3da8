import type { CommandOption, CommandSpec } from './types.js'

// The command table is read on every start-up, `--help` included, so it holds
// only strings and lazy loaders: importing it must not load any SDK code.

/** @internal Options every command understands. */
export const globalOptions = {
  network: {
    type: 'string',
    short: 'n',
    value: '<name>',
    description:
      'network: deployments/<name>.json and its deployments/networks.json entry (default: local)',
  },
  root: {
    type: 'string',
    value: '<dir>',
    description:
      'repository root holding deployments/ (default: the current folder)',
  },
  json: {
    type: 'boolean',
    description: 'print one JSON object on stdout and nothing else there',
  },
  incident: {
    type: 'string',
    value: '<slug>',
    description:
      'append what the command did to this open incident log (docs/operations/incident-log/)',
  },
  help: { type: 'boolean', short: 'h', description: 'show this help' },
} as const satisfies Record<string, CommandOption>

/** @internal `--signer-env`, shared by every command that signs. */
export const signerEnvOption: CommandOption = {
  type: 'string',
  value: '<VAR>',
  description:
    "environment variable holding an owner's private key (never a flag value; local uses anvil's dev keys)",
}

/** @internal Every command of `storydao-ops`, in the order `--help` lists them. */
export const commands: readonly CommandSpec[] = [
  {
    words: ['validate'],
    summary:
      'check the manifest against the chain: code, proxy slots, Safes, role wiring',
    usage: 'storydao-ops validate [--network <name>]',
    description:
      "The seed's config:validate. Loads deployments/<name>.json (schema and references) and its networks.json entry, checks the RPC's chain, then code at every address, EIP-1967 slots, Safe owners and threshold, and the role wiring: the ops Safe (and governor) as timelock proposer/executor/canceller, the emergency Safe as canceller and AuthorCoin pauser, the timelock admin renounced by its deployer. One line per finding with its hint; exit 1 on any error.",
    options: {},
    examples: [
      'storydao-ops validate --network sepolia',
      'storydao-ops validate --network mainnet --json | jq ".findings"',
    ],
    load: () => import('./commands/validate.js'),
  },
  {
    words: ['deploy'],
    summary:
      'plan a release file as one ops-Safe batch (CREATE2, rehearsed, Transaction Builder file, --propose)',
    usage:
      'storydao-ops deploy --release <file> [--fresh] [--contracts <dir>] [--propose --signer-env <VAR>]',
    description:
      'The seed\'s deploy-core / deploy-timelock, "if missing". Reads the release file (contracts by forge artifact, salts, constructor arguments, calls, what the manifest records), skips the entries deployments/<network>.json already has (--fresh refuses instead, exit 2), predicts every CREATE2 address, checks the CREATE2 deployer and that the addresses are free, snapshots the manifest to deployments/archive/, and builds one ops-Safe transaction: rehearsed on a fork, written as a Transaction Builder file and report under safe-transactions/<network>/ with a pending-deployment record next to them, and with --propose queued on the Safe Transaction Service. Exit 0 also when there is nothing left to deploy.',
    options: {
      release: {
        type: 'string',
        value: '<file>',
        description:
          'the release file (e.g. deployments/releases/storydao.json)',
      },
      fresh: {
        type: 'boolean',
        description:
          'refuse (exit 2) when the manifest already has any contract of the release',
      },
      contracts: {
        type: 'string',
        value: '<dir>',
        description:
          'the Foundry project, built with forge build (default <root>/contracts)',
      },
      propose: {
        type: 'boolean',
        description:
          'send it to the Safe Transaction Service, signed by an owner',
      },
      'signer-env': signerEnvOption,
    },
    examples: [
      'storydao-ops deploy --network sepolia --release deployments/releases/storydao.json --propose --signer-env OPS_KEY',
      'storydao-ops deploy --release deployments/releases/storydao.json --fresh --json',
    ],
    load: () => import('./commands/deploy.js'),
  },
  {
    words: ['record'],
    summary:
      'after the execution: manifest, frontend artefacts, bytecode check, verification commands, change record',
    usage:
      'storydao-ops record --safe-tx <safeTxHash> [--frontend <path>] [--contracts <dir>]',
    description:
      "Finds the ops Safe's execution of a deployment planned by storydao-ops deploy (its ExecutionSuccess log; exit 1 when not executed yet, 2 for a hash with no pending deployment), checks code at every predicted address, writes the contracts, their deployment block and transaction and the release's roles into deployments/<network>.json (archived, atomic), the frontend artefacts (frontend/lib/contracts/<network>.json), the forge verify-contract commands (deployments/verification/<network>/<release>.md) and each contract's solc standard-JSON input beside them and the change record docs/operations/changes/<date>-<network>-<release>.md. Compares every new contract's runtime bytecode with the local build (immutables masked): a mismatch exits 1, after the files are written (the chain is the truth).",
    options: {
      'safe-tx': {
        type: 'string',
        value: '<safeTxHash>',
        description: 'the safeTxHash storydao-ops deploy printed',
      },
      frontend: {
        type: 'string',
        value: '<path>',
        description:
          'where the frontend artefacts go (default frontend/lib/contracts/<network>.json)',
      },
      contracts: {
        type: 'string',
        value: '<dir>',
        description:
          'the Foundry project the bytecode is compared with (default <root>/contracts)',
      },
    },
    examples: [
      'storydao-ops record --network sepolia --safe-tx 0x8c1f…e2',
      'storydao-ops record --safe-tx 0x8c1f…e2 --frontend ../app/src/contracts.json --json',
    ],
    load: () => import('./commands/record.js'),
  },
  {
    words: ['check'],
    summary: 'post-deploy smoke check: validate + the live-state invariants',
    usage: 'storydao-ops check [--network <name>]',
    description:
      'Runs validate, then the default invariants that hold without a transaction (supply within the cap, every proxy and beacon on the implementation the manifest records). Exit 1 when anything fails.',
    options: {},
    examples: ['storydao-ops check --network sepolia'],
    load: () => import('./commands/check.js'),
  },
  {
    words: ['upgrade', 'prepare'],
    summary:
      'check upgrade safety, compute the CREATE2 implementation and record a prepared upgrades[] entry',
    usage:
      "storydao-ops upgrade prepare --target <name> --to <contract> [--call '<fn(args)>'] [--id <id>] [--contracts <dir>]",
    description:
      'Checks the storage layout and upgrade safety of the new implementation (OpenZeppelin upgrades-core; exit 1 when unsafe), computes its CREATE2 address and deploy call from the Foundry build (contracts/out), and adds an upgrades[] entry with status prepared, the expected implementation and the upgrade calldata to deployments/<network>.json (the previous version is archived). Nothing is sent to the chain.',
    options: {
      target: {
        type: 'string',
        value: '<name>',
        description:
          'the manifest contract to upgrade (a UUPS or transparent proxy, or a beacon)',
      },
      to: {
        type: 'string',
        value: '<contract>',
        description:
          'the new implementation: a contract of the Foundry build (Name or File.sol:Name)',
      },
      call: {
        type: 'string',
        value: "'<fn(args)>'",
        description:
          'a call run on the proxy right after the upgrade, e.g. initializeV2(1000)',
      },
      from: {
        type: 'string',
        value: '<contract>',
        description:
          "the current implementation's contract (default: the manifest entry's artifact)",
      },
      id: {
        type: 'string',
        value: '<id>',
        description: 'the upgrade id (default <date>-<target>-<to>)',
      },
      contracts: {
        type: 'string',
        value: '<dir>',
        description:
          'the Foundry project, built with forge build (default <root>/contracts)',
      },
    },
    examples: [
      "storydao-ops upgrade prepare --target AuthorCoin --to AuthorCoinV2 --call 'initializeV2(1000000000000000000000000)' --network sepolia",
      'storydao-ops upgrade prepare --target AuthorCoin --to AuthorCoinV2 --id authorcoin-v2 --json',
    ],
    load: () => import('./commands/upgradePrepare.js'),
  },
  {
    words: ['upgrade', 'propose'],
    summary:
      'timelock: one ops-Safe batch that deploys and schedules the upgrade; governor: the ops-Safe transaction proposing it to StoryDAO, the rehearsed rollback and the forum draft',
    usage:
      'storydao-ops upgrade propose --id <upgrade> --via timelock|governor [--delay <s>] [--nonce next|<n>] [--propose --signer-env <VAR>]',
    description:
      'Builds one ops-Safe transaction (a MultiSendCallOnly batch) that deploys the prepared implementation with CREATE2 and schedules upgradeToAndCall on the timelock, rehearses it on a fork with the timelock-schedule invariants, writes the Transaction Builder file and report under safe-transactions/<network>/, and with --propose queues it on the Safe Transaction Service. The manifest entry becomes proposed, with the safeTxHash and the timelock operation id. --via governor instead builds the StoryDAO propose call (deploy + upgrade, run by the timelock) as one ops-Safe transaction, rehearsed on a fork (the proposal must then be Pending under the printed proposal id), written as a Transaction Builder file and with --propose queued on the Safe Transaction Service; it also prints the raw calldata for any other proposer. It rehearses the rollback on a fork now (the upgrade run as the timelock, then the reverse upgrade, then the upgrade invariants for the old implementation) and writes the result into the forum draft docs/operations/proposals/<id>.md. The manifest entry records the proposal id and becomes proposed with the safeTxHash. Exit 1 when either rehearsal fails (then nothing is proposed and the draft says so).',
    options: {
      id: {
        type: 'string',
        value: '<upgrade>',
        description: 'the upgrade id written by "upgrade prepare"',
      },
      via: {
        type: 'string',
        value: 'timelock',
        description:
          'the route: timelock (the ops Safe is the timelock proposer; default) or governor (a StoryDAO vote, proposed by the ops Safe or any account with votes)',
      },
      delay: {
        type: 'string',
        value: '<s>',
        description:
          "the timelock delay in seconds (default: the timelock's minimum)",
      },
      nonce: {
        type: 'string',
        value: 'next|<n>',
        description:
          'ops Safe nonce: next free (default) or a queued one to replace',
      },
      contracts: {
        type: 'string',
        value: '<dir>',
        description:
          'the Foundry project, built with forge build (default <root>/contracts)',
      },
      propose: {
        type: 'boolean',
        description:
          'send it to the Safe Transaction Service, signed by an owner',
      },
      'signer-env': signerEnvOption,
    },
    examples: [
      'storydao-ops upgrade propose --id 2026-12-05-authorcoin-authorcoinv2 --via timelock --network sepolia --propose --signer-env OPS_KEY',
      'storydao-ops upgrade propose --id 2026-12-05-authorcoin-authorcoinv2 --via governor --network sepolia --propose --signer-env OPS_KEY',
      'storydao-ops upgrade propose --id authorcoin-v2 --via governor --json',
    ],
    load: () => import('./commands/upgradePropose.js'),
  },
  {
    words: ['upgrade', 'queue'],
    summary:
      'governor: the ops-Safe transaction queueing a succeeded proposal; both routes: record the upgrade queued once it is on the timelock',
    usage:
      'storydao-ops upgrade queue --id <upgrade> [--nonce next|<n>] [--propose --signer-env <VAR>]',
    description:
      "Governor route (the entry has a proposalId): refuses (exit 1) unless the StoryDAO proposal's state is Succeeded, naming the state and, while Pending or Active, when voting ends; then builds one ops-Safe transaction calling the governor's queue, rehearsed on a fork with the timelock-schedule invariants, written as a Transaction Builder file under safe-transactions/<network>/ and with --propose queued on the Safe Transaction Service. Timelock route: upgrade propose already scheduled the operation, so nothing is signed (exit 0; exit 1 while the propose Safe transaction is not executed). On both routes, once the chain shows the operation on the timelock, the manifest entry becomes queued with its operation id and the time it becomes executable is printed.",
    options: {
      id: {
        type: 'string',
        value: '<upgrade>',
        description: 'the upgrade id',
      },
      nonce: {
        type: 'string',
        value: 'next|<n>',
        description:
          'ops Safe nonce: next free (default) or a queued one to replace',
      },
      contracts: {
        type: 'string',
        value: '<dir>',
        description:
          'the Foundry project, built with forge build (default <root>/contracts)',
      },
      propose: {
        type: 'boolean',
        description:
          'send it to the Safe Transaction Service, signed by an owner',
      },
      'signer-env': signerEnvOption,
    },
    examples: [
      'storydao-ops upgrade queue --id 2026-12-05-authorcoin-authorcoinv2 --network sepolia --propose --signer-env OPS_KEY',
      'storydao-ops upgrade queue --id authorcoin-v2 --json',
    ],
    load: () => import('./commands/upgradeQueue.js'),
  },
  {
    words: ['upgrade', 'execute'],
    summary:
      'the ops-Safe transaction that executes a queued upgrade once the timelock delay has passed',
    usage:
      'storydao-ops upgrade execute --id <upgrade> [--nonce next|<n>] [--propose --signer-env <VAR>]',
    description:
      "Refuses (exit 1) before the timelock delay has passed, with the time left and when it becomes executable. Then builds one ops-Safe transaction calling the governor's execute (governor route) or the timelock's execute (timelock route), rehearsed on a fork with the upgrade invariants (the proxy on its new implementation; supply, balances, pause flags and roles unchanged), written as a Transaction Builder file under safe-transactions/<network>/ and with --propose queued on the Safe Transaction Service. Once executed, run upgrade validate.",
    options: {
      id: {
        type: 'string',
        value: '<upgrade>',
        description: 'the upgrade id',
      },
      nonce: {
        type: 'string',
        value: 'next|<n>',
        description:
          'ops Safe nonce: next free (default) or a queued one to replace',
      },
      contracts: {
        type: 'string',
        value: '<dir>',
        description:
          'the Foundry project, built with forge build (default <root>/contracts)',
      },
      propose: {
        type: 'boolean',
        description:
          'send it to the Safe Transaction Service, signed by an owner',
      },
      'signer-env': signerEnvOption,
    },
    examples: [
      'storydao-ops upgrade execute --id 2026-12-05-authorcoin-authorcoinv2 --network sepolia --propose --signer-env OPS_KEY',
      'storydao-ops upgrade execute --id authorcoin-v2 --json',
    ],
    load: () => import('./commands/upgradeExecute.js'),
  },
  {
    words: ['upgrade', 'validate'],
    summary:
      'check an executed upgrade on chain, append it to the upgrade log and mark it executed',
    usage: 'storydao-ops upgrade validate --id <upgrade> [--contracts <dir>]',
    description:
      "Checks that the timelock executed the upgrade's operation, that the proxy (or beacon) logged Upgraded naming the new implementation since the operation was scheduled, that the EIP-1967 slot (or the beacon's implementation()) holds it, that its runtime code matches the local forge build (immutables masked), and the post-upgrade invariants (supply within the cap; Treasury, timelock and Safe balances and pause flags unchanged across the execution block; every proxy on its recorded implementation). When all pass, appends an entry to docs/operations/upgrade-log.md and marks the manifest entry executed with the contract's new implementation; exit 1 and nothing written when a check fails.",
    options: {
      id: {
        type: 'string',
        value: '<upgrade>',
        description: 'the upgrade id',
      },
      contracts: {
        type: 'string',
        value: '<dir>',
        description:
          'the Foundry project, built with forge build (default <root>/contracts)',
      },
    },
    examples: [
      'storydao-ops upgrade validate --id 2026-12-05-authorcoin-authorcoinv2 --network sepolia',
      'storydao-ops upgrade validate --id authorcoin-v2 --json',
    ],
    load: () => import('./commands/upgradeValidate.js'),
  },
  {
    words: ['upgrade', 'rollback'],
    summary:
      'propose the reverse of an executed upgrade through the route the upgrade took',
    usage:
      'storydao-ops upgrade rollback --id <upgrade> [--rollback-id <id>] [--delay <s>] [--nonce next|<n>] [--propose --signer-env <VAR>]',
    description:
      'Records a new upgrades[] entry (default id <id>-rollback) that upgrades the contract back to the implementation it had before the executed upgrade (live, so nothing is deployed), then proposes it as the original was: timelock route, one ops-Safe transaction scheduling it on the timelock (rehearsed, Transaction Builder file, --propose; the entry becomes proposed); governor route, the StoryDAO proposal as an ops-Safe transaction (rehearsed, Transaction Builder file, --propose) with its raw calldata, the proposal id and the forum draft docs/operations/proposals/<rollback id>.md. The rollback then goes through upgrade queue, execute and validate. Exit 2 when the upgrade is not executed.',
    options: {
      id: {
        type: 'string',
        value: '<upgrade>',
        description: 'the executed upgrade to reverse',
      },
      'rollback-id': {
        type: 'string',
        value: '<id>',
        description: "the rollback's upgrade id (default <id>-rollback)",
      },
      delay: {
        type: 'string',
        value: '<s>',
        description:
          "timelock route: the delay in seconds (default: the timelock's minimum)",
      },
      nonce: {
        type: 'string',
        value: 'next|<n>',
        description:
          'ops Safe nonce: next free (default) or a queued one to replace',
      },
      contracts: {
        type: 'string',
        value: '<dir>',
        description:
          'the Foundry project, built with forge build (default <root>/contracts)',
      },
      propose: {
        type: 'boolean',
        description:
          'timelock route: send it to the Safe Transaction Service, signed by an owner',
      },
      'signer-env': signerEnvOption,
    },
    examples: [
      'storydao-ops upgrade rollback --id 2026-12-05-authorcoin-authorcoinv2 --network sepolia --propose --signer-env OPS_KEY',
      'storydao-ops upgrade rollback --id authorcoin-v2 --json',
    ],
    load: () => import('./commands/upgradeRollback.js'),
  },
  {
    words: ['incident', 'open'],
    summary: 'open an incident log that every --incident command appends to',
    usage: 'storydao-ops incident open "<title>" [--commander <name>]',
    description:
      'Writes docs/operations/incident-log/<date>-<slug>.md and prints the slug to pass as --incident <slug>.',
    options: {
      commander: {
        type: 'string',
        value: '<name>',
        description: 'the incident commander, shown in the log',
      },
    },
    examples: [
      'storydao-ops incident open "Rogue timelock operation" --network mainnet --commander alice',
    ],
    load: () => import('./commands/incidentOpen.js'),
  },
  {
    words: ['timelock', 'list'],
    summary: 'list timelock operations, decoded, each marked known or UNKNOWN',
    usage:
      'storydao-ops timelock list [--state <state>]... [--fail-on-unknown]',
    description:
      "Reads every operation of the manifest's timelock since its deployment block (pending, ready, done, cancelled), decodes its calls with the manifest ABIs and marks it known when it matches a manifest upgrades[] entry (operation id or calldata) or a schedule waiting in a manifest Safe's queue on the Safe Transaction Service; anything else is UNKNOWN. Listing is not a check: exit 0, unless --fail-on-unknown and a pending or ready operation is UNKNOWN (exit 1).",
    options: {
      state: {
        type: 'string',
        multiple: true,
        value: '<state>',
        description:
          'only operations in this state: pending, ready, done or cancelled (repeatable)',
      },
      'fail-on-unknown': {
        type: 'boolean',
        description:
          'exit 1 when a pending or ready operation is UNKNOWN (for monitoring)',
      },
    },
    examples: [
      'storydao-ops timelock list --network mainnet --incident 2026-12-05-rogue-timelock-operation',
      'storydao-ops timelock list --network mainnet --state pending --state ready --json',
    ],
    load: () => import('./commands/timelockList.js'),
  },
  {
    words: ['timelock', 'cancel'],
    summary:
      'cancel pending timelock operations from the emergency Safe (rehearsed, --propose)',
    usage:
      'storydao-ops timelock cancel --all | <id>... [--nonce next|<n>] [--propose --signer-env <VAR>]',
    description:
      'Builds one emergency-Safe transaction (the emergency Safe holds CANCELLER_ROLE) that cancels the given pending or ready operations, or every one with --all, rehearses it on a fork with the timelock-cancel invariants (each operation ends unset, nothing else changes), writes the Transaction Builder file and report under safe-transactions/<network>/, and with --propose queues it on the Safe Transaction Service.',
    options: {
      all: {
        type: 'boolean',
        description: 'cancel every pending or ready operation',
      },
      nonce: {
        type: 'string',
        value: 'next|<n>',
        description:
          'emergency Safe nonce: next free (default) or a queued one to replace',
      },
      propose: {
        type: 'boolean',
        description:
          'send it to the Safe Transaction Service, signed by an owner',
      },
      'signer-env': signerEnvOption,
    },
    examples: [
      'storydao-ops timelock cancel 0x5f1c0b6a9e0d4e7f1c2b3a4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f7081 --network mainnet --propose --signer-env COUNCIL_KEY --incident 2026-12-05-rogue-timelock-operation',
      'storydao-ops timelock cancel --all --network sepolia --json',
    ],
    load: () => import('./commands/timelockCancel.js'),
  },
  {
    words: ['pause'],
    summary:
      'pause contracts from the emergency Safe (rehearsed, Transaction Builder file, --propose)',
    usage:
      'storydao-ops pause [--target <name>]... [--nonce next|<n>] [--propose --signer-env <VAR>]',
    description:
      'Builds one emergency-Safe transaction that pauses the targets (AuthorCoin by default), rehearses it on a fork with the pause invariants, writes the Transaction Builder file and report under safe-transactions/<network>/, and with --propose queues it on the Safe Transaction Service. Only the timelock can unpause.',
    options: {
      target: {
        type: 'string',
        multiple: true,
        value: '<name>',
        description:
          'a manifest contract to pause (repeatable; default AuthorCoin)',
      },
      nonce: {
        type: 'string',
        value: 'next|<n>',
        description:
          'emergency Safe nonce: next free (default) or a queued one to replace',
      },
      propose: {
        type: 'boolean',
        description:
          'send it to the Safe Transaction Service, signed by an owner',
      },
      'signer-env': signerEnvOption,
    },
    examples: [
      'storydao-ops pause --network mainnet --propose --signer-env COUNCIL_KEY --incident 2026-12-05-bridge-drain',
      'storydao-ops pause --target AuthorCoin --nonce 12 --network sepolia --json',
    ],
    load: () => import('./commands/pause.js'),
  },
  {
    words: ['emergency', 'prepare'],
    summary:
      "break glass, part 1: pre-sign pauses at the emergency Safe's next nonces (rehearsed, one lanes file)",
    usage:
      'storydao-ops emergency prepare [--network <name>] [--depth <k>] [--out <file>] [--signer-env <VAR>]',
    description:
      "For every contract the emergency Safe can pause (pause()/paused() in its ABI and PAUSER_ROLE held by the Safe), and a batch pausing them all when there are several, builds the pause at the Safe's current nonce and the next k-1 (default 2: after one lane fires, the next nonce's lanes stay live), rehearses each lane at its nonce on a fork with the pause invariants, and collects signatures: on local (chain 31337) the anvil dev accounts that own the Safe sign; elsewhere each lane is proposed (with --signer-env an owner's key) and the confirmations on the Safe Transaction Service are gathered (run it again after the owners sign). Writes every lane to one file, default safe-transactions/<network>/emergency-lanes.json: no keys, signatures only. Exit 1 when a rehearsal fails.",
    options: {
      depth: {
        type: 'string',
        value: '<k>',
        description:
          'nonces to reserve from the current one (default 2, at most 10)',
      },
      out: {
        type: 'string',
        value: '<file>',
        description:
          'lanes file to write (default safe-transactions/<network>/emergency-lanes.json)',
      },
      'signer-env': signerEnvOption,
    },
    examples: [
      'storydao-ops emergency prepare --network local',
      'storydao-ops emergency prepare --network mainnet --depth 3 --signer-env COUNCIL_KEY',
    ],
    load: () => import('./commands/emergencyPrepare.js'),
  },
  {
    words: ['emergency', 'fire'],
    summary:
      "break glass, part 2: send the pre-signed pause matching the Safe's nonce, from any funded account",
    usage:
      'storydao-ops emergency fire [--target <name> | --all] [--lanes <file>] [--network <name>] [--signer-env <VAR>]',
    description:
      "Sends the lane matching the emergency Safe's current nonce as one execTransaction and waits for it to be mined: one batched read, the lane's hashes recomputed and its signatures recovered to owners offline (a tampered file sends nothing), one raw transaction, then ExecutionSuccess and paused() checked. Default: the lane pausing every pausable contract. The sender only pays gas: any funded key (--signer-env; local uses an anvil dev key). Exit 1 when no signed lane matches the nonce (status says how to re-arm) or the lane does not verify, 3 when the RPC is unreachable.",
    options: {
      target: {
        type: 'string',
        value: '<name>',
        description: 'fire the lane of this contract only',
      },
      all: {
        type: 'boolean',
        description:
          'fire the lane pausing every pausable contract (the default)',
      },
      lanes: {
        type: 'string',
        value: '<file>',
        description:
          'lanes file (default safe-transactions/<network>/emergency-lanes.json)',
      },
      'signer-env': {
        type: 'string',
        value: '<VAR>',
        description:
          'environment variable holding the key of any funded account (it pays the gas; local uses an anvil dev key)',
      },
    },
    examples: [
      'storydao-ops emergency fire --network mainnet --signer-env RELAYER_KEY --incident 2026-12-05-bridge-drain',
      'storydao-ops emergency fire --target AuthorCoin --json',
    ],
    load: () => import('./commands/emergencyFire.js'),
  },
  {
    words: ['emergency', 'status'],
    summary: 'which emergency lanes are live, which went stale, how to re-arm',
    usage:
      'storydao-ops emergency status [--lanes <file>] [--network <name>] [--json]',
    description:
      "Reads the emergency Safe's nonce, owners and the targets' paused() in one batch and classifies every lane: live (signed, nonce not used; 'fires now' at the current nonce), stale (its nonce was used), unsigned (n of m signatures), paused or invalid (hashes or signatures do not verify). Exit 1 when nothing can fire at the current nonce.",
    options: {
      lanes: {
        type: 'string',
        value: '<file>',
        description:
          'lanes file (default safe-transactions/<network>/emergency-lanes.json)',
      },
    },
    examples: [
      'storydao-ops emergency status --network mainnet',
      'storydao-ops emergency status --lanes safe-transactions/sepolia/emergency-lanes.json --json',
    ],
    load: () => import('./commands/emergencyStatus.js'),
  },
  {
    words: ['dump-state'],
    summary:
      'write a JSON snapshot of the contracts, Safes, balances, roles and timelock',
    usage: 'storydao-ops dump-state [--out <file>] [--block <n>]',
    description:
      "Snapshots every manifest contract's getters and proxy slots, every Safe's owners, threshold, nonce, modules and guard, balances, role members and pending timelock operations at one block, and writes it atomically as JSON (bigints as decimal strings) to --out, by default docs/operations/state/<network>-<timestamp>.json.",
    options: {
      out: {
        type: 'string',
        value: '<file>',
        description:
          'where to write it (default docs/operations/state/<network>-<timestamp>.json)',
      },
      block: {
        type: 'string',
        value: '<n>',
        description: 'block to snapshot (default: the latest)',
      },
    },
    examples: [
      'storydao-ops dump-state --network mainnet --incident 2026-12-05-rogue-timelock-operation',
      'storydao-ops dump-state --network sepolia --out before.json --json',
    ],
    load: () => import('./commands/dumpState.js'),
  },
  {
    words: ['diff-state'],
    summary: 'say in plain words what changed between two dump-state files',
    usage: 'storydao-ops diff-state <before.json> <after.json>',
    description:
      'Compares two files written by dump-state and prints one line per difference (AuthorCoin paused false → true). Exit 0 whether or not anything changed; 2 when a file is missing or not a dump.',
    options: {},
    examples: [
      'storydao-ops diff-state docs/operations/state/mainnet-20261205T100000Z.json docs/operations/state/mainnet-20261205T103000Z.json',
    ],
    load: () => import('./commands/diffState.js'),
  },
  {
    words: ['unpause'],
    summary:
      'the timelock route out of a pause: the ops Safe schedules unpause() on the timelock, --execute runs it after the delay',
    usage:
      'storydao-ops unpause [--target <name>]... [--delay <s>] [--execute] [--nonce next|<n>] [--propose --signer-env <VAR>]',
    description:
      'Only the timelock can unpause (AuthorCoin\'s unpause() needs DEFAULT_ADMIN_ROLE, held by the timelock; the emergency Safe only holds PAUSER_ROLE). Without --execute: one ops-Safe transaction scheduling unpause() of the paused targets (AuthorCoin by default) on the timelock with its minimum delay (or --delay), rehearsed on a fork with the timelock-schedule invariants. With --execute: once the delay has passed, one ops-Safe transaction executing that scheduled unpause, rehearsed with the unpause invariants; refused (exit 1) when none is scheduled or before the delay, with the time left. Both write the Transaction Builder file under safe-transactions/<network>/ and with --propose queue it on the Safe Transaction Service. Exit 1 "not paused" when no target is paused.',
    options: {
      target: {
        type: 'string',
        multiple: true,
        value: '<name>',
        description:
          'a manifest contract to unpause (repeatable; default AuthorCoin)',
      },
      delay: {
        type: 'string',
        value: '<s>',
        description:
          "the timelock delay in seconds (default: the timelock's minimum)",
      },
      execute: {
        type: 'boolean',
        description:
          'execute the scheduled unpause once its delay has passed, instead of scheduling one',
      },
      nonce: {
        type: 'string',
        value: 'next|<n>',
        description:
          'ops Safe nonce: next free (default) or a queued one to replace',
      },
      propose: {
        type: 'boolean',
        description:
          'send it to the Safe Transaction Service, signed by an owner',
      },
      'signer-env': signerEnvOption,
    },
    examples: [
      'storydao-ops unpause --network mainnet --propose --signer-env OPS_KEY --incident 2026-12-05-bridge-drain',
      'storydao-ops unpause --execute --network mainnet --propose --signer-env OPS_KEY',
    ],
    load: () => import('./commands/unpause.js'),
  },
  {
    words: ['incident', 'close'],
    summary:
      'close an incident and write the timeline summary for the postmortem',
    usage: 'storydao-ops incident close <slug> [--summary "<text>"]',
    options: {
      summary: {
        type: 'string',
        value: '<text>',
        description: 'root cause and remediation, appended to the log',
      },
    },
    examples: [
      'storydao-ops incident close 2026-12-05-rogue-timelock-operation --summary "Cancelled; proposer key rotated."',
    ],
    load: () => import('./commands/incidentClose.js'),
  },
  {
    words: ['watch'],
    summary:
      'follow the timelock, Safe queues, paused flags and implementations; flag UNKNOWN operations; Prometheus /metrics',
    usage:
      'storydao-ops watch [--metrics <host:port>] [--interval <s>] [--once] [--propose-cancel --signer-env <VAR>]',
    description:
      "Polls the deployment every --interval seconds: timelock CallScheduled / CallExecuted / Cancelled logs since the last poll (the first poll reads the pending set), each operation marked known (a manifest upgrades[] entry or a schedule seen in a manifest Safe's queue) or UNKNOWN, the Safes' queues on the Safe Transaction Service (a service that is down is an event, not a crash), paused() of every pausable contract and the implementation behind every proxy and beacon. Prints one JSON line per event on stdout and progress on stderr. For an UNKNOWN operation it prepares the emergency Safe's cancel (rehearsed, Transaction Builder file, report, and its review as <file>.review.md) and proposes it only with --propose-cancel. With --metrics it serves Prometheus metrics at /metrics (storydao_timelock_unknown_operations and more). --once: one poll, exit 1 when an UNKNOWN operation is pending, else 0; otherwise it runs until SIGINT or SIGTERM.",
    options: {
      metrics: {
        type: 'string',
        value: '<host:port>',
        description:
          'serve Prometheus metrics at http://<host:port>/metrics (e.g. 127.0.0.1:9464)',
      },
      interval: {
        type: 'string',
        value: '<s>',
        description: 'seconds between polls (default 12)',
      },
      once: {
        type: 'boolean',
        description:
          'poll once and exit: 1 when an UNKNOWN operation is pending or ready, else 0',
      },
      'propose-cancel': {
        type: 'boolean',
        description:
          "propose the emergency Safe's cancel of an UNKNOWN operation on the Safe Transaction Service, signed by an owner",
      },
      'signer-env': signerEnvOption,
    },
    examples: [
      'storydao-ops watch --network mainnet --metrics 127.0.0.1:9464 --propose-cancel --signer-env COUNCIL_KEY',
      'storydao-ops watch --network sepolia --once | jq -c "select(.known == false)"',
    ],
    load: () => import('./commands/watch.js'),
  },
  {
    words: ['safe', 'queue'],
    summary: "a Safe's queued transactions: signatures, hashes, decoded calls",
    usage: 'storydao-ops safe queue [--safe ops|emergency]',
    description:
      'Reads the Safe Transaction Service queue of a manifest Safe (ops by default), hashes every transaction again (one whose fields do not match its safeTxHash is refused), and shows its nonce, the three hashes, confirmations against the threshold, the proposer and the calls decoded with the StoryDAO ABIs.',
    options: {
      safe: {
        type: 'string',
        value: 'ops|emergency',
        description: 'which manifest Safe (default ops)',
      },
    },
    examples: [
      'storydao-ops safe queue --safe emergency --network mainnet',
      'storydao-ops safe queue --json | jq ".transactions[].safeTxHash"',
    ],
    load: () => import('./commands/safeQueue.js'),
  },
  {
    words: ['review'],
    summary:
      'review a Safe transaction before signing: hashes recomputed, calls decoded, rehearsed, warnings',
    usage:
      'storydao-ops review <safeTxHash | file> | --lane <target>@<nonce> [--lanes <file>] [--network <name>] [--json] [--html <file>] [--contracts <dir>]',
    description:
      "Reads a queued Safe transaction from the Safe Transaction Service (by safeTxHash) or a Transaction Builder file, recomputes the domain hash, message hash and safeTxHash and flags any difference from what the service or the file's report claims, checks the nonce against the chain and the queue, decodes the call tree with the manifest's ABIs, rehearses it on a fork with the default invariants of the action it recognises, and lists warnings by severity. With --html it also writes one self-contained page (no network) that recomputes the safeTxHash in the browser and shows match or MISMATCH. Exit 1 when a hash differs, a warning is critical or the rehearsal fails.",
    options: {
      html: {
        type: 'string',
        value: '<file>',
        description:
          'also write the review as one offline HTML page that rechecks the safeTxHash in the browser',
      },
      contracts: {
        type: 'string',
        value: '<dir>',
        description:
          "the Foundry project an upgrade's new implementation is compared with, built with forge build (default <root>/contracts)",
      },
      lane: {
        type: 'string',
        value: '<target>@<nonce>',
        description:
          'review a break-glass lane (emergency status lists them) instead of a hash or file',
      },
      lanes: {
        type: 'string',
        value: '<file>',
        description:
          'lanes file for --lane (default safe-transactions/<network>/emergency-lanes.json)',
      },
    },
    examples: [
      'storydao-ops review 0x8c1f…e2 --network mainnet',
      'storydao-ops review safe-transactions/sepolia/emergency-nonce-12-pause-authorcoin.json --network sepolia --json',
      'storydao-ops review 0x8c1f…e2 --network mainnet --html review.html',
      'storydao-ops review --lane AuthorCoin@12 --network mainnet',
    ],
    load: () => import('./commands/review.js'),
  },
  {
    words: ['safe', 'confirm'],
    summary: "add an owner's signature to a queued Safe transaction",
    usage: 'storydao-ops safe confirm <safeTxHash> --signer-env <VAR>',
    description:
      'Finds the transaction in the queue of a manifest Safe (a hash that is not queued is refused), prints the three hashes to compare with your wallet, signs it with the owner key in <VAR> (local: the first anvil dev account that owns the Safe and has not signed) and sends the confirmation to the Safe Transaction Service.',
    options: { 'signer-env': signerEnvOption },
    examples: [
      'storydao-ops safe confirm 0x5f1c…e9a2 --network mainnet --signer-env COUNCIL_KEY_2',
    ],
    load: () => import('./commands/safeConfirm.js'),
  },
  {
    words: ['safe', 'execute'],
    summary: 'execute a queued Safe transaction once it has enough signatures',
    usage: 'storydao-ops safe execute <safeTxHash> [--signer-env <VAR>]',
    description:
      'Collects the confirmations from the Safe Transaction Service and sends execTransaction from the account in <VAR> (any funded account; local: anvil dev account 0). Exits 1, naming how many signatures are missing, below the threshold. Prints the transaction hash and block.',
    options: {
      'signer-env': {
        type: 'string',
        value: '<VAR>',
        description:
          'environment variable holding the key of the account that sends and pays (need not be an owner)',
      },
    },
    examples: [
      'storydao-ops safe execute 0x5f1c…e9a2 --network mainnet --signer-env RELAYER_KEY --incident 2026-12-05-bridge-drain',
    ],
    load: () => import('./commands/safeExecute.js'),
  },
  {
    words: ['safe', 'reject'],
    summary:
      'reject what is queued at a Safe nonce (a zero-value self-call at that nonce)',
    usage:
      'storydao-ops safe reject --nonce <n> [--safe ops|emergency] [--propose --signer-env <VAR>]',
    description:
      "What Safe{Wallet}'s Reject does: a zero-value call from the Safe to itself at that nonce; once executed, nothing else queued there can execute. Rehearsed on a fork (nothing may change), written as a Transaction Builder file under safe-transactions/<network>/, and with --propose queued on the Safe Transaction Service.",
    options: {
      nonce: {
        type: 'string',
        value: '<n>',
        description: 'the queued nonce to reject',
      },
      safe: {
        type: 'string',
        value: 'ops|emergency',
        description: 'which manifest Safe (default ops)',
      },
      propose: {
        type: 'boolean',
        description:
          'send it to the Safe Transaction Service, signed by an owner',
      },
      'signer-env': signerEnvOption,
    },
    examples: [
      'storydao-ops safe reject --nonce 12 --safe ops --network mainnet --propose --signer-env OPS_KEY',
    ],
    load: () => import('./commands/safeReject.js'),
  },
  {
    words: ['local'],
    summary:
      'run the local stack (anvil, Safe v1.4.1, StoryDAO, Transaction Service) until Ctrl-C',
    usage:
      'storydao-ops local [--manifest <file>] [--port <n>] [--tx-service-port <n>] [--timelock-delay <s>]',
    description:
      'Starts anvil on a loopback port with the canonical Safe v1.4.1 contracts, an ops Safe and an emergency Safe (2-of-3, anvil dev keys), the StoryDAO contracts and a local Safe Transaction Service, writes deployments/local.json and prints the RPC and service URLs. Every other command then works with --network local (the default). Needs the optional @storydao/testkit package.',
    options: {
      manifest: {
        type: 'string',
        value: '<file>',
        description:
          'where to write the local manifest (default deployments/local.json)',
      },
      port: {
        type: 'string',
        value: '<n>',
        description: 'anvil port (default 8545 when free, else a free one)',
      },
      'tx-service-port': {
        type: 'string',
        value: '<n>',
        description:
          'Transaction Service port (default 8546 when free, else a free one)',
      },
      'tx-service-state': {
        type: 'string',
        value: '<file>',
        description:
          'keep the Transaction Service queue in this JSON file (reuse it to resume)',
      },
      'timelock-delay': {
        type: 'string',
        value: '<s>',
        description: 'timelock minimum delay in seconds (default 3600)',
      },
    },
    examples: [
      'storydao-ops local',
      'storydao-ops local --timelock-delay 60 --json   # then: storydao-ops validate',
    ],
    load: () => import('./commands/local.js'),
  },
  {
    words: ['demo'],
    summary:
      'run the whole seed playbook on the embedded local stack (deploy, governed upgrade, incident)',
    usage:
      'storydao-ops demo [--out <dir>] [--contracts <dir>] [--release <file>]',
    description:
      'Starts the local stack and walks the seed playbook with these commands: the StoryDAO system deployed by one ops-Safe batch and recorded; AuthorCoin upgraded through a StoryDAO vote (propose, vote, queue, delay, execute, validate, upgrade log); then an incident (a rogue timelock operation spotted by timelock list and cancelled from the emergency Safe, AuthorCoin paused, state dumped, incident log). Every Safe transaction is proposed to the local Transaction Service, confirmed by a second owner and executed from the queue. Everything lands in the output folder, laid out as a repository root. Needs the optional @storydao/testkit package.',
    options: {
      out: {
        type: 'string',
        value: '<dir>',
        description:
          'output folder (default: $DEMO_OUT_DIR, else a new temp folder)',
      },
      contracts: {
        type: 'string',
        value: '<dir>',
        description:
          'the StoryDAO Foundry project, built with forge build (default ./contracts)',
      },
      release: {
        type: 'string',
        value: '<file>',
        description:
          'the release file to deploy (default deployments/releases/storydao.json)',
      },
    },
    examples: [
      'storydao-ops demo',
      'storydao-ops demo --out ./demo-run --json',
    ],
    load: () => import('./commands/demo.js'),
  },
]
