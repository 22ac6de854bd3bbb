/**
 * The long ratings import writes most records of a large file by their
 * positions in the text, once their site, unit, round, target and level
 * texts have been resolved (the plain records' path). These tests prove it
 * changes nothing: on any file, the import with that path gives the same
 * verdict, the same problems (in the same order, at the same lines and
 * columns) and the same document, key order included, as the import that
 * reads every record as cells.
 */
import * as fc from 'fast-check'
import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { decodeEvaluation } from '../../../src/document/decode.js'
import { importRatingsLongVia } from '../../../src/io/import/ratings.js'
import { encodeEvaluation } from '../../../src/model/index.js'
import type { Evaluation } from '../../../src/model/evaluation.js'
import { frameworkTargets } from '../../../src/model/codec-framework.js'
import { attainment, attainmentRows } from '../../../src/standards/index.js'
import { evaluationArb } from '../../support/arbitraries.js'
import { edit, newEvaluation, parseEvaluation, rate } from '../../../src/index.js'
import { mhipEvaluation } from '../../../src/data/mhip/index.js'
import { importRatingsLong } from '../../../src/io/index.js'
import { emhipFramework } from '../../../src/data/emhip-framework.js'
import { asId } from '../../../src/model/ids.js'

/** A CSV cell: quoted when it holds a delimiter, quote or line break, or when asked. */
const cell = (s: string, quote: boolean): string => (quote || /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s)

type Column =
  'site' | 'unit' | 'instrument' | 'by' | 'round' | 'target' | 'level' | 'rater' | 'date' | 'note' | 'evidence'

/** One unit of the base as a file may name it: by id, by name, or by name in capitals. */
const unitNames = (ev: Evaluation) =>
  ev.sites.flatMap((s) =>
    s.units.map((u) => ({ site: [s.id as string, s.name], unit: [u.id as string, u.name, u.name.toUpperCase()] })),
  )

/**
 * A long file over a document: a random choice of columns (unit, target and
 * level always), rows in runs of the same unit (as files are written, so the
 * plain path learns and reuses), with names as well as ids, blank levels
 * with and without notes, second ratings of an item, unknown texts, spaces
 * around cells and rows written with every cell quoted.
 */
const fileArb = (ev: Evaluation): fc.Arbitrary<string> => {
  const units = unitNames(ev)
  const targets = [...frameworkTargets(ev.framework)]
  const levels = [...ev.framework.scale.levels.flatMap((l) => [l.id as string, l.label]), 'na', 'N/A']
  const instruments = (ev.instruments ?? []).map((f) => f.id)
  const raters = (ev.raters ?? []).map((r) => r.id as string)
  const rounds = ev.rounds.flatMap((r) => [r.id as string, r.label])
  const columns = fc
    .subarray(['site', 'instrument', 'by', 'round', 'rater', 'date', 'note', 'evidence'] as Column[])
    // A base with several rounds needs a round column (else every file is refused on its header).
    .map((optional): Column[] =>
      ev.rounds.length > 1 && !optional.includes('round') ? [...optional, 'round'] : optional,
    )
    .chain((optional) =>
      fc.shuffledSubarray([...optional, 'unit', 'target', 'level'], { minLength: optional.length + 3 }),
    )
  // Most cells are good; `bad` picks the one cell of a row that is not (0 to 7), or none.
  const row = fc.record({
    k: fc.nat({ max: Math.max(0, targets.length - 1) }),
    level: fc.nat({ max: Math.max(0, levels.length - 1) }),
    blank: fc.nat({ max: 12 }).map((n) => n === 0),
    round: fc.nat({ max: Math.max(0, rounds.length - 1) }),
    instrument: fc.nat({ max: 12 }),
    by: fc.nat({ max: 12 }),
    rater: fc.constantFrom('', '', '', 'JB', ' spaced '),
    date: fc.constantFrom('', '', '', '2024-03-01'),
    note: fc.constantFrom('', '', '', 'seen on the ward', 'a "quoted" note, with a comma'),
    evidence: fc.constantFrom('', '', '', ...ev.excerpts.map((x) => x.id as string)),
    bad: fc.nat({ max: 60 }),
    quoted: fc.nat({ max: 15 }).map((n) => n === 0),
    padded: fc.nat({ max: 15 }).map((n) => n === 0),
  })
  const run = fc.record({
    unit: fc.nat({ max: Math.max(0, units.length - 1) }),
    site: fc.nat({ max: 2 }),
    name: fc.nat({ max: 2 }),
    unknown: fc.nat({ max: 20 }).map((n) => n === 0),
    rows: fc.array(row, { minLength: 1, maxLength: 8 }),
  })
  // A clean file has no bad cell and no second rating (each run a different unit, targets in order); the others have some.
  return fc.tuple(columns, fc.array(run, { minLength: 1, maxLength: 8 }), fc.boolean()).map(([cols, runs, clean]) => {
    const lines = [cols.join(',')]
    runs.forEach((r, i) => {
      if (clean && i >= units.length) return
      const u = units[clean ? (r.unit + i) % units.length : r.unit]
      const unknown = !clean && r.unknown
      // Site: its id, its name, or blank (the unit alone); a site and a unit the base lacks now and then.
      const site = u === undefined || unknown ? 'Nowhere' : r.site === 2 ? '' : u.site[r.site]!
      const unit = u === undefined || unknown ? 'Nobody' : u.unit[clean ? 0 : r.name]!
      r.rows.forEach((x, j) => {
        if (clean && j >= targets.length) return
        const bad = clean ? -1 : x.bad
        const value: Record<Column, string> = {
          site,
          unit,
          instrument: x.instrument === 0 && !clean ? (instruments[0] ?? 'other') : '',
          by: x.by === 0 ? (raters[0] ?? (clean ? '' : 'stranger')) : '',
          round: bad === 0 ? 'r-none' : (rounds[x.round] ?? ''),
          target: bad === 1 ? '9.9' : bad === 2 ? '' : (targets[clean ? j % targets.length : x.k] ?? ''),
          level: x.blank ? '' : bad === 3 ? 'sort of' : (levels[x.level] ?? ''),
          rater: x.rater,
          date: bad === 4 ? '2023-02-30' : bad === 5 ? '2024-13-01' : x.date,
          note: x.note,
          evidence: bad === 6 ? 'q-none' : x.evidence,
        }
        lines.push(
          cols.map((c) => (x.padded ? ' ' : '') + cell(value[c as Column], x.quoted) + (x.padded ? ' ' : '')).join(','),
        )
      })
    })
    return lines.join('\n') + '\n'
  })
}

