/**
 * From a tally to attainment figures under a resolved policy: per standard,
 * per section and in total, each with numerator, denominator, counts per
 * level and an interval.
 * @module
 */
import * as E from '../model/either.js'
import type { LevelId, RoundId, SectionId, SiteId, StandardId } from '../model/ids.js'
import type { CompiledFramework } from './compile.js'
import type { ResolvedPolicy, TotalMethod } from './policy.js'
import { noInterval, type Interval } from './intervals/interval.js'
import { wilsonEither, wilsonEndsAt } from './intervals/wilson.js'
import { normalQuantile } from './intervals/normal-quantile.js'
import { clopperPearsonEither } from './intervals/clopper-pearson.js'

/** Numerator, denominator and counts of one attainment figure. */
export interface AttainmentCount {
  /**
   * Numerator: items attained (fractional when partly counts as half). For a
   * mean-of-standards total, the sum of the standards' proportions.
   */
  readonly k: number
  /** Denominator: items counted. For a mean-of-standards total, the number of standards averaged. */
  readonly n: number
  /** k / n, or `null` when n = 0 (see `interval.reason`). */
  readonly proportion: number | null
  /**
   * Items per level after the policy: not-applicable or unrated items counted
   * as not met are in the worst level. They sum to `items`.
   */
  readonly counts: Readonly<Record<LevelId, number>>
  /** Items counted in `counts` (equal to n except for a mean-of-standards total). */
  readonly items: number
  /** Not-applicable items seen (whatever the policy did with them). */
  readonly na: number
  /** Unrated items seen (whatever the policy did with them). */
  readonly unrated: number
  /** Items left out of the denominator by the policy (na and/or unrated). */
  readonly excluded: number
  /** The confidence interval of k/n (none for a mean of standards, with the reason). */
  readonly interval: Interval
}

/** Attainment of one standard in one scope. */
export interface StandardAttainment extends AttainmentCount {
  readonly standard: StandardId
  readonly section: SectionId
  /** Items whose level came from an explicit standard rating (standards counting). */
  readonly explicit: number
  /** Items whose level (or not applicable) came from the criteria by the roll-up rule (standards counting; `policy.rollup` names it). */
  readonly rolledUp: number
}

/** Attainment of a group of standards: one section, or all (the total). */
export interface GroupAttainment extends AttainmentCount {
  /** How the group figure was formed. */
  readonly method: TotalMethod
  /** The section, or `null` for the total over all standards. */
  readonly section: SectionId | null
  /** Standards in the group. */
  readonly standards: number
}

/** All figures of one scope: a round (or all rounds) × a site (or all sites). */
export interface ScopeAttainment {
  /** The round, or `null` for all rounds together. */
  readonly round: RoundId | null
  /** The site, or `null` for all sites together. */
  readonly site: SiteId | null
  readonly standards: readonly StandardAttainment[]
  readonly sections: readonly GroupAttainment[]
  readonly total: GroupAttainment
}

export const MEAN_NO_INTERVAL_REASON =
  'no interval for a mean of standard proportions: the standards rate the same units, so they are not independent samples'

const intervalOf = (policy: ResolvedPolicy, k: number, n: number): Interval => {
  const fn = policy.interval === 'clopper-pearson' ? clopperPearsonEither : wilsonEither
  // Rounding in score weights must not push k past n.
  const r = fn(Math.min(Math.max(k, 0), n), n, { confidence: policy.confidence })
  if (E.isRight(r)) return r.right
  return noInterval(policy.interval, policy.confidence, k, n, null, r.left.map((p) => p.expected).join('; '))
}

/**
 * The interval of one figure: Wilson intervals straight from `wilsonEndsAt`
 * with the policy's z computed once per scope (the same numbers as
 * `wilsonEither`, without its checks and wrapping, which the counts cannot
 * fail: n is a whole count and k is clamped to [0, n]); anything else through
 * the checked functions.
 */
const figureInterval = (policy: ResolvedPolicy, z: number, k: number, n: number): Interval => {
  if (policy.interval !== 'wilson' || !(n > 0) || !Number.isInteger(n) || !Number.isFinite(k))
    return intervalOf(policy, k, n)
  const kk = Math.min(Math.max(k, 0), n)
  const [lo, hi] = wilsonEndsAt(kk, n, z)
  return { method: 'wilson', confidence: policy.confidence, k: kk, n, estimate: kk / n, lo, hi }
}

