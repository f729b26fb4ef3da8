import { createHash } from 'node:crypto'
import {
  assertParameters,
  type MissingParameterErrorType,
} from '@storydao/core'
import { formatEther } from 'viem'
import { version } from '../../errors/version.js'
import { reviewPageScript } from './reviewPageScript.js'
import type { ReviewSafeTransactionReturnType } from './reviewSafeTransaction.js'
import type { ReviewSeverity } from './reviewWarnings.js'

export type RenderReviewHtmlParameters = {
  /** What {@link reviewSafeTransaction} returned. */
  review: ReviewSafeTransactionReturnType
}

/** One self-contained HTML document. */
export type RenderReviewHtmlReturnType = string

export type RenderReviewHtmlErrorType = MissingParameterErrorType

/**
 * Renders a review as one self-contained HTML page a signer can open offline:
 * the three hashes in large type, the Safe, chain and nonce, every
 * transaction field, the call tree, the invariants, the state changes and
 * the warnings. The page hashes the fields it shows in the browser (its own
 * keccak-256 and EIP-712 encoding, no download) and marks the safeTxHash it
 * displays `match` or `MISMATCH`, so the signer trusts only their browser.
 *
 * Every value is HTML-escaped, and the page's Content-Security-Policy allows
 * no network and no script but its own: a contract label or revert reason
 * holding `<script>` is shown, never run.
 *
 * - Docs: https://github.com/storydao/ops-sdk/blob/main/docs/operations/review.md#the-html-page
 *
 * @example
 * ```ts
 * import { writeFileAtomic } from '@storydao/core'
 * import { createOpsContext, renderReviewHtml, reviewSafeTransaction } from '@storydao/ops-sdk'
 *
 * const context = await createOpsContext({ network: 'sepolia' })
 * const review = await reviewSafeTransaction(context, { safeTxHash: '0x…' })
 * await writeFileAtomic({ path: 'review.html', data: renderReviewHtml({ review }) })
 * ```
 *
 * @param parameters - {@link RenderReviewHtmlParameters}
 * @returns The page, as one string.
 * @throws {MissingParameterError} When `review` is missing.
 */
