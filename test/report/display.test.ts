import { writeFileSync, readFileSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  displayable,
  displayTable,
  isDisplayable,
  JUPYTER_DISPLAY,
  problemsTable,
  svgImage,
  type MimeBundle,
} from '../../src/report/display.js'
import { htmlTable, markdownTable } from '../../src/report/table.js'
import { attainment } from '../../src/standards/attainment.js'
import { objectiveAttainment } from '../../src/objectives/attainment.js'
import { mhipEvaluation } from '../../src/data/mhip/index.js'
import { attainmentTable } from '../../src/report/attainment-table.js'
import { objectivesTable } from '../../src/report/objectives-table.js'
import { attainmentHeatmapData } from '../../src/report/charts/heatmap-data.js'
import { heatmapSvg } from '../../src/report/charts/heatmap-svg.js'
import {
  heatmapVegaLite,
  objectivesBarVegaLite,
  VEGA_LITE_SCHEMA,
  VEGA_LITE_V5_SCHEMA,
} from '../../src/report/charts/vega-lite.js'
import { RealistError } from '../../src/model/problem.js'
import { decodeEvaluation } from '../../src/document/decode.js'
import { small } from './fixture.js'

// Deno's Jupyter kernel calls value[Symbol.for('Jupyter.display')]() and sends the bundle as it is;
// node can call the same method, which is what these tests do. The real kernel is exercised by
// `npm run test:notebook` (examples/notebook/mhip.ipynb).
const bundleOf = (value: unknown): MimeBundle => {
  expect(isDisplayable(value)).toBe(true)
  return (value as { [JUPYTER_DISPLAY]: () => MimeBundle })[JUPYTER_DISPLAY]()
}

describe('displayable', () => {
  const rows = [{ site: 'Leics', k: 1 }]
  const shown = displayable(rows, { html: (r) => htmlTable(r), markdown: (r) => markdownTable(r) })

  it("uses Deno's Jupyter symbol and returns text/plain (the Markdown by default), text/html and text/markdown", () => {
    expect(JUPYTER_DISPLAY).toBe(Symbol.for('Jupyter.display'))
    const markdown = '| site | k |\n| :-- | --: |\n| Leics | 1 |'
    expect(shown[Symbol.for('Jupyter.display') as typeof JUPYTER_DISPLAY]()).toEqual({
      'text/plain': markdown,
      'text/html':
        '<table><thead><tr><th scope="col">site</th><th scope="col" class="right">k</th></tr></thead><tbody><tr><td>Leics</td><td class="right">1</td></tr></tbody></table>',
      'text/markdown': markdown,
    })
    const own = displayable(rows, { html: () => '<p>x</p>', markdown: () => 'x', text: () => 'plain x' })
    expect(bundleOf(own)['text/plain']).toBe('plain x')
  })

  it('leaves the input untouched and the copy looking the same to data tools', () => {
    expect(isDisplayable(rows)).toBe(false)
    expect(isDisplayable(shown)).toBe(true)
    expect(Array.isArray(shown)).toBe(true)
    expect(JSON.stringify(shown)).toBe(JSON.stringify(rows))
    expect(Object.keys(shown)).toEqual(['0'])
    expect({ ...displayTable({ rows, columns: [] }) }).toEqual({ rows, columns: [] })
  })

  it('renders the current value of the copy', () => {
    const table = displayTable({ rows: [{ a: '<x>' }], columns: [{ key: 'a' as const }], caption: 'C' })
    expect(table[JUPYTER_DISPLAY]()['text/html']).toContain('<td style="text-align: left">&lt;x&gt;</td>')
    expect(table[JUPYTER_DISPLAY]()['text/markdown']).toBe('**C**\n\n| a |\n| :-- |\n| &lt;x&gt; |')
    expect(table[JUPYTER_DISPLAY]()['text/plain']).toBe('C\n\na\n---\n<x>')
  })
})

