/**
 * Comparison between two rounds (baseline vs follow-up, as in a re-audit):
 * per standard and site, the change in attainment with a confidence interval
 * for the difference, and the units that improved, stayed the same or
 * declined on the ordinal scale.
 * @module
 */
import * as E from '../model/either.js'
import type { Evaluation } from '../model/evaluation.js'
import type { RoundId, SectionId, SiteId, StandardId } from '../model/ids.js'
import type { RoundRatings } from '../model/ratings.js'
import { orThrow, problem, type Problem, type Result } from '../model/problem.js'
import { attainmentEither, attainmentScope, type AttainmentOptions } from './attainment.js'
import { instrumentProjectionEither } from './raters.js'
import { evaluationArgProblems } from '../model/options.js'
import { compileFramework } from './compile.js'
import type { StandardAttainment } from './derive.js'
import { newcombeEither, type DifferenceInterval } from './intervals/newcombe.js'
import type { ResolvedPolicy } from './policy.js'
import { standardCodes } from './rollup.js'
import { onlyEntities } from '../model/attribute-values.js'
import { roundPairing, unitMoves, type RoundPairing, type UnitMove } from './paired.js'

/** Units whose standard level went up, stayed, or went down between the rounds. */
export interface UnitMovement {
  /** A better level in `to` than in `from` (levels are ordered best first). */
  readonly improved: number
  readonly same: number
  readonly declined: number
  /** Not applicable or unrated in either round, so not comparable. */
  readonly notComparable: number
}

/** The change of one standard in one site (or all sites) between two rounds. */
export interface StandardChange {
  readonly standard: StandardId
  readonly section: SectionId
  /** The site, or `null` for all sites. */
  readonly site: SiteId | null
  readonly from: { readonly k: number; readonly n: number; readonly proportion: number | null }
  readonly to: { readonly k: number; readonly n: number; readonly proportion: number | null }
  /** to − from, with Newcombe's hybrid score interval (no estimate when a round has n = 0). */
  readonly change: DifferenceInterval
  readonly units: UnitMovement
}

/** Every standard's change between two rounds, per site and for all sites. */
export interface RoundComparison {
  readonly from: RoundId
  readonly to: RoundId
  readonly policy: ResolvedPolicy
  /** For each site then all sites (`site: null`), each standard in framework order. */
  readonly changes: readonly StandardChange[]
  /** Which units were compared: by default only those rated in both rounds, with those left out on each side. */
  readonly pairing: RoundPairing
  /** The compared units whose standard level changed, with the change in scale steps (site, unit, standard order). */
  readonly moves: readonly UnitMove[]
}

/** The two rounds of {@link compareRoundsEither}, and whether to pair units. */
export interface RoundsToCompare {
  /** The earlier round (e.g. baseline). */
  readonly from: string
  /** The later round (e.g. follow-up). */
  readonly to: string
  /**
   * `true` (default): compare only the units rated in both rounds, and list
   * those left out on each side (`pairing`). `false`: count every unit in each
   * round, as independent samples (a unit rated once still counts).
   */
  readonly paired?: boolean
}

const part = (s: StandardAttainment) => ({ k: s.k, n: s.n, proportion: s.proportion })

