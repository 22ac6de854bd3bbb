/**
 * The Markdown report rendered by a Markdown renderer that passes raw HTML
 * through (marked, its default), then opened in headless Chromium
 * (scripts/ensure-chromium.sh): no payload from the data runs, opens a dialog
 * or makes a request. The payloads sit in every kind of text the report
 * prints: the title, site and unit names, objective type labels, and the
 * scale's level labels, which the policy list names (they were written
 * unescaped before).
 */
import { execFileSync } from 'node:child_process'
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { marked } from 'marked'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { chromium, type Browser } from 'playwright-core'
import { markdownReport } from '../../src/report/markdown-report.js'
import type { Evaluation } from '../../src/model/evaluation.js'
import { illustrative } from './fixture.js'

const root = join(__dirname, '..', '..')
const artifacts = join(root, 'test', 'artifacts')
const CHROMIUM = '/usr/bin/chromium'

/** Payloads that set a flag, open a dialog or fetch something if they ever become markup. */
const PAYLOADS = [
  '<img src=x onerror="window.__xss = 1; alert(1)">',
  '<script>window.__xss = 2; alert(2)</script>',
  '![t](http://127.0.0.1:9/image.png)',
  '<http://127.0.0.1:9/autolink>',
  '[click](javascript:window.__xss=3)',
  '<iframe src="http://127.0.0.1:9/frame"></iframe>',
  '`code` *em* _em_ | pipe',
  '&lt;script&gt;window.__xss = 4&lt;/script&gt;',
]

const hostile = (payload: string): Evaluation => ({
  ...illustrative,
  title: `Report ${payload}`,
  framework: {
    ...illustrative.framework,
    scale: {
      ...illustrative.framework.scale,
      levels: illustrative.framework.scale.levels.map((l) => ({ ...l, label: `${l.label} ${payload}` })),
    },
  },
  objectiveTypes: illustrative.objectiveTypes.map((t) => ({ ...t, label: `${t.label} ${payload}` })),
  sites: illustrative.sites.map((s) => ({
    ...s,
    name: `${s.name} ${payload}`,
    units: s.units.map((u) => ({ ...u, name: `${u.name} ${payload}` })),
  })),
})

describe('Markdown report through marked, in headless Chromium', () => {
  let browser: Browser
  beforeAll(async () => {
    execFileSync(join(root, 'scripts', 'ensure-chromium.sh'), { stdio: 'inherit' })
    mkdirSync(artifacts, { recursive: true })
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
  }, 120_000)
  afterAll(async () => {
    await browser?.close()
  })

  it.each(PAYLOADS.map((p, i) => [i, p] as const))(
    'payload %i (%s): no script, dialog or request; the text is shown as text',
    async (i, payload) => {
      const html = await marked.parse(markdownReport(hostile(payload)))
      const file = join(artifacts, `markdown-report-${i}.html`)
      writeFileSync(file, `<!doctype html><html><head><meta charset="utf-8"></head><body>${html}</body></html>`)
      const page = await browser.newPage()
      const requests: string[] = []
      const dialogs: string[] = []
      page.on('request', (r) => requests.push(r.url()))
      page.on('dialog', (d) => {
        dialogs.push(d.message())
        void d.dismiss()
      })
      const url = pathToFileURL(file).href
      await page.goto(url, { waitUntil: 'load' })
      // Click every link the page has (none should point anywhere).
      const hrefs = await page.$$eval('a', (as) => as.map((a) => a.getAttribute('href')))
      const flag = await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)
      const counts = await page.evaluate(() => ({
        scripts: document.querySelectorAll('script').length,
        images: document.querySelectorAll('img').length,
        iframes: document.querySelectorAll('iframe').length,
      }))
      const text = await page.evaluate(() => document.body.innerText)
      await page.close()
      expect(flag).toBeUndefined()
      expect(dialogs).toEqual([])
      expect(requests).toEqual([url])
      expect(counts).toEqual({ scripts: 0, images: 0, iframes: 0 })
      expect(hrefs).toEqual([])
      // The payload's text survives as text: in the policy list (a level label) and the title.
      expect(text).toContain(`Report ${payload}`)
    },
    60_000,
  )
})
