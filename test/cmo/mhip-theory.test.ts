import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { mhipEvaluation } from '../../src/data/mhip/index.js'
import { MHIP_THEME, mhipStakeholderGroups, mhipStartingConfigurations, mhipStartingTheory, mhipThemes, withMhipTheory } from '../../src/data/mhip-theory.js'
import { evidenceProblems, theoryProblems } from '../../src/cmo/index.js'

// The reference text of the E-MHIP report: the independent source of every wording and count.
const reference = readFileSync(join(__dirname, '..', '..', '..', 'shared', 'reference', '002_d41ef59a8ecd90ef.txt'), 'utf8').split('\n')
const line = (ref: string | undefined) => reference[Number(/^L(\d+)/.exec(ref ?? '')![1]) - 1] ?? ''

describe('the MHIP chapter 7 themes (L3043-L3068)', () => {
  it('has 3 contexts, 12 mechanisms and 3 outcomes, in the report order', () => {
    expect(mhipThemes.map((e) => e.role).join(',')).toBe(['context', 'context', 'context', ...Array(12).fill('mechanism'), 'outcome', 'outcome', 'outcome'].join(','))
    expect(Object.keys(MHIP_THEME).length).toBe(18)
  })

  it('each theme is worded as on the line it cites, numbered as in the report', () => {
    const numbers: number[] = []
    for (const e of mhipThemes) {
      const text = line(e.ref?.lines)
      expect([e.id, text.replace(/^\d+\.\s*/, '')]).toEqual([e.id, e.label])
      numbers.push(Number(/^(\d+)\./.exec(text)![1]))
    }
    expect(numbers).toEqual([1, 2, 3, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 1, 2, 3])
  })

  it('each theme cites its discussion section, whose heading is on the first cited line', () => {
    for (const e of mhipThemes) {
      const section = /; L(\d+)/.exec(e.ref!.lines!)![1]!
      expect(reference[Number(section) - 1]).toMatch(/^#+ /)
    }
  })
})

describe('the Table 2 stakeholder groups (L610-L623)', () => {
  it('has the 10 groups with their counts, each on the line it cites, totalling 205', () => {
    for (const g of mhipStakeholderGroups) expect(line(g.ref?.lines)).toBe(`${g.label}\t${g.count}`)
    expect(mhipStakeholderGroups.reduce((n, g) => n + g.count!, 0)).toBe(205) // "Total 205", L623
    expect(reference[622]).toContain('205')
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

  it('quotes the report where a description quotes it', () => {
    // "due to limited capacity and contextual distractions" (L3271); "project management culture clearly developed" (L3283)
    expect(reference[3270]).toContain('due to limited capacity and contextual distractions')
    expect(reference[3282]).toContain('a project management culture clearly developed')
    expect(reference[3197]).toContain('did not identify any useful outcomes for service users and carers')
  })
})
