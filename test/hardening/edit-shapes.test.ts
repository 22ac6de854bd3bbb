/**
 * An edit is refused with a problem or gives a document that decodes: the
 * parts an edit writes into the document as they are (an objective, a count
 * cell, an impact, an objective type) must have the document's own shape, so
 * a `ref` that is not a source reference, a `text` that is not a string or an
 * unknown field is refused by the edit, never saved for the decoder to refuse
 * later. An outside audit found 150 of 10,000 random edit sequences saved
 * such documents. Then a fuzz over every edit constructor of the public
 * surface: arguments naming real parts of the document, with hostile nested
 * objects, in random sequences.
 */
import * as fc from 'fast-check'
import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import * as api from '../../src/index.js'
import { encodeEvaluation } from '../../src/model/index.js'
import { decodeEvaluation, parseEvaluation } from '../../src/document/decode.js'
import { applyEdit, type Edit } from '../../src/edit/index.js'
import { addObjective, addObjectiveType, setImpact, setObjectiveCell } from '../../src/objectives/index.js'
import type { Evaluation } from '../../src/model/evaluation.js'
import { expectWellFormedProblems, FUZZ_RUNS, FUZZ_TIMEOUT, smallDocument } from './support.js'

const ev = parseEvaluation(smallDocument(5))
// A unit and an objective type it records no count cell of (so an objective of that type may be listed).
const [unit, freeType] = ev.sites
  .flatMap((s) => s.units)
  .flatMap((u) =>
    ev.objectiveTypes
      .filter((t) => !u.objectiveCells.some((c) => c.type === t.id))
      .map((t) => [u.id as string, t.id as string] as const),
  )[0]!

/** The edit's result: its problems, or a document that decodes. */
const outcome = (base: Evaluation, edit: Edit): 'refused' | 'decodes' => {
  const r = applyEdit(base, edit)
  if (E.isLeft(r)) {
    expectWellFormedProblems(r.left)
    return 'refused'
  }
  const back = decodeEvaluation(encodeEvaluation(r.right))
  expect(
    E.isRight(back),
    E.isLeft(back) ? back.left.map((p) => `${p.where}: ${p.expected}, found ${p.found}`).join('\n') : '',
  ).toBe(true)
  return 'decodes'
}

describe('objective edits write only what the document may hold', () => {
  const bad: [string, Edit, RegExp][] = [
    [
      'addObjective, ref text',
      addObjective({ unit, objective: { id: 'o1', type: freeType, status: 'attained', ref: 'p. 3' } as never }),
      /addObjective › objective › ref/,
    ],
    [
      'addObjective, text number',
      addObjective({ unit, objective: { id: 'o1', type: freeType, status: 'attained', text: 42 } as never }),
      /addObjective › objective › text/,
    ],
    [
      'addObjective, unknown field',
      addObjective({ unit, objective: { id: 'o1', type: freeType, status: 'attained', txet: 'x' } as never }),
      /addObjective › objective/,
    ],
    [
      'setObjectiveCell, ref number',
      setObjectiveCell({ unit, cell: { type: freeType, attained: 1, total: 2, ref: 7 } as never }),
      /setObjectiveCell › cell › ref/,
    ],
    [
      'setImpact, ref list',
      setImpact({ unit, impact: { level: 'low', ref: ['L1'] } as never }),
      /setImpact › impact › ref/,
    ],
    [
      'setImpact, unknown field',
      setImpact({ unit, impact: { level: 'low', qualifer: 'typo' } as never }),
      /setImpact › impact/,
    ],
    [
      'addObjectiveType, ref text',
      addObjectiveType({ type: { id: 'new', label: 'New', ref: 'x' } as never }),
      /addObjectiveType › type › ref/,
    ],
  ]
  it.each(bad)('%s is refused with a problem naming the field', (_, edit, where) => {
    const r = applyEdit(ev, edit)
    expect(E.isLeft(r)).toBe(true)
    if (E.isLeft(r)) expect(r.left.map((p) => p.where).join('\n')).toMatch(where)
  })

  it('a well-formed ref and text are kept, as copies', () => {
    const ref = { document: 'Workstream plan', lines: 'L12' }
    const r = applyEdit(
      ev,
      addObjective({ unit, objective: { id: 'o1', type: freeType, status: 'attained', text: ' kept ', ref } as never }),
    )
    expect(E.isRight(r)).toBe(true)
    const saved = E.isRight(r)
      ? r.right.sites
          .flatMap((s) => s.units)
          .find((u) => u.id === unit)!
          .objectives.find((o) => o.id === 'o1')
      : undefined
    expect(saved).toEqual({ id: 'o1', type: freeType, status: 'attained', text: ' kept ', ref })
    expect(saved?.ref).not.toBe(ref)
  })
})

