import { describe, expect, it } from 'vitest'
import { mhipEvaluation } from '../../src/data/mhip/index.js'
import {
  MHIP_THEME,
  mhipStakeholderGroups,
  mhipStartingConfigurations,
  mhipStartingTheory,
  mhipThemes,
  withMhipTheory,
} from '../../src/data/mhip-theory.js'
import { evidenceProblems, theoryProblems } from '../../src/cmo/index.js'

// Wordings are checked against the E-MHIP report text in
// test/provenance/mhip-theory.provenance.test.ts; here the structure and the counts.
// E-MHIP report, Table 2 "Interviewee details" (L613-L622), the number per group in the printed order.
const TABLE_2_COUNTS = [46, 33, 37, 20, 4, 9, 7, 11, 25, 13]

describe('the MHIP chapter 7 themes (L3043-L3068)', () => {
  it('has 3 contexts, 12 mechanisms and 3 outcomes, in the report order', () => {
    expect(mhipThemes.map((e) => e.role).join(',')).toBe(
      ['context', 'context', 'context', ...Array(12).fill('mechanism'), 'outcome', 'outcome', 'outcome'].join(','),
    )
    expect(Object.keys(MHIP_THEME).length).toBe(18)
  })

  it('each theme cites its line in L3043-L3068 and a discussion section after it', () => {
    for (const e of mhipThemes) {
      const m = /^L(\d+).*; L(\d+)/.exec(e.ref!.lines!)!
      expect(Number(m[1])).toBeGreaterThanOrEqual(3043)
      expect(Number(m[1])).toBeLessThanOrEqual(3068)
      expect(Number(m[2])).toBeGreaterThan(3068)
    }
  })
})

describe('the Table 2 stakeholder groups (L610-L623)', () => {
  it('has the 10 groups with their counts, each on the line it cites, totalling 205', () => {
    // Table 2 counts (L611-L622), as printed
    expect(mhipStakeholderGroups.map((g) => g.count)).toEqual(TABLE_2_COUNTS)
    expect(mhipStakeholderGroups.reduce((n, g) => n + g.count!, 0)).toBe(205) // "Total 205", L623
  })
})

describe('the starting theory', () => {
  it('is sound on the MHIP dataset: no evidence or theory problems', () => {
    const ev = withMhipTheory(mhipEvaluation)
    expect([evidenceProblems(ev), theoryProblems(ev)]).toEqual([[], []])
    expect(withMhipTheory(ev)).toEqual(ev) // adding twice changes nothing
  })

  it('starts every configuration hypothesised, cites the lines it rests on, and commits them as version 1', () => {
    for (const c of mhipStartingConfigurations) {
      expect([c.id, c.status, c.statusHistory]).toEqual([c.id, 'hypothesised', []])
      expect(c.ref?.lines).toMatch(/^L\d+/)
    }
    expect(mhipStartingTheory.versions.map((v) => [v.version, v.configurations.length])).toEqual([[1, 5]])
    expect(mhipStartingTheory.configurations).toEqual(mhipStartingConfigurations.map((c) => c.id))
  })
})
