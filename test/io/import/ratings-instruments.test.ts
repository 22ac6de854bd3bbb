import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { left, right } from '../support.js'
import { parseEvaluation } from '../../../src/document/decode.js'
import { encodeEvaluation } from '../../../src/model/codec.js'
import type { Evaluation, Site, Unit } from '../../../src/model/evaluation.js'
import type { Rating } from '../../../src/model/ratings.js'
import { ratingRows } from '../../../src/io/export/document-rows.js'
import { toCsv } from '../../../src/io/csv/write.js'
import { importRatingsLongEither, importRatingsWideEither } from '../../../src/io/index.js'
import { attainment } from '../../../src/standards/attainment.js'
import { evaluationArb } from '../../support/arbitraries.js'
import { twoInstrumentDocument } from '../../model/instruments-fixture.js'

const json = (ev: Evaluation) => JSON.parse(JSON.stringify(encodeEvaluation(ev)))
const where = (ps: readonly { where: string; expected: string; found: string }[]) =>
  ps.map((p) => `${p.where}: expected ${p.expected}, found ${p.found}`)

/** The document with every rating removed: units keep an empty `ratings`, everything else rated goes. */
const unrated = (ev: Evaluation): Evaluation => ({
  ...ev,
  sites: ev.sites.map((s) => {
    const { ratings: _r, byRater: _b, instrumentRatings: _i, ...site } = s
    return {
      ...site,
      units: s.units.map((u) => {
        const { byRater: _ub, instrumentRatings: _ui, ...unit } = u
        return { ...unit, ratings: Object.create(null) }
      }),
    } as Site
  }),
})

const two = (): Evaluation => parseEvaluation(twoInstrumentDocument())

