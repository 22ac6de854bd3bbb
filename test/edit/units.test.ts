import { describe, expect, it } from 'vitest'
import * as E from 'fp-ts/lib/Either.js'
import { parseEvaluation } from '../../src/document/decode.js'
import type { Evaluation } from '../../src/model/evaluation.js'
import { applyEdit } from '../../src/edit/define.js'
import { recordEditEither, undoEither } from '../../src/edit/log.js'
import { addUnit, removeUnit, renameUnit } from '../../src/edit/units.js'
import { sampleDocument } from '../support/arbitraries.js'

const sample = (): Evaluation => parseEvaluation(sampleDocument())
const right = <A>(r: E.Either<unknown, A>): A => {
  if (E.isLeft(r)) throw new Error(JSON.stringify(r.left))
  return r.right
}
const lines = (r: E.Either<readonly { where: string; expected: string; found: string; code: string }[], unknown>) =>
  E.isLeft(r) ? r.left.map((p) => `${p.where}: expected ${p.expected}, found ${p.found} [${p.code}]`) : 'accepted'

describe('addUnit', () => {
  it('adds an empty unit to a site, with a null-prototype ratings record', () => {
    const next = right(applyEdit(sample(), addUnit({ site: 'ss', id: 'older', name: 'Older people', aliases: ['OP'] })))
    const unit = next.sites[0]!.units[2]!
    expect(unit).toEqual({
      id: 'older',
      name: 'Older people',
      aliases: ['OP'],
      ratings: {},
      objectives: [],
      objectiveCells: [],
    })
    expect(Object.getPrototypeOf(unit.ratings)).toBeNull()
  })

  it('refuses an unknown site, a taken id, a reserved id and an empty name', () => {
    expect(lines(applyEdit(sample(), addUnit({ site: 'leics', id: 'acute', name: '' })))).toEqual([
      'addUnit › site: expected the id of a site of this evaluation, found "leics" [reference]',
      'addUnit › id: expected a unit id not used yet, found "acute" [duplicate]',
      'addUnit › name: expected a non-empty string, found "" [value]',
    ])
    expect(lines(applyEdit(sample(), addUnit({ site: 'ss', id: '__proto__', name: 'x' })))).toEqual([
      'addUnit › id: expected a unit id (not __proto__, constructor or prototype), found "__proto__" [value]',
    ])
    expect(Object.prototype).not.toHaveProperty('name')
  })
})

describe('renameUnit', () => {
  it('renames, keeping the id', () => {
    const next = right(applyEdit(sample(), renameUnit({ unit: 'crisis', name: 'Crisis team' })))
    expect(next.sites[0]!.units[1]).toMatchObject({ id: 'crisis', name: 'Crisis team' })
  })
})

describe('removeUnit', () => {
  it('refuses by default when the unit holds data, and says what it holds', () => {
    expect(lines(applyEdit(sample(), removeUnit({ unit: 'acute' })))).toEqual([
      // The sample's acute unit: ratings 1.1, 1.1.1 and 2.4 in r1, and one objective cell.
      'removeUnit › unit: expected a unit without data, or data: "drop" (it has 3 ratings, 1 objective cell), found "acute" [consistency]',
    ])
  })

  it('removes an empty unit by default, and a unit with data when told to drop it; undo brings it back', () => {
    const ev = sample()
    expect(right(applyEdit(ev, removeUnit({ unit: 'crisis' }))).sites[0]!.units.map((u) => u.id)).toEqual(['acute'])
    const { evaluation, entry } = right(
      recordEditEither(ev, removeUnit({ unit: 'acute', data: 'drop' }), { who: 'lead' }),
    )
    expect(evaluation.sites[0]!.units.map((u) => u.id)).toEqual(['crisis'])
    expect(entry.args).toEqual({ unit: 'acute', data: 'drop' })
    expect(undoEither(evaluation, entry)).toStrictEqual(E.right(ev))
  })

  it('refuses while a configuration names the unit, whatever the data option', () => {
    const doc = sampleDocument() as any
    doc.elements = [
      { id: 'ctx', role: 'context', label: 'Readiness' },
      { id: 'mech', role: 'mechanism', label: 'Training', resource: 'training', reasoning: null },
      { id: 'out', role: 'outcome', label: 'Change', intended: true, valence: 'positive' },
    ]
    doc.configurations = [
      {
        id: 'c1',
        label: 'C1',
        contexts: ['ctx'],
        mechanisms: ['mech'],
        outcome: 'out',
        direction: 'fires',
        scope: { sites: ['ss'], units: ['crisis'] },
        status: 'hypothesised',
        statusHistory: [],
      },
    ]
    const ev = parseEvaluation(doc)
    expect(lines(applyEdit(ev, removeUnit({ unit: 'crisis', data: 'drop' })))).toEqual([
      'removeUnit › unit: expected a unit nothing refers to (configuration c1 name it), found "crisis" [reference]',
    ])
  })

  it('refuses an unknown data option', () => {
    expect(lines(applyEdit(sample(), removeUnit({ unit: 'crisis', data: 'keep' as never })))).toEqual([
      'removeUnit › data: expected "refuse" or "drop", found "keep" [value]',
    ])
  })
})
