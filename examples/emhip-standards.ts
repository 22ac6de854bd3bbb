/**
 * E-MHIP standards: attainment under two denominator policies, a comparison
 * between rounds, and the consistency check of the published Table 5.
 *
 *   npx tsx examples/emhip-standards.ts
 *
 * The ratings below are ILLUSTRATIVE. The E-MHIP report publishes no
 * unit-level ratings (only the percentages of Table 5), so this example makes
 * up a small, seeded set on the real framework and the real 15 workstreams.
 * The consistency check at the end uses only the published figures.
 */
import {
  attainment,
  checkPublishedFigures,
  compareRounds,
  emhipFramework,
  emhipTable5,
  emhipTable5Figures,
  EMHIP_WORKSTREAMS,
  largestRemainder,
  type AttainmentResult,
  type DenominatorPolicy,
} from '../src/index.js'
import { mhipEvaluation, mhipSites } from '../src/data/mhip/index.js'
import type { Evaluation, Site } from '../src/model/evaluation.js'
import type { Rating } from '../src/model/ratings.js'
import { asId } from '../src/model/ids.js'
import { newEvaluation } from '../src/document/new-evaluation.js'

// --- 1. An illustrative rating set (NOT the report's data) -----------------

/** mulberry32: a small seeded PRNG, so the example prints the same every run. */
const prng = (seed: number) => () => {
  seed = (seed + 0x6d2b79f5) | 0
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296
}
const rand = prng(2008)

// A unit × standard has a base quality; its criteria scatter a little around it.
const level = (base: number): Rating['level'] => {
  if (rand() < 0.08) return 'na'
  const x = base + 0.35 * rand()
  return (x > 0.75 ? 'met' : x > 0.35 ? 'partly' : 'not-met') as Rating['level']
}

const rateUnit = (maturity: number): Record<string, Rating> => {
  const out: Record<string, Rating> = Object.create(null)
  for (const section of emhipFramework.sections) {
    for (const standard of section.standards) {
      const base = maturity + 0.6 * rand()
      // 1.1 and 1.2 have no stated criteria: rate the standard itself.
      if (standard.criteria.length === 0) out[standard.id] = { level: level(base) }
      for (const c of standard.criteria) if (rand() > 0.05) out[c.id] = { level: level(base) } // ~5% left unrated
    }
  }
  return out
}

const rounds = [
  { id: asId<'RoundId'>('baseline'), label: 'Baseline (illustrative)' },
  { id: asId<'RoundId'>('follow-up'), label: 'Follow-up (illustrative)' },
]
const sites: Site[] = mhipSites.map((site) => ({
  ...site,
  units: site.units.map((unit) => {
    const maturity = rand() * 0.5
    return {
      ...unit,
      ratings: {
        baseline: rateUnit(maturity),
        'follow-up': rateUnit(maturity + 0.15),
      } as Site['units'][number]['ratings'],
    }
  }),
}))
const ev: Evaluation = newEvaluation({
  title: 'ILLUSTRATIVE ratings on the E-MHIP framework (not the report’s data)',
  programme: { id: 'mhip', name: 'MHIP (illustrative ratings)' },
  framework: emhipFramework,
  // The sites keep their Table 7 objectives, whose types the document must declare.
  objectiveTypes: mhipEvaluation.objectiveTypes,
  rounds,
  sites,
})

// --- helpers for plain-text tables -----------------------------------------

const pct = (x: number | null): string => (x === null ? '  — ' : `${(100 * x).toFixed(0).padStart(3)}%`)
const num = (x: number): string => (Number.isInteger(x) ? String(x) : x.toFixed(1))
const cell = (k: number, n: number, p: number | null, lo: number | null, hi: number | null): string =>
  n === 0
    ? `${'0/0'.padStart(6)} no estimate      `
    : `${`${num(k)}/${n}`.padStart(6)} ${pct(p)} [${pct(lo)}, ${pct(hi)}]`
const line = (width = 100) => console.log('─'.repeat(width))

const describePolicy = (r: AttainmentResult): string => {
  const p = r.policy
  return `na: ${p.notApplicable}; unrated: ${p.unrated}; count: ${p.count}; attained: ${p.attained}; roll-up: ${p.rollup}; total: ${p.total}; ${p.interval} ${100 * p.confidence}%`
}

// --- 2. Attainment per standard under two policies --------------------------

const policyA: DenominatorPolicy = {} // the defaults
const policyB: DenominatorPolicy = { count: 'criteria', notApplicable: 'not-met', unrated: 'not-met' }
const a = attainment(ev, policyA)
const b = attainment(ev, policyB)
const baseline = (r: AttainmentResult) => r.scopes.find((s) => s.round === 'baseline' && s.site === null)!

