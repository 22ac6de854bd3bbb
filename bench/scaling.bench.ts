/**
 * Scaling: cold attainment at 10k, 100k and 1M rating slots, as time per
 * rating. Linear cost means a flat time per rating; the check asks that the
 * 1M figure is within 1.5× of the 10k figure (10k fits in the CPU caches,
 * 1M does not, so some rise is memory, not algorithm). The naive loop of the
 * attainment benchmark is measured at each size too, as a yardstick for what
 * the memory hierarchy alone does.
 * @module
 */
import * as E from 'fp-ts/lib/Either.js'
import type { Evaluation } from '../src/model/evaluation.js'
import { decodeEvaluation } from '../src/model/codec.js'
import { attainment } from '../src/standards/index.js'
import type { BenchContext, BenchReport, Check, Measurement } from './harness.js'
import { measure } from './harness.js'
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
  const measurements: Measurement[] = []
  const perRating: { size: string; lib: number; naive: number; ratings: number }[] = []
  for (const size of sizes) {
    const ev = size === '1M' ? ctx.decoded() : decodeOrThrow(generateEvaluation(SIZES[size]))
    const ratings = countRatings(ev)
    const rows = tidyRows(ev)
    const [lib, criteria, naive] = await measure(
      {
        [`${size}: library, default policy, cold`]: () => attainment(ev, { cache: false }),
        [`${size}: library, criteria counting, cold`]: () => attainment(ev, { count: 'criteria', cache: false }),
        [`${size}: naive loop`]: () => naiveAttainment(rows),
      },
      // Small sizes run fast: ask for more samples so the medians are steady.
      { time: ctx.quick ? 300 : 1000, iterations: size === '1M' ? 10 : 50 },
    )
    measurements.push(lib!, criteria!, naive!)
    perRating.push({ size, lib: (lib!.medianMs * 1e6) / ratings, naive: (naive!.medianMs * 1e6) / ratings, ratings })
    perRating.push({ size: `${size} (criteria)`, lib: (criteria!.medianMs * 1e6) / ratings, naive: NaN, ratings })
  }
  const at = (size: string) => perRating.find((p) => p.size === size)!
  const largest = sizes[sizes.length - 1]!
  const checks: Check[] = perRating.map((p) => ({ label: `ns per rating at ${p.size}`, value: p.lib, unit: 'ns', target: '—', pass: null }))
  for (const suffix of ['', ' (criteria)']) {
    const r = at(`${largest}${suffix}`).lib / at(`10k${suffix}`).lib
    checks.push({ label: `per-rating cost, ${largest} / 10k${suffix}`, value: r, unit: '×', target: `≤ ${FLAT}`, pass: r <= FLAT })
  }
  const naiveRatio = at(largest).naive / at('10k').naive
  return {
    title: 'Scaling: attainment time per rating at 10k, 100k and 1M',
    measurements,
    checks,
    notes: [
      ...perRating.filter((p) => !Number.isNaN(p.naive)).map((p) => `${p.size}: ${p.ratings.toLocaleString('en')} ratings; naive loop ${p.naive.toFixed(0)} ns per rating.`),
      `Naive loop, ${largest} / 10k per rating: ${naiveRatio.toFixed(2)}× (what the memory hierarchy alone does to a flat loop).`,
    ],
  }
}
