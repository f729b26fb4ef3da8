import { MissingParameterError } from '@storydao/core'
import { SafeServiceConfigError } from '../errors/service.js'
import { version } from '../errors/version.js'
import type { SafeService } from '../types/service.js'
import type { SafeApiKit, SafeApiKitClass } from './apiKit.js'
import { redact } from './redact.js'

type ServiceState = {
  apiKey: string | undefined
  apiKit?: Promise<SafeApiKit> | undefined
}

/** @internal Secrets live here, never on the (printable) service object. */
const states = new WeakMap<SafeService, ServiceState>()

/** @internal */
export function registerService(service: SafeService, state: ServiceState) {
  states.set(service, state)
}

/**
 * @internal The first argument of a service function is a service made by
 * createSafeService (a plain-JavaScript caller may pass nothing, or mix up
 * the arguments of the old signature).
 */
export function assertService(functionName: string, service: unknown): void {
  if (service === undefined || service === null)
    throw new MissingParameterError({
      functionName,
      parameter: 'service',
      expected: 'a service from createSafeService',
      version,
    })
  if (!states.has(service as SafeService))
    throw new SafeServiceConfigError({
      message: `${functionName}: the first argument is not a Safe service object.`,
      hint: `Create it with createSafeService({ chainId, txServiceUrl?, apiKey? }) and pass it first: ${functionName}(service, { … }).`,
    })
}

/** @internal The API key of a service (for redaction only). */
export function serviceSecrets(service: SafeService): string[] {
  const apiKey = states.get(service)?.apiKey
  return apiKey ? [apiKey] : []
}

let apiKitClass: Promise<SafeApiKitClass> | undefined

/**
 * @internal Loads api-kit once (ESM build: the class is the default export).
 * A failed load is not cached, and says what actually went wrong.
 */
function loadApiKit(): Promise<SafeApiKitClass> {
  // `as string` keeps api-kit's declarations out of the program (see
  // apiKit.ts); the emitted specifier stays literal for bundlers.
  apiKitClass ??= import('@safe-global/api-kit' as string).then(
    (module) => {
      const exported = module.default as
        | SafeApiKitClass
        | { default: SafeApiKitClass }
      return typeof exported === 'function' ? exported : exported.default
    },
    (cause: unknown) => {
      apiKitClass = undefined
      throw loadError(cause)
    },
  )
  return apiKitClass
}

/**
 * What esbuild's ESM output throws when inlined CommonJS calls `require()`
 * (`Dynamic require of "stream" is not supported`), and what other bundlers'
 * shims throw for the same thing.
 */
const bundledRequirePattern =
  /Dynamic require of|require is not defined|__require/

/**
 * @internal Whether api-kit (or node-fetch under it) failed because a
 * bundler inlined it into an ESM bundle. This shows at load time or only at
 * the first request, when node-fetch requires `stream`, so both the loader
 * and the request path ask.
 */
export function isBundledRequireError(cause: unknown): boolean {
  const message = cause instanceof Error ? cause.message : String(cause)
  return bundledRequirePattern.test(message)
}

/**
 * @internal The error for {@link isBundledRequireError}: the package is
 * installed, the bundle is the problem.
 */
export function bundledApiKitError(cause: unknown): SafeServiceConfigError {
  return new SafeServiceConfigError({
    message:
      'The Safe Transaction Service client (@safe-global/api-kit) cannot run inside this ESM bundle.',
    hint: 'A bundler inlined @safe-global/api-kit (or node-fetch) into an ESM bundle, where its CommonJS require() calls cannot run. Mark @safe-global/* as external (esbuild `--external:@safe-global/*`, tsup `external: [/^@safe-global\\//]`) so it is loaded from node_modules at run time.',
    cause,
  })
}

/**
 * @internal Why `@safe-global/api-kit` did not load. Only a missing package
 * is an install problem.
 */
export function loadError(cause: unknown): SafeServiceConfigError {
  if (isBundledRequireError(cause)) return bundledApiKitError(cause)
  const message = cause instanceof Error ? cause.message : String(cause)
  const code = (cause as { code?: unknown } | null)?.code
  const hint =
    (code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND') &&
    /@safe-global\/api-kit/.test(message)
      ? 'Install it next to @storydao/safe: `pnpm add @safe-global/api-kit` (it is a dependency; a pruned or partial install can lose it).'
      : '@safe-global/api-kit is installed but failed while loading; the cause below says where.'
  return new SafeServiceConfigError({
    message:
      'The Safe Transaction Service client (@safe-global/api-kit) could not be loaded.',
    hint,
    cause,
  })
}

/**
 * @internal The api-kit instance of a service, created on first use. api-kit
 * is imported here, lazily: loading it costs ~0.6 s and ~75 MiB, which the
 * CLI's start-up and every pure function must not pay.
 */
export function getApiKit(service: SafeService): Promise<SafeApiKit> {
  const state = states.get(service)
  if (!state)
    throw new SafeServiceConfigError({
      message: 'Not a Safe service object.',
      hint: 'Create it with createSafeService({ chainId, txServiceUrl?, apiKey? }).',
    })
  state.apiKit ??= (async () => {
    const SafeApiKitClass = await loadApiKit()
    try {
      return new SafeApiKitClass({
        chainId: BigInt(service.chainId),
        ...(service.txServiceUrl ? { txServiceUrl: service.txServiceUrl } : {}),
        ...(state.apiKey ? { apiKey: state.apiKey } : {}),
      })
    } catch (error) {
      const secrets = state.apiKey ? [state.apiKey] : []
      throw new SafeServiceConfigError({
        message: `The Safe Transaction Service for chain ${service.chainId} cannot be selected.`,
        hint: 'The hosted service only covers the chains api-kit knows; for other chains (and the local stack) pass `txServiceUrl` (ending in /api).',
        cause: redact(error, secrets),
      })
    }
  })()
  // A failed creation is not cached: the next call retries.
  state.apiKit.catch(() => {
    state.apiKit = undefined
  })
  return state.apiKit
}
