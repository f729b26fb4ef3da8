import { describe, expect, test } from 'vitest'
import {
  deadDocsReferences,
  docsReferencesInMarkdown,
  docsReferencesInSources,
  headingAnchors,
} from './docsLinks.js'

describe('documentation links', () => {
  test('behavior: every docsPath and Docs: link of the packages resolves to a file and heading', () => {
    const references = docsReferencesInSources()
    expect(references.length).toBeGreaterThan(50)
    expect(deadDocsReferences(references)).toEqual([])
  })

  test('behavior: every relative link of docs/ and the READMEs resolves', () => {
    expect(deadDocsReferences(docsReferencesInMarkdown())).toEqual([])
  })

  test('behavior: anchors follow GitHub slugs', () => {
    expect([
      ...headingAnchors(
        '# Title\n## `buildSafePlan`\n### Errors & hints\n## Errors & hints\n```\n# not a heading\n```',
      ),
    ]).toEqual(['title', 'buildsafeplan', 'errors--hints', 'errors--hints-1'])
  })
})
