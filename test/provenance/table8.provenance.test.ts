import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  emhipEconomicFigures,
  emhipTable8Areas,
  emhipTable8Footnote,
  emhipTable8Hours,
} from '../../src/data/mhip/index.js'
import { line, reference } from './reference.js'

// Provenance: the Table 8 fixture and the embedded economic figures are printed so in the E-MHIP report.
describe('E-MHIP Table 8 and chapter 5 figures against the report text', () => {
  it('the fixture test/data/emhip-table8.tsv is L2126-L2132 and L2134 verbatim', () => {
    const fixture = readFileSync(join(__dirname, '..', 'data', 'emhip-table8.tsv'), 'utf8')
      .split('\n')
      .filter((l) => l !== '' && !l.startsWith('#'))
    expect(fixture).toEqual([...reference.slice(2125, 2132), reference[2133]])
    expect(reference[2123]).toBe('**Table 8. Proportional spend of MHIP resources in Year 1**')
  })

  it('each embedded row is on the line it cites', () => {
    for (const r of emhipTable8Areas)
      expect(line(r.ref.lines)).toBe([r.label, ...r.percents.map((p) => `${p}%`)].join('\t'))
    expect(line(emhipTable8Hours.ref.lines)).toBe([emhipTable8Hours.label, ...emhipTable8Hours.printed].join('\t'))
    expect(line(emhipTable8Footnote.ref.lines)).toBe(`\\*${emhipTable8Footnote.text}`)
  })

  it('each stated figure is worded so on the line it cites', () => {
    const f = emhipEconomicFigures
    expect(line(f.totalCost.ref.lines)).toContain(
      'The total cost amounted to between £164,000 and £458,000 in the first year',
    )
    expect(reference[2803]).toContain('total costs of between £164,000 and £458,000 in the first year')
    expect(line(f.grantShare.ref.lines)).toContain('contributed only between 6 and 42% of the total costs')
    expect(reference[2088]).toContain('between 6% and 42% of total MHIP activities')
    expect(line(f.otherNationalShare.ref.lines)).toContain(
      'estimated to amount to between 9% and 29% of the total cost',
    )
    expect(line(f.shaShare.ref.lines)).toContain(
      'The SHA contributed up to one quarter of the total cost of MHIP in the pilot sites',
    )
    const l2118 = line(f.responseRate.ref.lines)
    expect(l2118).toContain('the overall response rate was just 40%')
    expect(l2118).toContain('assume that the non-respondents did not spend any time on MHIP activities')
    expect(l2118).toContain('non-respondents spent just 12 hours on MHIP over the year')
    expect(l2118).toContain('an additional one-third of a full-time post per site')
    expect(l2118).toContain('at least one full-time member of staff in three of the four sites')
  })
})
