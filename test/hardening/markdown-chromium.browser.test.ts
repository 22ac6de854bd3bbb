/**
 * Fuzz: Markdown reports of documents whose every printed text holds
 * generated payloads (HTML, Markdown links and images, autolinks, entities,
 * table pipes, code spans), rendered with marked (which passes raw HTML
 * through) and opened in headless Chromium: nothing from the data runs,
 * opens a dialog, makes a request or becomes a link, image, frame or script.
 * FUZZ_RUNS / 100 documents (a page load and a report render cost about
 * 60 ms a document), 100 to a page.
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import * as fc from 'fast-check'
import { marked } from 'marked'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser } from 'playwright-core'
import { markdownReport } from '../../src/report/markdown-report.js'
import type { Evaluation } from '../../src/model/evaluation.js'
import { illustrative } from '../report/fixture.js'
import { launchChromium } from '../support/chromium.js'
import { FUZZ_RUNS, FUZZ_TIMEOUT } from './support.js'

const artifacts = join(__dirname, '..', 'artifacts')

/** Pieces that become markup, links or requests if they are ever written unescaped. */
const FRAGMENTS = [
  '<img src=x onerror="window.__xss=1;alert(1)">',
  '<script>window.__xss=2</script>',
  '<svg onload=window.__xss=3>',
  '![i](http://127.0.0.1:9/i.png)',
  '[l](javascript:window.__xss=4)',
  '[l](http://127.0.0.1:9/l)',
  '<http://127.0.0.1:9/a>',
  'http://127.0.0.1:9/b',
  'www.example.test',
  'a@b.test',
  '<iframe src="http://127.0.0.1:9/f"></iframe>',
  '&lt;b&gt;',
  '&#60;script&#62;',
  '`',
  '*',
  '_',
  '|',
  '#',
  '>',
  '\\',
  '[',
  ']',
  '(',
  ')',
  '!',
  '<',
  '"',
  "'",
  '\n',
  '  ',
  '- ',
  '1. ',
  '---',
  '\u2028',
]
const payload = fc
  .array(fc.oneof(fc.constantFrom(...FRAGMENTS), fc.string({ maxLength: 3 })), { minLength: 1, maxLength: 6 })
  .map((xs) => xs.join(''))

const hostile = (p: readonly string[]): Evaluation => {
  const at = (i: number) => p[i % p.length]!
  return {
    ...illustrative,
    title: `Report ${at(0)}`,
    framework: {
      ...illustrative.framework,
      scale: {
        ...illustrative.framework.scale,
        levels: illustrative.framework.scale.levels.map((l, i) => ({ ...l, label: `${l.label} ${at(i + 1)}` })),
      },
    },
    objectiveTypes: illustrative.objectiveTypes.map((t, i) => ({ ...t, label: `${t.label} ${at(i + 2)}` })),
    sites: illustrative.sites.map((s, i) => ({
      ...s,
      name: `${s.name} ${at(i + 3)}`,
      units: s.units.map((u, k) => ({ ...u, name: `${u.name} ${at(i + k + 4)}` })),
    })),
  }
}

const DOCUMENTS = Math.max(100, Math.round(FUZZ_RUNS / 100))
const PER_PAGE = 100

describe('fuzz: Markdown reports through marked, in headless Chromium', () => {
  let browser: Browser
  beforeAll(async () => {
    mkdirSync(artifacts, { recursive: true })
    browser = await launchChromium()
  }, 120_000)
  afterAll(async () => {
    await browser?.close()
  })

  it(
    `${DOCUMENTS} generated documents: no script, dialog, request, link, image or frame from the data`,
    async () => {
      const docs = fc.sample(fc.array(payload, { minLength: 1, maxLength: 8 }), { numRuns: DOCUMENTS, seed: 20261206 })
      for (let start = 0; start < docs.length; start += PER_PAGE) {
        const sections = await Promise.all(
          docs
            .slice(start, start + PER_PAGE)
            .map(async (p) => `<section>${await marked.parse(markdownReport(hostile(p)))}</section>`),
        )
        const file = join(artifacts, 'markdown-fuzz.html')
        writeFileSync(
          file,
          `<!doctype html><html><head><meta charset="utf-8"></head><body>${sections.join('\n')}</body></html>`,
        )
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
        const found = await page.evaluate(() => ({
          flag: (window as unknown as { __xss?: number }).__xss ?? null,
          scripts: document.querySelectorAll('script').length,
          images: document.querySelectorAll('img').length,
          frames: document.querySelectorAll('iframe, svg[onload]').length,
          links: Array.from(document.querySelectorAll('a[href]'), (a) => a.getAttribute('href')),
          sections: document.querySelectorAll('section').length,
        }))
        await page.close()
        expect({ ...found, dialogs, requests }).toEqual({
          flag: null,
          scripts: 0,
          images: 0,
          frames: 0,
          links: [],
          sections: Math.min(PER_PAGE, docs.length - start),
          dialogs: [],
          requests: [url],
        })
      }
    },
    FUZZ_TIMEOUT,
  )
})
