/**
 * The ratings imports check what they write as they resolve it, and decode
 * the whole result again only when the base is not known valid (or a value
 * the cells cannot show needs it). These tests prove the guarantee: every
 * result passes `decodeEvaluation`, the decoder would change nothing in it,
 * its attainment equals the decoded copy's, and it is the same result, and
 * the same problems, as the full gate gives on an undecoded copy of the base.
 */
import * as fc from 'fast-check'
import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { left, right } from '../support.js'
import { decodeEvaluation } from '../../../src/document/decode.js'
import { isKnownValid } from '../../../src/document/known-valid.js'
import { importRatingsLongEither, importRatingsWideEither } from '../../../src/io/index.js'
import { encodeEvaluation } from '../../../src/model/index.js'
import type { Evaluation } from '../../../src/model/evaluation.js'
import { frameworkTargets } from '../../../src/model/codec-framework.js'
import { attainment, attainmentRows } from '../../../src/standards/index.js'
import { evaluationArb, sampleDocument } from '../../support/arbitraries.js'

/** What a generated file may name: the document's own ids, and a few that are not. */
const idsOf = (ev: Evaluation) => ({
  sites: ev.sites.map((s) => s.id as string),
  units: ev.sites.flatMap((s) => s.units.map((u) => [s.id as string, u.id as string] as const)),
  rounds: ev.rounds.map((r) => r.id as string),
  targets: [...frameworkTargets(ev.framework)],
  levels: [...ev.framework.scale.levels.map((l) => l.id as string), 'na'],
  instruments: (ev.instruments ?? []).map((f) => ({
    id: f.id,
    targets: [...frameworkTargets(f)],
    levels: [...f.scale.levels.map((l) => l.id as string), 'na'],
  })),
  raters: (ev.raters ?? []).map((r) => r.id as string),
  excerpts: ev.excerpts.map((x) => x.id as string),
})

const pick = (xs: readonly string[], other: string): fc.Arbitrary<string> =>
  xs.length === 0 ? fc.constant(other) : fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...xs) }, fc.constant(other))

/** A CSV cell: quoted when it holds a delimiter, quote or line break. */
const cell = (s: string): string => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s)

const LONG_HEADER = [
  'site',
  'unit',
  'instrument',
  'by',
  'round',
  'target',
  'level',
  'rater',
  'date',
  'note',
  'evidence',
]

/** A long ratings file over a document's ids: mostly valid rows, some blank levels (notes), some bad cells. */
const longFileArb = (ev: Evaluation): fc.Arbitrary<string> => {
  const ids = idsOf(ev)
  const row = fc
    .record({
      unit: ids.units.length === 0 ? fc.constant(['nowhere', 'nobody'] as const) : fc.constantFrom(...ids.units),
      siteOnly: fc.nat({ max: 9 }).map((n) => n === 0),
      instrument: fc.option(fc.nat({ max: Math.max(0, ids.instruments.length - 1) }), { freq: 4, nil: undefined }),
      by: fc.option(pick(ids.raters, 'stranger'), { freq: 4, nil: undefined }),
      round: pick(ids.rounds, 'r-none'),
      k: fc.nat({ max: 50 }),
      level: fc.option(fc.nat({ max: 6 }), { freq: 8, nil: undefined }),
      rater: fc.option(fc.constantFrom('JB', '', ' spaced '), { nil: undefined }),
      date: fc.option(fc.constantFrom('2024-03-01', '2023-02-30', '2024-13-01'), { freq: 3, nil: undefined }),
      note: fc.option(fc.constantFrom('seen on the ward', 'a "quoted" note, with a comma'), { nil: undefined }),
      evidence: fc.option(pick(ids.excerpts, 'q-none'), { freq: 4, nil: undefined }),
    })
    .map((r) => {
      const other = r.instrument === undefined ? undefined : ids.instruments[r.instrument]
      const targets = other?.targets ?? ids.targets
      const levels = other?.levels ?? ids.levels
      const target = targets[r.k % Math.max(1, targets.length)] ?? '9.9'
      const level = r.level === undefined ? '' : r.level < levels.length ? levels[r.level]! : 'sort of'
      return [
        r.unit[0],
        r.siteOnly ? '' : r.unit[1],
        other?.id ?? '',
        r.by ?? '',
        r.round,
        target,
        level,
        r.rater ?? '',
        r.date ?? '',
        r.note ?? '',
        r.evidence ?? '',
      ]
        .map(cell)
        .join(',')
    })
  return fc
    .array(row, { minLength: 1, maxLength: 12 })
    .map((rows) => [LONG_HEADER.join(','), ...rows].join('\n') + '\n')
}

/** A wide file: one row per unit, a column per target of the default instrument. */
const wideFileArb = (ev: Evaluation): fc.Arbitrary<string> => {
  const ids = idsOf(ev)
  const targets = ids.targets.slice(0, 4)
  const row = fc
    .record({
      unit: ids.units.length === 0 ? fc.constant(['nowhere', 'nobody'] as const) : fc.constantFrom(...ids.units),
      round: pick(ids.rounds, 'r-none'),
      levels: fc.array(fc.option(fc.nat({ max: 6 }), { nil: undefined }), {
        minLength: targets.length,
        maxLength: targets.length,
      }),
      note: fc.option(fc.constant('a note'), { nil: undefined }),
    })
    .map((r) =>
      [
        r.unit[0],
        r.unit[1],
        r.round,
        r.note ?? '',
        ...r.levels.map((l) => (l === undefined ? '' : (ids.levels[l] ?? 'sort of'))),
      ]
        .map(cell)
        .join(','),
    )
  return fc
    .array(row, { minLength: 1, maxLength: 6 })
    .map((rows) => [['site', 'unit', 'round', 'note', ...targets].map(cell).join(','), ...rows].join('\n') + '\n')
}