describe('ratings CSV with instruments, raters and sites rated as a whole', () => {
  it('exports every rating of the two-instrument document, one row each, in document order', () => {
    const rows = ratingRows(two())
    // The fixture holds 3 counted default ratings of acute (1.1, 1.1.1, 2.4), 1 of the site (2.4), 2 rater ratings of
    // acute's 2.4; on compliance: the site's c2, acute's counted c2, acute's c1 by ann and bob, acute's c2 by ann.
    // 3 + 1 + 2 + 1 + 1 + 3 = 11 rows.
    expect(rows).toHaveLength(11)
    expect(rows.slice(0, 2)).toEqual([
      {
        site: 'ss',
        unit: null,
        round: 'r1',
        target: '2.4',
        level: 'partly',
        rater: null,
        date: null,
        note: null,
        instrument: 'emhip',
        by: null,
        evidence: null,
        extensions: null,
      },
      {
        site: 'ss',
        unit: null,
        round: 'r1',
        target: 'c2',
        level: 'almost',
        rater: null,
        date: null,
        note: null,
        instrument: 'compliance',
        by: null,
        evidence: null,
        extensions: null,
      },
    ])
    expect(
      rows.filter((r) => r.by !== null).map((r) => `${r.unit} ${r.instrument} ${r.target} ${r.by} ${r.level}`),
    ).toEqual([
      'acute emhip 2.4 ann met',
      'acute emhip 2.4 bob partly',
      'acute compliance c1 ann almost',
      'acute compliance c1 bob partly',
      'acute compliance c2 ann fully',
    ])
    // A blank cell is the site as a whole.
    expect(toCsv(rows).split('\n')[1]).toBe('ss,,r1,2.4,partly,,,,emhip,,,')
  })

  it('imports the export onto the document without ratings and gives back the same document', () => {
    const ev = two()
    const csv = toCsv(ratingRows(ev))
    const back = right(importRatingsLongEither(unrated(ev), csv, { exactIds: true, stripFormulaGuard: true }))
    expect(json(back)).toEqual(json(ev))
  })

  it('reads instruments and raters by id or name, and a blank unit as the site', () => {
    const csv = [
      'site,unit,round,standard,rating,instrument,rater id',
      'South Staffordshire,,r1,Policy in place,Fully met,Compliance audit,Ann',
      'ss,crisis,r1,c2,Not met,compliance,',
      'ss,Crisis resolution,r1,2.4,met,,bob',
    ].join('\n')
    const ev = right(importRatingsLongEither(two(), csv))
    const site = ev.sites[0]! as any
    expect(site.instrumentRatings.compliance.byRater.r1.c1.ann).toEqual({ level: 'fully' })
    expect((ev.sites[0]!.units[1]! as any).instrumentRatings.compliance.ratings.r1.c2).toEqual({ level: 'not' })
    expect((ev.sites[0]!.units[1]! as any).byRater.r1['2.4'].bob).toEqual({ level: 'met' })
    // Hand count, compliance, attained = top: acute c2 fully, site c2 almost, crisis c2 not → 1/3 (the site's c1 is a rater's own).
    const total = attainment(ev, { instrument: 'compliance', attained: 'top' }).overall.total
    expect([total.k, total.n]).toEqual([1, 3])
  })

  it('refuses unknown instruments and raters, a level of another scale, and a second rating of one item, at their cells', () => {
    const csv = [
      'site,unit,round,standard,rating,instrument,by',
      'ss,acute,r1,c1,fully,quality,',
      'ss,acute,r1,c1,met,compliance,',
      'ss,acute,r1,2.4,met,,zoe',
      'ss,,r1,2.4,met,,ann',
      'ss,,r1,2.4,partly,,ann',
    ].join('\n')
    expect(where(left(importRatingsLongEither(two(), csv)))).toEqual([
      'line 2, column 6 (instrument): expected an instrument of this evaluation, by id or title (emhip | compliance), found "quality"',
      'line 3, column 5 (rating): expected a level of scale compliance (Fully met | Almost met | Partly met | Not met) or not applicable (na | n/a | not applicable), found "met"',
      'line 4, column 7 (by): expected a declared rater, by id or name (ann | bob), found "zoe"',
      'line 6, column 4 (standard): expected one rating per unit, round and standard or criterion (ss (the site as a whole) › rater ann › r1 › 2.4 is already rated on line 5), found "2.4"',
    ])
  })

  it("a rating's own data (extensions) is written as JSON text and read back; a bad cell is refused at its line and column", () => {
    const doc: any = twoInstrumentDocument()
    doc.sites[0].units[0].ratings.r1['2.4'] = { level: 'met', extensions: { visit: 'March', scores: [1, 2], ok: true } }
    const ev = parseEvaluation(doc)
    const rows = ratingRows(ev)
    const row = rows.find((r) => r.unit === 'acute' && r.target === '2.4' && r.by === null && r.instrument === 'emhip')
    expect(row?.extensions).toBe('{"visit":"March","scores":[1,2],"ok":true}')
    expect(rows.filter((r) => r.extensions !== null)).toHaveLength(1)
    const back = right(importRatingsLongEither(unrated(ev), toCsv(rows), { exactIds: true, stripFormulaGuard: true }))
    expect((back.sites[0]!.units[0]!.ratings as any).r1['2.4'].extensions).toEqual({
      visit: 'March',
      scores: [1, 2],
      ok: true,
    })
    const bad = [
      'site,unit,round,standard,rating,extensions',
      'ss,acute,r1,2.4,met,not json',
      'ss,crisis,r1,2.4,met,[1]',
      'ss,,r1,2.4,met,"{""__proto__"":{""x"":1}}"',
      'ss,crisis,r1,1.1,met,"{""a"":1}"',
    ].join('\n')
    expect(where(left(importRatingsLongEither(two(), bad)))).toEqual([
      'line 2, column 6 (extensions): expected your own data as a JSON object, e.g. {"source": "site visit"}, found "not json"',
      'line 3, column 6 (extensions): expected your own data as a JSON object, e.g. {"source": "site visit"}, found "[1]"',
      'line 4, column 6 (extensions): expected your own data as a JSON object, e.g. {"source": "site visit"}, without a __proto__ key, found "{\\"__proto__\\":{\\"x\\":1}}"',
    ])
  })

  it('a wide file rates one instrument (the instrument option), rows of a blank unit rating the site', () => {
    const csv = ['site,unit,round,c1,c2,by', 'ss,,r1,Partly met,Fully met,', 'ss,acute,r1,Not met,,bob'].join('\n')
    const ev = right(importRatingsWideEither(two(), csv, { instrument: 'compliance' }))
    const site = ev.sites[0]! as any
    expect(site.instrumentRatings.compliance.ratings.r1).toEqual({ c1: { level: 'partly' }, c2: { level: 'fully' } })
    expect((ev.sites[0]!.units[0]! as any).instrumentRatings.compliance.byRater.r1.c1.bob).toEqual({ level: 'not' })
    expect(where(left(importRatingsWideEither(two(), csv, { instrument: 'nope' })))).toEqual([
      'line 1 › options › instrument: expected an instrument of this evaluation, by id or title (emhip | compliance), found "nope"',
    ])
  })
})

