import { describe, expect, it } from 'vitest'
import { documentProblems, MAX_DUPLICATES_LISTED } from '../../src/model/codec-checks.js'
import { parseEvaluation } from '../../src/document/decode.js'
import type { Evaluation } from '../../src/model/evaluation.js'
import { sampleDocument } from '../support/arbitraries.js'

const sample = (): Evaluation => parseEvaluation(sampleDocument())
const brief = (ev: Evaluation) =>
  documentProblems(ev).map((p) => `${p.where}: expected ${p.expected}, found ${p.found} [${p.code}]`)

describe('documentProblems (usable alone, on a document built in code)', () => {
  it('finds nothing in a valid document', () => {
    expect(documentProblems(sample())).toEqual([])
  })

  it('refuses an alias that two levels share (case-insensitive), or that names another level', () => {
    const ev = sample()
    const levels = ev.framework.scale.levels
    const scale = {
      ...ev.framework.scale,
      levels: [{ ...levels[0]!, aliases: ['pm'] }, levels[1]!, { ...levels[2]!, aliases: ['MET'] }],
    }
    expect(brief({ ...ev, framework: { ...ev.framework, scale } })).toEqual([
      // "pm" is first claimed by met; partly's alias "PM" is then the clash.
      'scale emhip › level partly › aliases: expected an alias not used by another level (level met uses it), found "PM" [duplicate]',
      'scale emhip › level not-met › aliases: expected an alias not used by another level (level met uses it), found "MET" [duplicate]',
    ])
  })

  it('refuses an empty scale', () => {
    const ev = sample()
    expect(brief({ ...ev, framework: { ...ev.framework, scale: { ...ev.framework.scale, levels: [] } } })).toEqual([
      'scale emhip › levels: expected at least one level, found an array of 0 [value]',
    ])
  })

  it('refuses duplicate section ids and a standard id reused by a criterion', () => {
    const ev = sample()
    const [s1, s2] = ev.framework.sections
    const sections = [
      s1!,
      {
        ...s2!,
        id: s1!.id,
        standards: [{ ...s2!.standards[0]!, criteria: [{ id: s1!.standards[0]!.id as never, text: 'x' }] }],
      },
    ]
    expect(brief({ ...ev, framework: { ...ev.framework, sections } })).toEqual([
      'framework › section 1 › id: expected a section id not used before ($.framework.sections[0] has it already), found "1" [duplicate]',
      'framework › section 1 › standard 2.4 › criterion 1.1 › id: expected a standard or criterion id not used before ($.framework.sections[0].standards[0] has it already), found "1.1" [duplicate]',
    ])
  })

  it('lists 100 duplicates per namespace, each naming the first use, then sums up the rest in one problem', () => {
    const ev = sample()
    const r1 = ev.rounds[0]!
    // 250 copies of round r1: 249 duplicates = 100 listed + 149 summed up.
    const rounds = Array.from({ length: 250 }, () => r1)
    const ps = documentProblems({ ...ev, rounds })
    expect(MAX_DUPLICATES_LISTED).toBe(100)
    expect(ps).toHaveLength(101)
    expect(ps[0]).toEqual({
      path: ['rounds', 1, 'id'],
      where: 'round r1 › id',
      expected: 'a round id not used before ($.rounds[0] has it already)',
      found: '"r1"',
      code: 'duplicate',
    })
    expect(ps[99]!.path).toEqual(['rounds', 100, 'id'])
    expect(ps[100]).toEqual({
      path: ['rounds'],
      where: 'rounds',
      expected: 'a round id not used before (the first 100 duplicates are listed; the rest reuse "r1")',
      found: '… and 149 more',
      code: 'duplicate',
    })
  })

  it('sums up duplicates of several ids with a sample of them, and unit ids across sites', () => {
    const ev = sample()
    const site = ev.sites[0]!
    const unit = site.units[0]!
    // Site 1 holds acute + 100 copies (100 duplicates, all listed); site 2 holds 3 × (a, b) after a and b first appear.
    const units = (ids: string[]) => ids.map((id) => ({ ...unit, id: id as never }))
    const sites = [
      { ...site, units: units(Array.from({ length: 101 }, () => 'acute')) },
      { ...site, id: 'other' as never, units: units(['a', 'b', 'a', 'b', 'a', 'b', 'a', 'b']) },
    ]
    const ps = documentProblems({ ...ev, sites }).filter((p) => p.expected.startsWith('a unit id'))
    expect(ps).toHaveLength(101)
    expect(ps[100]).toMatchObject({
      path: ['sites', 1, 'units'],
      where: 'site other › units',
      expected: 'a unit id not used before (the first 100 duplicates are listed; the rest reuse "a", "b", …)',
      found: '… and 6 more',
    })
  })
})