/**
 * Compare attainment between two rounds, standard by standard, per site and
 * for all sites: the change to − from with a confidence interval by
 * Newcombe's hybrid score method (Newcombe 1998, method 10), and the units
 * that improved, stayed the same or declined on the ordinal scale (standard
 * levels after the roll-up; explicit ratings win).
 *
 * The interval treats the two rounds as independent samples, as a re-audit of
 * fresh cases would be. When the same units are rated twice it is
 * conservative; the unit movements show the paired picture.
 *
 * By default only the units rated in both rounds are compared (a unit is
 * rated in a round when it has at least one rating there): 4 units rated at
 * baseline and 1 at follow-up then compare as 1 unit against itself, with 3
 * listed in `pairing.onlyFrom`, never as 0/4 against 1/1. `paired: false`
 * counts every unit of each round. `moves` lists each compared unit whose
 * standard level changed, with the change in scale steps (+2 = two levels
 * better).
 *
 * Degenerate input: an unknown round, or anything {@link attainmentEither}
 * refuses, gives a `Left`; a standard with n = 0 in a round has a change with
 * no estimate and a `reason`.
 * @param input the evaluation
 * @param rounds `from` (e.g. baseline) and `to` (e.g. follow-up) round ids, and `paired` (default true)
 * @param policy the denominator policy (default as {@link attainmentEither})
 * @returns `Right` with every standard's change per site and for all sites,
 * the pairing of units and the units that moved; `Left` with the problems.
 * @example
 * // ev: 1.1 is met in 2 of 4 units in r1 and 3 of 4 in r2 (Access: partly → met,
 * // Older people: not met → partly). Newcombe 95% of 0.75 − 0.5 by hand from the Wilson
 * // intervals (0.3006, 0.9544) and (0.1500, 0.8500): −0.3196 to 0.6553.
 * const r = compareRoundsEither(ev, { from: 'r1', to: 'r2' })
 * isRight(r) && r.right.changes.find((c) => c.standard === '1.1' && c.site === null)
 * //=> { standard: '1.1', site: null, from: { k: 2, n: 4, proportion: 0.5 }, to: { k: 3, n: 4, proportion: 0.75 },
 * //     change: { difference: 0.25, lo: -0.3196, hi: 0.6553, … }, units: { improved: 2, same: 2, declined: 0, notComparable: 0 }, … }
 * compareRoundsEither(ev, { from: 'r1', to: 'r3' }) //=> left([{ where: 'compareRounds › to', … }])
 */
export const compareRoundsEither = (
  input: Evaluation,
  rounds: RoundsToCompare,
  policy?: AttainmentOptions,
): Result<RoundComparison> => {
  const notEv = evaluationArgProblems('compareRounds', input)
  if (notEv.length > 0) return E.left(notEv)
  // The chosen instrument's counted ratings (raters resolved by the rule) in the default places.
  const projected = instrumentProjectionEither(input, {
    ...(policy?.instrument !== undefined && { instrument: policy.instrument }),
    ...(policy?.raters !== undefined && { raters: policy.raters }),
  })
  if (E.isLeft(projected)) return projected
  const whole = projected.right
  const known = new Set(whole.rounds.map((r) => r.id as string))
  const problems: Problem[] = []
  if (rounds === null || typeof rounds !== 'object')
    return E.left([problem([], 'an object { from, to, paired? }', rounds, 'shape', 'compareRounds › rounds')])
  for (const key of ['from', 'to'] as const) {
    if (!known.has(rounds[key]))
      problems.push(
        problem(
          [key],
          `a round of this evaluation (${[...known].join(', ')})`,
          rounds[key],
          'reference',
          `compareRounds › ${key}`,
        ),
      )
  }
  if (rounds.paired !== undefined && typeof rounds.paired !== 'boolean')
    problems.push(problem(['paired'], 'true or false', rounds.paired, 'shape', 'compareRounds › paired'))
  if (problems.length > 0) return E.left(problems)
  const pairing = roundPairing(whole, rounds.from, rounds.to, rounds.paired ?? true)
  // Every site keeps its place (a site with no paired unit has n = 0).
  const ev = pairing.paired ? onlyEntities(whole, pairing.units, { keepEmptySites: true }) : whole
  // The projection has already chosen the instrument and resolved the raters: count it as it stands.
  const { instrument: _instrument, raters: _raters, ...counting } = policy ?? {}
  const result = attainmentEither(ev, counting)
  if (E.isLeft(result)) return result
  const r = {
    ...result.right,
    policy: {
      ...result.right.policy,
      raters: whole === input ? result.right.policy.raters : (policy?.raters ?? 'consensus'),
    },
  }
  const c = compileFramework(ev.framework)
  const S = c.standardIds.length

  // Unit movements per site and standard: [improved, same, declined, notComparable].
  const movement = (siteIndex: number | null): Int32Array => {
    const m = new Int32Array(S * 4)
    const sites = siteIndex === null ? ev.sites : [ev.sites[siteIndex]!]
    for (const site of sites) {
      for (const unit of site.units) {
        const byRound = unit.ratings as Record<string, RoundRatings | undefined>
        const a = standardCodes(c, byRound[rounds.from], r.policy.rollupRule)
        const b = standardCodes(c, byRound[rounds.to], r.policy.rollupRule)
        for (let s = 0; s < S; s++) {
          const x = a[s] as number
          const y = b[s] as number
          const slot = x < 0 || y < 0 || x >= c.levels || y >= c.levels ? 3 : y < x ? 0 : y === x ? 1 : 2
          m[s * 4 + slot] = (m[s * 4 + slot] as number) + 1
        }
      }
    }
    return m
  }

  const changes: StandardChange[] = []
  for (const [siteIndex, siteId] of [...ev.sites.map((s, i) => [i, s.id] as const), [null, null] as const]) {
    const from = attainmentScope(r, { round: rounds.from, site: siteId })!
    const to = attainmentScope(r, { round: rounds.to, site: siteId })!
    const m = movement(siteIndex)
    from.standards.forEach((f, s) => {
      const t = to.standards[s]!
      const diff = newcombeEither(Math.min(t.k, t.n), t.n, Math.min(f.k, f.n), f.n, { confidence: r.policy.confidence })
      changes.push({
        standard: f.standard,
        section: f.section,
        site: siteId,
        from: part(f),
        to: part(t),
        change: E.isRight(diff)
          ? diff.right
          : {
              method: 'newcombe-hybrid-score',
              confidence: r.policy.confidence,
              k1: t.k,
              n1: t.n,
              k2: f.k,
              n2: f.n,
              difference: null,
              lo: null,
              hi: null,
              reason: diff.left.map((p) => p.expected).join('; '),
            },
        units: { improved: m[s * 4]!, same: m[s * 4 + 1]!, declined: m[s * 4 + 2]!, notComparable: m[s * 4 + 3]! },
      })
    })
  }
  const { units: kept, ...pairs } = pairing
  const moved = unitMoves(ev, c, rounds, r.policy.rollupRule, pairing.paired ? kept : null)
  return E.right({
    from: rounds.from as RoundId,
    to: rounds.to as RoundId,
    policy: r.policy,
    changes,
    pairing: pairs,
    moves: moved,
  })
}

