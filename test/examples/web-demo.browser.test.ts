/**
 * The demo page (examples/web) in headless Chromium, opened from disk as a
 * person would open it: load the sample, change the denominator policy, check a
 * figure of the table against the library's own result, see an import problem
 * placed by line and column, use the keyboard; save a screenshot.
 * The screenshot goes to test/artifacts/web-demo.latest.png (ignored by git) on every run;
 * `npm run screenshot:web` runs this file with UPDATE_SCREENSHOT=1, which writes the README's
 * image, test/artifacts/web-demo.png, instead. So a test run never changes a committed file.
 * Any page error, console error (a CSP violation included) or network request fails it.
 */
import { execFileSync } from 'node:child_process'
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import * as E from 'fp-ts/lib/Either.js'
import { launchChromium, watchPage, type PageLog } from '../support/chromium.js'
import { attainment } from '../../src/index.js'
import { mhipEvaluation } from '../../src/data/mhip/index.js'
import { importRatingsLong, importRatingsLongEither } from '../../src/io/index.js'
import { formatPercent } from '../../src/report/index.js'
import { SAMPLE_CSV } from '../../examples/web/sample.js'

const root = join(__dirname, '..', '..')
const artifacts = join(root, 'test', 'artifacts')
const screenshot = join(artifacts, process.env.UPDATE_SCREENSHOT === '1' ? 'web-demo.png' : 'web-demo.latest.png')

/** The "% attained" cell of a standard's row in the page's attainment table. */
const percentCell = async (page: Page, standard: string): Promise<string> =>
  page.evaluate((id) => {
    const table = document.querySelector('#attainment table')!
    const headers = Array.from(table.querySelectorAll('thead th')).map((th) => th.textContent)
    const row = Array.from(table.querySelectorAll('tbody tr')).find((tr) => tr.querySelector('td')?.textContent === id)!
    return row.querySelectorAll('td')[headers.indexOf('% attained')]!.textContent ?? ''
  }, standard)

describe('the demo page in headless Chromium', () => {
  let browser: Browser
  let page: Page
  let log: PageLog

  beforeAll(async () => {
    execFileSync('node', [join(root, 'examples', 'web', 'build.mjs')], { cwd: root, stdio: 'pipe' })
    browser = await launchChromium()
    page = await browser.newPage({ viewport: { width: 1200, height: 1000 } })
    log = watchPage(page)
    await page.goto(pathToFileURL(join(root, 'examples', 'web', 'dist', 'index.html')).href)
  })
  afterAll(async () => {
    await browser?.close()
  })

  it('loads the sample and shows the figures the library computes, for each policy chosen', async () => {
    await page.getByRole('button', { name: 'Load the sample ratings' }).click()
    await expect.poll(() => page.locator('#status').textContent()).toBe('sample-ratings.csv imported.')
    const ev = importRatingsLong(mhipEvaluation, SAMPLE_CSV)
    const expected = (policy: Parameters<typeof attainment>[1]) => {
      const s = attainment(ev, policy).overall.standards.find((x) => x.standard === '2.4')!
      return formatPercent(s.proportion)
    }
    expect(await percentCell(page, '2.4')).toBe(expected({}))
    await page.getByRole('combobox', { name: 'Attained', exact: true }).selectOption('top-two')
    expect(await percentCell(page, '2.4')).toBe(expected({ attained: 'top-two' }))
    expect(expected({ attained: 'top-two' })).not.toBe(expected({})) // the change is visible
    await expect.poll(() => page.locator('#policy-text li').count()).toBeGreaterThan(0)
    expect(await page.locator('#heatmap svg').count()).toBe(1)
    expect(await page.locator('#objectives table tbody tr').count()).toBeGreaterThan(0)
    mkdirSync(artifacts, { recursive: true })
    await page.screenshot({ path: screenshot, fullPage: false })
  })

  it('lists import problems by line and column and keeps the previous figures', async () => {
    await page.setInputFiles('#file', {
      name: 'bad.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('site,workstream,standard,rating\nSSHT,Acute care,9.9,sort of\n'),
    })
    await expect.poll(() => page.locator('#problems li').count()).toBe(2)
    const items = await page.locator('#problems li').allTextContents()
    expect(items[0]).toMatch(/^line 2, column 3 \(standard\): expected/)
    expect(items[1]).toMatch(/^line 2, column 4 \(rating\): expected/)
    expect(await page.locator('#source').textContent()).toBe('Showing sample-ratings.csv.')
  })

  it('reads a file the scanner hands to csv-parse (broken quotes, CR line endings) as Node does', async () => {
    // The page's csv-parse is its ES module build with the part of Buffer it uses (examples/web/buffer.ts):
    // its problems, placed by line, are those the library gives in Node.
    const broken =
      'site,workstream,standard,rating\rSSHT,Acute care,1.1,met\rSSHT,Acute "care,1.2,met\rSSHT,"Acute care,2.4'
    const r = importRatingsLongEither(mhipEvaluation, broken)
    if (!E.isLeft(r)) throw new Error('expected the broken file to be refused')
    expect(r.left.length).toBeGreaterThan(0)
    await page.setInputFiles('#file', { name: 'broken.csv', mimeType: 'text/csv', buffer: Buffer.from(broken) })
    await expect.poll(() => page.locator('#problems li').count()).toBe(r.left.length)
    expect(await page.locator('#problems li').allTextContents()).toEqual(
      r.left.map((p) => `${p.where}: expected ${p.expected}, found ${p.found}`),
    )
  })

  it('is usable from the keyboard: the controls take focus in order, with labels', async () => {
    await page.locator('#file').focus()
    const order: string[] = []
    for (let i = 0; i < 6; i++) {
      await page.keyboard.press('Tab')
      order.push(await page.evaluate(() => document.activeElement?.id ?? ''))
    }
    expect(order).toEqual(['sample', 'sample-download', 'attained', 'na', 'unrated', 'dl-csv'])
    await page.locator('#attained').focus()
    await page.keyboard.press('ArrowDown') // a select changes from the keyboard
    expect(await page.locator('#attained').inputValue()).not.toBe('')
    for (const id of ['file', 'attained', 'na', 'unrated'])
      expect(await page.locator(`label[for="${id}"]`).count(), id).toBe(1)
  })

  it('made no network request and logged no error (CSP violations included)', () => {
    expect(
      log.requests.filter((u) => !u.startsWith('file:') && !u.startsWith('blob:') && !u.startsWith('data:')),
    ).toEqual([])
    expect(log.errors).toEqual([])
  })
})
