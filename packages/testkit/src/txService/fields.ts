import { type Address, getAddress, type Hex } from 'viem'
import { underscoreizeKey } from './casing.js'
import { pyStr } from './pythonRepr.js'

// Request-body validation as DRF fields and safe-eth-py's `EthereumAddressField`
// / `HexadecimalField` do it (docs/safe-transaction-service.md#conventions,
// #proposing-a-transaction): same checks, same order, same messages.

type Common = {
  /** Default `true` unless `default` is given. */
  required?: boolean
  allowNull?: boolean
  /** Value used when the key is absent (makes the field optional). */
  default?: null
  /** A `validate_<field>` method: returns an error message, or nothing. */
  validate?: (value: never) => string | undefined
}

/** @internal One field of a request serializer. */
export type FieldSpec =
  | (Common & {
      kind: 'address'
      allowZeroAddress?: boolean
      allowSentinelAddress?: boolean
    })
  | (Common & {
      kind: 'hex'
      allowBlank?: boolean
      /** In bytes, as `HexadecimalField` counts (its message says "hexadecimal chars"). */
      minLength?: number
      maxLength?: number
    })
  | (Common & { kind: 'integer'; minValue?: bigint; maxValue?: bigint })
  | (Common & { kind: 'char'; maxLength?: number })
  | (Common & { kind: 'datetime' })

/** @internal Validated values by snake_case name (absent optional fields are left out). */
export type FieldValues = Record<
  string,
  Address | Hex | bigint | string | Date | null
>

/** @internal */
export type ValidateFieldsReturnType =
  | { values: FieldValues; errors?: undefined }
  | { values?: undefined; errors: Record<string, string[]> }

class FieldError extends Error {}
const fail = (message: string): never => {
  throw new FieldError(message)
}
const absent = Symbol('absent')

/**
 * @internal
 * Checks a JSON request body against field specs (keyed by snake_case name,
 * in declaration order) and returns the values or DRF's `{field: [messages]}`.
 */
export function validateFields(
  body: unknown,
  specs: Record<string, FieldSpec>,
): ValidateFieldsReturnType {
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    return {
      errors: {
        non_field_errors: [
          `Invalid data. Expected a dictionary, but got ${Array.isArray(body) ? 'list' : pyTypeName(body)}.`,
        ],
      },
    }
  const data: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(body))
    data[underscoreizeKey(key)] = value

  const values: FieldValues = {}
  const errors: Record<string, string[]> = {}
  for (const [name, spec] of Object.entries(specs)) {
    try {
      const value = runField(name in data ? data[name] : absent, spec)
      if (value === absent) continue
      const message = spec.validate?.(value as never)
      if (message) fail(message)
      values[name] = value
    } catch (error) {
      if (!(error instanceof FieldError)) throw error
      errors[name] = [error.message]
    }
  }
  return Object.keys(errors).length > 0 ? { errors } : { values }
}

function pyTypeName(value: unknown): string {
  if (typeof value === 'string') return 'str'
  if (typeof value === 'number')
    return Number.isInteger(value) ? 'int' : 'float'
  if (typeof value === 'boolean') return 'bool'
  return 'NoneType'
}

