/**
 * Every entry point of the published build in a web page: each is bundled by
 * esbuild for the browser (as an application would bundle it, through
 * package.json `exports` and `imports`), loaded in headless Chromium, and
 * used for a short tour. Any page error or console error fails the test.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { bundleForBrowser } from '../../scripts/bundle.mjs'
import { ensureBuilt, root } from '../cli/build.js'
import { launchChromium, watchPage, type PageLog } from '../support/chromium.js'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'

const ENTRIES = {
  'realist-eval': 'dist/index.js',
  'realist-eval/frameworks/emhip': 'dist/data/emhip-framework.js',
  'realist-eval/datasets/mhip': 'dist/data/mhip/index.js',
  'realist-eval/io': 'dist/io/index.js',
  'realist-eval/report': 'dist/report/index.js',
} as const

// The tour, in the page. The CSV is given as text, as a form tool reads a dropped file.
const TOUR = `
import { decodeEvaluation, encodeEvaluation, edit, rate, attainment, objectiveAttainment } from 'realist-eval'
import { mhipEvaluation } from 'realist-eval/datasets/mhip'
import { importRatingsLong, readCsvEither } from 'realist-eval/io'
import { htmlReport, heatmapSvg, attainmentHeatmapData } from 'realist-eval/report'

const csv = 'site,workstream,standard,rating\\nSSHT,Acute care,2.4,Partly met\\nLeics,Voluntary sector,1.1,met\\n'
const decoded = decodeEvaluation(encodeEvaluation(mhipEvaluation))
if (decoded._tag !== 'Right') throw new Error('decode failed')
const imported = importRatingsLong(decoded.right, csv)
const edited = edit(imported, rate({ unit: 'access', target: '2.4', level: 'met' }))
const result = attainment(edited)
const objectives = objectiveAttainment(edited)
const report = htmlReport(edited)
const svg = heatmapSvg(attainmentHeatmapData(result, edited))
document.getElementById('heatmap').innerHTML = svg
document.getElementById('report').srcdoc = report
const bad = readCsvEither('a,b\\n1,2,3\\n')
window.__tour = {
  total: { k: result.overall.total.k, n: result.overall.total.n },
  standard24: result.overall.standards.find((s) => s.standard === '2.4'),
  objectives: objectives.map((r) => ({ attained: r.attained, total: r.total })),
  reportLength: report.length,
  badCsv: bad._tag === 'Left' ? bad.left.map((p) => p.where) : [],
}
`

describe('every entry point in headless Chromium', () => {
  let browser: Browser
  let page: Page
  let log: PageLog

  beforeAll(async () => {
    ensureBuilt()
    browser = await launchChromium()
  })
  afterAll(async () => {
    await browser?.close()
  })

  const freshPage = async (
    html = '<!doctype html><title>t</title><div id="heatmap"></div><iframe id="report"></iframe>',
  ): Promise<void> => {
    await page?.close()
    page = await browser.newPage()
    log = watchPage(page)
    await page.setContent(html)
  }

  it.each(Object.entries(ENTRIES))('%s bundles with no warning and loads with all its exports', async (name, file) => {
    const { text, warnings } = await bundleForBrowser(`import * as m from '${name}'\nwindow.__names = Object.keys(m)`, {
      format: 'iife',
      minify: false,
    })
    expect(warnings.map((w) => w.text)).toEqual([])
    // No Node built-in on the browser path: esbuild refuses to bundle an import of one
    // for the browser, and the page has no Buffer or process for the code to lean on.
    await freshPage()
    expect(
      await page.evaluate(() => [
        typeof (globalThis as Record<string, unknown>)['Buffer'],
        typeof (globalThis as Record<string, unknown>)['process'],
      ]),
    ).toEqual(['undefined', 'undefined'])
    await page.addScriptTag({ content: text })
    const names = await page.evaluate(() => (globalThis as unknown as { __names: string[] }).__names)
    const inNode = Object.keys(await import(pathToFileURL(join(root, file)).href))
    expect(names.sort()).toEqual(inNode.sort())
    expect(log.errors).toEqual([])
  })

  it('runs the tour: decode, import a CSV given as text, edit, attainment, objectives, HTML report and heatmap', async () => {
    const { text, warnings } = await bundleForBrowser(TOUR, { format: 'iife' })
    expect(warnings).toEqual([])
    await freshPage()
    await page.addScriptTag({ content: text })
    const tour = await page.evaluate(() => (globalThis as unknown as { __tour: Record<string, unknown> }).__tour)

    // The same steps in Node, on the sources: the page must agree with the library's own result.
    const lib = await import('../../src/index.js')
    const { mhipEvaluation } = await import('../../src/data/mhip/index.js')
    const { importRatingsLong } = await import('../../src/io/index.js')
    const csv = 'site,workstream,standard,rating\nSSHT,Acute care,2.4,Partly met\nLeics,Voluntary sector,1.1,met\n'
    const edited = lib.edit(
      importRatingsLong(mhipEvaluation, csv),
      lib.rate({ unit: 'access', target: '2.4', level: 'met' }),
    )
    const result = lib.attainment(edited)
    expect(tour['total']).toEqual({ k: result.overall.total.k, n: result.overall.total.n })
    expect(tour['standard24']).toEqual(
      JSON.parse(JSON.stringify(result.overall.standards.find((s) => s.standard === '2.4'))),
    )
    // The edit and the import are visible: 2.4 has one met (access) and one partly (acute care) rating.
    expect(tour['standard24']).toMatchObject({ k: 1, n: 2 })
    expect(tour['objectives']).toEqual(
      lib.objectiveAttainment(edited).map((r) => ({ attained: r.attained, total: r.total })),
    )
    expect(tour['badCsv']).toEqual(['line 2'])

    // The heatmap is drawn in the page, the report rendered in its frame (4 tables, under its own CSP).
    expect(await page.locator('#heatmap svg rect').count()).toBeGreaterThan(11)
    const frame = page.frameLocator('#report')
    await expect.poll(() => frame.locator('table').count()).toBe(4)
    expect(log.errors).toEqual([])
    expect(log.requests.filter((u) => !u.startsWith('about:') && !u.startsWith('data:'))).toEqual([])
  })
})
