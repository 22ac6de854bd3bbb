import { describe, expect, it } from 'vitest'
import * as E from 'fp-ts/lib/Either.js'
import { hiddenTime, hiddenTimeEither } from '../../src/economics/hidden-time.js'
import type { CostLedger, HiddenTime } from '../../src/model/costs.js'
import type { Evaluation } from '../../src/model/evaluation.js'
import { RealistError } from '../../src/model/problem.js'
import { mhipCostLedger, mhipEvaluation } from '../../src/data/mhip/index.js'

// Test ledgers are written with plain-string site ids, as a JSON document would have them.
type Hidden = Omit<HiddenTime, 'hours' | 'surveys'> & {
  hours: Record<string, unknown>[]
  surveys?: Record<string, unknown>[]
}
const withHidden = (hidden: Hidden): Evaluation => ({
  ...mhipEvaluation,
  costs: { hiddenTime: hidden as unknown as HiddenTime },
})
const SCENARIOS = [
  { id: 'base', label: 'Base', hoursEach: 0 },
  { id: 'twelve', label: '12 h each', hoursEach: 12 },
]

describe('hiddenTime on the embedded E-MHIP ledger (Table 8, L2132; 40 % response, L2118)', () => {
  const rows = hiddenTime({ ...mhipEvaluation, costs: mhipCostLedger })

  it("gives the base case as Table 8's respondent hours, South West Yorkshire unknown (--), every row with its scenario", () => {
    const base = rows.filter((r) => r.scenario === 'base')
    expect(base.map((r) => [r.site, r.hoursLow, r.hoursHigh])).toEqual([
      ['south-staffordshire', 1290, 1290],
      ['leicestershire', 1650, 1650],
      ['south-west-yorkshire', null, null],
      ['south-west-london', 2690, 2690],
    ])
    expect(rows.every((r) => r.scenario === 'base' || r.scenario === 'twelve-hours')).toBe(true)
    expect(rows).toHaveLength(8)
  })

  it('leaves the 12-hour case open above: the report gives a response rate but no respondent counts', () => {
    const twelve = rows.filter((r) => r.scenario === 'twelve-hours')
    expect(twelve.map((r) => [r.hoursLow, r.hoursHigh, r.nonRespondents])).toEqual([
      [1290, null, null],
      [1650, null, null],
      [null, null, null],
      [2690, null, null],
    ])
    expect(twelve[0]!.fteLow).toBeNull() // no contracted hours stated in the report
  })
})

describe('hiddenTime with counts, unit costs and contracted hours (hand-worked)', () => {
  const hidden: Hidden = {
    hours: [
      { site: 'leicestershire', band: 'band-5', hours: 1000 },
      { site: 'leicestershire', band: 'band-8', hours: 650 },
      { site: 'south-west-london', band: 'band-5', hours: 2690 },
    ],
    // Leicestershire: 50 invited, 20 responded → 30 non-respondents.
    // South West London: 24 responded at the overall 40 % → 24 × 0.6 / 0.4 = 36 non-respondents.
    surveys: [
      { site: 'leicestershire', invited: 50, responded: 20 },
      { site: 'south-west-london', responded: 24 },
      { responseRate: 0.4 },
    ],
    // Invented unit costs for the arithmetic.
    unitCosts: [
      { band: 'band-5', perHour: 30, currency: 'GBP', priceYear: 2006 },
      { band: 'band-8', perHour: 50, currency: 'GBP', priceYear: 2006 },
    ],
    scenarios: SCENARIOS,
    contractedHours: { perYear: 1950 },
  }
  const rows = hiddenTime(withHidden(hidden))

  it('Leicestershire: base 1,650 h = 0.846 FTE, £62,500; 12 h × 30 = +360 h → 2,010 h = 1.031 FTE, £73,300-£80,500', () => {
    const [base, twelve] = rows.filter((r) => r.site === 'leicestershire')
    // base: 1000 × 30 + 650 × 50 = 30,000 + 32,500 = 62,500
    expect(base).toMatchObject({
      nonRespondents: 30,
      hoursLow: 1650,
      hoursHigh: 1650,
      costLow: 62500,
      costHigh: 62500,
      currency: 'GBP',
    })
    expect(base!.fteLow).toBeCloseTo(1650 / 1950, 12)
    // 12 h: 360 extra hours priced from the cheapest band (30) to the dearest (50): 62,500 + 10,800 / + 18,000
    expect(twelve).toMatchObject({ hoursEach: 12, hoursLow: 2010, hoursHigh: 2010, costLow: 73300, costHigh: 80500 })
    expect(twelve!.fteHigh).toBeCloseTo(2010 / 1950, 12)
  })

  it('South West London: 36 non-respondents from 24 respondents at 40 %; a scenario band prices them at one rate', () => {
    const [, twelve] = rows.filter((r) => r.site === 'south-west-london')
    expect(twelve!.nonRespondents).toBeCloseTo(36, 12)
    expect(twelve!.hoursLow).toBeCloseTo(2690 + 432, 9)
    const banded = hiddenTime(
      withHidden({ ...hidden, scenarios: [{ id: 'twelve', label: '12 h at band 5', hoursEach: 12, band: 'band-5' }] }),
    )
    const swl = banded.find((r) => r.site === 'south-west-london')!
    expect(swl.costLow).toBeCloseTo(2690 * 30 + 432 * 30, 6)
    expect(swl.costHigh).toBeCloseTo(2690 * 30 + 432 * 30, 6)
  })

  it('uses the base case alone when no scenario is named', () => {
    const rows2 = hiddenTime(withHidden({ hours: [{ site: 'leicestershire', band: 'x', hours: 10 }] }))
    expect(rows2.map((r) => [r.scenario, r.hoursLow])).toEqual([['base', 10]])
  })

  it('refuses a negative hour, an unknown site or band, and mixed currencies, with paths', () => {
    const bad = (h: Hidden) => {
      const r = hiddenTimeEither(withHidden(h))
      return E.isLeft(r) ? r.left.map((p) => `${p.path.join('.')} [${p.code}]`) : []
    }
    expect(bad({ ...hidden, hours: [{ site: 'nowhere', band: 'band-9', hours: 3 }] })).toEqual([
      'costs.hiddenTime.hours.0.site [reference]',
      'costs.hiddenTime.hours.0.band [reference]',
    ])
    expect(
      bad({
        ...hidden,
        unitCosts: [...hidden.unitCosts!.slice(0, 1), { band: 'band-8', perHour: 1, currency: 'EUR', priceYear: 2006 }],
      }),
    ).toEqual(['costs.hiddenTime.unitCosts.1.currency [consistency]'])
    // A negative hour is a shape problem the decoder reports (test/model/costs.test.ts); a document built in code is caught here.
    expect(bad({ ...hidden, hours: [{ site: 'leicestershire', band: 'band-5', hours: -4 }] })).toEqual([
      'costs.hiddenTime.hours.0.hours [value]',
    ])
    expect(() => hiddenTime(undefined as never)).toThrow(RealistError)
    const none: CostLedger = {}
    expect(hiddenTime({ ...mhipEvaluation, costs: none })).toEqual([])
  })
})