/**
 * A generated document in the form the CSV layout carries without loss: no
 * empty records (a record with no rating has no row), no rating extensions,
 * no empty rater or note texts.
 */
const csvForm = (ev: Evaluation): Evaluation => {
  const rating = (r: Rating): Rating => {
    // Empty texts are the CSV writer's own concern (its suite tests them); here every text is non-empty.
    const { rater, note, ...kept } = r
    return {
      ...kept,
      ...(rater !== undefined && rater !== '' && { rater }),
      ...(note !== undefined && note !== '' && { note }),
    }
  }
  type Nested = Record<string, unknown>
  const clean = (record: Nested | undefined, depth: number): Nested | undefined => {
    if (record === undefined) return undefined
    const out: Nested = Object.create(null)
    for (const key of Object.keys(record)) {
      const v = depth === 1 ? rating(record[key] as Rating) : clean(record[key] as Nested, depth - 1)
      if (v !== undefined) out[key] = v
    }
    return Object.keys(out).length === 0 ? undefined : out
  }
  const entity = <E extends Site | Unit>(e: E, isUnit: boolean): E => {
    const { ratings, byRater, instrumentRatings, ...rest } = e as Site & Unit
    const out: Nested = { ...rest }
    const r = clean(ratings as Nested | undefined, 2)
    if (r !== undefined || isUnit) out['ratings'] = r ?? Object.create(null)
    const b = clean(byRater as Nested | undefined, 3)
    if (b !== undefined) out['byRater'] = b
    const byInstrument: Nested = Object.create(null)
    for (const id of Object.keys(instrumentRatings ?? {})) {
      const ir = (instrumentRatings as Nested)[id] as { ratings: Nested; byRater?: Nested }
      const ri = clean(ir.ratings, 2)
      const bi = clean(ir.byRater, 3)
      if (ri !== undefined || bi !== undefined)
        byInstrument[id] = { ratings: ri ?? Object.create(null), ...(bi !== undefined && { byRater: bi }) }
    }
    if (Object.keys(byInstrument).length > 0) out['instrumentRatings'] = byInstrument
    return out as E
  }
  return { ...ev, sites: ev.sites.map((s) => ({ ...entity(s, false), units: s.units.map((u) => entity(u, true)) })) }
}

describe('ratings CSV round trip (property)', () => {
  it('export → CSV → import onto the unrated document gives back the document, instruments, raters and sites included', () => {
    // Documents with 2 raters, a further instrument and sites rated as a whole in every run.
    const docArb = evaluationArb({ maxSites: 3, maxUnitsPerSite: 2, maxRounds: 2 })
      .filter(
        (ev) =>
          (ev.raters?.length ?? 0) === 2 &&
          (ev.instruments?.length ?? 0) === 1 &&
          ev.sites.some((s) => s.ratings !== undefined),
      )
      .map(csvForm)
      // A document with no rating at all exports no rows, and an empty file is refused by design.
      .filter((ev) => ratingRows(ev).length > 0)
    fc.assert(
      fc.property(docArb, (ev) => {
        const csv = toCsv(ratingRows(ev))
        const back = right(importRatingsLongEither(unrated(ev), csv, { exactIds: true, stripFormulaGuard: true }))
        expect(json(back)).toEqual(json(ev))
      }),
      { numRuns: 60 },
    )
  }, 60_000)
})
