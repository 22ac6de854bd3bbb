/**
 * Every target at every shape: cold attainment, the recount after one edit
 * and one edit, measured on each shape of document users have, each shape
 * against the same comparators in the same run:
 *
 * - frameworks: the embedded E-MHIP framework (38 criteria, 11 standards, two
 *   of them rated directly) and a large generated one (198 criteria);
 * - 1, 2 and 4 rounds;
 * - 200 and 2,000 sites.
 *
 * Comparators of the cold count (their input is built untimed, as a notebook
 * user would hold it):
 * - a naive loop over tidy row objects (one `Map` per grouping, string keys);
 * - Arquero 7.2 `groupby().rollup()` on a table of the same rows;
 * - the floor: counting pre-interned codes in typed arrays (a group index and
 *   a level code per rating, one `Int32Array` increment each), what no
 *   engine reading the same ratings can beat by much.
 *
 * All of them count criteria per round × site × standard and per site ×
 * standard over all rounds; the library (`count: 'criteria'`, `cache: false`)
 * agrees with the naive loop on every count before anything is timed.
 *
 * Size: a shape's units per site are cut so that it holds at most `cap`
 * rating slots (2M; 100k with `--quick`), so that the row objects and the
 * Arquero table of every comparator fit the machine. Fewer units per site
 * means more scopes per rating, which is the harder case for the library
 * (its result has figures per scope; the comparators' output does not grow).
 * @module
 */
import * as aq from 'arquero'
import * as E from 'fp-ts/lib/Either.js'
import type { Evaluation } from '../src/model/evaluation.js'
import type { Framework } from '../src/model/framework.js'
import { decodeEvaluation } from '../src/document/decode.js'
import { emhipFramework } from '../src/data/emhip-framework.js'
import { applyEdit, rate } from '../src/edit/index.js'
import { attainment, type AttainmentResult } from '../src/standards/index.js'
import { countRatings, generateEvaluation, generateFramework } from './generate.js'
import type { BenchContext, BenchReport, Check, Measurement } from './harness.js'
import { fullGc, gcIfExposed, measure, median } from './harness.js'

/** One shape of document. */
export interface Shape {
  readonly framework: 'E-MHIP' | 'large'
  readonly rounds: number
  readonly sites: number
}

/** Every shape of the grid, in the order measured: the ones expected hardest first, then the rest. */
export const SHAPES: readonly Shape[] = (
  [
    ['E-MHIP', 2000, 4],
    ['E-MHIP', 200, 2],
    ['large', 200, 4],
    ['E-MHIP', 2000, 1],
    ['large', 2000, 1],
    ['E-MHIP', 200, 1],
    ['E-MHIP', 200, 4],
    ['large', 200, 1],
    ['E-MHIP', 2000, 2],
    ['large', 200, 2],
    ['large', 2000, 2],
    ['large', 2000, 4],
  ] as const
).map(([framework, sites, rounds]) => ({ framework, sites, rounds }))

export const shapeName = (s: Shape): string =>
  `${s.framework}, ${s.sites.toLocaleString('en')} sites, ${s.rounds} round${s.rounds > 1 ? 's' : ''}`

/** A rated slot per unit and round: every criterion, and each standard without criteria. */
const slotsPerUnit = (f: Framework): number =>
  f.sections.reduce((n, sec) => n + sec.standards.reduce((m, st) => m + Math.max(1, st.criteria.length), 0), 0)

const frameworkOf = (s: Shape): Framework =>
  s.framework === 'E-MHIP' ? emhipFramework : generateFramework({ standards: 11, criteriaPerStandard: 18 })

/** Units per site: 25, or fewer so that the shape has at most `cap` slots. */
export const unitsFor = (s: Shape, cap: number): number =>
  Math.max(1, Math.min(25, Math.floor(cap / (s.sites * s.rounds * slotsPerUnit(frameworkOf(s))))))

const decodeOrThrow = (ev: Evaluation): Evaluation => {
  const r = decodeEvaluation(JSON.parse(JSON.stringify(ev)))
  if (E.isLeft(r)) throw new Error('the generated document does not decode')
  return r.right
}

