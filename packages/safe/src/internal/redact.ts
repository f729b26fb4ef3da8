/**
 * @internal Removes secrets (API keys, URL credentials) from an error before
 * it is wrapped, so they never reach a message, a log or a snapshot.
 */
export function redact(error: unknown, secrets: readonly string[]): unknown {
  if (!(error instanceof Error)) return error
  const clean = redactText(error.message, secrets)
  if (clean === error.message) return error
  const copy = new Error(clean)
  copy.name = error.name
  for (const key of ['statusCode', 'data', 'code'] as const)
    if (key in error)
      (copy as unknown as Record<string, unknown>)[key] = (
        error as unknown as Record<string, unknown>
      )[key]
  return copy
}

/** @internal Replaces each secret and any `user:password@` in URLs. */
export function redactText(text: string, secrets: readonly string[]): string {
  let out = text.replace(/(\w+:\/\/)[^/\s:@]+(?::[^/\s@]*)?@/g, '$1***@')
  for (const secret of secrets)
    if (secret.length > 0) out = out.split(secret).join('***')
  return out
}

/** @internal A URL safe to print (credentials and query string removed). */
export function printableUrl(url: string | undefined): string {
  if (!url) return '(hosted service)'
  try {
    const parsed = new URL(url)
    parsed.username = ''
    parsed.password = ''
    parsed.search = ''
    return parsed.toString().replace(/\/$/, '')
  } catch {
    return '(invalid URL)'
  }
}
