import { defineProject } from '../vitest.shared.js'

// npm installs and a local stack: minutes, not the default 60 s.
export default defineProject('consumer', {
  include: ['*.test.ts'],
  testTimeout: 240_000,
})
