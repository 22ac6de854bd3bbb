/**
 * Attainment per standard × organisation, with pooled totals, on ~1M criterion
 * ratings: the library's `attainment` against
 *  (a) a naive hand-written single-pass loop over tidy row objects, and
 *  (b) Arquero 7.2 `groupby().rollup()` on a pre-built table of the same rows,
 *      which is what a notebook user would reach for.
 * Targets: library ≥ as fast as (a), and ≥ 10× faster than (b).
 *
 * All three produce the same counts (met / partly / not met / not applicable
 * per organisation × standard, and pooled per organisation); the run checks
 * that they agree before timing them. Building the rows and the table is not
 * timed: the comparators get their input for free.
 *
 * The library counts criteria (`{ count: 'criteria' }`), which is what the
 * comparators count; it does more besides (unrated items, proportions and
 * Wilson intervals for every scope). It caches tallies per unit and per site
 * (WeakMaps on the immutable document), so a second call on the same document
 * is nearly free. The comparison is made COLD, with `{ cache: false }`, so
 * every rating is counted again. The cached call is reported too.
 *
 * The document is the decoded one, as a user holds it after loading a file:
 * the decoder writes each record's rating codes as it validates
 * (src/model/rating-codes.ts), and a cold count scans those. The same count on
 * the document built in code (no codes: every criterion looked up by key) is
 * reported beside it.
 * @module
 */
import * as aq from 'arquero'
import type { Evaluation } from '../src/model/evaluation.js'
import { attainment, type AttainmentResult } from '../src/standards/index.js'
import type { BenchContext, BenchReport } from './harness.js'
import { gcIfExposed, measure, median } from './harness.js'

/** One rating as a tidy row, as a CSV export or a notebook would hold it. */
export interface RatingRow {
  readonly site: string
  readonly unit: string
  readonly round: string
  readonly standard: string
  readonly criterion: string
  readonly level: string
}

/** Counts of one group: the scale's levels and not applicable. */
export interface LevelCounts {
  met: number
  partly: number
  notMet: number
  na: number
}

/** The rows of a document (criterion ratings only; unrated slots have no row). */
export const tidyRows = (ev: Evaluation): RatingRow[] => {
  const standardOf = new Map<string, string>()
  for (const section of ev.framework.sections)
    for (const s of section.standards) for (const c of s.criteria) standardOf.set(c.id, s.id)
  const rows: RatingRow[] = []
  for (const site of ev.sites)
    for (const unit of site.units)
      for (const round of Object.keys(unit.ratings)) {
        const rr = unit.ratings[round as keyof typeof unit.ratings]!
        for (const criterion of Object.keys(rr)) {
          const standard = standardOf.get(criterion)
          if (standard === undefined) continue
          rows.push({
            site: site.id,
            unit: unit.id,
            round,
            standard,
            criterion,
            level: rr[criterion as keyof typeof rr]!.level,
          })
        }
      }
  return rows
}

const SEP = '\u0000'
const zero = (): LevelCounts => ({ met: 0, partly: 0, notMet: 0, na: 0 })
const add = (c: LevelCounts, level: string): void => {
  if (level === 'met') c.met++
  else if (level === 'partly') c.partly++
  else if (level === 'not-met') c.notMet++
  else c.na++
}

/**
 * (a) The naive loop: one pass over the rows, a Map per grouping, string keys.
 * Returns counts by `site\0standard`, pooled counts by site.
 */
export const naiveAttainment = (
  rows: readonly RatingRow[],
): { cells: Map<string, LevelCounts>; pooled: Map<string, LevelCounts> } => {
  const cells = new Map<string, LevelCounts>()
  const pooled = new Map<string, LevelCounts>()
  for (const r of rows) {
    const key = r.site + SEP + r.standard
    let c = cells.get(key)
    if (c === undefined) cells.set(key, (c = zero()))
    let p = pooled.get(r.site)
    if (p === undefined) pooled.set(r.site, (p = zero()))
    add(c, r.level)
    add(p, r.level)
  }
  return { cells, pooled }
}

/** The Arquero table of the same rows (columns, as `aq.from(rows)` would make). */
export const arqueroTable = (rows: readonly RatingRow[]) =>
  aq.table({
    site: rows.map((r) => r.site),
    unit: rows.map((r) => r.unit),
    round: rows.map((r) => r.round),
    standard: rows.map((r) => r.standard),
    criterion: rows.map((r) => r.criterion),
    level: rows.map((r) => r.level),
  })

const ROLLUP = {
  met: (d: { level: string }) => aq.op.sum(d.level === 'met' ? 1 : 0),
  partly: (d: { level: string }) => aq.op.sum(d.level === 'partly' ? 1 : 0),
  notMet: (d: { level: string }) => aq.op.sum(d.level === 'not-met' ? 1 : 0),
  na: (d: { level: string }) => aq.op.sum(d.level === 'na' ? 1 : 0),
}

/** (b) Arquero: one rollup per organisation × standard, one per organisation (the pooled total). */
export const arqueroAttainment = (table: ReturnType<typeof arqueroTable>) => ({
  cells: table.groupby('site', 'standard').rollup(ROLLUP),
  pooled: table.groupby('site').rollup(ROLLUP),
})

/** The library, cold: no cache, every rating is counted. */
export const libraryAttainmentCold = (ev: Evaluation): AttainmentResult =>
  attainment(ev, { count: 'criteria', cache: false })