/** The normal quantile of a policy's confidence (two-sided), as `wilsonEnds` computes it. */
const zOf = (policy: ResolvedPolicy): number => normalQuantile(1 - (1 - policy.confidence) / 2)

/**
 * Weight of each level when counting attained items.
 * @internal
 */
export const attainedWeights = (c: CompiledFramework, attained: ResolvedPolicy['attained']): Float64Array => {
  const w = new Float64Array(c.levels)
  if (attained === 'top') w[0] = 1
  else if (attained === 'top-two') {
    w[0] = 1
    if (c.levels > 1) w[1] = 1
  } else if (typeof attained === 'object') {
    // Checked against the scale before counting (attainedRuleProblems); unknown ids weigh nothing.
    if ('top' in attained) for (let l = 0; l < Math.min(attained.top, c.levels); l++) w[l] = 1
    else if ('atLeast' in attained) {
      const last = c.levelIds.indexOf(attained.atLeast)
      for (let l = 0; l <= last; l++) w[l] = 1
    } else for (const id of attained.levels) if (c.levelIds.includes(id)) w[c.levelIds.indexOf(id)] = 1
  } else {
    const scores = c.scale.levels.map((l) => l.score)
    // A fold, not Math.max(...scores): spreading a scale of 10^5+ levels overflows the stack.
    const max = scores.reduce((a, b) => Math.max(a, b), -Infinity)
    const min = scores.reduce((a, b) => Math.min(a, b), Infinity)
    scores.forEach((s, i) => (w[i] = max === min ? (i === 0 ? 1 : 0) : (s - min) / (max - min)))
  }
  return w
}

/** Mutable running sums of a group. */
interface Sums {
  k: number
  n: number
  counts: Float64Array
  na: number
  unrated: number
  excluded: number
  pSum: number
  pCount: number
  standards: number
}
const newSums = (levels: number): Sums => ({
  k: 0,
  n: 0,
  counts: new Float64Array(levels),
  na: 0,
  unrated: 0,
  excluded: 0,
  pSum: 0,
  pCount: 0,
  standards: 0,
})

const countsRecord = (c: CompiledFramework, counts: ArrayLike<number>): Record<LevelId, number> => {
  const out: Record<string, number> = {}
  for (let l = 0; l < c.levels; l++) out[c.levelIds[l] as string] = counts[l] as number
  return out as Record<LevelId, number>
}

/**
 * A group's figures: pooled, Σk/Σn with its interval; or the mean of the
 * standards' proportions (k the sum of proportions, n the standards with
 * n > 0), which has no interval (the reason says why).
 */
const groupOf = (
  c: CompiledFramework,
  policy: ResolvedPolicy,
  z: number,
  section: SectionId | null,
  s: Sums,
): GroupAttainment => {
  const pooled = policy.total === 'pooled'
  const k = pooled ? s.k : s.pSum
  const n = pooled ? s.n : s.pCount
  const proportion = n > 0 ? k / n : null
  const interval: Interval = pooled
    ? figureInterval(policy, z, k, n)
    : noInterval(
        policy.interval,
        policy.confidence,
        k,
        n,
        proportion,
        n > 0 ? MEAN_NO_INTERVAL_REASON : 'no standard has n > 0, so there is no mean to estimate',
      )
  return {
    method: policy.total,
    section,
    standards: s.standards,
    counts: countsRecord(c, s.counts),
    items: s.n,
    na: s.na,
    unrated: s.unrated,
    excluded: s.excluded,
    k,
    n,
    proportion,
    interval,
  }
}

/** Add one standard's figures into a group's sums. */
const addToGroup = (
  g: Sums,
  counts: Float64Array,
  L: number,
  k: number,
  n: number,
  na: number,
  unrated: number,
  excluded: number,
): void => {
  g.k += k
  g.n += n
  for (let l = 0; l < L; l++) g.counts[l] = (g.counts[l] as number) + (counts[l] as number)
  g.na += na
  g.unrated += unrated
  g.excluded += excluded
  g.standards++
  if (n > 0) {
    g.pSum += k / n
    g.pCount++
  }
}

