import { describe, expect, it } from 'vitest'
import { documentProblems } from '../../src/model/codec-checks.js'
import { parseEvaluation } from '../../src/model/codec.js'
import type { Evaluation } from '../../src/model/evaluation.js'
import { sampleDocument } from '../support/arbitraries.js'

const sample = (): Evaluation => parseEvaluation(sampleDocument())
const brief = (ev: Evaluation) => documentProblems(ev).map((p) => `${p.where}: expected ${p.expected}, found ${p.found} [${p.code}]`)

describe('documentProblems (usable alone, on a document built in code)', () => {
  it('finds nothing in a valid document', () => {
    expect(documentProblems(sample())).toEqual([])
  })

  it('refuses an alias that two levels share (case-insensitive), or that names another level', () => {
    const ev = sample()
    const levels = ev.framework.scale.levels
    const scale = { ...ev.framework.scale, levels: [{ ...levels[0]!, aliases: ['pm'] }, levels[1]!, { ...levels[2]!, aliases: ['MET'] }] }
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
    const sections = [s1!, { ...s2!, id: s1!.id, standards: [{ ...s2!.standards[0]!, criteria: [{ id: s1!.standards[0]!.id as never, text: 'x' }] }] }]
    expect(brief({ ...ev, framework: { ...ev.framework, sections } })).toEqual([
      'framework › section 1 › id: expected a section id not used before ($.framework.sections[0] has it already), found "1" [duplicate]',
      'framework › section 1 › standard 2.4 › criterion 1.1 › id: expected a standard or criterion id not used before ($.framework.sections[0].standards[0] has it already), found "1.1" [duplicate]',
    ])
  })
})
