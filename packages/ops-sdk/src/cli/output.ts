import { stripVTControlCharacters } from 'node:util'

/** @internal Where a command writes: progress and prose on stderr, JSON on stdout. */
export type Output = {
  /** Whether `--json` was given (stdout then holds exactly one JSON object). */
  json: boolean
  /** A progress line on stderr (`→ Rehearse on a fork`). */
  step(message: string): void
  /** A plain line on stderr. */
  info(message: string): void
  /** A warning line on stderr. */
  warn(message: string): void
  /**
   * The final result on stdout: one JSON object with `--json`, else the
   * `human` lines (so `storydao-ops timelock list | grep UNKNOWN` works).
   */
  result(value: unknown, human: readonly string[]): void
  bold(text: string): string
  dim(text: string): string
  red(text: string): string
  green(text: string): string
}

/** @internal The writers a command uses; tests spawn the bin instead. */
export type OutputStreams = {
  stdout: { write(text: string): unknown }
  stderr: { write(text: string): unknown; isTTY?: boolean | undefined }
  env: Readonly<Record<string, string | undefined>>
}

/** @internal JSON that keeps bigints (as decimal strings) and drops nothing else. */
export function toJson(value: unknown): string {
  return JSON.stringify(
    value,
    (_key, item) => (typeof item === 'bigint' ? item.toString() : item),
    2,
  )
}

/**
 * @internal Creates the output for one command run. Colour only on a TTY and
 * never with `NO_COLOR` set, as https://no-color.org asks.
 */
export function createOutput(
  { json }: { json: boolean },
  streams: OutputStreams,
): Output {
  const colour =
    Boolean(streams.stderr.isTTY) &&
    streams.env.NO_COLOR === undefined &&
    streams.env.TERM !== 'dumb'
  const paint = (open: number, close: number) => (text: string) =>
    colour ? `\u001b[${open}m${text}\u001b[${close}m` : text
  const line = (text: string) =>
    streams.stderr.write(`${colour ? text : stripVTControlCharacters(text)}\n`)
  const red = paint(31, 39)
  return {
    json,
    step: (message) => line(`${paint(36, 39)('→')} ${message}`),
    info: (message) => line(message),
    warn: (message) => line(`${red('warning:')} ${message}`),
    result(value, human) {
      if (json) streams.stdout.write(`${toJson(value)}\n`)
      else
        for (const text of human)
          streams.stdout.write(
            `${colour ? text : stripVTControlCharacters(text)}\n`,
          )
    },
    bold: paint(1, 22),
    dim: paint(2, 22),
    red,
    green: paint(32, 39),
  }
}
