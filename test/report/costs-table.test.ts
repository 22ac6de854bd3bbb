import { describe, expect, it } from 'vitest'
import * as E from 'fp-ts/lib/Either.js'
import { spendTable, spendTableEither } from '../../src/report/costs-table.js'
import { renderHtml, renderMarkdown } from '../../src/report/table.js'
import type { CostEntry } from '../../src/model/costs.js'
import { mhipCostLedger, mhipEvaluation } from '../../src/data/mhip/index.js'

describe('spendTable', () => {
  it('renders E-MHIP Table 8 (L2127-L2132) from the embedded ledger as Markdown', () => {
    const md = renderMarkdown(spendTable({ ...mhipEvaluation, costs: mhipCostLedger }))
    const lines = md.split('\n').filter((l) => l.startsWith('|'))
    expect(lines[0]).toBe(
      '| Area of spend | South Staffordshire | Leicestershire | South West Yorkshire | South West London |',
    )
    expect(lines[2]).toBe('| Launch events, conferences, workshops | 6% | 9% | 6% | 28% |') // L2127
    expect(lines[6]).toBe('| Service user and carer involvement | 4% | 3% | 5% | 2% |') // L2131
    expect(lines[7]).toBe('| Additional staff hours (survey respondents only) | 1290 h | 1650 h | unknown | 2690 h |') // L2132
    expect(md).toContain('Hours reported by survey respondents only.')
  })

  it('shows ranges computed from entries, escapes text in HTML, and refuses a bad ledger', () => {
    const entry = (id: string, area: string, amount: unknown) =>
      ({
        id,
        site: 'leicestershire',
        funder: 'sha',
        area,
        kind: 'cash',
        amount,
        currency: 'GBP',
        priceYear: 2005,
      }) as CostEntry
    const ev = {
      ...mhipEvaluation,
      costs: {
        areas: [{ id: 'x', label: '<b>Awaydays</b>' }],
        entries: [entry('a', 'governance', 30), entry('b', 'x', { low: 10, high: 30 })],
      },
    }
    const t = spendTable(ev)
    // governance 30 of 40-60: 50-75%; awaydays 10-30 against 30: 25-50%
    expect(t.rows).toEqual([
      { category: 'Governance', leicestershire: '50–75%' },
      { category: '<b>Awaydays</b>', leicestershire: '25–50%' },
    ])
    expect(renderHtml(t)).toContain('&lt;b&gt;Awaydays&lt;/b&gt;')
    expect(E.isLeft(spendTableEither({ ...mhipEvaluation, costs: { entries: [entry('a', 'nowhere', 1)] } }))).toBe(true)
  })
})
