import { defineProject } from '../vitest.shared.js'

// Each example starts its own local stack and runs a whole playbook flow.
export default defineProject('examples', {
  include: ['examples.test.ts'],
  testTimeout: 240_000,
})