/** A criterion rating as a tidy row (what a CSV export or a notebook holds). */
interface Row {
  readonly round: string
  readonly site: string
  readonly standard: string
  readonly level: string
}

const tidy = (ev: Evaluation): Row[] => {
  const standardOf = new Map<string, string>()
  for (const section of ev.framework.sections)
    for (const s of section.standards) for (const c of s.criteria) standardOf.set(c.id, s.id)
  const rows: Row[] = []
  for (const site of ev.sites)
    for (const unit of site.units)
      for (const round of Object.keys(unit.ratings)) {
        const rr = unit.ratings[round as keyof typeof unit.ratings]!
        for (const target of Object.keys(rr)) {
          const standard = standardOf.get(target)
          if (standard !== undefined)
            rows.push({ round, site: site.id, standard, level: rr[target as keyof typeof rr]!.level })
        }
      }
  return rows
}

const SEP = '\u0000'
type Counts = [number, number, number, number]
const LEVEL_INDEX: Readonly<Record<string, number>> = { met: 0, partly: 1, 'not-met': 2, na: 3 }

/** The naive loop: one pass, a `Map` per grouping, string keys. */
const naive = (rows: readonly Row[]): { byRound: Map<string, Counts>; allRounds: Map<string, Counts> } => {
  const byRound = new Map<string, Counts>()
  const allRounds = new Map<string, Counts>()
  for (const r of rows) {
    const k1 = r.round + SEP + r.site + SEP + r.standard
    const k2 = r.site + SEP + r.standard
    let a = byRound.get(k1)
    if (a === undefined) byRound.set(k1, (a = [0, 0, 0, 0]))
    let b = allRounds.get(k2)
    if (b === undefined) allRounds.set(k2, (b = [0, 0, 0, 0]))
    const l = LEVEL_INDEX[r.level]!
    a[l] = a[l]! + 1
    b[l] = b[l]! + 1
  }
  return { byRound, allRounds }
}

const ROLLUP = {
  met: (d: { level: string }) => aq.op.sum(d.level === 'met' ? 1 : 0),
  partly: (d: { level: string }) => aq.op.sum(d.level === 'partly' ? 1 : 0),
  notMet: (d: { level: string }) => aq.op.sum(d.level === 'not-met' ? 1 : 0),
  na: (d: { level: string }) => aq.op.sum(d.level === 'na' ? 1 : 0),
}
const arqueroTable = (rows: readonly Row[]) =>
  aq.table({
    round: rows.map((r) => r.round),
    site: rows.map((r) => r.site),
    standard: rows.map((r) => r.standard),
    level: rows.map((r) => r.level),
  })
const arquero = (t: ReturnType<typeof arqueroTable>) => ({
  byRound: t.groupby('round', 'site', 'standard').rollup(ROLLUP),
  allRounds: t.groupby('site', 'standard').rollup(ROLLUP),
})

/** Pre-interned input of the floor: a group (round × site × standard) and a level code per rating. */
interface Interned {
  readonly group: Int32Array
  readonly level: Uint8Array
  readonly rounds: number
  readonly siteStandards: number
}
const intern = (rows: readonly Row[]): Interned => {
  const ids = (key: (r: Row) => string) => {
    const m = new Map<string, number>()
    return { of: (r: Row) => m.get(key(r)) ?? (m.set(key(r), m.size), m.size - 1), size: () => m.size }
  }
  const round = ids((r) => r.round)
  const siteStd = ids((r) => r.site + SEP + r.standard)
  const pairs = rows.map((r) => [round.of(r), siteStd.of(r)] as const)
  const siteStandards = siteStd.size()
  const group = Int32Array.from(pairs, ([ro, ss]) => ro * siteStandards + ss)
  return { group, level: Uint8Array.from(rows, (r) => LEVEL_INDEX[r.level]!), rounds: round.size(), siteStandards }
}
/** The floor: one increment per rating, then the all-rounds sums (groups × 4 additions). */
const floor = (x: Interned): { byRound: Int32Array; allRounds: Int32Array } => {
  const byRound = new Int32Array(x.rounds * x.siteStandards * 4)
  const g = x.group
  const l = x.level
  for (let i = 0; i < g.length; i++) {
    const at = ((g[i] as number) << 2) | (l[i] as number)
    byRound[at] = (byRound[at] as number) + 1
  }
  const allRounds = new Int32Array(x.siteStandards * 4)
  const m = allRounds.length
  for (let i = 0; i < byRound.length; i++) allRounds[i % m] = (allRounds[i % m] as number) + (byRound[i] as number)
  return { byRound, allRounds }
}

