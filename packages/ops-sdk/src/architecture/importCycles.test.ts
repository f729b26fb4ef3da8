import { describe, expect, test } from 'vitest'
import { findImportCycles, importsOf, listSourceFiles } from './sourceGraph.js'

describe('import graph', () => {
  test('behavior: no package source file is part of an import cycle, type-only imports included', () => {
    expect(findImportCycles(listSourceFiles())).toEqual([])
  })

  test('behavior: public types are never imported from internal/ by exports/', () => {
    const leaks = listSourceFiles()
      .filter((file) => file.includes('/src/exports/'))
      .flatMap((file) =>
        importsOf(file)
          .filter((target) => target.includes('/internal/'))
          .map((target) => `${file} → ${target}`),
      )
    expect(leaks).toEqual([])
  })
})