function runField(
  raw: unknown,
  spec: FieldSpec,
): FieldValues[string] | typeof absent {
  const required = spec.required ?? !('default' in spec)
  if (spec.kind === 'char') {
    // CharField checks blank before anything else (whitespace is trimmed).
    if (raw !== absent && raw !== null && String(raw).trim() === '')
      fail('This field may not be blank.')
  }
  if (raw === absent) {
    if (required) fail('This field is required.')
    return 'default' in spec ? (spec.default ?? null) : absent
  }
  if (raw === null) {
    if (!spec.allowNull) fail('This field may not be null.')
    return null
  }
  switch (spec.kind) {
    case 'address':
      return toAddress(raw, spec)
    case 'hex':
      return toHex(raw, spec)
    case 'integer':
      return toInteger(raw, spec)
    case 'char': {
      if (
        typeof raw === 'boolean' ||
        !['string', 'number'].includes(typeof raw)
      )
        fail('Not a valid string.')
      const value = pyStr(raw).trim()
      if (spec.maxLength !== undefined && [...value].length > spec.maxLength)
        fail(`Ensure this field has no more than ${spec.maxLength} characters.`)
      return value
    }
    case 'datetime': {
      const value =
        typeof raw === 'string' &&
        /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:?\d{2})?$/.test(
          raw.trim(),
        )
          ? new Date(raw.trim())
          : undefined
      if (!value || Number.isNaN(value.getTime()))
        fail(
          'Datetime has wrong format. Use one of these formats instead: YYYY-MM-DDThh:mm[:ss[.uuuuuu]][+HH:MM|-HH:MM|Z].',
        )
      return value as Date
    }
  }
}

/** @internal `fast_is_checksum_address`: a string whose EIP-55 checksum matches exactly. */
export function isChecksummedAddress(value: unknown): value is Address {
  if (typeof value !== 'string' || !/^0x[0-9a-fA-F]{40}$/.test(value))
    return false
  return getAddress(value) === value
}

function toAddress(
  raw: unknown,
  spec: Extract<FieldSpec, { kind: 'address' }>,
): Address {
  if (!isChecksummedAddress(raw))
    return fail(`Address ${pyStr(raw)} is not checksumed`)
  const value = BigInt(raw)
  if (value === 0n && !spec.allowZeroAddress) fail('0x0 address is not allowed')
  if (value === 1n && !spec.allowSentinelAddress)
    fail('0x1 address is not allowed')
  return raw
}

function toHex(
  raw: unknown,
  spec: Extract<FieldSpec, { kind: 'hex' }>,
): Hex | null {
  if (typeof raw !== 'string')
    return fail(`${pyStr(raw)} is not a hexadecimal value.`)
  let digits = raw.trim()
  if (digits.startsWith('0x')) digits = digits.slice(2)
  if (digits === '') {
    if (spec.allowBlank) return null
    fail('This field may not be blank.')
  }
  // HexBytes strips a second prefix and left-pads odd lengths.
  const body = /^0[xX]/.test(digits) ? digits.slice(2) : digits
  if (!/^[0-9a-fA-F]*$/.test(body))
    fail(`${digits} is not a hexadecimal value.`)
  const even = body.length % 2 === 1 ? `0${body}` : body
  const bytes = even.length / 2
  if (spec.minLength !== undefined && bytes < spec.minLength)
    fail(
      `Ensure this field has at least ${spec.minLength} hexadecimal chars (not counting 0x).`,
    )
  if (spec.maxLength !== undefined && bytes > spec.maxLength)
    fail(
      `Ensure this field has no more than ${spec.maxLength} hexadecimal chars (not counting 0x).`,
    )
  return `0x${even.toLowerCase()}`
}

function toInteger(
  raw: unknown,
  spec: Extract<FieldSpec, { kind: 'integer' }>,
): bigint {
  if (typeof raw === 'string' && raw.length > 1000)
    fail('String value too large.')
  // DRF: int(re.sub(r'\.0*\s*$', '', str(data))); Python's int() also takes
  // surrounding whitespace, a sign and digit underscores.
  const text = pyStr(raw)
    .replace(/\.0*\s*$/, '')
    .trim()
  const value = /^[+-]?\d+(_\d+)*$/.test(text)
    ? BigInt(text.replace(/_/g, ''))
    : fail('A valid integer is required.')
  if (spec.minValue !== undefined && value < spec.minValue)
    fail(`Ensure this value is greater than or equal to ${spec.minValue}.`)
  if (spec.maxValue !== undefined && value > spec.maxValue)
    fail(`Ensure this value is less than or equal to ${spec.maxValue}.`)
  return value
}
