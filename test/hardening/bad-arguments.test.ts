/**
 * Bad arguments are problems, not TypeErrors. Every edit constructor of the
 * public surface, given `null`, `undefined`, `{}` or arguments whose fields
 * are `null` / `undefined`, is refused by `applyEdit` with problems (or, for
 * an edit whose every argument is optional, gives a document that decodes).
 * The throwing conveniences given `undefined` or `{}` throw a RealistError
 * that says what was expected. Fuzzed: FUZZ_RUNS / 20 cases.
 */
import * as fc from 'fast-check'
import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import * as api from '../../src/index.js'
import { encodeEvaluation, RealistError } from '../../src/model/index.js'
import { newEvaluation } from '../../src/document/new-evaluation.js'
import { decodeEvaluation, parseEvaluation } from '../../src/document/decode.js'
import { applyEdit, type Edit } from '../../src/edit/index.js'
import { attainment } from '../../src/standards/index.js'
import { getStandard } from '../../src/standards/lookup.js'
import { htmlReport, markdownReport, markdownTable } from '../../src/report/index.js'
import { toCsv } from '../../src/io/index.js'
import { expectWellFormedProblems, FUZZ_RUNS, FUZZ_TIMEOUT, smallDocument } from './support.js'

const isEdit = (x: unknown): x is Edit =>
  typeof x === 'object' &&
  x !== null &&
  typeof (x as Edit).op === 'string' &&
  typeof (x as Edit).check === 'function' &&
  typeof (x as Edit).recipe === 'function'

/** Every exported function that builds an Edit from one arguments object. */
const EDIT_CONSTRUCTORS: [string, (args: unknown) => Edit][] = Object.entries(api).flatMap(([name, f]) => {
  if (typeof f !== 'function' || f.length > 1) return []
  try {
    return isEdit((f as (a: unknown) => unknown)({})) ? [[name, f as (args: unknown) => Edit]] : []
  } catch {
    return []
  }
})

const ev = parseEvaluation(smallDocument(5))

/** Applying the edit gives problems, or a document that still decodes; never an exception. */
const refusedOrValid = (edit: Edit): void => {
  const r = applyEdit(ev, edit)
  if (E.isLeft(r)) expectWellFormedProblems(r.left)
  else expect(E.isRight(decodeEvaluation(encodeEvaluation(r.right)))).toBe(true)
}

describe('edit constructors on bad arguments', () => {
  it('finds the edit constructors of the public surface', () => {
    expect(EDIT_CONSTRUCTORS.length).toBeGreaterThan(30)
  })

  it.each(EDIT_CONSTRUCTORS)('%s: null, undefined, a number and an array are refused with a problem', (_, make) => {
    for (const args of [null, undefined, 3, []]) {
      const r = applyEdit(ev, make(args))
      expect(E.isLeft(r)).toBe(true)
      if (E.isLeft(r)) expect(r.left[0]!.where).toMatch(/› arguments$/)
    }
  })

  it(
    'fuzz: null or undefined for every argument field, every constructor',
    () => {
      const fields = [
        'unit',
        'site',
        'round',
        'target',
        'level',
        'id',
        'name',
        'item',
        'changes',
        'configuration',
        'element',
        'theory',
        'excerpt',
        'link',
        'objective',
        'type',
        'cell',
        'attribute',
        'value',
        'evidence',
        'rater',
        'note',
        'to',
        'reason',
      ]
      fc.assert(
        fc.property(
          fc.constantFrom(...EDIT_CONSTRUCTORS),
          fc.dictionary(fc.constantFrom(...fields), fc.constantFrom(null, undefined, {}, [], '', NaN)),
          ([, make], args) => refusedOrValid(make(args)),
        ),
        { numRuns: Math.max(200, Math.round(FUZZ_RUNS / 20)) },
      )
    },
    FUZZ_TIMEOUT,
  )

  it('applyEdit with something that is not an evaluation or not an edit is a problem', () => {
    const [, make] = EDIT_CONSTRUCTORS[0]!
    expect(E.isLeft(applyEdit(undefined as never, make({})))).toBe(true)
    expect(E.isLeft(applyEdit(ev, null as never))).toBe(true)
  })
})

describe('throwing conveniences on undefined and {}', () => {
  const cases: [string, () => unknown, RegExp][] = [
    ['attainment(undefined)', () => attainment(undefined as never), /attainment › ev: expected an evaluation/],
    ['attainment({})', () => attainment({} as never), /attainment › ev: expected an evaluation/],
    ['htmlReport({})', () => htmlReport({} as never), /report › ev: expected an evaluation/],
    ['markdownReport(undefined)', () => markdownReport(undefined as never), /report › ev: expected an evaluation/],
    [
      'newEvaluation()',
      () => (newEvaluation as (x?: unknown) => unknown)(),
      /newEvaluation › input: expected the parts of an evaluation/,
    ],
    [
      'markdownTable(undefined)',
      () => markdownTable(undefined as never),
      /markdownTable › rows: expected a list of rows/,
    ],
    ['toCsv(null)', () => toCsv(null as never), /toCsv › rows: expected a list of rows, found null/],
    ['getStandard(undefined, "1.1")', () => getStandard(undefined as never, '1.1'), /framework: expected a framework/],
  ]
  it.each(cases)('%s throws a RealistError saying what was expected', (_, call, message) => {
    let thrown: unknown
    try {
      call()
    } catch (e) {
      thrown = e
    }
    expect(thrown).toBeInstanceOf(RealistError)
    expect((thrown as Error).message).toMatch(message)
  })
})