const same = (a: LevelCounts, b: LevelCounts): boolean =>
  a.met === b.met && a.partly === b.partly && a.notMet === b.notMet && a.na === b.na

/** Throw unless the library's per site × standard and per site pooled counts equal the naive loop's. */
const checkAgreement = (result: AttainmentResult, naive: ReturnType<typeof naiveAttainment>): void => {
  for (const scope of result.scopes) {
    if (scope.round !== null || scope.site === null) continue
    const pooled = naive.pooled.get(scope.site)
    const t = scope.total
    const lib = (x: { counts: Record<string, number>; na: number }): LevelCounts => ({
      met: x.counts.met ?? 0,
      partly: x.counts.partly ?? 0,
      notMet: x.counts['not-met'] ?? 0,
      na: x.na,
    })
    if (!pooled || !same(lib(t), pooled))
      throw new Error(`library and naive loop disagree on the pooled total of ${scope.site}`)
    for (const s of scope.standards) {
      const n = naive.cells.get(scope.site + SEP + s.standard) ?? zero()
      if (!same(lib(s), n)) throw new Error(`library and naive loop disagree on ${scope.site} × ${s.standard}`)
    }
  }
}

export const run = async (ctx: BenchContext): Promise<BenchReport> => {
  const ev = ctx.decoded()
  const rows = tidyRows(ev)
  const table = arqueroTable(rows)

  // Agreement of the three, before any timing.
  const naive = naiveAttainment(rows)
  const aqOut = arqueroAttainment(table)
  for (const o of aqOut.cells.objects() as (LevelCounts & { site: string; standard: string })[]) {
    const n = naive.cells.get(o.site + SEP + o.standard)
    if (!n || !same(n, o)) throw new Error(`naive loop and Arquero disagree on ${o.site} × ${o.standard}`)
  }
  checkAgreement(libraryAttainmentCold(ev), naive)
  // The same document built in code (never decoded): no code arrays, so every criterion is looked up by key.
  const plain = ctx.generated()
  checkAgreement(libraryAttainmentCold(plain), naive)

  const LIB = 'library attainment(ev, { count: "criteria", cache: false }), cold'
  const NAIVE = 'naive loop over tidy rows'
  const AQ = 'Arquero groupby().rollup()'
  const LOOKUP = 'library, cold, on the same document built in code (no code arrays: each criterion looked up by key)'
  attainment(ev, { count: 'criteria' }) // fill the caches for the cached task
  const measurements = await measure(
    {
      // A GC before each sample of the full counts (untimed): Arquero leaves much garbage on a
      // big heap, and a collection it triggers must not be charged to the next task.
      [LIB]: { fn: () => libraryAttainmentCold(ev), beforeEach: gcIfExposed },
      [NAIVE]: { fn: () => naiveAttainment(rows), beforeEach: gcIfExposed },
      [AQ]: { fn: () => arqueroAttainment(table), beforeEach: gcIfExposed },
      'library attainment(ev, { cache: false }), default policy (standards rolled up), cold': {
        fn: () => attainment(ev, { cache: false }),
        beforeEach: gcIfExposed,
      },
      [LOOKUP]: { fn: () => libraryAttainmentCold(plain), beforeEach: gcIfExposed },
      'library attainment(ev, { count: "criteria" }), cached (same document again)': () =>
        attainment(ev, { count: 'criteria' }),
    },
    { time: ctx.quick ? 300 : 3000, iterations: ctx.quick ? 3 : 20, passes: ctx.quick ? 3 : 5 },
  )
  const tLib = median(measurements, LIB)
  const tNaive = median(measurements, NAIVE)
  const tAq = median(measurements, AQ)
  const tLookup = median(measurements, LOOKUP)
  return {
    title: 'Attainment per standard × organisation, pooled totals',
    measurements,
    checks: [
      {
        label: 'naive loop / library (cold)',
        value: tNaive / tLib,
        unit: '×',
        target: '≥ 1',
        pass: tNaive / tLib >= 1,
      },
      { label: 'Arquero / library (cold)', value: tAq / tLib, unit: '×', target: '≥ 10', pass: tAq / tLib >= 10 },
      {
        label: 'Arquero / naive loop (reference)',
        value: tAq / tNaive,
        unit: '×',
        target: '—',
        pass: null,
      },
      {
        label: 'Arquero / library (cold, document built in code: key lookups, reference)',
        value: tAq / tLookup,
        unit: '×',
        target: '—',
        pass: null,
      },
    ],
    notes: [
      `${rows.length.toLocaleString('en')} rows (criterion ratings, not-applicable included, unrated absent), ${ev.sites.length} organisations × ${ev.framework.sections.reduce((n, s) => n + s.standards.length, 0)} standards.`,
      'The three agree on every organisation × standard count and every pooled total (checked before timing).',
      '"cold" = `cache: false`: every unit is counted again; "cached" = the default, on a document counted before.',
      "The decoded document carries the decoder's rating codes (one byte per criterion and standard per unit × round, written while decoding; src/model/rating-codes.ts): a cold count scans those bytes instead of looking every criterion up in its record. Their cost is in the decode benchmark, their memory in the memory benchmark. A document built in code has none and is counted by key lookups (the reference row).",
    ],
  }
}
