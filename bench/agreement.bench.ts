/**
 * Agreement: Krippendorff's alpha on 10,000 units × 5 coders with a
 * 1,000-replicate bootstrap interval takes under 2 s, and costs less than
 * 1,000 separate alpha computations (the ratio below; a naive bootstrap
 * recomputes alpha from the matrix once per replicate).
 *
 * The data are seeded: each unit has a true level on a 5-level scale and each
 * coder reports it, or a neighbouring level (20%), or nothing (5% missing).
 * Measured in the same run: one alpha computation on the same matrix (input
 * checks, counting and alpha, no bootstrap), nominal and ordinal (the ordinal
 * metric depends on the level totals, so each replicate rebuilds its
 * coincidence sums).
 * @module
 */
import type { BenchContext, BenchReport, Check } from './harness.js'
import { measure, median } from './harness.js'
import { krippendorffAlpha } from '../src/agreement/index.js'

const UNITS = 10_000
const CODERS = 5
const REPLICATES = 1000
const TARGET_MS = 2000
const SCALE = [1, 2, 3, 4, 5]

/** Mulberry32, seeded: the same matrix on every run. */
const rng = (seed: number) => {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) | 0
    let t = Math.imul(a ^ (a >>> 15), 1 | a)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

export const reliabilityData = (units: number, coders: number, seed = 1): (number | null)[][] => {
  const r = rng(seed)
  return Array.from({ length: units }, () => {
    const truth = 1 + Math.floor(r() * 5)
    return Array.from({ length: coders }, () => {
      const x = r()
      if (x < 0.05) return null
      if (x < 0.25) return Math.min(5, Math.max(1, truth + (r() < 0.5 ? -1 : 1)))
      return truth
    })
  })
}

export const run = async (ctx: BenchContext): Promise<BenchReport> => {
  const data = reliabilityData(UNITS, CODERS)
  const tasks: Record<string, () => unknown> = {}
  for (const level of ['nominal', 'ordinal'] as const) {
    tasks[`${level}: one alpha (no bootstrap)`] = () => krippendorffAlpha(data, { scale: SCALE, level, replicates: 0 })
    tasks[`${level}: alpha with ${REPLICATES}-replicate bootstrap`] = () =>
      krippendorffAlpha(data, { scale: SCALE, level, replicates: REPLICATES, seed: 1 })
  }
  const measurements = await measure(tasks, { time: ctx.quick ? 500 : 3000, iterations: ctx.quick ? 5 : 10 })
  const checks: Check[] = []
  const figures: string[] = []
  for (const level of ['nominal', 'ordinal'] as const) {
    const one = median(measurements, `${level}: one alpha (no bootstrap)`)
    const boot = median(measurements, `${level}: alpha with ${REPLICATES}-replicate bootstrap`)
    checks.push({
      label: `${level} α + ${REPLICATES}-replicate bootstrap, 10k × 5`,
      value: boot,
      unit: 'ms',
      target: `< ${TARGET_MS}`,
      pass: boot < TARGET_MS,
    })
    checks.push({
      label: `${level}: bootstrap run / (one α × ${REPLICATES})`,
      value: boot / (one * REPLICATES),
      unit: '×',
      target: '≤ 1',
      pass: boot <= one * REPLICATES,
    })
    const r = krippendorffAlpha(data, { scale: SCALE, level, replicates: REPLICATES, seed: 1 })
    figures.push(
      `${level}: α = ${r.value?.toFixed(4)}, 95% bootstrap interval (${r.lo?.toFixed(4)}, ${r.hi?.toFixed(4)})`,
    )
  }
  return {
    title: "Krippendorff's alpha with a bootstrap interval, 10,000 units × 5 coders",
    measurements,
    checks,
    notes: [
      `Data: ${UNITS.toLocaleString('en')} units × ${CODERS} coders on a 5-level scale, seed 1 (true level, 20% off by one, 5% missing).`,
      'The bootstrap resamples pairable units with replacement; the matrix is checked and counted once, units with the same counts per level form one pattern, and each replicate counts its draws per pattern and sums per pattern.',
      ...figures,
    ],
  }
}
