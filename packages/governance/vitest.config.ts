import { mergeConfig } from 'vitest/config'
import { defineProject } from '../../vitest.shared.js'

export default mergeConfig(defineProject('governance'), {
  test: { setupFiles: ['./src/test/setup.ts'] },
})