console.log('ILLUSTRATIVE RATINGS: made up for this example, NOT the E-MHIP report’s data')
console.log('(the report publishes no unit-level ratings). 15 workstreams, 4 sites, 2 rounds.\n')
console.log('Fully met, baseline, all sites: k/n, %, Wilson 95% CI')
console.log(`A = ${describePolicy(a)}`)
console.log(`B = ${describePolicy(b)}`)
line()
console.log(`${'standard'.padEnd(58)} ${'A'.padEnd(20)} B`)
line()
const sa = baseline(a)
const sb = baseline(b)
sa.standards.forEach((x, i) => {
  const y = sb.standards[i]!
  const title = emhipTable5[i]!.wording
  console.log(
    `${x.standard} ${title.slice(0, 53).padEnd(54)} ${cell(x.k, x.n, x.proportion, x.interval.lo, x.interval.hi)}   ${cell(y.k, y.n, y.proportion, y.interval.lo, y.interval.hi)}`,
  )
})
line()
console.log(
  `${'Total (pooled Σk/Σn)'.padEnd(58)} ${cell(sa.total.k, sa.total.n, sa.total.proportion, sa.total.interval.lo, sa.total.interval.hi)}   ${cell(sb.total.k, sb.total.n, sb.total.proportion, sb.total.interval.lo, sb.total.interval.hi)}`,
)
const meanA = baseline(attainment(ev, { ...policyA, total: 'mean-of-standards' })).total
const meanB = baseline(attainment(ev, { ...policyB, total: 'mean-of-standards' })).total
console.log(
  `${'Total (mean of the 11 standards)'.padEnd(58)} ${pct(meanA.proportion).padStart(11)}${' '.repeat(14)} ${pct(meanB.proportion).padStart(11)}`,
)
const splitA = largestRemainder(Object.values(sa.total.counts))
console.log(
  `\nA, all standards pooled: met / partly / not met = ${Object.values(sa.total.counts).join(' / ')} ratings = ${splitA.join(' / ')}% (largest remainder, sums to 100)`,
)
console.log(
  `A left out ${sa.total.excluded} standard ratings (not applicable ${sa.total.na}, unrated ${sa.total.unrated}); B counts criterion ratings,`,
)
console.log(
  `with not applicable and unrated as not met (${sb.total.na} and ${sb.total.unrated} criterion ratings); 1.1 and 1.2 have no stated criteria, so B has no estimate.`,
)

// --- 3. Baseline vs follow-up ----------------------------------------------

const cmp = compareRounds(ev, { from: 'baseline', to: 'follow-up' })
console.log('\nChange in % fully met, baseline → follow-up, all sites (policy A), Newcombe hybrid score 95% CI')
line(78)
console.log(
  `${'standard'.padEnd(9)} ${'baseline'.padStart(9)} ${'follow-up'.padStart(10)} ${'change'.padStart(7)} ${'95% CI'.padStart(16)}   improved / same / declined / n.c.`,
)
line(78)
for (const c of cmp.changes.filter((x) => x.site === null)) {
  const d = c.change
  const ci = d.lo === null ? '—' : `[${(100 * d.lo).toFixed(0)}, ${(100 * d.hi!).toFixed(0)}]`
  console.log(
    `${c.standard.padEnd(9)} ${`${c.from.k}/${c.from.n}`.padStart(9)} ${`${c.to.k}/${c.to.n}`.padStart(10)} ${(d.difference === null ? '—' : `${(100 * d.difference).toFixed(0)}`).padStart(7)} ${ci.padStart(16)}   ${c.units.improved} / ${c.units.same} / ${c.units.declined} / ${c.units.notComparable}`,
  )
}

// --- 4. The published Table 5: can its percentages come from 15 workstreams? --

console.log(
  '\nPUBLISHED Table 5 (L1226-L1242): can each "% fully met" be k out of n = 15 workstreams, rounded half-up?',
)
line(100)
console.log(
  `${'figure'.padEnd(34)} ${'published'.padStart(9)}  ${'n = 15?'.padEnd(12)} ${'nearest k/15'.padEnd(20)} ${'n ≤ 15 that fit'.padEnd(16)} smallest n`,
)
line(100)
const checks = checkPublishedFigures(emhipTable5Figures.slice(0, 11), EMHIP_WORKSTREAMS)
for (const c of checks) {
  const near = [c.nearest.below, c.nearest.above]
    .filter((f) => f !== null)
    .map((f) => `${f!.k}/15=${f!.percent.toFixed(1)}%`)
    .join(' ')
  console.log(
    `${c.label.padEnd(34)} ${`${c.percent}%`.padStart(9)}  ${(c.possible ? `yes (${c.fractions.map((f) => `${f.k}/15`).join(', ')})` : 'IMPOSSIBLE').padEnd(12)} ${(c.possible ? '' : near).padEnd(20)} ${(c.possibleNs.length > 5 ? 'any' : c.possibleNs.join(', ') || 'none').padEnd(16)} ${c.smallest.k}/${c.smallest.n}`,
  )
}
const impossible = checks.filter((c) => !c.possible)
// No k/15 is an exact half percent, so the rounding rule cannot rescue any of them.
const impossibleHalfEven = checkPublishedFigures(emhipTable5Figures.slice(0, 11), EMHIP_WORKSTREAMS, {
  rule: 'half-even',
}).filter((c) => !c.possible)
const totals = checkPublishedFigures(emhipTable5Figures.slice(11), EMHIP_WORKSTREAMS * 11)
console.log(
  `\n${impossible.length} of 11 published standard percentages cannot be k/15 (half-up; half-even gives the same ${impossibleHalfEven.length}):`,
)
console.log(`${impossible.map((c) => `${c.id} (${c.percent}%)`).join(', ')}.`)
console.log(
  `19% (standard 1.1) fits no denominator up to 15 at all: the smallest is 3/16. The others need denominators below 15,`,
)
console.log(
  'so the report must have left some workstreams out (not applicable or unrated) or counted something else (criteria),',
)
console.log(
  'and it does not say which. The Total (21%) and the overall 21 / 62 / 17 split are possible as 165 standard ratings',
)
console.log(
  `(15 × 11): ${totals.map((c) => `${c.label.split(' (')[0]} ${c.percent}% = ${c.fractions.map((f) => `${f.k}/${f.n}`).join(' or ')}`).join('; ')}.`,
)
console.log(
  'The Total is not the mean of the column (274/11 = 24.9%), which fits a pooled Σk/Σn total; but pooled over what',
)
console.log('denominators the rows cannot tell, since the rows themselves are not all out of 15.')
