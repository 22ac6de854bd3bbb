/**
 * CSV round trips change nothing silently. Export → CSV → import, onto the
 * same document with the exported data removed, is the identity on every
 * generated document (shared arbitraries, test/support/arbitraries.ts) when
 * read with `exactIds`; read by names, it is the identity or a refusal whose
 * every problem is an ambiguous cell (code `duplicate`) at its line.
 *
 * The documents are made hostile in the ways an outside audit found data
 * changed (378 of 4,441 round trips): a unit named like another unit's id, a
 * round labelled with another round's id, a site alias that is another
 * site's id, an impact whose qualifier starts with another level ("high
 * potential" on a low impact), raters and notes with edge whitespace or empty,
 * evidence ids and source references.
 */
import * as fc from 'fast-check'
import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { decodeEvaluation } from '../../src/document/decode.js'
import { encodeEvaluation } from '../../src/model/index.js'
import type { Evaluation } from '../../src/model/evaluation.js'
import type { Result } from '../../src/model/problem.js'
import { toCsv } from '../../src/io/csv/write.js'
import { objectiveCellRows, objectiveListRows, ratingRows } from '../../src/io/export/document-rows.js'
import { OBJECTIVE_CELL_COLUMNS, OBJECTIVE_LIST_COLUMNS, RATING_COLUMNS } from '../../src/io/export/columnar.js'
import { importObjectiveListEither, importObjectivesEither, importRatingsLongEither } from '../../src/io/index.js'
import { evaluationArb } from '../support/arbitraries.js'
import { FUZZ_RUNS, FUZZ_TIMEOUT } from './support.js'

type Json = Record<string, unknown> & { sites: JsonSite[]; rounds: { id: string; label: string }[] }
type JsonUnit = Record<string, unknown> & { id: string; name: string; objectiveCells: Record<string, unknown>[] }
type JsonSite = Record<string, unknown> & { id: string; name: string; aliases: string[]; units: JsonUnit[] }

/** Texts that CSV tools lose: edge whitespace, empty, line breaks, formula prefixes, quotes, separators. */
const TEXTS = [
  '',
  ' ',
  '  lead',
  'trail  ',
  '\tx',
  '\u00a0nbsp',
  'a\nb',
  'a\r\nb',
  '=1+1',
  " '=x",
  '"q"',
  'a;b',
  'x,y',
  '-3',
  'plain',
]
const REF_FIELDS = [
  { document: 'E-MHIP final report (2008)', lines: 'L1226-L1242' },
  { page: ' 12 ' },
  { document: '' },
  { lines: 'L1, "x"' },
]

/** Choices that make a generated document hostile; indices are taken modulo what exists. */
const choicesArb = fc.record({
  unitNames: fc.array(fc.tuple(fc.nat(), fc.nat(), fc.constantFrom('id', 'ID', 'keep')), { maxLength: 3 }),
  roundLabels: fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 2 }),
  siteAliases: fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 2 }),
  texts: fc.array(fc.constantFrom(...TEXTS, undefined), { minLength: 1, maxLength: 12 }),
  impacts: fc.array(
    fc.record({
      level: fc.constantFrom('none', 'low', 'medium', 'high', 'na'),
      qualifier: fc.option(fc.constantFrom('high potential', 'Low', '', ' none yet '), { nil: undefined }),
      ref: fc.option(fc.nat({ max: 3 }), { nil: undefined }),
    }),
    { maxLength: 4 },
  ),
  refs: fc.array(fc.option(fc.nat({ max: 3 }), { nil: undefined }), { maxLength: 4 }),
  objectives: fc.array(
    fc.record({
      unit: fc.nat(),
      text: fc.option(fc.constantFrom(...TEXTS), { nil: undefined }),
      ref: fc.option(fc.nat({ max: 3 }), { nil: undefined }),
      status: fc.constantFrom('attained', 'not-attained', 'unknown'),
      attribution: fc.option(fc.constantFrom('high', 'low', 'na'), { nil: undefined }),
    }),
    { maxLength: 3 },
  ),
})
type Choices =
  fc.Arbitrary<typeof choicesArb extends fc.Arbitrary<infer C> ? C : never> extends fc.Arbitrary<infer C> ? C : never

