/**
 * @internal
 * djangorestframework-camel-case's `camelize` for one key
 * (`[a-z0-9]?_[a-z0-9]` → drop the underscore, upper-case the next char), so
 * `safe_tx_gas` → `safeTxGas` and the filter error key `nonce__gte` →
 * `nonce_Gte`, as the service renders them.
 */
export function camelizeKey(key: string): string {
  return key.replace(/[a-z0-9]?_[a-z0-9]/g, (match) =>
    match.length === 3
      ? match[0]! + match[2]!.toUpperCase()
      : match[1]!.toUpperCase(),
  )
}

/** @internal Request keys camelCase → snake_case (`CamelCaseJSONParser`); snake keys pass through. */
export function underscoreizeKey(key: string): string {
  return key.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase()
}

/** @internal Field errors keyed by snake_case name → the camelCase JSON the service sends. */
export function camelizeErrors(
  errors: Record<string, string[]>,
): Record<string, string[]> {
  return Object.fromEntries(
    Object.entries(errors).map(([key, messages]) => [
      camelizeKey(key),
      messages,
    ]),
  )
}
