import protocolKit from '@safe-global/protocol-kit'

type SafeClass = typeof protocolKit.default

/**
 * protocol-kit's `Safe` class. Its typings are CommonJS under NodeNext (the
 * default import types as the module object) while Node loads the ESM build
 * (the default import is the class), so pick whichever is the class.
 */
export const Safe: SafeClass =
  typeof protocolKit === 'function'
    ? (protocolKit as unknown as SafeClass)
    : protocolKit.default

/** A protocol-kit instance. */
export type Safe = InstanceType<SafeClass>
