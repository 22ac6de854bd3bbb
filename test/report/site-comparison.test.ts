import { describe, expect, it } from 'vitest'
import { mhipEvaluation } from '../../src/data/mhip/index.js'
import { attainment } from '../../src/standards/attainment.js'
import { objectiveSiteTable, siteComparisonTable } from '../../src/report/site-comparison.js'
import { renderMarkdown } from '../../src/report/table.js'
import { small } from './fixture.js'

describe('siteComparisonTable', () => {
  it('puts each site beside all sites, with k/n (hand-worked from the small fixture)', () => {
    const md = renderMarkdown(siteComparisonTable(attainment(small), small)).split('\n')
    expect(md[2]).toBe(
      '| Standard | Wording | South Staffordshire | Leicestershire | South West Yorkshire | South West London | All sites |',
    )
    // 1.1: SS acute met, transparent partly, values na → 1/2; Leics voluntary met → 1/1; all 2/3.
    expect(md).toContain(
      '| 1.1 | The organisation is ready for change | 50% (1/2) | 100% (1/1) | – (0/0) | – (0/0) | 67% (2/3) |',
    )
    // 2.4: SS partly, not met, met → 1/3; Leics met → 1/1; all 2/4.
    expect(md).toContain(
      '| 2.4 | All resource and budget implications of the desired change have been considered | 33% (1/3) | 100% (1/1) | – (0/0) | – (0/0) | 50% (2/4) |',
    )
    expect(md).toContain('| Total | pooled | 40% (2/5) | 100% (2/2) | – (0/0) | – (0/0) | 57% (4/7) |')
  })
})

describe('objectiveSiteTable', () => {
  it("reproduces the per-site totals of L1910-L1912 (7/22, 9/22, 0/9, 21/31; 37 of 84) under the report's policy", () => {
    const md = renderMarkdown(objectiveSiteTable(mhipEvaluation, { unknown: 'not-attained' })).split('\n')
    expect(md).toContain('| South Staffordshire | 1 of 2 (50%) | 4 of 15 (27%) | 2 of 5 (40%) | 7 of 22 (32%) |')
    expect(md).toContain('| Leicestershire | 5 of 11 (45%) | 3 of 6 (50%) | 1 of 5 (20%) | 9 of 22 (41%) |')
    expect(md).toContain('| South West Yorkshire | - | 0 of 9 (0%) | - | 0 of 9 (0%) |')
    expect(md).toContain('| South West London | 19 of 29 (66%) | 1 of 1 (100%) | 1 of 1 (100%) | 21 of 31 (68%) |')
    expect(md).toContain('| All sites | 25 of 42 (60%) | 8 of 31 (26%) | 4 of 11 (36%) | 37 of 84 (44%) |')
  })

  it('keeps the ? visible as a range by default', () => {
    const md = renderMarkdown(objectiveSiteTable(mhipEvaluation)).split('\n')
    // South Staffordshire outcome: 1/1 + 1/2 + ?/2 → 2 to 4 of 5.
    expect(md).toContain(
      '| South Staffordshire | 1 of 2 (50%) | 4 of 15 (27%) | 2–4 of 5 (40–80%) | 7–9 of 22 (32–41%) |',
    )
  })
})