export function renderReviewHtml(
  parameters: RenderReviewHtmlParameters,
): RenderReviewHtmlReturnType {
  assertParameters('renderReviewHtml', parameters, ['review'], { version })
  const { review } = parameters
  // A hash, not 'unsafe-inline': a script that escaped escaping still
  // would not run.
  const scriptHash = createHash('sha256')
    .update(reviewPageScript)
    .digest('base64')
  const csp = `default-src 'none'; style-src 'unsafe-inline'; script-src 'sha256-${scriptHash}'; base-uri 'none'; form-action 'none'`
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Review: ${escapeHtml(review.safeName)} nonce ${review.nonce.nonce}</title>
<style>${pageStyle}</style>
</head>
<body>
${headerSection(review)}
${hashSection(review)}
${fieldSection(review)}
${callSection(review)}
${rehearsalSection(review)}
${stateChangeSection(review)}
${warningSection(review)}
<script>${reviewPageScript}</script>
</body>
</html>
`
}

/** @internal Text safe in element content and in quoted attributes. */
export function escapeHtml(value: unknown): string {
  return String(value)
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;')
}

function headerSection(review: ReviewSafeTransactionReturnType): string {
  const verdict = review.ok
    ? '<p class="verdict ok">Nothing critical. Compare the hashes with your wallet before signing.</p>'
    : '<p class="verdict bad">Do NOT sign: a hash differs, a warning is critical or the rehearsal failed.</p>'
  return `<header>
<h1>Safe transaction review</h1>
<dl class="facts">
<dt>Safe</dt><dd>${escapeHtml(review.safeName)} <code data-field="safe">${escapeHtml(review.safe)}</code></dd>
<dt>Safe version</dt><dd><code data-field="safeVersion">${escapeHtml(review.safeVersion)}</code></dd>
<dt>Chain id</dt><dd><code data-field="chainId">${review.chainId}</code></dd>
<dt>Nonce</dt><dd><code>${review.nonce.nonce}</code> (the Safe is at ${review.nonce.chainNonce}, next free ${review.nonce.nextFree})</dd>
<dt>Read from</dt><dd>${escapeHtml(review.source)}</dd>
</dl>
${verdict}
</header>`
}

function hashSection(review: ReviewSafeTransactionReturnType): string {
  const hash = (
    field: string,
    label: string,
    value: string,
  ) => `<div class="hash">
<div class="hash-label">${label}</div>
<code class="hash-value" data-field="${field}">${escapeHtml(value)}</code>
<div class="recomputed">recomputed in this browser: <code id="${field}-recomputed">(needs JavaScript)</code></div>
</div>`
  const claims = review.hashChecks.map(
    (check) =>
      `<li>claimed by ${escapeHtml(check.by)}: <code>${escapeHtml(check.claimed)}</code> <span class="${check.matches ? 'ok' : 'bad'}">${check.matches ? 'same' : 'DIFFERENT'}</span></li>`,
  )
  return `<section id="hashes">
<h2>Hashes <span id="hash-check" class="badge unchecked" data-status="unchecked">NOT CHECKED</span></h2>
<p id="hash-check-detail">The page checks the hashes with JavaScript; with it off, compare them by hand.</p>
${hash('safeTxHash', 'safeTxHash', review.safeTxHash)}
${hash('domainHash', 'Domain hash', review.domainHash)}
${hash('messageHash', 'Message hash', review.messageHash)}
${claims.length > 0 ? `<ul class="claims">${claims.join('\n')}</ul>` : ''}
</section>`
}

function fieldSection(review: ReviewSafeTransactionReturnType): string {
  const tx = review.safeTx
  const row = (field: string, value: string, note = '') =>
    `<tr><th>${field}</th><td><code data-field="${field}">${escapeHtml(value)}</code>${note ? ` <span class="note">(${escapeHtml(note)})</span>` : ''}</td></tr>`
  return `<section id="fields">
<h2>Transaction fields (what is hashed)</h2>
<table>
${row('to', tx.to)}
${row('value', String(tx.value), `${formatEther(tx.value)} ETH`)}
<tr><th>data</th><td><pre data-field="data">${escapeHtml(tx.data)}</pre><span class="note">${(tx.data.length - 2) / 2} bytes</span></td></tr>
${row('operation', String(tx.operation), tx.operation === 1 ? 'DELEGATECALL' : 'CALL')}
${row('safeTxGas', String(tx.safeTxGas))}
${row('baseGas', String(tx.baseGas))}
${row('gasPrice', String(tx.gasPrice))}
${row('gasToken', tx.gasToken)}
${row('refundReceiver', tx.refundReceiver)}
${row('nonce', String(tx.nonce))}
</table>
</section>`
}

function callSection(review: ReviewSafeTransactionReturnType): string {
  const lines = review.calls.map(
    (line) =>
      `<li class="depth-${Math.min(line.depth, 6)}${line.raw ? ' raw' : ''}">${escapeHtml(line.text)}</li>`,
  )
  return `<section id="calls">
<h2>Calls</h2>
<ul class="tree">
${lines.join('\n')}
</ul>
</section>`
}

function rehearsalSection(review: ReviewSafeTransactionReturnType): string {
  const { rehearsal } = review
  const rows = rehearsal.invariants.map(
    (result) =>
      `<tr class="${result.ok ? 'ok' : 'bad'}"><td>${result.ok ? 'pass' : 'FAIL'}</td><td>${escapeHtml(result.name)}</td><td>${escapeHtml(result.message)}</td></tr>`,
  )
  const intro = review.action
    ? `Default invariants of <strong>${escapeHtml(review.action)}</strong>:`
    : 'No playbook action recognised: no invariants ran.'
  return `<section id="rehearsal">
<h2>Rehearsal on a fork: <span class="${rehearsal.status === 'success' ? 'ok' : 'bad'}">${escapeHtml(rehearsal.status)}</span></h2>
${rehearsal.revertReason ? `<p class="bad">Revert: ${escapeHtml(rehearsal.revertReason)}</p>` : ''}
<p>${intro}</p>
${rows.length > 0 ? `<table class="invariants"><thead><tr><th>Result</th><th>Invariant</th><th>Detail</th></tr></thead><tbody>\n${rows.join('\n')}\n</tbody></table>` : ''}
</section>`
}

function stateChangeSection(review: ReviewSafeTransactionReturnType): string {
  const items =
    review.stateChanges.length > 0
      ? review.stateChanges.map((line) => `<li>${escapeHtml(line)}</li>`)
      : ['<li>none read</li>']
  return `<section id="state-changes">
<h2>State changes</h2>
<ul>
${items.join('\n')}
</ul>
</section>`
}

const severityLabel: Record<ReviewSeverity, string> = {
  critical: 'CRITICAL',
  warning: 'warning',
  info: 'info',
}

function warningSection(review: ReviewSafeTransactionReturnType): string {
  const items =
    review.warnings.length > 0
      ? review.warnings.map(
          (warning) =>
            `<li class="warning severity-${escapeHtml(warning.severity)}" data-code="${escapeHtml(warning.code)}"><span class="severity">${escapeHtml(severityLabel[warning.severity] ?? warning.severity)}</span> <code>${escapeHtml(warning.code)}</code> ${escapeHtml(warning.message)}</li>`,
        )
      : ['<li>none</li>']
  return `<section id="warnings">
<h2>Warnings</h2>
<ul>
${items.join('\n')}
</ul>
</section>`
}

const pageStyle = `
body { font: 15px/1.5 system-ui, sans-serif; margin: 2rem auto; max-width: 72rem; padding: 0 1rem; color: #1b1b1b; background: #fff; }
code, pre { font-family: ui-monospace, 'DejaVu Sans Mono', Menlo, Consolas, monospace; }
pre { white-space: pre-wrap; word-break: break-all; max-height: 16rem; overflow: auto; background: #f4f4f4; padding: .5rem; margin: 0; }
h1 { margin-bottom: .5rem; }
h2 { border-bottom: 1px solid #ddd; padding-bottom: .25rem; margin-top: 2rem; }
.facts { display: grid; grid-template-columns: max-content 1fr; gap: .25rem 1rem; }
.facts dt { font-weight: 600; }
.facts dd { margin: 0; }
.hash { margin: 1rem 0; }
.hash-label { font-weight: 600; }
.hash-value { display: block; font-size: 1.6rem; word-break: break-all; letter-spacing: .02em; }
.recomputed { color: #555; font-size: .85rem; word-break: break-all; }
.badge { font-size: 1rem; padding: .1rem .6rem; border-radius: .3rem; vertical-align: middle; }
.badge.match { background: #1a7f37; color: #fff; }
.badge.mismatch { background: #b00020; color: #fff; }
.badge.unchecked { background: #888; color: #fff; }
.verdict { font-weight: 600; padding: .5rem; border-radius: .3rem; }
.verdict.ok { background: #e6f4ea; }
.verdict.bad { background: #fde7e9; color: #b00020; }
.ok { color: #1a7f37; }
.bad { color: #b00020; font-weight: 600; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; vertical-align: top; padding: .25rem .5rem; border-bottom: 1px solid #eee; }
.note { color: #555; }
.tree { list-style: none; padding-left: 0; font-family: ui-monospace, 'DejaVu Sans Mono', Menlo, Consolas, monospace; word-break: break-all; }
.tree li { padding: .1rem 0; }
.tree li::before { content: '↳ '; color: #888; }
.tree .depth-0::before { content: '• '; }
.depth-1 { margin-left: 1.5rem; } .depth-2 { margin-left: 3rem; } .depth-3 { margin-left: 4.5rem; }
.depth-4 { margin-left: 6rem; } .depth-5 { margin-left: 7.5rem; } .depth-6 { margin-left: 9rem; }
.tree .raw { color: #8a4b00; }
.warning { margin: .4rem 0; padding: .4rem .6rem; border-left: .3rem solid; list-style: none; }
#warnings ul { padding-left: 0; }
.severity { font-weight: 700; text-transform: uppercase; }
.severity-critical { border-color: #b00020; background: #fde7e9; }
.severity-critical .severity { color: #b00020; }
.severity-warning { border-color: #c77700; background: #fff4e0; }
.severity-warning .severity { color: #8a4b00; }
.severity-info { border-color: #888; background: #f4f4f4; }
`
