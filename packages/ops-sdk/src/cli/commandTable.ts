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
  // timelock list / timelock cancel / dump-state / diff-state (h-cli1)
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
]
