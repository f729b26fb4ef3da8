// `moduleResolution: node10` finds the types through `types`/`main`.
import { buildPause, type SafePlan } from '@storydao/ops-sdk'

export const call: { to: string } = buildPause({
  target: '0x5FbDB2315678afecb367f032d93F642f64180aa3',
})
export type Plan = SafePlan
