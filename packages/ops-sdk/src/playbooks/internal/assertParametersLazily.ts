/**
 * @internal core's `assertParameters` for the functions `emergency fire`
 * runs: the check itself is inline, and `@storydao/core` (with zod) is loaded
 * only to throw the typed error when something is missing.
 */
export async function assertParametersLazily(
  functionName: string,
  parameters: unknown,
  requiredKeys: readonly string[],
): Promise<void> {
  const record =
    typeof parameters === 'object' && parameters !== null
      ? (parameters as Record<string, unknown>)
      : undefined
  if (record && requiredKeys.every((key) => record[key] != null)) return
  const [core, { version }] = await Promise.all([
    import('@storydao/core'),
    import('../../errors/version.js'),
  ])
  const assertParameters: typeof core.assertParameters = core.assertParameters
  assertParameters(functionName, parameters as object, requiredKeys as never, {
    version,
  })
}
