/**
 * Edit latency: one edit (rate one unit's criterion) on the decoded
 * national document, with its patches recorded, takes under 0.1 ms median.
 *
 * Each sample edits a different unit, chained on the previous result as in an
 * editing session. Compared in the same run:
 * the same edit without patches (`applyEdit`).
 * @module
 */
import * as E from 'fp-ts/lib/Either.js'
import type { Evaluation } from '../src/model/evaluation.js'
import { applyEdit, recordEditEither } from '../src/edit/index.js'
import type { BenchContext, BenchReport } from './harness.js'
import { measure, median } from './harness.js'
import { rate } from '../src/edit/index.js'

const TARGET_MS = 0.1
const RECORDED = 'rate one criterion, patches recorded (recordEdit)'
const PLAIN = 'rate one criterion (applyEdit)'

const LEVELS = ['met', 'partly', 'not-met', 'na'] as const

/**
 * The i-th edit of a walk over units and criteria (the same walk as
 * `nthEdit` in incremental.bench.ts, with the id lists built once, outside
 * the timed function: `rate` keeps units and criteria as they are).
 */
const walk = (ev: Evaluation) => {
  const units = ev.sites.map((s) => s.units.map((u) => u.id as string))
  const criteria = ev.framework.sections.flatMap((s) =>
    s.standards.flatMap((st) => st.criteria.map((c) => c.id as string)),
  )
  return (i: number) => {
    const site = units[(i * 7919) % units.length]!
    return rate({
      unit: site[(i * 31) % site.length]!,
      target: criteria[(i * 13) % criteria.length]!,
      level: LEVELS[i % LEVELS.length]!,
    })
  }
}

export const run = async (ctx: BenchContext): Promise<BenchReport> => {
  const base = ctx.decoded()
  const nthEdit = walk(base)
  let recorded: Evaluation = base
  let plain: Evaluation = base
  let i = 0
  let j = 0
  const measurements = await measure(
    {
      [RECORDED]: () => {
        const r = recordEditEither(recorded, nthEdit(i++), { who: 'bench', when: '2008-01-01T00:00:00.000Z' })
        if (E.isLeft(r)) throw new Error(`refused: ${r.left[0]?.expected}`)
        recorded = r.right.evaluation
      },
      [PLAIN]: () => {
        const r = applyEdit(plain, nthEdit(j++))
        if (E.isLeft(r)) throw new Error(`refused: ${r.left[0]?.expected}`)
        plain = r.right
      },
    },
    { time: ctx.quick ? 300 : 2000, iterations: ctx.quick ? 200 : 5000, warmupIterations: 200 },
  )
  const m = median(measurements, RECORDED)
  return {
    title: 'One edit on the national document',
    measurements,
    checks: [
      { label: 'rate + record patches, median', value: m, unit: 'ms', target: `< ${TARGET_MS}`, pass: m < TARGET_MS },
    ],
    notes: [
      'Ratings are keyed site → unit → round → target, so immer copies only the sites array, one site, its units array, one unit, its ratings-by-round record and one round record (≈200 keys).',
      'The edit is checked first (unit, target, level, round); the unit is found through an index of unit positions carried from each version of the document to the next (src/edit/locate.ts), checked on use; the first edit of a document fills it with one scan of ≈5,000 units.',
      'Each sample edits another unit, chained on the previous result (a rotating walk over sites, units and criteria).',
    ],
  }
}