/** Every rating object of a JSON document (counted, raters', other instruments'; sites' and units'). */
const ratingsIn = (doc: Json): Record<string, unknown>[] => {
  const out: Record<string, unknown>[] = []
  const rounds = (r: unknown) => {
    for (const round of Object.values((r ?? {}) as Record<string, Record<string, unknown>>))
      for (const x of Object.values(round))
        if (typeof x === 'object' && x !== null && 'level' in x) out.push(x as Record<string, unknown>)
  }
  const byRater = (r: unknown) => {
    for (const round of Object.values((r ?? {}) as Record<string, Record<string, Record<string, unknown>>>))
      for (const t of Object.values(round)) for (const x of Object.values(t)) out.push(x as Record<string, unknown>)
  }
  const entity = (e: Record<string, unknown>) => {
    rounds(e['ratings'])
    byRater(e['byRater'])
    for (const i of Object.values((e['instrumentRatings'] ?? {}) as Record<string, Record<string, unknown>>))
      (rounds(i['ratings']), byRater(i['byRater']))
  }
  for (const s of doc.sites) (entity(s), s.units.forEach(entity))
  return out
}

/** The generated document made hostile by the choices; undefined if the decoder refuses the result. */
const hostile = (ev: Evaluation, c: Choices): Evaluation | undefined => {
  const doc = JSON.parse(JSON.stringify(encodeEvaluation(ev))) as Json
  const units = doc.sites.flatMap((s) => s.units)
  for (const [a, b, how] of c.unitNames)
    if (units.length > 1 && how !== 'keep') {
      const target = units[a % units.length]!
      const other = units[b % units.length]!
      if (target !== other) target.name = how === 'id' ? other.id : other.id.toUpperCase()
    }
  for (const [a, b] of c.roundLabels) {
    const target = doc.rounds[a % doc.rounds.length]!
    const other = doc.rounds[b % doc.rounds.length]!
    if (target !== other) target.label = other.id
  }
  for (const [a, b] of c.siteAliases)
    if (doc.sites.length > 1) {
      const target = doc.sites[a % doc.sites.length]!
      const other = doc.sites[b % doc.sites.length]!
      if (target !== other) target.aliases = [...target.aliases, other.id]
    }
  ratingsIn(doc).forEach((r, i) => {
    const rater = c.texts[i % c.texts.length]
    const note = c.texts[(i + 1) % c.texts.length]
    if (rater !== undefined) r['rater'] = rater
    if (note !== undefined) r['note'] = note
  })
  units.forEach((u, i) => {
    const impact = c.impacts[i]
    if (impact !== undefined)
      u['impact'] = {
        level: impact.level,
        ...(impact.qualifier !== undefined && { qualifier: impact.qualifier }),
        ...(impact.ref !== undefined && { ref: REF_FIELDS[impact.ref] }),
      }
    u.objectiveCells.forEach((cell, k) => {
      const ref = c.refs[(i + k) % Math.max(1, c.refs.length)]
      if (ref !== undefined) cell['ref'] = REF_FIELDS[ref]
    })
  })
  c.objectives.forEach((o, k) => {
    if (units.length === 0) return
    const u = units[o.unit % units.length]!
    // A type the unit records as a count cell cannot also be listed.
    const type = ['process', 'outcome'].find((t) => !u.objectiveCells.some((cell) => cell['type'] === t))
    if (type === undefined) return
    const list = (u['objectives'] as Record<string, unknown>[]) ?? []
    list.push({
      id: `obj-${k}`,
      type,
      status: o.status,
      ...(o.text !== undefined && { text: o.text }),
      ...(o.attribution !== undefined && { attribution: o.attribution }),
      ...(o.ref !== undefined && { ref: REF_FIELDS[o.ref] }),
    })
    u['objectives'] = list
  })
  const decoded = decodeEvaluation(doc)
  return E.isRight(decoded) ? decoded.right : undefined
}

/** The document without what the three layouts carry: ratings (all kinds), objective cells, impacts, listed objectives. */
const skeleton = (ev: Evaluation): Evaluation => {
  const doc = JSON.parse(JSON.stringify(encodeEvaluation(ev))) as Json
  for (const s of doc.sites) {
    delete s['ratings']
    delete s['byRater']
    delete s['instrumentRatings']
    for (const u of s.units) {
      u['ratings'] = {}
      delete u['byRater']
      delete u['instrumentRatings']
      delete u['impact']
      u.objectiveCells = []
      u['objectives'] = []
    }
  }
  const decoded = decodeEvaluation(doc)
  if (E.isLeft(decoded)) throw new Error(JSON.stringify(decoded.left.slice(0, 3)))
  return decoded.right
}

