/**
 * Incremental re-aggregation: after one edit of the 1M-rating document
 * (`applyEdit(ev, rate(...))`), recomputing every attainment result
 * (`attainment`) takes at most 1 ms.
 *
 * It works because immer's structural sharing keeps every unchanged unit's
 * ratings object identical, and `attainment` caches tallies per ratings object
 * and per site (WeakMaps), so only the edited unit is counted again.
 *
 * Each sample edits a different unit (a rotating walk over sites, units and
 * criteria, each edit on the previous result, as in an editing session); the
 * edit is made in `beforeEach` and not timed. Before timing, the result after
 * a run of edits is checked against a cold recount of the same document.
 * @module
 */
import * as E from 'fp-ts/lib/Either.js'
import type { Evaluation } from '../src/model/evaluation.js'
import { applyEdit, rate } from '../src/edit/index.js'
import { attainment, type AttainmentOptions } from '../src/standards/index.js'
import type { BenchContext, BenchReport, Task } from './harness.js'
import { measure, median } from './harness.js'

const TARGET_MS = 1
const LEVELS = ['met', 'partly', 'not-met', 'na'] as const

// The criteria list per framework, built once (frameworks are shared from edit to edit).
const criteriaOf = new WeakMap<Evaluation['framework'], readonly { readonly id: string }[]>()

/** The i-th edit of the walk: a unit, a criterion and a level that vary with i. */
export const nthEdit = (ev: Evaluation, i: number) => {
  const site = ev.sites[(i * 7919) % ev.sites.length]!
  const unit = site.units[(i * 31) % site.units.length]!
  let criteria = criteriaOf.get(ev.framework)
  if (criteria === undefined)
    criteriaOf.set(
      ev.framework,
      (criteria = ev.framework.sections.flatMap((s) => s.standards.flatMap((st) => st.criteria))),
    )
  const criterion = criteria[(i * 13) % criteria.length]!
  return rate({ unit: unit.id, target: criterion.id, level: LEVELS[i % LEVELS.length]! })
}

const applyOrThrow = (ev: Evaluation, i: number): Evaluation => {
  const r = applyEdit(ev, nthEdit(ev, i))
  if (E.isLeft(r)) throw new Error(`edit ${i} refused: ${r.left[0]?.expected}`)
  return r.right
}

/** Results without the policy's functions, for comparing a cached and a cold run. */
const comparable = (ev: Evaluation, policy: AttainmentOptions | undefined): string =>
  JSON.stringify(attainment(ev, policy).scopes)
const cold = (ev: Evaluation, policy: AttainmentOptions | undefined): string =>
  comparable(ev, { ...policy, cache: false })

export const run = async (ctx: BenchContext): Promise<BenchReport> => {
  const base = ctx.decoded()
  const policies: Record<string, AttainmentOptions | undefined> = {
    'default policy': undefined,
    'criteria counting': { count: 'criteria' },
  }

  // Correctness first: after 20 chained edits, the incremental result equals a cold recount.
  let ev = base
  for (const p of Object.values(policies)) attainment(ev, p)
  for (let i = 0; i < 20; i++) {
    ev = applyOrThrow(ev, i)
    for (const p of Object.values(policies)) attainment(ev, p)
  }
  for (const [name, p] of Object.entries(policies))
    if (comparable(ev, p) !== cold(ev, p)) throw new Error(`incremental ≠ cold recount (${name})`)

  const tasks: Record<string, Task> = {}
  for (const [name, p] of Object.entries(policies)) {
    let i = 1000
    let current = ev
    attainment(current, p)
    tasks[`attainment after one edit (${name})`] = {
      beforeEach: () => {
        current = applyOrThrow(current, i++)
      },
      fn: () => attainment(current, p),
    }
  }
  let j = 5000
  let current = ev
  attainment(current)
  tasks['edit + attainment (default policy), together'] = {
    fn: () => attainment((current = applyOrThrow(current, j++))),
  }

  const measurements = await measure(tasks, { time: ctx.quick ? 300 : 1500, iterations: ctx.quick ? 20 : 200 })
  const checks = Object.keys(policies).map((name) => {
    const m = median(measurements, `attainment after one edit (${name})`)
    return {
      label: `re-aggregation after one edit, ${name}`,
      value: m,
      unit: 'ms',
      target: `≤ ${TARGET_MS}`,
      pass: m <= TARGET_MS,
    }
  })
  return {
    title: 'Incremental re-aggregation after one edit',
    measurements,
    checks,
    notes: [
      'Each sample edits another unit (rate one criterion), chained on the previous result; the edit itself is untimed except in the last task.',
      'Checked before timing: after 20 chained edits the cached result equals a cold recount (`cache: false`), under both policies.',
      'Compare the cold full count in the attainment benchmark.',
    ],
  }
}
