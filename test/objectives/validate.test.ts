import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { mhipEvaluation as ev } from '../../src/data/mhip/index.js'
import { encodeEvaluation } from '../../src/model/codec.js'
import { decodeEvaluation } from '../../src/document/decode.js'
import type { Evaluation, Unit } from '../../src/model/evaluation.js'
import type { Problem } from '../../src/model/problem.js'
import fc from 'fast-check'
import { cellProblems, objectiveProblems } from '../../src/objectives/index.js'
import {
  cellIsSound,
  impactIsSound,
  impactProblems,
  objectiveIsSound,
  objectiveItemProblems,
} from '../../src/objectives/validate.js'
import type { Impact, Objective, ObjectiveCell } from '../../src/model/objectives.js'

// South Staffordshire › Acute care (site 0, unit 0): cells process 0/1 NA, outcome ?/2 Low (L1887).
const withUnit = (patch: (u: Unit) => object): Evaluation =>
  ({
    ...ev,
    sites: ev.sites.map((s, i) =>
      i !== 0 ? s : { ...s, units: s.units.map((u, j) => (j !== 0 ? u : { ...u, ...patch(u) })) },
    ),
  }) as Evaluation
const withCells = (cells: readonly object[]) => withUnit(() => ({ objectiveCells: cells }))
const UNIT = ['sites', 0, 'units', 0]
const WHERE = 'site south-staffordshire › unit acute-care'
const only = (ps: readonly Problem[]) => {
  expect(ps).toHaveLength(1)
  return ps[0]!
}

describe('objectiveProblems: each bad input is one clear problem with its path', () => {
  it('attained > total', () => {
    expect(only(objectiveProblems(withCells([{ type: 'outcome', attained: 3, total: 2 }])))).toEqual({
      path: [...UNIT, 'objectiveCells', 0, 'attained'],
      where: `${WHERE} › objectives › type outcome`,
      expected: 'attained ≤ total (2)',
      found: '3',
      code: 'consistency',
    })
  })

  it.each([
    ['a negative count', { attained: -1, total: 2 }, 'attained', '-1'],
    ['a fractional count', { attained: 1, total: 2.5 }, 'total', '2.5'],
    ['NaN', { attained: Number.NaN, total: 2 }, 'attained', 'NaN'],
    ['Infinity', { attained: 1, total: Number.POSITIVE_INFINITY }, 'total', 'Infinity'],
  ])('%s', (_name, counts, field, found) => {
    const p = only(objectiveProblems(withCells([{ type: 'outcome', ...counts }])))
    expect(p).toMatchObject({
      path: [...UNIT, 'objectiveCells', 0, field],
      found,
      code: 'value',
      where: `${WHERE} › objectives › type outcome`,
    })
    expect(p.expected).toMatch(/non-negative integer/)
  })

  it('an unknown objective type names the known ones', () => {
    expect(only(objectiveProblems(withCells([{ type: 'impact', attained: 1, total: 2 }])))).toEqual({
      path: [...UNIT, 'objectiveCells', 0, 'type'],
      where: `${WHERE} › objectives › type impact`,
      expected: 'an objective type of the evaluation (analysis-planning | process | outcome)',
      found: '"impact"',
      code: 'reference',
    })
  })

  it('an attribution outside the scale (case matters: "High" is not "high")', () => {
    expect(
      only(objectiveProblems(withCells([{ type: 'outcome', attained: 1, total: 2, attribution: 'High' }]))),
    ).toMatchObject({
      path: [...UNIT, 'objectiveCells', 0, 'attribution'],
      found: '"High"',
      code: 'value',
    })
  })

  it('a duplicate unit × type cell', () => {
    expect(
      only(
        objectiveProblems(
          withCells([
            { type: 'outcome', attained: null, total: 2 },
            { type: 'outcome', attained: 1, total: 1 },
          ]),
        ),
      ),
    ).toMatchObject({
      path: [...UNIT, 'objectiveCells', 1, 'type'],
      where: `${WHERE} › objectives › type outcome`,
      expected: 'one cell per unit × type (objectiveCells[0] already has type "outcome")',
      code: 'duplicate',
    })
  })

  it('an empty cell (total 0) is refused: leave the cell out instead', () => {
    expect(only(objectiveProblems(withCells([{ type: 'outcome', attained: 0, total: 0 }])))).toMatchObject({
      path: [...UNIT, 'objectiveCells', 0, 'total'],
      code: 'value',
    })
  })

  it('a cell and listed objectives of the same type in one unit', () => {
    const bad = withUnit(() => ({ objectives: [{ id: 'o1', type: 'outcome', status: 'attained' }] }))
    expect(only(objectiveProblems(bad))).toMatchObject({
      path: [...UNIT, 'objectives', 0, 'type'],
      where: `${WHERE} › objectives › type outcome`,
      code: 'consistency',
    })
  })

  it('duplicate objective ids, even across units, and a bad status', () => {
    const objectives = [
      { id: 'o1', type: 'analysis-planning', status: 'attained' },
      { id: 'o1', type: 'analysis-planning', status: 'done' },
    ]
    const ps = objectiveProblems(withUnit(() => ({ objectives })))
    expect(ps.map((p) => [p.path.at(-1), p.code, p.found])).toEqual([
      ['status', 'value', '"done"'],
      ['id', 'duplicate', '"o1"'],
    ])
    expect(ps[1]!.expected).toBe(`a unique objective id (already used at ${WHERE} › objectives › objective o1)`)
  })

  it('an impact outside its scale', () => {
    expect(only(objectiveProblems(withUnit(() => ({ impact: { level: 'huge' } }))))).toMatchObject({
      path: [...UNIT, 'impact', 'level'],
      where: `${WHERE} › impact`,
      found: '"huge"',
    })
  })

  it('duplicate objective type ids', () => {
    const bad = { ...ev, objectiveTypes: [...ev.objectiveTypes, ev.objectiveTypes[0]!] }
    expect(only(objectiveProblems(bad))).toMatchObject({ path: ['objectiveTypes', 3, 'id'], code: 'duplicate' })
  })

  it('reports every problem at once, not only the first', () => {
    expect(
      objectiveProblems(
        withCells([
          { type: 'outcome', attained: 5, total: 2, attribution: 'maybe' },
          { type: 'nope', attained: -1, total: 1 },
        ]),
      ),
    ).toHaveLength(4)
  })
})

