import { describe, expect, it } from 'vitest'
import { mhipEvaluation } from '../../../src/data/mhip/index.js'
import { objectivesBarSvg } from '../../../src/report/charts/objective-bars-svg.js'

describe('objectivesBarSvg', () => {
  const svg = objectivesBarSvg(mhipEvaluation)
  it('is an accessible standalone SVG', () => {
    expect(svg).toMatch(
      /^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" role="img" aria-label="Objectives attained by type and site\./,
    )
    expect(svg).toContain('<title>Objectives attained by type and site</title>')
  })
  it('draws one titled segment per non-zero status of each site × type (Table 7 counts)', () => {
    // South Staffordshire outcome: 1/1, 1/2, ?/2 → 2 attained, 2 unknown, 1 not attained (L1887-L1890).
    expect(svg).toContain('<title>South Staffordshire × Outcome changes: 2 attained of 5</title>')
    expect(svg).toContain('<title>South Staffordshire × Outcome changes: 2 unknown of 5</title>')
    expect(svg).toContain('<title>South Staffordshire × Outcome changes: 1 not attained of 5</title>')
    expect(svg).toContain('>2 + 2 unknown of 5<')
    // South West Yorkshire has no analysis & planning objectives: no bar, the word "none".
    expect(svg).not.toContain('South West Yorkshire × Analysis &amp; planning')
    // Segments: data-status rects only (legend rects have none).
    const segments = svg.match(/data-status="/g)!.length
    // Non-zero statuses per site × type, from the site totals of Table 7 (L1892-L1905):
    // SS: A&P 1/2 (2), process 4/15 (2), outcome 2 + 2? of 5 (3) = 7; Leics: 5/11, 3/6, 1/5 = 6;
    // SWY: process 0/9 (1) = 1; SWL: A&P 19/29 (2), process 1/1 (1), outcome 1/1 (1) = 4. Total 18.
    expect(segments).toBe(18)
  })
})
