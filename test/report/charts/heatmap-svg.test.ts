import { describe, expect, it } from 'vitest'
import { attainment } from '../../../src/standards/attainment.js'
import { attainmentHeatmapData } from '../../../src/report/charts/heatmap-data.js'
import { heatmapSvg } from '../../../src/report/charts/heatmap-svg.js'
import { small } from '../fixture.js'
import type { Evaluation } from '../../../src/model/evaluation.js'

const count = (s: string, re: RegExp) => (s.match(re) ?? []).length

describe('attainmentHeatmapData', () => {
  const data = attainmentHeatmapData(attainment(small), small)
  it('has a row per standard plus the total, a column per site plus all sites', () => {
    expect(data.rows.map((r) => r.id)).toEqual([
      '1.1',
      '1.2',
      '2.1',
      '2.2',
      '2.3',
      '2.4',
      '3.1',
      '3.2',
      '3.3',
      '3.4',
      '4.1',
      'total',
    ])
    expect(data.columns.map((c) => c.label)).toEqual([
      'South Staffordshire',
      'Leicestershire',
      'South West Yorkshire',
      'South West London',
      'All sites',
    ])
    expect(data.cells).toHaveLength(12 * 5)
  })
  it('describes each cell with its counts and interval', () => {
    // SS × 1.1: met, partly (na left out) → 1/2; Wilson 95% for 1/2 = (0.0945, 0.9055) → 9–91%.
    const cell = data.cells.find((c) => c.row === '1.1' && c.column === 'south-staffordshire')!
    expect(cell).toMatchObject({ value: 0.5, text: '50%', k: 1, n: 2 })
    expect(cell.title).toBe(
      'South Staffordshire × 1.1 The organisation is ready for change: 50% attained (1 of 2), 95% CI 9–91%',
    )
    const empty = data.cells.find((c) => c.row === '1.1' && c.column === 'south-west-london')!
    expect(empty).toMatchObject({ value: null, text: '–' })
    expect(empty.title).toContain('no estimate')
  })
})

describe('heatmapSvg', () => {
  const svg = heatmapSvg(attainmentHeatmapData(attainment(small), small))

  it('is one standalone, accessible SVG element', () => {
    expect(
      svg.startsWith(
        '<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="Standards attained by site. Heatmap of',
      ),
    ).toBe(true)
    expect(svg.endsWith('</svg>')).toBe(true)
    expect(svg).toContain('<title>Standards attained by site</title><desc>')
    expect(svg).not.toMatch(/<script|href=|xlink|url\((?!#realist-eval-viridis)/)
  })

  it('draws one rect with its own <title> per cell, plus two legend rects', () => {
    expect(count(svg, /<g class="cell"><rect /g)).toBe(60)
    expect(count(svg, /<rect /g)).toBe(62)
    expect(svg).toContain(
      'fill="#21918c" data-row="1.1" data-column="south-staffordshire"><title>South Staffordshire × 1.1 The organisation is ready for change: 50% attained (1 of 2), 95% CI 9–91%</title></rect>',
    )
  })

  it('escapes data text, e.g. a site named with markup', () => {
    const evil: Evaluation = {
      ...small,
      sites: small.sites.map((s, i) => (i === 0 ? { ...s, name: '<script>alert(1)</script>' } : s)),
    }
    const out = heatmapSvg(attainmentHeatmapData(attainment(evil), evil))
    expect(out).not.toContain('<script>')
    expect(out).toContain('&lt;script&gt;')
  })

  it('draws a no-data note for empty data', () => {
    expect(heatmapSvg({ title: 't', description: 'd', valueLabel: 'v', rows: [], columns: [], cells: [] })).toContain(
      'No data to show.',
    )
  })
})
