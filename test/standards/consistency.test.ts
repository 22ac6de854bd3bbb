import { describe, expect, it } from 'vitest'
import * as E from 'fp-ts/lib/Either.js'
import {
  checkPublishedFigures,
  consistentFractions,
  consistentFractionsEither,
  percentPossible,
  percentPossibleEither,
} from '../../src/standards/index.js'
import {
  emhipTable5,
  emhipTable5Figures,
  emhipTable5Total,
  emhipOverallSplit,
  EMHIP_WORKSTREAMS,
} from '../../src/data/emhip-table5.js'

describe('percentPossible (GRIM-like)', () => {
  it('19% is impossible for n = 15 but possible for n = 16 (3/16)', () => {
    // k/15 near 19%: 2/15 = 13.3%, 3/15 = 20% — neither rounds to 19
    const at15 = percentPossible(19, 15)
    expect(at15.possible).toBe(false)
    expect(at15.fractions).toEqual([])
    expect(at15.nearest).toEqual({ below: { k: 2, n: 15, percent: 40 / 3 }, above: { k: 3, n: 15, percent: 20 } })
    // 3/16 = 18.75% → 19
    expect(percentPossible(19, 16)).toMatchObject({ possible: true, fractions: [{ k: 3, n: 16, percent: 18.75 }] })
  })

  it('33% is possible for n = 15 (5/15 = 33.3%)', () => {
    expect(percentPossible(33, 15).fractions).toEqual([{ k: 5, n: 15, percent: 100 / 3 }])
  })

  it('0% is possible for any n, and so is 100%', () => {
    for (let n = 1; n <= 300; n++) {
      expect(percentPossible(0, n).fractions[0]).toEqual({ k: 0, n, percent: 0 })
      expect(percentPossible(100, n).possible).toBe(true)
    }
  })

  it('applies the rounding rule at exact halves', () => {
    // 1/8 = 12.5%: half-up → 13, half-even → 12
    expect(percentPossible(13, 8).possible).toBe(true)
    expect(percentPossible(13, 8, { rule: 'half-even' }).possible).toBe(false)
    expect(percentPossible(12, 8, { rule: 'half-even' }).possible).toBe(true)
    expect(percentPossible(12, 8).possible).toBe(false)
  })

  it('handles published decimals', () => {
    // 33.3% with one decimal: 1/3 = 33.33 → 33.3 ✓; 33.4 ✗ at n = 3
    expect(percentPossible(33.3, 3, { digits: 1 }).possible).toBe(true)
    expect(percentPossible(33.4, 3, { digits: 1 }).possible).toBe(false)
    expect(E.isLeft(percentPossibleEither(33.3, 3))).toBe(true) // more decimals than digits
  })

  it('refuses impossible input, naming it', () => {
    const r = percentPossibleEither(120, 0)
    expect(E.isLeft(r) && r.left.map((p) => p.where)).toEqual(['percentPossible › percent', 'percentPossible › n'])
    expect(() => percentPossible(NaN, 5)).toThrow(
      /percentPossible: 1 problem\n {2}- percentPossible › percent: expected a percentage from 0 to 100, found NaN/,
    )
  })
})

describe('consistentFractions', () => {
  it('lists every k/n up to a bound, checked by brute force over floating point', () => {
    for (const pct of [0, 13, 19, 21, 33, 44, 62, 100]) {
      const listed = consistentFractions(pct, 60).map((f) => `${f.k}/${f.n}`)
      const brute: string[] = []
      for (let n = 1; n <= 60; n++)
        for (let k = 0; k <= n; k++) if (Math.floor((100 * k) / n + 0.5 + 1e-9) === pct) brute.push(`${k}/${n}`)
      expect(listed).toEqual(brute)
    }
    expect(consistentFractions(19, 16)).toEqual([{ k: 3, n: 16, percent: 18.75 }])
  })
  it('refuses a bad bound', () => {
    expect(E.isLeft(consistentFractionsEither(19, 0))).toBe(true)
  })
})

// E-MHIP report, Table 5 (L1229-L1239): % of workstreams fully meeting each standard, as printed;
// the Total row (L1240) says 21 and the text (L1242) splits 21 / 62 / 17. Wordings are checked
// against the report text in test/provenance/table5.provenance.test.ts.
const TABLE_5 = [
  ['1.1', 19],
  ['1.2', 23],
  ['2.1', 44],
  ['2.2', 43],
  ['2.3', 33],
  ['2.4', 13],
  ['3.1', 18],
  ['3.2', 29],
  ['3.3', 22],
  ['3.4', 30],
  ['4.1', 0],
] as const

describe('E-MHIP Table 5 reference data', () => {
  it('ships each row with its printed percentage and the line it is printed on', () => {
    expect(emhipTable5.map((r) => [r.standard, r.percentFullyMet])).toEqual(TABLE_5)
    emhipTable5.forEach((r, i) => expect(r.ref.lines).toBe(`L${1229 + i}`))
    expect(emhipTable5Total.percentFullyMet).toBe(21)
    expect(emhipOverallSplit).toMatchObject({ met: 21, partly: 62, 'not-met': 17 })
    expect(EMHIP_WORKSTREAMS).toBe(15)
  })

  it('the Total (21) is not the mean of the column (24.9)', () => {
    // (19+23+44+43+33+13+18+29+22+30+0)/11 = 274/11 = 24.9
    const mean = emhipTable5.reduce((a, r) => a + r.percentFullyMet, 0) / 11
    expect(mean).toBeCloseTo(24.909, 3)
    expect(Math.round(mean)).not.toBe(emhipTable5Total.percentFullyMet)
  })

  it('with n = 15 workstreams, 8 of the 11 standard percentages are impossible', () => {
    // multiples of 1/15 in whole %: 0 7 13 20 27 33 40 47 53 60 67 73 80 87 93 100
    const checks = checkPublishedFigures(emhipTable5Figures.slice(0, 11), EMHIP_WORKSTREAMS)
    expect(checks.filter((c) => c.possible).map((c) => c.id)).toEqual(['2.3', '2.4', '4.1']) // 33, 13, 0
    expect(checks.filter((c) => !c.possible).map((c) => c.id)).toEqual([
      '1.1',
      '1.2',
      '2.1',
      '2.2',
      '3.1',
      '3.2',
      '3.3',
      '3.4',
    ])
    // 19% (1.1) cannot come from any n ≤ 15; the smallest denominator is 16 (3/16)
    expect(checks[0]).toMatchObject({ possibleNs: [], smallest: { k: 3, n: 16 } })
    // the others need fewer than 15 units, e.g. 44% = 4/9, 18% = 2/11, 30% = 3/10
    expect(checks.find((c) => c.id === '2.1')!.possibleNs).toEqual([9])
    expect(checks.find((c) => c.id === '3.1')!.possibleNs).toEqual([11])
    expect(checks.find((c) => c.id === '3.4')!.possibleNs).toEqual([10])
  })

  it('the Total and overall split are possible as 15 × 11 = 165 standard ratings, split 35 / 102 / 28', () => {
    const checks = checkPublishedFigures(emhipTable5Figures.slice(11), 15 * 11)
    expect(checks.every((c) => c.possible)).toBe(true)
    expect(checks.find((c) => c.id === 'overall-partly')!.fractions.map((f) => f.k)).toEqual([102, 103])
    expect(checks.find((c) => c.id === 'overall-not-met')!.fractions.map((f) => f.k)).toEqual([28])
  })
})