/**
 * Compare attainment between two rounds, standard by standard, per site and
 * for all sites: the change to − from with a confidence interval by
 * Newcombe's hybrid score method (Newcombe 1998, method 10), and the units
 * that improved, stayed the same or declined on the ordinal scale (standard
 * levels after the roll-up; explicit ratings win).
 *
 * The throwing form of {@link compareRoundsEither}: the same result, returned directly,
 * for notebooks and scripts.
 *
 * Degenerate input: an unknown round, or anything {@link attainmentEither}
 * refuses, throws; a standard with n = 0 in a round has a change with
 * no estimate and a `reason`.
 * @param ev the evaluation
 * @param rounds `from` (e.g. baseline) and `to` (e.g. follow-up) round ids, and `paired` (default true)
 * @param policy the denominator policy (default as {@link attainmentEither})
 * @returns the result (`RoundComparison`), as {@link compareRoundsEither}
 * gives it in its `Right`.
 * @throws {RealistError} when {@link compareRoundsEither} gives `Left`: the error's
 * `problems` are those problems, and its message lists them (`[realist-eval] compareRounds: …`).
 * @example
 * // ev, all sites: 1.1 from 2/4 to 3/4, 1.2 from 1/3 to 2/4, 2.4 from 0/3 to 2/4
 * const { changes } = compareRounds(ev, { from: 'r1', to: 'r2' })
 * const all = changes.filter((c) => c.site === null && c.change.difference !== null)
 * all.map((c) => [c.standard, c.change.difference]) //=> [['1.1', 0.25], ['1.2', 0.1667], ['2.4', 0.5]]
 * compareRounds(ev, { from: 'r1', to: 'baseline' }) //=> throws 'expected a round of this evaluation (r1, r2)'
 */
export const compareRounds = (ev: Evaluation, rounds: RoundsToCompare, policy?: AttainmentOptions): RoundComparison =>
  orThrow('compareRounds', compareRoundsEither(ev, rounds, policy))