describe('decodeEvaluation runs these checks after the shape', () => {
  const json = encodeEvaluation(ev) as { sites: { units: { objectiveCells: object[] }[] }[] }
  it('attained > total in JSON is a Left with the same path and domain place', () => {
    json.sites[0]!.units[0]!.objectiveCells[1] = { type: 'outcome', attained: 3, total: 2 }
    const r = decodeEvaluation(json)
    expect(E.isLeft(r) && r.left.map((p) => [p.path.join('.'), p.where, p.code])).toEqual([
      [
        'sites.0.units.0.objectiveCells.1.attained',
        'site south-staffordshire › unit acute-care › objectives › type outcome',
        'consistency',
      ],
    ])
  })
  it('a negative count in JSON is a shape-level Left at the count', () => {
    json.sites[0]!.units[0]!.objectiveCells[1] = { type: 'outcome', attained: -1, total: 2 }
    const r = decodeEvaluation(json)
    expect(E.isLeft(r) && r.left.map((p) => [p.path.join('.'), p.found])).toEqual([
      ['sites.0.units.0.objectiveCells.1.attained', '-1'],
    ])
  })
})

describe('a second unit reusing an objective id names the first unit', () => {
  it('the problem is at the second use, its message at the first (L1887 unit, then L1901 unit)', () => {
    const o = { id: 'o1', type: 'process', status: 'attained' }
    const twice = {
      ...ev,
      sites: ev.sites.map((s, i) =>
        i === 0 || i === 3
          ? {
              ...s,
              units: s.units.map((u, j) =>
                j === 0
                  ? { ...u, objectiveCells: u.objectiveCells.filter((c) => c.type !== 'process'), objectives: [o] }
                  : u,
              ),
            }
          : s,
      ),
    } as Evaluation
    expect(only(objectiveProblems(twice))).toMatchObject({
      path: ['sites', 3, 'units', 0, 'objectives', 0, 'id'],
      where: 'site south-west-london › unit access › objectives › objective o1',
      expected: `a unique objective id (already used at ${WHERE} › objectives › objective o1)`,
      code: 'duplicate',
    })
  })
})

// objectiveProblems skips building paths and messages for sound records with
// the `…IsSound` predicates; each must say "sound" exactly when its problems
// function finds nothing, for well-formed and malformed values alike.
describe('sound-path predicates agree with the problem functions', () => {
  const known = new Set(['process', 'outcome'])
  const junk = fc.constantFrom<unknown>(
    undefined,
    null,
    -1,
    0,
    1,
    2,
    3,
    2.5,
    Number.NaN,
    Number.POSITIVE_INFINITY,
    '2',
    'x',
    {},
  )
  const anyCount = fc.oneof(fc.nat(4), junk)
  const anyAttribution = fc.constantFrom<unknown>(undefined, 'high', 'medium', 'low', 'no', 'na', 'NA', '', 'blank', 3)
  const anyType = fc.constantFrom<unknown>('process', 'outcome', 'impact', '', undefined, 7)

  it('cellIsSound ⇔ cellProblems is empty', () => {
    fc.assert(
      fc.property(anyType, anyCount, anyCount, anyAttribution, (type, attained, total, attribution) => {
        const cell = {
          type,
          attained,
          total,
          ...(attribution !== undefined && { attribution }),
        } as unknown as ObjectiveCell
        expect(cellIsSound(cell, known)).toBe(cellProblems(cell, known, [], 'u').length === 0)
      }),
      { numRuns: 2000 },
    )
  })
  it('objectiveIsSound ⇔ objectiveItemProblems is empty', () => {
    fc.assert(
      fc.property(
        anyType,
        fc.constantFrom<unknown>('attained', 'not-attained', 'unknown', 'done', undefined),
        anyAttribution,
        (type, status, attribution) => {
          const o = { id: 'o', type, status, ...(attribution !== undefined && { attribution }) } as unknown as Objective
          expect(objectiveIsSound(o, known)).toBe(objectiveItemProblems(o, known, [], 'u').length === 0)
        },
      ),
    )
  })
  it('impactIsSound ⇔ impactProblems is empty', () => {
    fc.assert(
      fc.property(
        fc.constantFrom<unknown>(undefined, 'none', 'low', 'medium', 'high', 'na', 'None', 'huge', null),
        (level) => {
          const impact = level === undefined ? undefined : ({ level } as unknown as Impact)
          expect(impactIsSound(impact)).toBe(impactProblems(impact, [], 'u').length === 0)
        },
      ),
    )
  })
})