/** The attainment figures of a document, as rows (criteria counted), for comparing two documents. */
const figures = (ev: Evaluation) => attainmentRows(attainment(ev, { count: 'criteria' }))

/**
 * The import onto the decoded base (checked by construction) against the
 * same import onto an undecoded copy (decoded in full): the same verdict,
 * the same problems, the same document; and the checked result decodes to
 * itself with the same attainment.
 */
const checkBothWays = (
  base: Evaluation,
  run: (b: Evaluation) => E.Either<readonly unknown[], Evaluation>,
): 'left' | 'right' => {
  expect(isKnownValid(base)).toBe(true)
  const checked = run(base)
  const full = run({ ...base })
  expect(checked._tag).toBe(full._tag)
  if (E.isLeft(checked)) {
    expect(checked.left).toEqual((full as E.Left<readonly unknown[]>).left)
    return 'left'
  }
  const result = checked.right
  const decoded = decodeEvaluation(result)
  if (E.isLeft(decoded))
    throw new Error(decoded.left.map((p) => `${p.where}: ${p.expected}, found ${p.found}`).join('\n'))
  expect(encodeEvaluation(decoded.right)).toEqual(encodeEvaluation(result))
  expect(encodeEvaluation(result)).toEqual(encodeEvaluation((full as E.Right<Evaluation>).right))
  expect(figures(result)).toEqual(figures(decoded.right))
  return 'right'
}

const RUNS = Number(process.env.FUZZ_RUNS ?? 10_000) >= 10_000 ? 300 : 100
const decodedArb = evaluationArb({ maxSites: 3, maxUnitsPerSite: 3, maxRounds: 2 }).map((ev) => {
  const d = decodeEvaluation(encodeEvaluation(ev))
  if (E.isLeft(d)) throw new Error('the generated document does not decode')
  return d.right
})

describe('ratings imports, checked by construction', () => {
  it('every long import result passes decodeEvaluation, unchanged, and equals the fully gated import', () => {
    const seen = { left: 0, right: 0 }
    fc.assert(
      fc.property(
        decodedArb.chain((ev) => fc.tuple(fc.constant(ev), longFileArb(ev), fc.boolean())),
        ([ev, csv, create]) => {
          seen[checkBothWays(ev, (b) => importRatingsLongEither(b, csv, { create }))]++
        },
      ),
      { numRuns: RUNS },
    )
    // Both verdicts were exercised.
    expect(seen.left).toBeGreaterThan(0)
    expect(seen.right).toBeGreaterThan(0)
  }, 120_000)

  it('every wide import result passes decodeEvaluation, unchanged, and equals the fully gated import', () => {
    const seen = { left: 0, right: 0 }
    fc.assert(
      fc.property(
        decodedArb.chain((ev) => fc.tuple(fc.constant(ev), wideFileArb(ev), fc.boolean())),
        ([ev, csv, create]) => {
          seen[checkBothWays(ev, (b) => importRatingsWideEither(b, csv, { create }))]++
        },
      ),
      { numRuns: RUNS },
    )
    expect(seen.left).toBeGreaterThan(0)
    expect(seen.right).toBeGreaterThan(0)
  }, 120_000)
})

describe('which documents are decoded again', () => {
  const doc = (): Evaluation => {
    const d = sampleDocument()
    for (const u of d.sites[0]!.units) u.ratings = {}
    return right(decodeEvaluation(d))
  }
  const csv = 'site,unit,standard,level\nss,acute,1.1,met\n'

  it('onto a decoded base the result is built, not decoded: parts the file does not touch are the base’s own', () => {
    const base = doc()
    const got = right(importRatingsLongEither(base, csv))
    // The decoder copies every object; only a result that was not decoded again shares them.
    expect(got.framework).toBe(base.framework)
    expect(got.rounds).toBe(base.rounds)
    expect(isKnownValid(got)).toBe(true)
  })

  it('onto a base built in code the result is decoded in full (it shares nothing with the base)', () => {
    const base = { ...doc() }
    const got = right(importRatingsLongEither(base, csv))
    expect(got.framework).not.toBe(base.framework)
    expect(isKnownValid(got)).toBe(true)
  })

  it('a base made invalid by hand is still refused, with the full decoder’s problem and JSON path', () => {
    const good = doc()
    const site = good.sites[0]!
    const bad: Evaluation = {
      ...good,
      sites: [{ ...site, units: [{ ...site.units[0]!, ratings: { nowhere: {} } as never }, ...site.units.slice(1)] }],
    }
    const problems = left(importRatingsLongEither(bad, csv))
    expect(problems).toHaveLength(1)
    expect(problems[0]).toMatchObject({ path: ['sites', 0, 'units', 0, 'ratings', 'nowhere'], code: 'reference' })
  })

  it('an impossible calendar date on a note row is refused as the full decoder refuses it', () => {
    // 2023 is not a leap year: 29 February 2023 does not exist (the date pattern alone lets it through).
    const base = doc()
    const file = 'site,unit,standard,level,date,note\nss,acute,1.1,,2023-02-29,seen on the ward\n'
    const problems = left(importRatingsLongEither(base, file))
    expect(problems).toEqual(left(importRatingsLongEither({ ...base }, file)))
    expect(problems[0]).toMatchObject({ path: ['observations', 0, 'date'], code: 'value' })
  })
})
