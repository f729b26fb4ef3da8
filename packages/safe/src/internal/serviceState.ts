import { MissingParameterError } from '@storydao/core'
import { SafeServiceConfigError } from '../errors/service.js'
import { version } from '../errors/version.js'
import type { SafeService } from '../types/service.js'
import { hostedServiceUrl } from './hostedService.js'

type ServiceState = {
  apiKey: string | undefined
  /** The hosted service's root for a service without `txServiceUrl`. */
  hostedRoot: string
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

/** @internal Where a service's requests go, and the key they carry. */
export type ServiceEndpoint = {
  /** Base URL ending in `/api`, no trailing slash. */
  baseUrl: string
  apiKey: string | undefined
}

/**
 * @internal The base URL and API key of a service. The hosted service's URL
 * is looked up here, at the first request, as api-kit did: creating a
 * service for a chain the hosted service does not cover is not yet an error.
 */
export function serviceEndpoint(service: SafeService): ServiceEndpoint {
  const state = states.get(service)
  if (!state)
    throw new SafeServiceConfigError({
      message: 'Not a Safe service object.',
      hint: 'Create it with createSafeService({ chainId, txServiceUrl?, apiKey? }).',
    })
  const baseUrl =
    service.txServiceUrl ?? hostedServiceUrl(service.chainId, state.hostedRoot)
  if (!baseUrl)
    throw new SafeServiceConfigError({
      message: `The Safe Transaction Service for chain ${service.chainId} cannot be selected.`,
      hint: 'The hosted service only covers the chains api-kit knows; for other chains (and the local stack) pass `txServiceUrl` (ending in /api).',
      cause: new RangeError(
        `Network with chainId ${service.chainId} not found`,
      ),
    })
  return { baseUrl, apiKey: state.apiKey }
}