const libraryCold = (ev: Evaluation): AttainmentResult => attainment(ev, { count: 'criteria', cache: false })

/** Read every figure of a result (what a table or an export of all of it does). */
const readAll = (r: AttainmentResult): number => {
  let n = 0
  for (const s of r.scopes) {
    for (const st of s.standards) n += st.interval.lo ?? 0
    for (const g of s.sections) n += g.n
    n += s.total.k
  }
  return n
}

/** Throw unless the library's criteria counts equal the naive loop's, per round × site × standard and over all rounds. */
const checkAgreement = (r: AttainmentResult, nv: ReturnType<typeof naive>): void => {
  for (const scope of r.scopes) {
    if (scope.site === null) continue
    for (const st of scope.standards) {
      const key = (scope.round === null ? '' : scope.round + SEP) + scope.site + SEP + st.standard
      const want = (scope.round === null ? nv.allRounds : nv.byRound).get(key) ?? [0, 0, 0, 0]
      const got = [
        st.counts['met' as never] ?? 0,
        st.counts['partly' as never] ?? 0,
        st.counts['not-met' as never] ?? 0,
        st.na,
      ]
      if (got.some((v, i) => v !== want[i]))
        throw new Error(`library and naive loop disagree on ${key.split(SEP).join(' × ')}`)
    }
  }
}

const LEVELS = ['met', 'partly', 'not-met', 'na'] as const

/** A walk of edits over sites, units, rounds and criteria (a different unit each time). */
const editWalk = (ev: Evaluation) => {
  const units = ev.sites.map((s) => s.units.map((u) => u.id as string))
  const targets = ev.framework.sections.flatMap((s) =>
    s.standards.flatMap((st) => (st.criteria.length > 0 ? st.criteria.map((c) => c.id as string) : [st.id as string])),
  )
  const rounds = ev.rounds.map((r) => r.id as string)
  return (i: number) => {
    const site = units[(i * 7919) % units.length]!
    return rate({
      unit: site[(i * 31) % site.length]!,
      target: targets[(i * 13) % targets.length]!,
      level: LEVELS[i % LEVELS.length]!,
      round: rounds[i % rounds.length]!,
    })
  }
}

/** The figures of one shape. */
export interface ShapeFigures {
  readonly shape: string
  readonly units: number
  readonly ratings: number
  readonly lib: number
  readonly libDefault: number
  readonly libRead: number
  readonly naive: number
  readonly arquero: number
  readonly floor: number
  readonly recount: number
  readonly edit: number
}

