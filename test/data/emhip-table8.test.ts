import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  emhipEconomicFigures,
  emhipTable8Areas,
  emhipTable8Footnote,
  emhipTable8Hours,
  emhipTable8Sites,
  mhipCostLedger,
  mhipEvaluation,
} from '../../src/data/mhip/index.js'
import { shareSums, spendShares } from '../../src/economics/index.js'
import { encodeEvaluation } from '../../src/model/codec.js'
import { decodeEvaluation } from '../../src/document/decode.js'

// test/data/emhip-table8.tsv holds Table 8 (L2126-L2132) and its footnote (L2134) verbatim;
// the provenance suite checks the file's lines against the report text itself.
const lines = readFileSync(join(__dirname, 'emhip-table8.tsv'), 'utf8')
  .split('\n')
  .filter((l) => l !== '' && !l.startsWith('#'))
const cells = lines.map((l) => l.split('\t'))

describe('E-MHIP Table 8 (L2124-L2134), cell for cell', () => {
  it('has the four sites in printed order (L2126)', () => {
    expect(cells[0]).toEqual(['Area of spend/site', ...emhipTable8Sites.map((s) => s.printed)])
    expect(emhipTable8Sites.map((s) => s.site)).toEqual(mhipEvaluation.sites.map((s) => s.id))
  })

  it('has the five area rows, label and percentages as printed (L2127-L2131)', () => {
    expect(emhipTable8Areas).toHaveLength(5)
    emhipTable8Areas.forEach((row, k) => {
      expect(cells[k + 1]).toEqual([row.label, ...row.percents.map((p) => `${p}%`)])
      expect(row.ref.lines).toBe(`L${2127 + k}`)
    })
  })

  it('has the hours row 1290 / 1650 / -- / 2690, with -- as unknown, never 0 (L2132)', () => {
    expect(cells[6]).toEqual([emhipTable8Hours.label, ...emhipTable8Hours.printed])
    expect(emhipTable8Hours.hours).toEqual([1290, 1650, null, 2690])
    expect(emhipTable8Hours.printed.map((p) => (p === '--' ? null : Number(p.replace(' hours', ''))))).toEqual(
      emhipTable8Hours.hours,
    )
    expect(emhipTable8Hours.ref.lines).toBe('L2132')
  })

  it('has the footnote that the hours are survey respondents only (L2134)', () => {
    expect(lines[7]).toBe(`\\*${emhipTable8Footnote.text}`)
  })

  it('each site column sums to exactly 100 % (L2127-L2131: 6+26+44+20+4, 9+30+53+5+3, 6+48+17+24+5, 28+40+26+4+2)', () => {
    const sums = shareSums(
      emhipTable8Sites.map((s, k) => ({ id: s.site, percents: emhipTable8Areas.map((r) => r.percents[k]!) })),
    )
    expect(sums.map((r) => [r.id, r.sum, r.consistent])).toEqual([
      ['south-staffordshire', 1, true],
      ['leicestershire', 1, true],
      ['south-west-yorkshire', 1, true],
      ['south-west-london', 1, true],
    ])
  })

  it("reproduces the chapter's statements read off Table 8 (L2103, L2136)", () => {
    // L2136: user and carer involvement "no more than 5% of the total"
    const carers = emhipTable8Areas.find((r) => r.area === 'user-carer-involvement')!
    expect(Math.max(...carers.percents)).toBe(5)
    // L2103: "most were absorbed by governance activities and the implementation team"
    emhipTable8Sites.forEach((_, k) => {
      const g = emhipTable8Areas.find((r) => r.area === 'governance')!.percents[k]!
      const t = emhipTable8Areas.find((r) => r.area === 'implementation-team')!.percents[k]!
      expect(g + t).toBeGreaterThan(50)
    })
  })
})

describe("the chapter's stated figures (L2052, L2058, L2060, L2089, L2118, L2804)", () => {
  it('total £164,000-£458,000 (L2052, L2804); grant 6-42 % (L2052, L2089); other national support 9-29 % (L2058)', () => {
    expect(emhipEconomicFigures.totalCost).toMatchObject({ low: 164000, high: 458000, currency: 'GBP' })
    expect(emhipEconomicFigures.grantShare).toMatchObject({ low: 0.06, high: 0.42 })
    expect(emhipEconomicFigures.otherNationalShare).toMatchObject({ low: 0.09, high: 0.29 })
  })

  it('the SHA up to a quarter (L2060); 40 % response (L2118); 0 h base and 12 h ≈ one-third post sensitivity (L2118)', () => {
    expect(emhipEconomicFigures.shaShare).toMatchObject({ low: 0, high: 0.25 })
    expect(emhipEconomicFigures.responseRate.value).toBe(0.4)
    expect(emhipEconomicFigures.baseHoursEach.value).toBe(0)
    expect(emhipEconomicFigures.sensitivity).toMatchObject({ hoursEach: 12, postFraction: 1 / 3 })
    expect(emhipEconomicFigures.fteClaim).toMatchObject({ fte: 1, sites: 3, of: 4 })
  })

  it('the stated share ranges leave room for the rest: grant + other national + SHA at their highs is 96 % (42 + 29 + 25)', () => {
    const f = emhipEconomicFigures
    expect(Math.round((f.grantShare.high + f.otherNationalShare.high + f.shaShare.high) * 100)).toBe(96)
    expect(f.grantShare.low + f.otherNationalShare.low).toBeLessThan(1)
  })
})

describe('mhipCostLedger', () => {
  it('is a valid ledger of the embedded dataset and gives Table 8 back as published shares (proportions)', () => {
    const ev = { ...mhipEvaluation, costs: mhipCostLedger }
    const decoded = decodeEvaluation(encodeEvaluation(ev))
    expect(decoded._tag).toBe('Right')
    const shares = spendShares(ev)
    expect(shares).toHaveLength(20)
    expect(shares.every((r) => r.source === 'published' && r.low === r.high)).toBe(true)
    const cell = (site: string, area: string) => shares.find((r) => r.site === site && r.category === area)!.low
    expect(cell('south-west-london', 'launch-events')).toBe(0.28) // L2127
    expect(cell('south-west-yorkshire', 'governance')).toBe(0.48) // L2128
    expect(cell('leicestershire', 'implementation-team')).toBe(0.53) // L2129
    expect(cell('south-staffordshire', 'training')).toBe(0.2) // L2130
    expect(cell('south-west-london', 'user-carer-involvement')).toBe(0.02) // L2131
  })
})