/** Export the three layouts to CSV and import them back onto the skeleton, in turn. */
const roundTrip = (ev: Evaluation, exactIds: boolean): Result<Evaluation> => {
  const options = { exactIds, stripFormulaGuard: true }
  const ratings = toCsv(ratingRows(ev), { columns: RATING_COLUMNS.map((c) => c.name) })
  const cells = toCsv(objectiveCellRows(ev), { columns: OBJECTIVE_CELL_COLUMNS.map((c) => c.name) })
  const listed = toCsv(objectiveListRows(ev), { columns: OBJECTIVE_LIST_COLUMNS.map((c) => c.name) })
  const steps: ((x: Evaluation) => Result<Evaluation>)[] = [
    (x) => importRatingsLongEither(x, ratings, options),
    (x) => importObjectivesEither(x, cells, options),
    (x) => importObjectiveListEither(x, listed, options),
  ]
  return steps.reduce<Result<Evaluation>>((acc, step) => E.chain(step)(acc), E.right(skeleton(ev)))
}

/**
 * The encoded document with empty records of ratings pruned: a round (or a
 * rater's target) with no rating holds no data and has no row to be written
 * as, so `{ r1: {} }` and `{}` are the same ratings. A site's emptied ratings
 * go too (a unit's `ratings` is required).
 */
const comparable = (ev: Evaluation): unknown => {
  const isEmpty = (v: unknown) => typeof v === 'object' && v !== null && Object.keys(v).length === 0
  const prune = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(prune)
    if (typeof v !== 'object' || v === null) return v
    const out: Record<string, unknown> = {}
    for (const [k, x] of Object.entries(v)) {
      let y = prune(x)
      if ((k === 'ratings' || k === 'byRater') && typeof y === 'object' && y !== null)
        y = Object.fromEntries(
          Object.entries(y)
            .map(([r, t]) => [
              r,
              k === 'byRater' ? Object.fromEntries(Object.entries(t as object).filter(([, z]) => !isEmpty(z))) : t,
            ])
            .filter(([, t]) => !isEmpty(t)),
        )
      if (k === 'instrumentRatings' && typeof y === 'object' && y !== null)
        y = Object.fromEntries(Object.entries(y).filter(([, t]) => !isEmpty(t)))
      if ((k === 'byRater' || k === 'instrumentRatings' || (k === 'ratings' && !('objectiveCells' in v))) && isEmpty(y))
        continue
      out[k] = y
    }
    return out
  }
  return prune(encodeEvaluation(ev))
}

// Each case decodes the document five times (hostile, skeleton, three imports): FUZZ_RUNS / 50 cases per property.
const RUNS = Math.max(100, Math.round(FUZZ_RUNS / 50))
const docArb = fc
  .tuple(evaluationArb({ maxSites: 3, maxUnitsPerSite: 3, maxRounds: 3 }), choicesArb)
  .map(([ev, c]) => hostile(ev, c))

describe('CSV export → import', () => {
  it(
    'is the identity on every generated document when read with exactIds',
    () => {
      let tried = 0
      fc.assert(
        fc.property(docArb, (ev) => {
          if (ev === undefined) return
          tried++
          const back = roundTrip(ev, true)
          if (E.isLeft(back))
            throw new Error(
              back.left
                .slice(0, 5)
                .map((p) => `${p.where}: ${p.expected}, found ${p.found}`)
                .join('\n'),
            )
          expect(comparable(back.right)).toEqual(comparable(ev))
        }),
        { numRuns: RUNS },
      )
      // Most hostile documents are valid ones, so the property is not vacuous.
      expect(tried).toBeGreaterThan(RUNS / 2)
    },
    FUZZ_TIMEOUT,
  )

  it(
    'read by names, is the identity or a refusal naming an ambiguous cell, never a silent change',
    () => {
      const seen = { same: 0, refused: 0 }
      fc.assert(
        fc.property(docArb, (ev) => {
          if (ev === undefined) return
          const back = roundTrip(ev, false)
          if (E.isRight(back)) {
            seen.same++
            expect(comparable(back.right)).toEqual(comparable(ev))
            return
          }
          seen.refused++
          for (const p of back.left) {
            expect(p.code, `${p.where}: ${p.expected}, found ${p.found}`).toBe('duplicate')
            expect(p.where).toMatch(/^line \d+, column \d+/)
          }
        }),
        { numRuns: RUNS },
      )
      expect(seen.same).toBeGreaterThan(0)
      expect(seen.refused).toBeGreaterThan(0)
    },
    FUZZ_TIMEOUT,
  )
})