/** Every exported function that builds an Edit from one arguments object. */
const isEdit = (x: unknown): x is Edit =>
  typeof x === 'object' && x !== null && typeof (x as Edit).op === 'string' && typeof (x as Edit).check === 'function'
const EDIT_CONSTRUCTORS: [string, (args: unknown) => Edit][] = Object.entries(api).flatMap(([name, f]) => {
  if (typeof f !== 'function' || f.length > 1) return []
  try {
    return isEdit((f as (a: unknown) => unknown)({})) ? [[name, f as (args: unknown) => Edit]] : []
  } catch {
    return []
  }
})

describe('fuzz: every edit constructor, real names and hostile nested objects, in sequences', () => {
  const ids = {
    unit: ev.sites.flatMap((s) => s.units.map((u) => u.id as string)),
    site: ev.sites.map((s) => s.id as string),
    round: ev.rounds.map((r) => r.id as string),
    target: ev.framework.sections.flatMap((s) =>
      s.standards.flatMap((st) => [st.id as string, ...st.criteria.map((c) => c.id as string)]),
    ),
    level: [...ev.framework.scale.levels.map((l) => l.id as string), 'na'],
    type: ev.objectiveTypes.map((t) => t.id as string),
  }
  const junk = fc.oneof(
    fc.constantFrom<unknown>(null, undefined, 42, NaN, '', 'x', [], {}, ['a'], { document: 3 }, { lines: 'L1' }),
    fc.string({ maxLength: 4 }),
  )
  // A nested object with some known field names (of objectives, cells, impacts, types, observations…) and junk values.
  const KEYS = [
    'id',
    'type',
    'status',
    'text',
    'ref',
    'attribution',
    'label',
    'description',
    'level',
    'qualifier',
    'attained',
    'total',
    'name',
    'date',
    'source',
    'extensions',
    'foo',
  ]
  const nested = fc.dictionary(
    fc.constantFrom(...KEYS),
    fc.oneof(junk, fc.constantFrom(...ids.type, ...ids.level, 'attained', 'low', 1, 2)),
    { maxKeys: 6 },
  )
  const value = (known: readonly string[]) => fc.oneof(fc.constantFrom(...known), junk, nested)
  const argsArb = fc.record(
    {
      unit: value(ids.unit),
      site: value(ids.site),
      round: value(ids.round),
      target: value(ids.target),
      level: value(ids.level),
      type: value(ids.type),
      id: fc.oneof(fc.constantFrom('n1', 'n2'), junk),
      name: fc.oneof(fc.constantFrom('New name'), junk),
      objective: nested,
      cell: nested,
      impact: fc.oneof(nested, fc.constant(null)),
      item: nested,
      changes: nested,
      value: fc.oneof(junk, nested),
      label: fc.oneof(fc.constantFrom('Label'), junk),
      text: fc.oneof(fc.constantFrom('Text'), junk),
    },
    { requiredKeys: [] },
  )
  it(
    'each step is refused with problems or gives a document that decodes',
    () => {
      const seen = { refused: 0, decodes: 0 }
      fc.assert(
        fc.property(
          fc.array(fc.tuple(fc.constantFrom(...EDIT_CONSTRUCTORS), argsArb), { minLength: 1, maxLength: 4 }),
          (steps) => {
            let doc = ev
            for (const [[, make], args] of steps) {
              const edit = make(args)
              seen[outcome(doc, edit)]++
              const r = applyEdit(doc, edit)
              if (E.isRight(r)) doc = r.right
            }
          },
        ),
        { numRuns: Math.max(200, Math.round(FUZZ_RUNS / 20)) },
      )
      expect(seen.refused).toBeGreaterThan(0)
      expect(seen.decodes).toBeGreaterThan(0)
    },
    FUZZ_TIMEOUT,
  )
})
