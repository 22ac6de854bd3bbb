import { describe, expect, it } from 'vitest'
import * as E from 'fp-ts/lib/Either.js'
import { mhipEvaluation } from '../../src/data/mhip/index.js'
import { objectivesTable, objectivesTableEither } from '../../src/report/objectives-table.js'
import { renderMarkdown } from '../../src/report/table.js'
import type { Evaluation } from '../../src/model/evaluation.js'

// Expected rows are E-MHIP Table 7 as printed (reference L1887-L1906; DOMAIN.md §3).
describe('objectivesTable', () => {
  const md = renderMarkdown(objectivesTable(mhipEvaluation, { unknown: 'not-attained' })).split('\n')

  it('prints each unit as Table 7 does, ? and blank attribution included', () => {
    expect(md).toContain('| South Staffordshire | Acute care | - |  | 0/1 | NA | ?/2 | Low | NA |')
    expect(md).toContain(
      '| South West London | Supporting clinical teams to optimise their capacity | 1/2 |  | 1/1 | Low | 1/1 | Low | Medium |',
    )
    expect(md).toContain(
      '| South West London | Supporting Strategic Service Development | 3/5 | Low | - |  | - |  | None at time of MHIP; high potential |',
    )
    expect(md).toContain('| South West Yorkshire | Service development (9 sub-units) | - |  | 0/9 | Low | - |  | Low |')
  })

  it("gives the site TOTAL rows of L1892, L1898, L1900, L1905 and the overall row of L1906 under the report's policy", () => {
    expect(md).toContain('|  | TOTAL South Staffordshire | 1 of 2 |  | 4 of 15 |  | 2 of 5 |  |  |')
    expect(md).toContain('|  | TOTAL Leicestershire | 5 of 11 |  | 3 of 6 |  | 1 of 5 |  |  |')
    expect(md).toContain('|  | TOTAL South West Yorkshire | - |  | 0 of 9 |  | - |  |  |')
    expect(md).toContain('|  | TOTAL South West London | 19 of 29 |  | 1 of 1 |  | 1 of 1 |  |  |')
    expect(md).toContain('| Overall |  | 25 of 42 |  | 8 of 31 |  | 4 of 11 |  |  |')
  })

  it('shows the unknown as a range under the default bounds policy (2 to 4 of 5)', () => {
    const rows = renderMarkdown(objectivesTable(mhipEvaluation)).split('\n')
    expect(rows).toContain('|  | TOTAL South Staffordshire | 1 of 2 |  | 4 of 15 |  | 2–4 of 5 |  |  |')
    expect(objectivesTable(mhipEvaluation).note).toContain('range')
  })

  it('has 15 unit rows, 4 site totals and an overall row', () => {
    expect(objectivesTable(mhipEvaluation).rows).toHaveLength(20)
  })

  it('refuses invalid objectives with the objectives module’s problems', () => {
    const bad: Evaluation = {
      ...mhipEvaluation,
      sites: [
        {
          ...mhipEvaluation.sites[0]!,
          units: [
            {
              ...mhipEvaluation.sites[0]!.units[0]!,
              objectiveCells: [{ type: 'outcome' as never, attained: 3, total: 2 }],
            },
          ],
        },
      ],
    }
    const r = objectivesTableEither(bad)
    expect(E.isLeft(r) && r.left.map((p) => p.expected)).toContain('attained ≤ total (2)')
    expect(() => objectivesTable(bad)).toThrow(/objectivesTable: 1 problem/)
  })
})
