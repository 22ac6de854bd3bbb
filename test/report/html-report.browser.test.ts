/**
 * The HTML report in a real browser: Debian's headless Chromium driven by
 * playwright-core. The set-up installs Chromium when it is missing
 * (scripts/ensure-chromium.sh), so CI runs this test rather than skipping it.
 */
import { execFileSync } from 'node:child_process'
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { chromium, type Browser, type Page } from 'playwright-core'
import { htmlReport, REPORT_CSP } from '../../src/report/html-report.js'
import type { Evaluation } from '../../src/model/evaluation.js'
import { illustrative } from './fixture.js'

const root = join(__dirname, '..', '..')
const artifacts = join(root, 'test', 'artifacts')
const CHROMIUM = '/usr/bin/chromium'

// Payloads that would set a flag or open a dialog if they ever ran.
const IMG = '<img src=x onerror="window.__xss = 1; alert(1)">'
const SCRIPT = '<script>window.__xss = 2; alert(2)</script>'
const ATTR = '"><svg onload="window.__xss = 3">'

/** The illustrative document with hostile names in a unit, a site and the title. */
const hostile: Evaluation = {
  ...illustrative,
  title: `E-MHIP (illustrative ratings) ${SCRIPT}`,
  sites: illustrative.sites.map((s, i) =>
    i === 0
      ? {
          ...s,
          units: s.units.map((u, j) =>
            j === 0 ? { ...u, name: `Acute care ${IMG}` } : j === 1 ? { ...u, name: `Commissioning ${SCRIPT}` } : u,
          ),
        }
      : i === 1
        ? { ...s, name: `Leicestershire ${ATTR}` }
        : s,
  ),
}

describe('HTML report in headless Chromium', () => {
  let browser: Browser
  let page: Page
  const requests: string[] = []
  const dialogs: string[] = []
  const consoleErrors: string[] = []
  let url: string

  beforeAll(async () => {
    // Installs Debian's chromium if /usr/bin/chromium is missing (needs root, as in CI).
    execFileSync(join(root, 'scripts', 'ensure-chromium.sh'), { stdio: 'inherit' })
    mkdirSync(artifacts, { recursive: true })
    const file = join(artifacts, 'html-report.html')
    writeFileSync(file, htmlReport(hostile))
    url = pathToFileURL(file).href
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    })
    page = await browser.newPage({ viewport: { width: 1200, height: 900 } })
    page.on('request', (r) => requests.push(r.url()))
    page.on('dialog', (d) => {
      dialogs.push(d.message())
      void d.dismiss()
    })
    page.on('console', (m) => {
      if (m.type() === 'error') consoleErrors.push(m.text())
    })
    await page.goto(url, { waitUntil: 'load' })
  })

  afterAll(async () => {
    await browser?.close()
  })

  it('renders the tables', async () => {
    const tables = await page.$$eval('table', (ts) =>
      ts.map((t) => ({
        caption: t.querySelector('caption')?.textContent ?? '',
        rows: t.querySelectorAll('tbody tr').length,
        cells: t.querySelectorAll('tbody td').length,
      })),
    )
    expect(tables.map((t) => t.caption)).toEqual([
      'Standards attainment (all sites)',
      'Standards attained by site',
      'Objectives attained, attribution and impact',
      'Objectives attained by site',
    ])
    // 11 standards + total; 15 units + 4 site totals + overall; 4 sites + all sites.
    expect(tables.map((t) => t.rows)).toEqual([12, 12, 20, 5])
    // Table 5 style: 11 columns (standard, wording, 3 levels, n, attained, %, CI, N/A, unrated).
    expect(tables[0]!.cells).toBe(12 * 11)
  })

  it('renders the charts as inline SVG', async () => {
    const svgs = await page.$$eval('svg', (ss) =>
      ss.map((s) => ({
        label: s.getAttribute('aria-label') ?? '',
        rects: s.querySelectorAll('rect').length,
        width: s.getBoundingClientRect().width,
      })),
    )
    expect(svgs).toHaveLength(2)
    expect(svgs[0]!.label).toMatch(/^Standards attained by site\./)
    // Heatmap: (11 standards + total) × (4 sites + all sites) cells + 2 legend rects.
    expect(svgs[0]!.rects).toBe(12 * 5 + 2)
    expect(svgs[1]!.label).toMatch(/^Objectives attained by type and site\./)
    expect(svgs.every((s) => s.width > 200)).toBe(true)
    // Every heatmap cell has its own <title>.
    expect(await page.$$eval('svg g.cell rect > title', (ts) => ts.length)).toBe(60)
  })

  it('shows the XSS payloads as text and runs none of them', async () => {
    // Expressions run in the page are strings: the project's tsconfig has no DOM types.
    const text = await page.evaluate<string>('document.body.innerText')
    expect(text).toContain(`Acute care ${IMG}`)
    expect(text).toContain(`Commissioning ${SCRIPT}`)
    expect(text).toContain(`Leicestershire ${ATTR}`)
    expect(await page.title()).toBe(`E-MHIP (illustrative ratings) ${SCRIPT}`)
    expect(await page.evaluate('window.__xss')).toBeUndefined()
    expect(dialogs).toEqual([])
    // Nothing the payloads contain became an element.
    expect(
      await page.evaluate(
        `document.querySelectorAll('script, img, iframe, object, embed, [onerror], [onload]').length`,
      ),
    ).toBe(0)
  })

  it('makes no network request besides the page itself', async () => {
    expect(requests).toEqual([url])
    expect(consoleErrors).toEqual([])
  })

  it('forbids scripts and remote loads with its Content-Security-Policy', async () => {
    const csp = await page.$eval('meta[http-equiv="Content-Security-Policy"]', (m) => m.getAttribute('content'))
    expect(csp).toBe(REPORT_CSP)
    expect(csp).toMatch(
      /^default-src 'none'; style-src 'sha256-[A-Za-z0-9+/]+={0,2}'; base-uri 'none'; form-action 'none'$/,
    )
    // The report's own style sheet applies (its hash is right): section headings carry the accent rule.
    expect(await page.evaluate(`getComputedStyle(document.querySelector('h2')).borderBottomColor`)).toBe(
      'rgb(0, 114, 178)',
    )
    // A style added after load is refused, so injected markup cannot restyle (hide or spoof) the report.
    const restyled = await page.evaluate(`(async () => {
      const st = document.createElement('style')
      st.textContent = 'body { display: none }'
      document.head.append(st)
      const h = document.createElement('p')
      h.setAttribute('style', 'display: none')
      h.id = '__styled'
      document.body.append(h)
      await new Promise((r) => setTimeout(r, 50))
      return [getComputedStyle(document.body).display, getComputedStyle(document.getElementById('__styled')).display]
    })()`)
    expect(restyled).toEqual(['block', 'block'])
    // A script added after load is blocked by the policy, not just absent.
    const ran = await page.evaluate(`(async () => {
      const s = document.createElement('script')
      s.textContent = 'window.__injected = true'
      document.body.append(s)
      await new Promise((r) => setTimeout(r, 50))
      return window.__injected === true
    })()`)
    expect(ran).toBe(false)
  })

  it('saves a screenshot to test/artifacts/html-report.png', async () => {
    const path = join(artifacts, 'html-report.png')
    const png = await page.screenshot({ path, fullPage: true })
    // PNG signature, and a full-page image taller than the viewport.
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
    expect(png.readUInt32BE(20)).toBeGreaterThan(900)
  })
})