describe('report tables in a notebook', () => {
  const result = attainment(small)
  const table = attainmentTable(result, small)
  const bundle = bundleOf(table)

  it('align every cell by an inline style, text left and numbers right (no class that a notebook leaves unstyled)', () => {
    const html = bundle['text/html']!
    expect(html).not.toContain('class="right"')
    // Every header and data cell states its alignment.
    expect((html.match(/<t[hd] /g) ?? []).length).toBe((html.match(/style="text-align: (left|right)"/g) ?? []).length)
    // The standard and its wording (text) left; the figures right.
    expect(html).toContain(
      '<td style="text-align: left">1.1</td><td style="text-align: left">The organisation is ready for change</td>',
    )
    expect(html).toContain('<th scope="col" style="text-align: left">Wording</th>')
    expect(html).toMatch(/<th scope="col" style="text-align: right">n<\/th>/)
  })

  it('carry the figures of the hand-worked example in text/plain, aligned in columns', () => {
    // 1.1: met 2, partly 1, n/a 1 → 2 of 3 = 67%; Wilson 95% (0.2077, 0.9385) → 21–94%
    // (attainment-table.test.ts; R prop.test(2, 3, correct = FALSE)).
    const line = bundle['text/plain'].split('\n').find((l) => l.startsWith('1.1 '))!
    expect(line.split(/\s{2,}/)).toEqual([
      '1.1',
      'The organisation is ready for change',
      '67% (2)',
      '33% (1)',
      '0% (0)',
      '3',
      '2',
      '67%',
      '21–94%',
      '1',
      '11',
    ])
    expect(bundle['text/markdown']).toContain('| 1.1 | The organisation is ready for change | 67% (2) |')
  })

  it('keep the report’s own HTML (classes, under its style sheet) as it was', () => {
    // The self-contained report forbids inline styles by its content security policy.
    expect(htmlTable([{ site: 'Leics', k: 1 }])).toContain('<td class="right">1</td>')
  })

  it('Table 7 (objectives) displays with text/plain too', () => {
    const b = bundleOf(objectivesTable(mhipEvaluation))
    expect(Object.keys(b).sort()).toEqual(['text/html', 'text/markdown', 'text/plain'])
    expect(b['text/html']).not.toContain('class="right"')
  })
})

