import { describe, expect, it } from 'vitest'
import { mhipStakeholderGroups, mhipThemes } from '../../src/data/mhip-theory.js'
import { line, reference } from './reference.js'

// Provenance: the MHIP chapter 7 themes and Table 2 are on the report lines they cite.
describe('the MHIP theory data against the E-MHIP report text', () => {
  it('each theme is worded as on the line it cites, numbered as in the report (L3043-L3068)', () => {
    const numbers: number[] = []
    for (const e of mhipThemes) {
      const text = line(e.ref?.lines)
      expect([e.id, text.replace(/^\d+\.\s*/, '')]).toEqual([e.id, e.label])
      numbers.push(Number(/^(\d+)\./.exec(text)![1]))
    }
    expect(numbers).toEqual([1, 2, 3, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 1, 2, 3])
  })

  it('each theme cites its discussion section, whose heading is on the cited line', () => {
    for (const e of mhipThemes) {
      const section = /; L(\d+)/.exec(e.ref!.lines!)![1]!
      expect(reference[Number(section) - 1]).toMatch(/^#+ /)
    }
  })

  it('each Table 2 group and count is on the line it cites (L610-L623), total 205', () => {
    for (const g of mhipStakeholderGroups) expect(line(g.ref?.lines)).toBe(`${g.label}\t${g.count}`)
    expect(reference[622]).toContain('205')
  })

  it('quotes the report where a description quotes it', () => {
    expect(reference[3270]).toContain('due to limited capacity and contextual distractions')
    expect(reference[3282]).toContain('a project management culture clearly developed')
    expect(reference[3197]).toContain('did not identify any useful outcomes for service users and carers')
  })
})