const rawItems = (cells: ArrayLike<number>, base: number, levels: number): number => {
  let n = 0
  for (let l = 0; l < levels; l++) n += cells[base + l] as number
  return n
}

/** The figures of one scope without its labels: per standard, per section and in total. */
export type ScopeFigures = Pick<ScopeAttainment, 'standards' | 'sections' | 'total'>

/**
 * Derive every figure of one scope from its tally cells.
 * @internal
 */
export const deriveFigures = (
  c: CompiledFramework,
  cells: ArrayLike<number>,
  policy: ResolvedPolicy,
  weights: Float64Array,
): ScopeFigures => {
  const W = c.width
  const L = c.levels
  const worst = L - 1
  const z = policy.interval === 'wilson' ? zOf(policy) : NaN
  const naIn = policy.notApplicable === 'not-met'
  const unratedIn = policy.unrated === 'not-met'
  const sections = c.sectionIds.map(() => newSums(L))
  const total = newSums(L)
  const counts = new Float64Array(L)
  const standards: StandardAttainment[] = []
  for (let s = 0; s < c.standardIds.length; s++) {
    const base = s * W
    for (let l = 0; l < L; l++) counts[l] = cells[base + l] as number
    const na = cells[base + c.na] as number
    const unrated = cells[base + c.unrated] as number
    if (naIn) counts[worst] = (counts[worst] as number) + na
    if (unratedIn) counts[worst] = (counts[worst] as number) + unrated
    let n = 0
    let k = 0
    for (let l = 0; l < L; l++) {
      n += counts[l] as number
      k += (counts[l] as number) * (weights[l] as number)
    }
    const excluded = (naIn ? 0 : na) + (unratedIn ? 0 : unrated)
    const explicit = cells[base + c.explicit] as number
    const sectionIndex = c.sectionOf[s] as number
    standards.push({
      standard: c.standardIds[s] as StandardId,
      section: c.sectionIds[sectionIndex] as SectionId,
      k,
      n,
      proportion: n > 0 ? k / n : null,
      counts: countsRecord(c, counts),
      items: n,
      na,
      unrated,
      excluded,
      explicit,
      rolledUp: policy.count === 'standards' ? rawItems(cells, base, L) + na - explicit : 0,
      interval: figureInterval(policy, z, k, n),
    })
    addToGroup(sections[sectionIndex] as Sums, counts, L, k, n, na, unrated, excluded)
    addToGroup(total, counts, L, k, n, na, unrated, excluded)
  }
  return {
    standards,
    sections: sections.map((g, i) => groupOf(c, policy, z, c.sectionIds[i] as SectionId, g)),
    total: groupOf(c, policy, z, null, total),
  }
}

/**
 * Derive every figure of one scope from its tally cells, labelled.
 * @internal
 */
export const deriveScope = (
  c: CompiledFramework,
  cells: ArrayLike<number>,
  policy: ResolvedPolicy,
  weights: Float64Array,
  round: RoundId | null,
  site: SiteId | null,
): ScopeAttainment => ({ round, site, ...deriveFigures(c, cells, policy, weights) })

/**
 * The figures of one scope, derived on first call and kept (the cells must
 * never be written to afterwards).
 * @internal
 */
export const figuresOnce = (
  c: CompiledFramework,
  cells: ArrayLike<number>,
  policy: ResolvedPolicy,
  weights: Float64Array,
): (() => ScopeFigures) => {
  let figures: ScopeFigures | undefined
  return () => (figures ??= deriveFigures(c, cells, policy, weights))
}

/**
 * A scope whose figures are derived when first read: `standards`, `sections`
 * and `total` are own enumerable getters, so the scope reads, spreads,
 * serialises and compares like a plain object, and a result whose figures
 * are never read costs only its counting.
 * @internal
 */
export const lazyScope = (
  round: RoundId | null,
  site: SiteId | null,
  figures: () => ScopeFigures,
): ScopeAttainment => ({
  round,
  site,
  get standards() {
    return figures().standards
  },
  get sections() {
    return figures().sections
  },
  get total() {
    return figures().total
  },
})