describe('results in a notebook', () => {
  it('an attainment result shows a compact table of its standards over all scopes, not the whole object', () => {
    const result = attainment(small)
    const b = bundleOf(result)
    const text = b['text/plain']
    // 1.1: 2 of 3, 67%, Wilson 95% 21–94%; 2.4: met 2 of 4 (partly and not met one each) = 50%,
    // Wilson 95% (0.1500, 0.8500) (R prop.test(2, 4, correct = FALSE)); pooled total 4 of 7 = 57%,
    // Wilson 95% (0.2505, 0.8418) (Newcombe 1998, Table I; R prop.test(4, 7, correct = FALSE)).
    const cells = (id: string) =>
      text
        .split('\n')
        .find((l) => l.startsWith(id))!
        .trim()
        .split(/\s{2,}/)
    expect(cells('1.1 ')).toEqual(['1.1', '2/3', '67%', '21–94%'])
    expect(cells('2.4 ')).toEqual(['2.4', '2/4', '50%', '15–85%'])
    expect(cells('Total')).toEqual(['Total (pooled)', '4/7', '57%', '25–84%'])
    // 1 round and all rounds × 4 sites and all sites = 10 scopes; the 11 standards of E-MHIP Table 5.
    expect(text).toContain('Attainment, all rounds and sites (10 scopes: see attainmentTable, attainmentRows)')
    expect(text.split('\n').filter((l) => /^\d\.\d /.test(l))).toHaveLength(11)
    expect(text).toContain('Policy: attained top, n/a exclude, unrated exclude, count standards, wilson')
    // Plain text only (a notebook shows it in a fixed-width font); attainmentTable gives the HTML table.
    expect(Object.keys(b)).toEqual(['text/plain'])
    // The whole result is tens of kilobytes as JSON; the display stays small.
    expect(JSON.stringify(result).length).toBeGreaterThan(20_000)
    expect(text.length).toBeLessThan(2_000)
    // The display is invisible to data tools.
    expect(Object.keys(result)).toEqual(['policy', 'framework', 'levels', 'scopes', 'overall'])
  })

  it('objective attainment shows attained of total with the unknowns, as E-MHIP reports it', () => {
    // E-MHIP L1910: "37 of the 84 objectives were achieved"; 2 objectives have an unknown outcome,
    // so the default bound is 37–39 of 84 (44–46%).
    const b = bundleOf(objectiveAttainment(mhipEvaluation))
    expect(b['text/plain']).toBe(
      'Objectives attained (unknown policy: bounds)\n\n' +
        '   Attained       %  Unknown\n' +
        '-----------  ------  -------\n' +
        '37–39 of 84  44–46%  2 of 84',
    )
    const bySite = bundleOf(objectiveAttainment(mhipEvaluation, { by: ['site'], unknown: 'not-attained' }))
    // Table 7, South West London's TOTAL row (L1905): 19/29 + 1/1 + 1/1 = 21 of 31 attained.
    expect(bySite['text/plain']).toContain('South West London     21 of 31  68%  0 of 31')
    expect(bySite['text/html']).toContain('<td style="text-align: left">South West London</td>')
  })

  it('a problem list shows as a table', () => {
    const bad = decodeEvaluation({ schemaVersion: 1, title: 42 })
    expect(bad._tag).toBe('Left')
    const problems = bad._tag === 'Left' ? bad.left : []
    const t = problemsTable(problems)
    const b = bundleOf(t)
    expect(t.caption).toBe(`${problems.length} problems`)
    expect(t.rows.find((r) => r.where === 'title')).toEqual({
      where: 'title',
      expected: 'a string',
      found: '42',
      code: 'shape',
    })
    expect(b['text/plain']).toMatch(/^\d+ problems\n\nWhere +Expected +Found +Code\n/)
    expect(problemsTable(problems, { max: 1 }).note).toBe(`… and ${problems.length - 1} more`)
    expect(() => problemsTable(undefined as never)).toThrow(RealistError)
    expect(() => problemsTable(undefined as never)).toThrow('problemsTable › problems: expected a list of problems')
  })
})

describe('charts in a notebook', () => {
  const data = attainmentHeatmapData(attainment(small), small)

  it('an SVG chart wrapped by svgImage shows as image/svg+xml, its markup still a string for files and pages', () => {
    const svg = heatmapSvg(data)
    expect(typeof svg).toBe('string')
    const image = svgImage(svg)
    expect(bundleOf(image)).toEqual({ 'image/svg+xml': svg, 'text/plain': `${data.title} (SVG image)` })
    expect(image.svg).toBe(svg)
    expect(`${image}`).toBe(svg)
    const dir = mkdtempSync(join(tmpdir(), 'realist-eval-svg-'))
    try {
      writeFileSync(join(dir, 'h.svg'), image.svg)
      expect(readFileSync(join(dir, 'h.svg'), 'utf8')).toBe(svg)
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
    expect(bundleOf(svgImage('<svg xmlns="http://www.w3.org/2000/svg"/>'))['text/plain']).toBe('SVG image')
  })

  it('a Vega-Lite spec shows as a v5 Vega-Lite bundle, the spec itself unchanged (v6)', () => {
    for (const spec of [heatmapVegaLite(data), objectivesBarVegaLite(mhipEvaluation)]) {
      const b = bundleOf(spec)
      expect(Object.keys(b).sort()).toEqual(['application/vnd.vegalite.v5+json', 'text/plain'])
      const v5 = b['application/vnd.vegalite.v5+json'] as Record<string, unknown>
      expect(v5['$schema']).toBe(VEGA_LITE_V5_SCHEMA)
      expect(spec.$schema).toBe(VEGA_LITE_SCHEMA)
      const { $schema: _a, ...rest } = v5
      const { $schema: _b, ...same } = JSON.parse(JSON.stringify(spec)) as Record<string, unknown>
      expect(rest).toEqual(same)
      expect(b['text/plain']).toBe(`${String(spec['title'])} (Vega-Lite chart)`)
      expect(Object.keys(spec)).not.toContain('toString')
    }
  })
})
