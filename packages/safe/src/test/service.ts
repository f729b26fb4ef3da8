import type { LocalStack } from '@storydao/testkit'
import { expect } from 'vitest'
import { buildSafePlan } from '../buildSafePlan.js'
import { SafeServiceError } from '../errors/service.js'
import { proposeSafePlan } from '../proposeSafePlan.js'
import { signSafePlan } from '../signSafePlan.js'
import type { SafePlan } from '../types/safe.js'
import type { SafeService } from '../types/service.js'
import { pauseCall } from './stack.js'

/** The SafeServiceError a request must fail with. */
export function serviceError(
  promise: Promise<unknown>,
): Promise<SafeServiceError> {
  return promise.then(
    () => {
      throw new Error('expected a SafeServiceError')
    },
    (error: unknown) => {
      expect(error).toBeInstanceOf(SafeServiceError)
      return error as SafeServiceError
    },
  )
}

/** Builds and proposes the pause plan, signed by the first emergency owner. */
export async function proposePause(
  stack: LocalStack<true>,
  service: SafeService,
): Promise<SafePlan> {
  const plan = await buildSafePlan(stack.client, {
    safe: stack.manifest.safes.emergency!.address,
    service,
    calls: [pauseCall(stack)],
  })
  const [owner] = stack.accounts.emergencyOwners
  await proposeSafePlan(service, {
    plan,
    sender: owner.address,
    signature: await signSafePlan({ plan, account: owner.privateKey }),
    origin: 'storydao-ops tests',
  })
  return plan
}