const measureShape = async (
  s: Shape,
  cap: number,
  quick: boolean,
): Promise<{ figures: ShapeFigures; measurements: Measurement[] }> => {
  const units = unitsFor(s, cap)
  const ev = decodeOrThrow(
    generateEvaluation({ framework: frameworkOf(s), sites: s.sites, unitsPerSite: units, rounds: s.rounds, seed: 1 }),
  )
  const ratings = countRatings(ev)
  const rows = tidy(ev)
  const table = arqueroTable(rows)
  const interned = intern(rows)
  const nv = naive(rows)
  checkAgreement(libraryCold(ev), nv)
  const fl = floor(interned)
  let total = 0
  for (const v of fl.allRounds) total += v
  if (total !== rows.length) throw new Error('the floor lost ratings')

  const LIB = 'library, criteria, cold'
  const cold = await measure(
    {
      [LIB]: { fn: () => libraryCold(ev), beforeEach: gcIfExposed },
      'library, default policy, cold': { fn: () => attainment(ev, { cache: false }), beforeEach: gcIfExposed },
      'library, criteria, cold, every figure read': { fn: () => readAll(libraryCold(ev)), beforeEach: gcIfExposed },
      naive: { fn: () => naive(rows), beforeEach: gcIfExposed },
      Arquero: { fn: () => arquero(table), beforeEach: gcIfExposed },
      floor: { fn: () => floor(interned), beforeEach: gcIfExposed },
    },
    {
      time: quick ? 200 : 1500,
      iterations: quick ? 3 : 6,
      passes: quick ? 1 : 3,
      warmupIterations: quick ? 3 : 6,
      warmupTime: quick ? 100 : 300,
    },
  )

  // Incremental: each sample edits another unit, chained on the previous document.
  const walk = editWalk(ev)
  const apply = (doc: Evaluation, i: number): Evaluation => {
    const r = applyEdit(doc, walk(i))
    if (E.isLeft(r)) throw new Error(`edit ${i} refused: ${r.left[0]?.expected}`)
    return r.right
  }
  let current = ev
  attainment(current)
  for (let i = 0; i < 5; i++) attainment((current = apply(current, i)))
  if (JSON.stringify(attainment(current).scopes) !== JSON.stringify(attainment(current, { cache: false }).scopes))
    throw new Error(`incremental ≠ cold recount at ${shapeName(s)}`)
  let i = 100
  let edited = ev
  let j = 10_000
  const incremental = await measure(
    {
      'recount after one edit (default policy)': {
        beforeEach: () => {
          current = apply(current, i++)
        },
        fn: () => attainment(current),
      },
      'one edit (rate)': () => {
        edited = apply(edited, j++)
      },
    },
    { time: quick ? 150 : 600, iterations: quick ? 30 : 200, passes: 1, warmupIterations: 20 },
  )
  const measurements = [...cold, ...incremental].map((m) => ({ ...m, name: `${shapeName(s)}: ${m.name}` }))
  const get = (n: string) => median(measurements, `${shapeName(s)}: ${n}`)
  return {
    measurements,
    figures: {
      shape: shapeName(s),
      units,
      ratings,
      lib: get(LIB),
      libDefault: get('library, default policy, cold'),
      libRead: get('library, criteria, cold, every figure read'),
      naive: get('naive'),
      arquero: get('Arquero'),
      floor: get('floor'),
      recount: get('recount after one edit (default policy)'),
      edit: get('one edit (rate)'),
    },
  }
}

interface Target {
  readonly label: string
  readonly unit: string
  readonly target: string
  readonly value: (f: ShapeFigures) => number
  /** Which way is worse: 'low' for a ratio that must be large, 'high' for a time. */
  readonly worse: 'low' | 'high'
  readonly pass: (v: number) => boolean
}

const TARGETS: readonly Target[] = [
  {
    label: 'Arquero / library (criteria, cold)',
    unit: '×',
    target: '≥ 10',
    value: (f) => f.arquero / f.lib,
    worse: 'low',
    pass: (v) => v >= 10,
  },
  {
    label: 'Arquero / library (default policy, cold)',
    unit: '×',
    target: '≥ 10',
    value: (f) => f.arquero / f.libDefault,
    worse: 'low',
    pass: (v) => v >= 10,
  },
  {
    label: 'naive loop / library (criteria, cold)',
    unit: '×',
    target: '≥ 2',
    value: (f) => f.naive / f.lib,
    worse: 'low',
    pass: (v) => v >= 2,
  },
  {
    label: 'naive loop / library (default policy, cold)',
    unit: '×',
    target: '≥ 2',
    value: (f) => f.naive / f.libDefault,
    worse: 'low',
    pass: (v) => v >= 2,
  },
  {
    label: 'library (criteria, cold) / typed-array floor',
    unit: '×',
    target: '≤ 10',
    value: (f) => f.lib / f.floor,
    worse: 'high',
    pass: (v) => v <= 10,
  },
  {
    label: 'recount after one edit',
    unit: 'ms',
    target: '≤ 1',
    value: (f) => f.recount,
    worse: 'high',
    pass: (v) => v <= 1,
  },
  { label: 'one edit (rate)', unit: 'ms', target: '< 0.1', value: (f) => f.edit, worse: 'high', pass: (v) => v < 0.1 },
]

