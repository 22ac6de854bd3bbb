/**
 * Every SVG the library draws stays a well-formed XML document whatever the data's text holds:
 * C0 controls, U+FFFE/U+FFFF, lone surrogates (XML 1.0's `Char` production excludes them all, and no
 * entity can stand for them) and U+2028. Checked by parsing each SVG with Chromium's DOMParser as
 * `image/svg+xml`, the XML parser a browser uses for an SVG file: a well-formedness error gives a
 * <parsererror> element. The same names go through the Vega-Lite specs, which Vega must still render.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import * as vega from 'vega'
import { compile } from 'vega-lite'
import { launchChromium } from '../../support/chromium.js'
import { mhipEvaluation } from '../../../src/data/mhip/index.js'
import type { Evaluation } from '../../../src/model/evaluation.js'
import { heatmapSvg } from '../../../src/report/charts/heatmap-svg.js'
import type { HeatmapData } from '../../../src/report/charts/heatmap-data.js'
import { objectivesBarSvg } from '../../../src/report/charts/objective-bars-svg.js'
import { qcaXyPlotSvg } from '../../../src/report/charts/xy-svg.js'
import { heatmapVegaLite, objectivesBarVegaLite, type VegaLiteSpec } from '../../../src/report/charts/vega-lite.js'
import { escapeHtml, jsonText, xmlSafe } from '../../../src/report/escape.js'

// A name with every kind of character XML refuses, plus U+2028/U+2029 (allowed in XML, refused by Vega's
// expression parser) and a pair of surrogates that must survive (U+1F600).
const EVIL = 'Ward\u0001\u0008\u000B\u000C\u001F\uFFFE\uFFFF\uD800x\uDC00y\u2028z\u2029 \uD83D\uDE00'

const heat: HeatmapData = {
  title: `Heat ${EVIL}`,
  description: EVIL,
  valueLabel: EVIL,
  rows: [{ id: 'r', label: EVIL, description: EVIL }],
  columns: [{ id: 'c', label: EVIL }],
  cells: [{ row: 'r', column: 'c', value: 0.5, text: EVIL, title: EVIL }],
}
const evilDoc = (): Evaluation => ({
  ...mhipEvaluation,
  sites: mhipEvaluation.sites.map((s, i) => (i === 0 ? { ...s, name: EVIL } : s)),
  objectiveTypes: mhipEvaluation.objectiveTypes.map((t, i) => (i === 0 ? { ...t, label: `${EVIL} type` } : t)),
})

describe('SVG output is well-formed XML whatever the names hold (Chromium DOMParser)', () => {
  let browser: Browser
  let page: Page
  beforeAll(async () => {
    browser = await launchChromium()
    page = await browser.newPage()
  })
  afterAll(async () => {
    await browser?.close()
  })
  const parseErrors = (svg: string) =>
    page.evaluate((text) => {
      const doc = new DOMParser().parseFromString(text, 'image/svg+xml')
      const err = doc.getElementsByTagName('parsererror')[0]
      return {
        error: err?.textContent ?? null,
        root: doc.documentElement.localName,
        text: doc.documentElement.textContent ?? '',
      }
    }, svg)

  it('the raw name is not well-formed XML (the check can fail)', async () => {
    const r = await parseErrors(`<svg xmlns="http://www.w3.org/2000/svg"><text>${EVIL}</text></svg>`)
    expect(r.error).not.toBeNull()
  })

  it.each([
    ['heatmapSvg', () => heatmapSvg(heat)],
    ['objectivesBarSvg', () => objectivesBarSvg(evilDoc())],
    [
      'qcaXyPlotSvg',
      () =>
        qcaXyPlotSvg(
          [
            { case: EVIL, A: 0.8, Y: 0.9 },
            { case: 'b', A: 0.3, Y: 0.1 },
          ],
          'A',
          'Y',
        ),
    ],
  ])('%s parses as SVG, with U+FFFD for each refused character and the emoji kept', async (_, draw) => {
    const r = await parseErrors(draw())
    expect(r.error).toBeNull()
    expect(r.root).toBe('svg')
    expect(r.text).toContain('Ward\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD\uFFFDx\uFFFDy')
    expect(r.text).toContain('\uD83D\uDE00')
  })
})

describe('long labels', () => {
  it('the heatmap shortens a long column label between code points, never inside a surrogate pair', () => {
    const emoji = '\uD83D\uDE00'.repeat(60)
    const svg = heatmapSvg({
      title: 'T',
      description: 'D',
      valueLabel: 'V',
      rows: [{ id: 'r', label: 'R' }],
      columns: [{ id: 'c', label: emoji }],
      cells: [{ row: 'r', column: 'c', value: 0.5, text: 'x', title: 'x' }],
    })
    expect(svg).toContain('…')
    expect(svg).not.toContain('\uFFFD')
    expect(svg).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/)
  })
})

describe('xmlSafe and escapeHtml', () => {
  it('replace exactly the characters outside XML 1.0 Char with U+FFFD; tab, LF, CR and pairs stay', () => {
    expect(xmlSafe('a\u0000b\tc\nd\re\uFFFEf\uD800g\uD83D\uDE00')).toBe('a\uFFFDb\tc\nd\re\uFFFDf\uFFFDg\uD83D\uDE00')
    expect(escapeHtml('<\u0007>')).toBe('&lt;\uFFFD&gt;')
  })
})

describe('U+2028 and U+2029 in Vega-Lite specs and JSON text', () => {
  const render = async (spec: VegaLiteSpec) => {
    const view = new vega.View(vega.parse(compile(spec as never).spec), { renderer: 'none' })
    await view.runAsync()
    const svg = await view.toSVG()
    view.finalize()
    return svg
  }

  it('Vega refuses a raw U+2028 in a sort label (the failure the specs avoid)', async () => {
    const spec = objectivesBarVegaLite(mhipEvaluation) as VegaLiteSpec & { encoding: { column: { sort: string[] } } }
    const broken = { ...spec, encoding: { ...spec.encoding, column: { ...spec.encoding.column, sort: ['a\u2028b'] } } }
    await expect(render(broken)).rejects.toThrow(/ILLEGAL/)
  })

  it('the specs render in Vega with such names, as spaces, and carry no XML-illegal character', async () => {
    for (const spec of [objectivesBarVegaLite(evilDoc()), heatmapVegaLite(heat)]) {
      const text = JSON.stringify(spec)
      expect(text).not.toMatch(/[\u2028\u2029]/)
      expect(xmlSafe(text)).toBe(text)
      expect(await render(spec)).toContain('z')
    }
  })

  it('jsonText escapes U+2028 and U+2029 and parses back to the same value', () => {
    const value = { name: EVIL, list: ['\u2029'] }
    const text = jsonText(value, 2)
    expect(text).not.toMatch(/[\u2028\u2029]/)
    expect(text).toContain('\\u2028')
    expect(JSON.parse(text)).toEqual(value)
    expect(jsonText(undefined)).toBe('null')
  })
})
