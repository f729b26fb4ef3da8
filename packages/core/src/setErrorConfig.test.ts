import { afterEach, describe, expect, test } from 'vitest'
import { OpsError } from './errors/base.js'
import { setErrorConfig } from './setErrorConfig.js'

const pinned = {
  getDocsUrl: ({ docsPath }: { docsPath?: string | undefined }) => docsPath,
  version: '@storydao/core@x.y.z',
}
afterEach(() => setErrorConfig(pinned))

describe('setErrorConfig', () => {
  test('default: the defaults print absolute Docs links and the raising package', () => {
    setErrorConfig({})
    const error = new OpsError('Broken.', {
      code: 'BROKEN',
      docsPath: 'packages/safe/README.md#errors',
      version: '@storydao/safe@0.1.0',
    })
    expect(error.message).toContain(
      'Docs: https://github.com/storydao/ops-sdk/blob/main/packages/safe/README.md#errors',
    )
    expect(error.message).toContain('Version: @storydao/safe@0.1.0')
  })

  test('error: no config', () => {
    // @ts-expect-error plain-JavaScript caller without an argument
    expect(() => setErrorConfig()).toThrow(
      expect.objectContaining({
        code: 'PARAMETER_MISSING',
        parameter: 'config',
      }),
    )
  })
})
