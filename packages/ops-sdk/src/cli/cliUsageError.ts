/**
 * @internal Bad command-line usage (unknown command or flag, a missing
 * argument). Deliberately not an `OpsError`: it is raised on the start-up
 * path, which must not load `@storydao/core`. It carries the same `code` and
 * `hint` fields so it renders like one.
 */
export class CliUsageError extends Error {
  override name = 'CliUsageError'
  readonly code = 'CLI_USAGE'
  readonly shortMessage: string
  readonly hint: string
  readonly command: string | undefined

  constructor({
    message,
    hint,
    command,
  }: {
    message: string
    hint?: string | undefined
    command?: string | undefined
  }) {
    super(message)
    this.shortMessage = message
    this.command = command
    this.hint =
      hint ??
      (command
        ? `Run "storydao-ops ${command} --help" for its options and an example.`
        : 'Run "storydao-ops --help" for every command.')
  }
}
