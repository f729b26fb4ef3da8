import { mergeConfig } from 'vitest/config'
import { defineProject } from '../../vitest.shared.js'

export default mergeConfig(defineProject('safe'), {
  test: { setupFiles: ['./src/test/setup.ts'] },
})
