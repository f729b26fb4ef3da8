import { createHash } from 'node:crypto'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { safeAbi, setErrorConfig } from '@storydao/core'
import { type Browser, chromium, type Page } from 'playwright-core'
import { zeroAddress } from 'viem'
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest'
import {
  type LocalRepository,
  startLocalRepository,
} from '../../test/localRepository.js'
import { createOpsContext, type OpsContext } from '../createOpsContext.js'
import { pauseContracts } from '../pauseContracts.js'
import { renderReviewHtml } from './renderReviewHtml.js'
import { reviewPageScript } from './reviewPageScript.js'
import {
  type ReviewSafeTransactionReturnType,
  reviewSafeTransaction,
} from './reviewSafeTransaction.js'

beforeAll(() => setErrorConfig({ version: '@storydao/core@x.y.z' }))

// Kept for a human to look at after the run (gitignored).
const artifacts = fileURLToPath(
  new URL('../../../.test-results/review-html/', import.meta.url),
)

/** A review as the playbook returns it, with nothing read from a chain. */
const sampleReview = (): ReviewSafeTransactionReturnType => ({
  ok: true,
  chainId: 31337,
  safe: '0x1111111111111111111111111111111111111111',
  safeName: 'emergency',
  safeVersion: '1.4.1',
  source: 'transaction',
  safeTxHash: `0x${'aa'.repeat(32)}`,
  domainHash: `0x${'bb'.repeat(32)}`,
  messageHash: `0x${'cc'.repeat(32)}`,
  hashChecks: [],
  safeTx: {
    to: '0x2222222222222222222222222222222222222222',
    value: 0n,
    data: '0x8456cb59',
    operation: 0,
    safeTxGas: 0n,
    baseGas: 0n,
    gasPrice: 0n,
    gasToken: zeroAddress,
    refundReceiver: zeroAddress,
    nonce: 0n,
  },
  nonce: { nonce: 0n, chainNonce: 0n, nextFree: 0n, replaces: [] },
  calls: [{ depth: 0, text: 'AuthorCoin.pause()', raw: false }],
  action: 'pause',
  rehearsal: { status: 'success', revertReason: undefined, invariants: [] },
  stateChanges: [],
  warnings: [],
})

const hostile =
  '<script>window.__pwned = 1</script><img src=x onerror="window.__pwned = 2">'

describe('renderReviewHtml', () => {
  test('error: a missing review is a typed error', () => {
    expect(() =>
      renderReviewHtml({} as Parameters<typeof renderReviewHtml>[0]),
    ).toThrow(expect.objectContaining({ code: 'PARAMETER_MISSING' }))
  })

  test('behavior: every interpolated value is escaped; the only script is the page’s own, allowed by hash', () => {
    const review = sampleReview()
    const html = renderReviewHtml({
      review: {
        ...review,
        safeName: hostile,
        calls: [{ depth: 0, text: hostile, raw: true }],
        rehearsal: { ...review.rehearsal, revertReason: hostile },
        stateChanges: [hostile],
        warnings: [{ severity: 'critical', code: hostile, message: hostile }],
      },
    })
    expect(html.match(/<script/g)).toHaveLength(1)
    expect(html).not.toContain('<img')
    expect(html).toContain('&lt;script&gt;window.__pwned = 1&lt;/script&gt;')
    const hash = createHash('sha256').update(reviewPageScript).digest('base64')
    expect(html).toContain(`script-src 'sha256-${hash}'`)
    expect(html).toContain(`<script>${reviewPageScript}</script>`)
    expect(html).toMatch(/default-src 'none'/)
  })
})

