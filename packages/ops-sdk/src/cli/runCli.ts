import { readFileSync } from 'node:fs'
import { exitCodes, toExitCode } from './exitCodes.js'
import { type OutputStreams, toJson } from './output.js'
import { parseCommandLine } from './parseCommandLine.js'
import { renderHelp } from './renderHelp.js'

/**
 * @internal Runs `storydao-ops` with `argv` (without `node` and the script)
 * and returns the exit code. Only the command that runs is imported, so
 * `--help` and usage errors load no SDK code.
 */
export async function runCli(
  argv: readonly string[],
  streams: OutputStreams & { cwd: string },
): Promise<number> {
  const json = argv.includes('--json')
  try {
    const parsed = parseCommandLine(argv)
    if (parsed.kind === 'help') {
      streams.stdout.write(renderHelp(parsed))
      return exitCodes.ok
    }
    if (parsed.kind === 'version') {
      streams.stdout.write(`${readVersion()}\n`)
      return exitCodes.ok
    }
    const module = await parsed.command.load()
    return await module.run({
      words: parsed.command.words,
      argv,
      values: parsed.values,
      positionals: parsed.positionals,
      cwd:
        typeof parsed.values.root === 'string'
          ? parsed.values.root
          : streams.cwd,
      env: streams.env,
      streams,
    })
  } catch (error) {
    await reportError(error, { json, streams })
    return toExitCode(error)
  }
}

function readVersion(): string {
  // src/cli and dist/cli are both two folders below the package root.
  const path = new URL('../../package.json', import.meta.url)
  return (JSON.parse(readFileSync(path, 'utf8')) as { version: string }).version
}

type ReportableError = {
  code?: unknown
  shortMessage?: unknown
  message?: unknown
  metaMessages?: unknown
  hint?: unknown
  docsPath?: unknown
  stack?: unknown
}

async function reportError(
  error: unknown,
  { json, streams }: { json: boolean; streams: OutputStreams },
): Promise<void> {
  const e = (error ?? {}) as ReportableError
  const code = typeof e.code === 'string' ? e.code : 'UNEXPECTED'
  const message =
    typeof e.shortMessage === 'string'
      ? e.shortMessage
      : typeof e.message === 'string'
        ? e.message
        : String(error)
  const meta = Array.isArray(e.metaMessages)
    ? e.metaMessages.filter((line): line is string => typeof line === 'string')
    : []
  const hint = typeof e.hint === 'string' ? e.hint : undefined
  const docs =
    typeof e.docsPath === 'string'
      ? (await import('@storydao/core')).toDocsUrl(e.docsPath)
      : undefined
  const lines = [
    `error: ${message}`,
    ...meta.map((line) => `  ${line}`),
    ...(hint ? [`hint: ${hint}`] : []),
    ...(docs ? [`docs: ${docs}`] : []),
    ...(code === 'UNEXPECTED' || streams.env.STORYDAO_DEBUG
      ? [typeof e.stack === 'string' ? e.stack : '']
      : []),
  ].filter(Boolean)
  streams.stderr.write(`${lines.join('\n')}\n`)
  if (json)
    streams.stdout.write(
      `${toJson({ ok: false, error: { code, message, hint, docs, meta } })}\n`,
    )
}
