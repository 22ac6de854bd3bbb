import { describe, expect, it } from 'vitest'
import * as E from 'fp-ts/lib/Either.js'
import {
  costEntryRows,
  importCostEntries,
  importCostEntriesEither,
  readCostAmountEither,
} from '../../../src/io/import/costs.js'
import { toCsv } from '../../../src/io/csv/write.js'
import { costTotals } from '../../../src/economics/totals.js'
import { RealistError } from '../../../src/model/problem.js'
import { mhipEvaluation } from '../../../src/data/mhip/index.js'

const HEADER = 'id,site,funder,area,kind,amount,currency,price year,source\n'

describe('readCostAmount', () => {
  it('reads a number, a range, a lower bound ("960,000+", as the report prints population, L809) and unknown', () => {
    expect(readCostAmountEither('£40,000')).toEqual(E.right(40000))
    expect(readCostAmountEither('1,000–2,500')).toEqual(E.right({ low: 1000, high: 2500 }))
    expect(readCostAmountEither('1000-2500')).toEqual(E.right({ low: 1000, high: 2500 }))
    expect(readCostAmountEither('960,000+')).toEqual(E.right({ atLeast: 960000 }))
    expect(readCostAmountEither('--')).toEqual(E.right('unknown'))
    expect(readCostAmountEither('12.5')).toEqual(E.right(12.5))
    expect(E.isLeft(readCostAmountEither(''))).toBe(true)
    expect(E.isLeft(readCostAmountEither('forty'))).toBe(true)
    expect(E.isLeft(readCostAmountEither('-5'))).toBe(true)
  })
})

describe('importCostEntries', () => {
  it('imports rows by site name or alias, and the totals follow', () => {
    const ev = importCostEntries(
      mhipEvaluation,
      HEADER +
        'e1,Leicestershire,programme-grant,implementation-team,cash,"£40,000",GBP,2005,L2052\n' +
        'e2,Leicestershire,sha,governance,in-kind,"10,000-30,000",GBP,2005,\n' +
        'e3,South Staffordshire,host-trust,governance,staff-time,unknown,GBP,2005,\n',
    )
    expect(ev.costs?.entries?.map((e) => [e.id, e.site, e.amount])).toEqual([
      ['e1', 'leicestershire', 40000],
      ['e2', 'leicestershire', { low: 10000, high: 30000 }],
      ['e3', 'south-staffordshire', 'unknown'],
    ])
    expect(ev.costs?.entries?.[0]?.ref).toEqual({ lines: 'L2052' })
    expect(costTotals(ev).map((r) => [r.site, r.low, r.high])).toEqual([
      ['leicestershire', 50000, 70000],
      ['south-staffordshire', 0, null],
    ])
  })

  it('round-trips through costEntryRows and toCsv', () => {
    const ev = importCostEntries(
      mhipEvaluation,
      HEADER + 'e1,leicestershire,partners,training,cash,"960,000+",GBP,2005,L809\n',
    )
    const again = importCostEntries(mhipEvaluation, toCsv(costEntryRows(ev)))
    expect(again.costs).toEqual(ev.costs)
  })

  it('names every bad cell by line and column, all or nothing', () => {
    const r = importCostEntriesEither(
      mhipEvaluation,
      HEADER +
        'e1,Atlantis,lottery,parties,cash,"5-2",pounds,05,\ne1,Leicestershire,sha,governance,gift,10,GBP,2005,\n',
    )
    expect(E.isLeft(r) && r.left.map((p) => `${p.where} [${p.code}]`)).toEqual([
      expect.stringMatching(/^line 2, column 2 \(site\)/),
      expect.stringMatching(/^line 2, column 3 \(funder\).* \[reference\]$/),
      expect.stringMatching(/^line 2, column 4 \(area\).* \[reference\]$/),
      expect.stringMatching(/^line 2, column 6 \(amount\).* \[consistency\]$/),
      expect.stringMatching(/^line 2, column 7 \(currency\)/),
      expect.stringMatching(/^line 2, column 8 \(price year\)/),
      expect.stringMatching(/^line 3, column 1 \(id\).* \[duplicate\]$/),
      expect.stringMatching(/^line 3, column 5 \(kind\)/),
    ])
    expect(() => importCostEntries(mhipEvaluation, 'id,site\n')).toThrow(RealistError)
  })
})