describe('renderReviewHtml in headless Chromium', () => {
  let repo: LocalRepository
  let context: OpsContext
  let browser: Browser
  beforeAll(async () => {
    mkdirSync(artifacts, { recursive: true })
    ;[repo, browser] = await Promise.all([
      startLocalRepository(),
      chromium.launch({
        executablePath: '/usr/bin/chromium',
        args: ['--no-sandbox'],
      }),
    ])
  })
  afterAll(async () => {
    await browser?.close()
    await repo?.stop()
  })
  beforeEach(async () => {
    await repo.reset()
    context = await createOpsContext({ root: repo.root, env: repo.env })
  })

  /** Opens a page offline: anything but a file: URL is refused and recorded. */
  async function open(
    path: string,
  ): Promise<{ page: Page; blocked: string[] }> {
    const page = await browser.newPage()
    const blocked: string[] = []
    await page.route('**/*', (route) => {
      const url = route.request().url()
      if (url.startsWith('file:')) return route.continue()
      blocked.push(url)
      return route.abort()
    })
    await page.goto(pathToFileURL(path).href)
    await page.waitForSelector(
      '#hash-check[data-status="match"], #hash-check[data-status="mismatch"]',
    )
    return { page, blocked }
  }

  // The rendered text is what the signer reads; hidden text must not count.
  const text = (page: Page, selector: string) =>
    // biome-ignore lint/performance/useDomNodeTextContent: rendered text on purpose
    page.locator(selector).innerText()

  async function safeContractHash(review: ReviewSafeTransactionReturnType) {
    const tx = review.safeTx
    return repo.stack.client.readContract({
      address: review.safe,
      abi: safeAbi,
      functionName: 'getTransactionHash',
      args: [
        tx.to,
        tx.value,
        tx.data,
        tx.operation,
        tx.safeTxGas,
        tx.baseGas,
        tx.gasPrice,
        tx.gasToken,
        tx.refundReceiver,
        tx.nonce,
      ],
    })
  }

  test('behavior: a Safe older than 1.3.0 (no chain id in its domain) is NOT CHECKED, never a false match', async () => {
    const path = join(artifacts, 'safe-1.2.0.html')
    writeFileSync(
      path,
      renderReviewHtml({ review: { ...sampleReview(), safeVersion: '1.2.0' } }),
    )
    const page = await browser.newPage()
    try {
      // goto resolves on load, after the page's DOMContentLoaded check ran.
      await page.goto(pathToFileURL(path).href)
      expect(
        await page.locator('#hash-check').getAttribute('data-status'),
      ).toBe('unchecked')
      expect(await page.locator('#hash-check').textContent()).toBe(
        'NOT CHECKED',
      )
      expect(await page.locator('#hash-check-detail').textContent()).toContain(
        'Safe 1.2.0 hashes without the chain id',
      )
    } finally {
      await page.close()
    }
  })

  test('default: a proposed pause shows the Safe’s own hash, recomputed by the browser: match', async () => {
    const proposed = await pauseContracts(context, { propose: true })
    const review = await reviewSafeTransaction(context, {
      safeTxHash: proposed.safeTxHash,
    })
    const path = join(artifacts, 'pause.html')
    writeFileSync(path, renderReviewHtml({ review }))
    const { page, blocked } = await open(path)
    try {
      const onChain = await safeContractHash(review)
      expect(onChain).toBe(proposed.safeTxHash)
      expect(await text(page, '#hash-check')).toBe('match')
      expect(await text(page, '[data-field="safeTxHash"]')).toBe(onChain)
      expect(await text(page, '#safeTxHash-recomputed')).toBe(
        onChain.toLowerCase(),
      )
      expect(await text(page, '[data-field="domainHash"]')).toBe(
        await repo.stack.client.readContract({
          address: review.safe,
          abi: safeAbi,
          functionName: 'domainSeparator',
        }),
      )
      expect(await text(page, '[data-field="messageHash"]')).toBe(
        review.messageHash,
      )
      expect(await text(page, '[data-field="chainId"]')).toBe('31337')
      expect(await text(page, '#calls')).toContain('AuthorCoin.pause()')
      expect(blocked).toEqual([])
      await page.screenshot({
        path: join(artifacts, 'pause.png'),
        fullPage: true,
      })
    } finally {
      await page.close()
    }
  })

  test('behavior: warnings by severity, hostile text shown and never run; altered value or data: MISMATCH', async () => {
    await repo.stack.client.request({
      method: 'anvil_setBalance' as never,
      params: [
        repo.stack.manifest.safes.emergency!.address,
        '0xde0b6b3a7640000',
      ] as never,
    })
    await repo.stack.client.request({
      method: 'anvil_mine' as never,
      params: ['0x1'] as never,
    })
    const review = await reviewSafeTransaction(context, {
      safe: repo.stack.manifest.safes.emergency!.address,
      safeTx: {
        ...sampleReview().safeTx,
        to: repo.stack.accounts.stranger.address,
        value: 5n * 10n ** 17n,
        data: '0x',
        gasPrice: 1n,
      },
    })
    const shown: ReviewSafeTransactionReturnType = {
      ...review,
      calls: [...review.calls, { depth: 1, text: hostile, raw: true }],
      warnings: [
        ...review.warnings,
        { severity: 'critical', code: 'delegatecall', message: hostile },
      ],
    }
    const path = join(artifacts, 'refund.html')
    const html = renderReviewHtml({ review: shown })
    writeFileSync(path, html)
    const { page, blocked } = await open(path)
    try {
      expect(await text(page, '#hash-check')).toBe('match')
      expect(await text(page, '[data-field="safeTxHash"]')).toBe(
        await safeContractHash(review),
      )
      const warnings = page.locator('#warnings li.warning')
      expect(await warnings.count()).toBe(shown.warnings.length)
      expect(
        await text(
          page,
          '#warnings li.severity-warning[data-code="gas-refund"]',
        ),
      ).toContain('The Safe pays the executor back (gasPrice 1)')
      const critical = page.locator('#warnings li.severity-critical')
      expect(await text(page, '#warnings li.severity-critical')).toContain(
        hostile,
      )
      expect(
        await critical.evaluate(
          (node) =>
            (
              node.ownerDocument.defaultView as unknown as {
                getComputedStyle(node: unknown): { borderColor: string }
              }
            ).getComputedStyle(node).borderColor,
        ),
      ).toBe('rgb(176, 0, 32)')
      expect(await text(page, '#calls')).toContain(hostile)
      expect(
        await page.evaluate(
          () => (globalThis as unknown as { __pwned?: number }).__pwned,
        ),
      ).toBeUndefined()
      expect(blocked).toEqual([])
      await page.screenshot({
        path: join(artifacts, 'warnings.png'),
        fullPage: true,
      })
    } finally {
      await page.close()
    }

    const altered = {
      value: html.replace(
        '<code data-field="value">500000000000000000</code>',
        '<code data-field="value">5000000000000000000</code>',
      ),
      data: html.replace(
        '<pre data-field="data">0x</pre>',
        '<pre data-field="data">0xa9059cbb</pre>',
      ),
    }
    for (const [field, tampered] of Object.entries(altered)) {
      expect(tampered).not.toBe(html)
      const tamperedPath = join(artifacts, `altered-${field}.html`)
      writeFileSync(tamperedPath, tampered)
      const opened = await open(tamperedPath)
      try {
        expect(await text(opened.page, '#hash-check')).toBe('MISMATCH')
        expect(await text(opened.page, '#hash-check-detail')).toContain(
          'safeTxHash',
        )
        await opened.page.screenshot({
          path: join(artifacts, `altered-${field}.png`),
          fullPage: true,
        })
      } finally {
        await opened.page.close()
      }
    }
    expect(readFileSync(path, 'utf8')).toBe(html)
  })
})