const figures = (ev: Evaluation) => attainmentRows(attainment(ev, { count: 'criteria' }))

const RUNS = Number(process.env.FUZZ_RUNS ?? 10_000) >= 10_000 ? 400 : 150
const decodedArb = evaluationArb({ maxSites: 3, maxUnitsPerSite: 3, maxRounds: 2 }).map((ev) => {
  const d = decodeEvaluation(encodeEvaluation(ev))
  if (E.isLeft(d)) throw new Error('the generated document does not decode')
  return d.right
})

describe('long ratings import: the plain records path', () => {
  it('gives the same problems, or the same document key for key, as reading every record as cells', () => {
    const seen = { left: 0, right: 0, plain: 0 }
    fc.assert(
      fc.property(
        decodedArb.chain((ev) =>
          fc.tuple(
            fc.constant(ev),
            fileArb(ev),
            fc.boolean(),
            fc.nat({ max: 4 }).map((n) => n === 0),
          ),
        ),
        ([ev, csv, create, exactIds]) => {
          const options = { create, exactIds, notes: 'observations' as const }
          const counted = { plain: 0 }
          const fast = importRatingsLongVia(ev, csv, options, { plain: true, counted })
          const general = importRatingsLongVia(ev, csv, options, { plain: false })
          seen.plain += counted.plain
          expect(fast._tag).toBe(general._tag)
          if (E.isLeft(fast)) {
            seen.left++
            expect(fast.left).toEqual((general as E.Left<unknown>).left)
            return
          }
          seen.right++
          const other = (general as E.Right<Evaluation>).right
          // The same document, key order included (rating records keep the file's order).
          expect(JSON.stringify(fast.right)).toBe(JSON.stringify(other))
          expect(encodeEvaluation(fast.right)).toEqual(encodeEvaluation(other))
          expect(figures(fast.right)).toEqual(figures(other))
        },
      ),
      { numRuns: RUNS },
    )
    // Both verdicts, and the plain path itself, were exercised.
    expect(seen.left).toBeGreaterThan(0)
    expect(seen.right).toBeGreaterThan(0)
    expect(seen.plain).toBeGreaterThan(RUNS)
  }, 180_000)

  it('writes a machine-written file by the plain path, and gives the ratings the cells path gives', () => {
    const base = newEvaluation({
      title: 'Audit',
      programme: { id: 'p', name: 'P' },
      framework: emhipFramework,
      rounds: [{ id: asId<'RoundId'>('r1'), label: 'Baseline' }],
    })
    // 3 units × 38 criteria, one row each, in framework order (as the exports write them).
    const criteria = emhipFramework.sections.flatMap((s) => s.standards.flatMap((t) => t.criteria.map((c) => c.id)))
    const levels = ['met', 'partly', 'not-met', 'na']
    const rows = ['site,unit,round,criterion,level']
    for (const unit of ['Ward A', 'Ward B', 'Ward C'])
      criteria.forEach((c, i) => rows.push(`North,${unit},r1,${c},${levels[i % 4]}`))
    const csv = rows.join('\n') + '\n'
    const counted = { plain: 0 }
    const fast = importRatingsLongVia(base, csv, { create: true }, { plain: true, counted })
    const general = importRatingsLongVia(base, csv, { create: true }, { plain: false })
    // Every row but the first of each unit, read as cells, where the unit is learnt: 3 × 38 − 3 = 111
    // (a target, level or round text met for the first time is resolved on the plain path itself).
    expect(counted.plain).toBe(111)
    expect(E.isRight(fast) && E.isRight(general)).toBe(true)
    const a = (fast as E.Right<Evaluation>).right
    expect(JSON.stringify(a)).toBe(JSON.stringify((general as E.Right<Evaluation>).right))
    const wardB = a.sites[0]!.units.find((u) => u.name === 'Ward B')!
    expect(Object.keys(wardB.ratings['r1' as never]!)).toEqual(criteria)
    expect(wardB.ratings['r1' as never]![criteria[1]! as never]).toEqual({ level: 'partly' })
  })

  it('keeps both ratings of a new unit named two ways, and refuses a second rating across the two names', () => {
    const base = newEvaluation({
      title: 'Audit',
      programme: { id: 'p', name: 'P' },
      framework: emhipFramework,
      rounds: [{ id: asId<'RoundId'>('r1'), label: 'Baseline' }],
    })
    // "ward a" is the unit "Ward A" created on line 2 (names match ignoring case).
    const next = importRatingsLong(base, 'site,unit,standard,rating\nNorth,Ward A,1.1,met\nNorth,ward a,1.2,PM\n', {
      create: true,
    })
    expect(next.sites[0]!.units.map((u) => u.ratings)).toEqual([
      { r1: { '1.1': { level: 'met' }, '1.2': { level: 'partly' } } },
    ])
    expect(() =>
      importRatingsLong(base, 'site,unit,standard,rating\nNorth,Ward A,1.1,met\nNorth,ward a,1.1,PM\n', {
        create: true,
      }),
    ).toThrow('line 3, column 3 (standard): expected one rating per unit, round and standard or criterion')
  })

  it('builds the document as an edit would: untouched parts shared, the base unchanged, edits work on the result', () => {
    // South Staffordshire's acute care rated on two standards, then (the base) on two criteria.
    const rated = 'site,unit,standard,level\nSSHT,Acute care,2.4,met\nSSHT,Acute care,2.3,na\n'
    const base = importRatingsLong(parseEvaluation(encodeEvaluation(mhipEvaluation)), rated)
    const before = JSON.stringify(encodeEvaluation(base))
    const site = base.sites[0]!
    const unit = site.units.find((u) => u.id === 'acute-care')!
    const oldRecord = unit.ratings['mhip-2008' as never] as Record<string, unknown>
    expect(Object.keys(oldRecord)).toEqual(['2.4', '2.3'])
    const csv = 'site,unit,criterion,level\nSSHT,Acute care,2.1.1,met\nSSHT,Acute care,2.1.2,PM\n'
    const next = importRatingsLong(base, csv)
    expect(JSON.stringify(encodeEvaluation(base))).toBe(before)
    // Other sites, the site's other units: the same objects.
    base.sites.forEach((s, i) => {
      if (i !== 0) expect(next.sites[i]).toBe(s)
    })
    site.units.forEach((u, j) => {
      if (u !== unit) expect(next.sites[0]!.units[j]).toBe(u)
    })
    const placed = next.sites[0]!.units.find((u) => u.id === 'acute-care')!
    const record = placed.ratings['mhip-2008' as never] as Record<string, { level: string }>
    // The unit's ratings before, then the file's, in the file's order; the record frozen, as decoded ones are.
    expect(Object.keys(record)).toEqual([...Object.keys(oldRecord), '2.1.1', '2.1.2'])
    expect(record['2.1.2']).toEqual({ level: 'partly' })
    expect(Object.isFrozen(record)).toBe(true)
    // Ratings that are only a level are one shared object per level; an edit replaces one without touching the other.
    const edited = edit(next, rate({ unit: 'acute-care', target: '2.1.1', level: 'not-met', note: 'checked' }))
    const after = edited.sites[0]!.units.find((u) => u.id === 'acute-care')!.ratings['mhip-2008' as never] as Record<
      string,
      unknown
    >
    expect(after['2.1.1']).toEqual({ level: 'not-met', note: 'checked' })
    expect(after['2.1.2']).toBe(record['2.1.2'])
    expect(record['2.1.1']).toEqual({ level: 'met' })
    // Attainment of the edited document equals that of the same document decoded afresh.
    const fresh = parseEvaluation(encodeEvaluation(edited))
    expect(figures(edited)).toEqual(figures(fresh))
  })
})