const fmt = (v: number): string =>
  Math.abs(v) >= 100 ? v.toFixed(0) : Math.abs(v) >= 1 ? v.toFixed(2) : v.toPrecision(3)

export const run = async (ctx: BenchContext): Promise<BenchReport> => {
  const cap = ctx.quick ? 100_000 : 2_000_000
  const only = process.env.BENCH_SHAPES ? new Set(process.env.BENCH_SHAPES.split(';')) : null
  const figures: ShapeFigures[] = []
  const measurements: Measurement[] = []
  // BENCH_DEADLINE (epoch ms): no shape is started after it, so a run on a loaded machine ends in time.
  const deadline = Number(process.env.BENCH_DEADLINE ?? Infinity)
  const skipped: string[] = []
  for (const s of SHAPES) {
    if (only && !only.has(shapeName(s))) continue
    if (Date.now() > deadline) {
      skipped.push(shapeName(s))
      continue
    }
    fullGc()
    const t0 = performance.now()
    const out = await measureShape(s, cap, ctx.quick)
    figures.push(out.figures)
    measurements.push(...out.measurements)
    console.error(`  ${shapeName(s)}: ${((performance.now() - t0) / 1000).toFixed(1)} s`)
  }
  const checks: Check[] = TARGETS.map((t) => {
    const worst = figures.reduce((a, b) =>
      (t.worse === 'low' ? t.value(b) < t.value(a) : t.value(b) > t.value(a)) ? b : a,
    )
    const v = t.value(worst)
    const all = figures.every((f) => t.pass(t.value(f)))
    return { label: `${t.label}, worst shape: ${worst.shape}`, value: v, unit: t.unit, target: t.target, pass: all }
  })
  const header = [
    'shape',
    'units/site',
    'ratings',
    'floor ms',
    'library ms',
    'default ms',
    'naive ms',
    'Arquero ms',
    ...TARGETS.map((t) => `${t.label} (${t.target} ${t.unit})`),
  ]
  const lines = [
    'Every target at every shape (medians, ms; ratios are comparator / library except the floor row):',
    '',
    `| ${header.join(' | ')} |`,
    `|${header.map(() => '---').join('|')}|`,
    ...figures.map(
      (f) =>
        `| ${[f.shape, f.units, f.ratings.toLocaleString('en'), fmt(f.floor), fmt(f.lib), fmt(f.libDefault), fmt(f.naive), fmt(f.arquero), ...TARGETS.map((t) => `${fmt(t.value(f))}${t.pass(t.value(f)) ? '' : ' **missed**'}`)].join(' | ')} |`,
    ),
  ]
  return {
    title: 'Every shape: cold attainment, recount after one edit, one edit',
    measurements,
    checks,
    notes: [
      lines.join('\n'),
      `Shapes hold at most ${cap.toLocaleString('en')} rating slots: units per site are cut below 25 where needed (column "units/site"), so that the row objects and the Arquero table of every comparator fit the machine.`,
      'The verdict of each summary row is "met" only when the target holds at every shape measured; its value is the worst shape\'s.',
      ...(skipped.length > 0
        ? [
            `Not measured in this run (its time budget, BENCH_DEADLINE, ran out on the loaded machine): ${skipped.join('; ')}.`,
          ]
        : []),
      'Comparators count criteria per round × site × standard and per site × standard over all rounds; the library (`count: "criteria"`) is checked equal to the naive loop on every count first. "default policy" is the library counting standards rolled up from criteria (the default), a different figure.',
      '"every figure read" reads the interval, n and k of every standard, section and total of every scope of the cold result: figures are made when first read.',
      'The floor counts pre-interned codes (an Int32Array group index and a Uint8Array level code per rating) into an Int32Array: one increment per rating.',
      'Recount after one edit: each sample rates another unit (a rotating walk over sites, units, rounds and criteria) on the previous document; the edit is untimed. The incremental result after five edits equals a cold recount (checked first).',
    ],
  }
}
