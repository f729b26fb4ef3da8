import type { SafeService } from '../createSafeService.js'
import { SafeServiceConfigError } from '../errors/service.js'
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

/** @internal The API key of a service (for redaction only). */
export function serviceSecrets(service: SafeService): string[] {
  const apiKey = states.get(service)?.apiKey
  return apiKey ? [apiKey] : []
}

let apiKitClass: Promise<SafeApiKitClass> | undefined

/** @internal Loads api-kit once (ESM build: the class is the default export). */
function loadApiKit(): Promise<SafeApiKitClass> {
  // `as string` keeps api-kit's declarations out of the program (see
  // apiKit.ts); the emitted specifier stays literal for bundlers.
  apiKitClass ??= import('@safe-global/api-kit' as string).then((module) => {
    const exported = module.default as
      | SafeApiKitClass
      | { default: SafeApiKitClass }
    return typeof exported === 'function' ? exported : exported.default
  })
  return apiKitClass
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
