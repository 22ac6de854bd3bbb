/**
 * Scaling: cold attainment at 10k, 100k and 1M rating slots, as time per
 * rating. Linear cost means a flat time per rating; the checks ask that the
 * 1M figure is within 1.5× of the 10k and of the 100k figure, and report the
 * exponent b of a log-log fit (time ∝ n^b). The 10k document (~1 MB) fits in
 * the CPU caches and the larger ones do not, so a step between 10k and 100k
 * is memory, not algorithm; 100k → 1M shows the algorithm. The naive loop of
 * the attainment benchmark is measured at each size too, as a yardstick.
 * @module
 */
import * as E from 'fp-ts/lib/Either.js'
import type { Evaluation } from '../src/model/evaluation.js'
import { decodeEvaluation } from '../src/document/decode.js'
import { attainment } from '../src/standards/index.js'
import type { BenchContext, BenchReport, Check, Measurement } from './harness.js'
import { measure, median } from './harness.js'
import { countRatings, generateEvaluation, SIZES } from './generate.js'
import { naiveAttainment, tidyRows } from './attainment.bench.js'

const FLAT = 1.5

const decodeOrThrow = (ev: Evaluation): Evaluation => {
  const r = decodeEvaluation(JSON.parse(JSON.stringify(ev)))
  if (E.isLeft(r)) throw new Error('generated document does not decode')
  return r.right
}

export const run = async (ctx: BenchContext): Promise<BenchReport> => {
  const sizes = ctx.quick ? (['10k', '100k'] as const) : (['10k', '100k', '1M'] as const)
  const docs = sizes.map((size) => {
    const ev = size === '1M' ? ctx.decoded() : decodeOrThrow(generateEvaluation(SIZES[size]))
    return { size, ev, ratings: countRatings(ev), rows: tidyRows(ev) }
  })
  // The same 10k count over 100 separately decoded copies: the algorithm and n per call are
  // unchanged, only the working set grows to ~1M ratings. If the per-rating cost rises to the
  // 1M figure, the 10k → 1M step is the CPU caches, not the algorithm.
  const text = JSON.stringify(generateEvaluation(SIZES['10k']))
  const copies = Array.from({ length: 100 }, () => decodeOrThrow(JSON.parse(text) as Evaluation))
  const n10k = countRatings(copies[0]!)
  let next = 0
  const SPREAD = '10k: library, criteria counting, cold, each call on another of 100 copies'

  // One measure call: all sizes interleaved pass by pass, so load drift does not bend the curve.
  const tasks: Record<string, () => unknown> = {}
  for (const { size, ev, rows } of docs) {
    tasks[`${size}: library, default policy, cold`] = () => attainment(ev, { cache: false })
    tasks[`${size}: library, criteria counting, cold`] = () => attainment(ev, { count: 'criteria', cache: false })
    tasks[`${size}: naive loop`] = () => naiveAttainment(rows)
  }
  tasks[SPREAD] = () => attainment(copies[next++ % copies.length]!, { count: 'criteria', cache: false })
  const measurements: Measurement[] = await measure(tasks, { time: ctx.quick ? 300 : 1000, iterations: 15 })

  const perRating: { size: string; lib: number; naive: number; ratings: number }[] = []
  for (const { size, ratings } of docs) {
    const ns = (task: string) => (median(measurements, `${size}: ${task}`) * 1e6) / ratings
    perRating.push({ size, lib: ns('library, default policy, cold'), naive: ns('naive loop'), ratings })
    perRating.push({ size: `${size} (criteria)`, lib: ns('library, criteria counting, cold'), naive: NaN, ratings })
  }
  perRating.push({
    size: '10k × 100 copies (criteria)',
    lib: (median(measurements, SPREAD) * 1e6) / n10k,
    naive: NaN,
    ratings: n10k,
  })
  const at = (size: string) => perRating.find((p) => p.size === size)!
  const largest = sizes[sizes.length - 1]!
  const checks: Check[] = perRating
    .filter((p) => !p.size.includes('copies'))
    .map((p) => ({ label: `ns per rating at ${p.size}`, value: p.lib, unit: 'ns', target: '—', pass: null }))
  for (const suffix of ['', ' (criteria)']) {
    for (const small of sizes.filter((s) => s !== largest)) {
      const r = at(`${largest}${suffix}`).lib / at(`${small}${suffix}`).lib
      checks.push({
        label: `per-rating cost, ${largest} / ${small}${suffix}`,
        value: r,
        unit: '×',
        target: `≤ ${FLAT}`,
        pass: r <= FLAT,
      })
    }
    // Exponent b of time ∝ n^b by least squares on log-log: 1 is linear.
    const pts = sizes.map((s) => ({
      x: Math.log(at(`${s}${suffix}`).ratings),
      y: Math.log((at(`${s}${suffix}`).lib * at(`${s}${suffix}`).ratings) / 1e6),
    }))
    const mx = pts.reduce((a, p) => a + p.x, 0) / pts.length
    const my = pts.reduce((a, p) => a + p.y, 0) / pts.length
    const b = pts.reduce((a, p) => a + (p.x - mx) * (p.y - my), 0) / pts.reduce((a, p) => a + (p.x - mx) ** 2, 0)
    checks.push({
      label: `exponent b in time ∝ n^b, 10k…${largest}${suffix}`,
      value: b,
      unit: '',
      target: '—',
      pass: null,
    })
  }
  const r = at(`${largest} (criteria)`).lib / at('10k × 100 copies (criteria)').lib
  checks.push({
    label: `per-rating cost, ${largest} / 10k spread over 100 copies (criteria)`,
    value: r,
    unit: '×',
    target: `≤ ${FLAT}`,
    pass: r <= FLAT,
  })
  const naiveRatio = at(largest).naive / at('10k').naive
  return {
    title: 'Scaling: attainment time per rating at 10k, 100k and 1M',
    measurements,
    checks,
    notes: [
      ...perRating
        .filter((p) => !Number.isNaN(p.naive))
        .map(
          (p) =>
            `${p.size}: ${p.ratings.toLocaleString('en')} ratings; naive loop ${p.naive.toFixed(0)} ns per rating.`,
        ),
      `Naive loop, ${largest} / 10k per rating: ${naiveRatio.toFixed(2)}× (what the memory hierarchy alone does to a flat loop).`,
    ],
  }
}
