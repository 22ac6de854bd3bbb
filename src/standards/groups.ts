/**
 * Attainment by group, and the comparison of any two groups: groups of units
 * by an attribute, by site or one per unit, or the rounds themselves.
 * @module
 */
import * as E from '../model/either.js'
import type { Evaluation } from '../model/evaluation.js'
import type { RoundId, StandardId } from '../model/ids.js'
import { orThrow, problem, showName, type Problem, type Result } from '../model/problem.js'
import {
  entityKeys,
  groupEntitiesEither,
  onlyEntities,
  type EntityGroup,
  type EntityGrouping,
} from '../model/attribute-values.js'
import { attainmentEither, attainmentScope, type AttainmentOptions } from './attainment.js'
import type { AttainmentCount, ScopeAttainment } from './derive.js'
import { newcombeEither, type DifferenceInterval } from './intervals/newcombe.js'
import type { ResolvedPolicy } from './policy.js'

/** How to group attainment: units by an attribute, by site, one group per unit; or one group per round. */
export type AttainmentGrouping = EntityGrouping | 'round'

/** Options of {@link attainmentByGroupEither}: the grouping, and the attainment policy. */
export interface GroupedAttainmentOptions extends AttainmentOptions {
  /** `{ attribute: id }`, `'site'`, `'unit'` or `'round'`. */
  readonly by: AttainmentGrouping
}

/** Attainment of one group of units in one round (or all rounds together). */
export interface AttainmentGroupRow {
  /** The group's key (see `EntityGroup.key`; the round id when grouping by round); `null` for entities with no value. */
  readonly group: string | null
  readonly label: string
  /** The round, or `null` for all rounds together. */
  readonly round: RoundId | null
  /** Rated entities in the group (units, and sites rated as a whole). */
  readonly units: number
  /** Every figure of the group in that round: per standard, per section, and the total. */
  readonly attainment: ScopeAttainment
}

/** Attainment by group, with what it was grouped by and the policy used. */
export interface GroupedAttainment {
  /** `'site'`, `'unit'`, `'round'` or `'attribute <id>'`. */
  readonly by: string
  readonly policy: ResolvedPolicy
  /** For each group (in `groupEntities` order, or round order): each round, then all rounds (`round: null`). */
  readonly groups: readonly AttainmentGroupRow[]
}

const byName = (by: AttainmentGrouping): string => (typeof by === 'string' ? by : `attribute ${by.attribute}`)

/** The groups of units, or a problem naming the option. */
const entityGroups = (ev: Evaluation, by: unknown, fn: string): Result<EntityGroup[]> => {
  const r = groupEntitiesEither(ev, by as EntityGrouping)
  return E.isLeft(r) ? E.left(r.left.map((p) => ({ ...p, where: p.where.replace('groupEntities › by', fn) }))) : r
}

/**
 * Attainment per group of units: by any attribute (a unit takes its site's
 * value of a site attribute; a numeric attribute groups by its bands), by
 * site, one group per unit, or per round. Each group is counted as its own
 * evaluation under the same policy (see {@link attainmentEither}), per round
 * and for all rounds together, so every figure carries k, n, counts per
 * level and an interval.
 *
 * Groups follow `groupEntities`: declared categories, ordinal order or bands in
 * order, kept even when empty (n = 0); the units with no value come last
 * (`group: null`).
 *
 * Degenerate input: an unknown attribute, an invalid grouping, or anything
 * `attainmentEither` refuses gives a `Left`; an empty group has n = 0 and no
 * estimate.
 * @param ev - the evaluation (never mutated).
 * @param options - `by` (required), and the denominator policy (defaults as `attainmentEither`).
 * @returns `right({ by, policy, groups })` or `left(problems)`.
 * @example
 * // ev's engagement bands: low = Acute care (40) and Primary care (30), high = Access
 * // and Older people. Low in r1: Acute care 1 of 3 standards met, Primary care 2 of 2.
 * attainmentByGroupEither(ev, { by: { attribute: 'engagement' } })
 * //=> right({ by: 'attribute engagement', policy: …,
 * //     groups: [{ group: 'low', round: 'r1', units: 2, attainment: { total: { k: 3, n: 5, … }, … }, … }, …] })
 * attainmentByGroupEither(ev, { by: { attribute: 'size' } })
 * //=> left([{ expected: 'an attribute declared in this evaluation (engagement)', found: '"size"', … }])
 */
export const attainmentByGroupEither = (
  ev: Evaluation,
  options: GroupedAttainmentOptions,
): Result<GroupedAttainment> => {
  const fn = 'attainmentByGroup'
  if (options === null || typeof options !== 'object')
    return E.left([problem([], 'an options object with `by`', options, 'shape', fn)])
  const { by, ...policy } = options
  if (by === 'round') {
    const r = attainmentEither(ev, policy)
    if (E.isLeft(r)) return r
    const units = ev.sites.reduce((n, s) => n + s.units.length, 0)
    const groups = ev.rounds.map((round) => ({
      group: round.id as string,
      label: round.label,
      round: round.id,
      units,
      attainment: attainmentScope(r.right, { round: round.id })!,
    }))
    return E.right({ by: 'round', policy: r.right.policy, groups })
  }
  const found = entityGroups(ev, by, `${fn} › by`)
  if (E.isLeft(found)) return found
  const rows: AttainmentGroupRow[] = []
  let resolved: ResolvedPolicy | undefined
  for (const g of found.right) {
    const r = attainmentEither(onlyEntities(ev, entityKeys(g.members)), policy)
    if (E.isLeft(r)) return r
    resolved = r.right.policy
    for (const round of [...ev.rounds.map((x) => x.id), null])
      rows.push({
        group: g.key,
        label: g.label,
        round,
        units: g.members.length,
        attainment: attainmentScope(r.right, { round })!,
      })
  }
  if (resolved === undefined) {
    const r = attainmentEither(ev, policy)
    if (E.isLeft(r)) return r
    resolved = r.right.policy
  }
  return E.right({ by: byName(by), policy: resolved, groups: rows })
}

/**
 * Attainment per group of units (the throwing twin of {@link attainmentByGroupEither}).
 * @param ev - the evaluation (never mutated).
 * @param options - `by` (required), and the denominator policy.
 * @returns `{ by, policy, groups }`.
 * @throws {RealistError} for an unknown attribute, an invalid grouping or policy, naming it.
 * @example
 * // ev, both rounds: South Staffordshire 5 of 12 items met, Leicestershire 5 of 10
 * const { groups } = attainmentByGroup(ev, { by: 'site' })
 * const allRounds = groups.filter((g) => g.round === null)
 * allRounds.map((g) => [g.group, g.attainment.total.k, g.attainment.total.n]) //=> [['ss', 5, 12], ['le', 5, 10]]
 */
export const attainmentByGroup = (ev: Evaluation, options: GroupedAttainmentOptions): GroupedAttainment =>
  orThrow('attainmentByGroup', attainmentByGroupEither(ev, options))

/** One side of a group comparison. */
export interface ComparedGroup {
  readonly group: string | null
  readonly label: string
  readonly round: RoundId | null
  readonly units: number
  readonly k: number
  readonly n: number
  readonly proportion: number | null
}

/** The difference in attainment between two groups. */
export interface GroupComparison {
  /** `'site'`, `'unit'`, `'round'` or `'attribute <id>'`. */
  readonly by: string
  /** The standard compared, or `null` for the total over all standards. */
  readonly standard: StandardId | null
  readonly a: ComparedGroup
  readonly b: ComparedGroup
  /** a − b with Newcombe's hybrid score interval; no estimate (nulls and a `reason`) when a side has n = 0 or the figure is not a count. */
  readonly difference: DifferenceInterval
  readonly policy: ResolvedPolicy
}

/** What {@link compareGroupsEither} compares. */
export interface GroupsToCompare {
  /** `{ attribute: id }`, `'site'`, `'unit'` or `'round'`. */
  readonly by: AttainmentGrouping
  /** The first group's key (a category, band id, site, unit or round id). The difference is a − b. */
  readonly a: string
  /** The second group's key. */
  readonly b: string
  /** The round to compare in; default `null`, all rounds together. Not used when `by` is `'round'`. */
  readonly round?: string | null
  /** A standard id, to compare one standard; default the total over all standards. */
  readonly standard?: string
}

const side = (row: AttainmentGroupRow, fig: AttainmentCount): ComparedGroup => ({
  group: row.group,
  label: row.label,
  round: row.round,
  units: row.units,
  k: fig.k,
  n: fig.n,
  proportion: fig.proportion,
})

/**
 * Compare the attainment of two groups: two values of an attribute (two
 * bands, two partnership types), two sites, two units or two rounds. The
 * difference a − b comes with a confidence interval by Newcombe's hybrid
 * score method (Newcombe 1998, method 10), the counts of both sides and the
 * policy used.
 *
 * The interval treats the groups as independent samples of items. Items of
 * one unit are not independent, so with several standards per unit it is
 * narrower than a cluster-aware interval would be; compare one standard
 * (`standard`) for one item per unit. Two rounds compared here are
 * independent samples too: for the same units rated twice, use
 * `compareRounds`, which pairs them.
 *
 * Degenerate input: an unknown group, round, standard or attribute gives a
 * `Left` naming it; a side with n = 0, or a mean-of-standards total (not a
 * count), gives a difference with no estimate and a `reason`.
 * @param ev - the evaluation (never mutated).
 * @param groups - `by`, `a`, `b`, and optional `round` and `standard`.
 * @param policy - the attainment policy (defaults as `attainmentEither`).
 * @returns `right(comparison)` or `left(problems)`.
 * @example
 * // ev, standard 1.1 over both rounds: high engagement 1 of 4 met, low 4 of 4.
 * // Newcombe 95% of 0.25 − 1 by hand from the Wilson intervals (0.0456, 0.6994) and
 * // (0.5101, 1): −0.9544 to −0.0852.
 * compareGroupsEither(ev, { by: { attribute: 'engagement' }, a: 'high', b: 'low', standard: '1.1' })
 * //=> right({ a: { group: 'high', k: 1, n: 4, … }, b: { group: 'low', k: 4, n: 4, … },
 * //     difference: { difference: -0.75, lo: -0.9544, hi: -0.0852, … }, … })
 * compareGroupsEither(ev, { by: 'site', a: 'ss', b: 'kent' }) //=> left([{ found: '"kent"', … }])
 */
export const compareGroupsEither = (
  ev: Evaluation,
  groups: GroupsToCompare,
  policy?: AttainmentOptions,
): Result<GroupComparison> => {
  const fn = 'compareGroups'
  if (groups === null || typeof groups !== 'object')
    return E.left([problem([], 'an object { by, a, b, round?, standard? }', groups, 'shape', fn)])
  const problems: Problem[] = []
  let round = groups.round ?? null
  if (round !== null && !ev.rounds.some((r) => r.id === round)) {
    problems.push(
      problem(
        ['round'],
        `a round of this evaluation (${ev.rounds.map((r) => r.id).join(', ')}) or null`,
        round,
        'reference',
        `${fn} › round`,
      ),
    )
    round = null
  }
  const grouped = attainmentByGroupEither(ev, { ...policy, by: groups.by })
  if (E.isLeft(grouped))
    return E.left(grouped.left.map((p) => ({ ...p, where: p.where.replace('attainmentByGroup', fn) })))
  const at = groups.by === 'round' ? null : round
  const rows = grouped.right.groups.filter((g) => g.round === (groups.by === 'round' ? g.group : at))
  const pick = (key: 'a' | 'b'): AttainmentGroupRow | undefined => {
    const row = rows.find((g) => g.group === groups[key])
    if (row === undefined)
      problems.push(
        problem(
          [key],
          `a group of ${byName(groups.by)} (${rows.map((g) => showName(String(g.group))).join(', ')})`,
          groups[key],
          'reference',
          `${fn} › ${key}`,
        ),
      )
    return row
  }
  const a = pick('a')
  const b = pick('b')
  const scope = a?.attainment
  let si = -1
  if (groups.standard !== undefined && scope !== undefined) {
    si = scope.standards.findIndex((s) => s.standard === groups.standard)
    if (si < 0)
      problems.push(
        problem(['standard'], 'a standard id of the framework', groups.standard, 'reference', `${fn} › standard`),
      )
  }
  if (problems.length > 0 || a === undefined || b === undefined) return E.left(problems)
  const figure = (row: AttainmentGroupRow): AttainmentCount =>
    si >= 0 ? row.attainment.standards[si]! : row.attainment.total
  const fa = figure(a)
  const fb = figure(b)
  const p = grouped.right.policy
  const base = {
    method: 'newcombe-hybrid-score' as const,
    confidence: p.confidence,
    k1: fa.k,
    n1: fa.n,
    k2: fb.k,
    n2: fb.n,
  }
  let difference: DifferenceInterval
  if (si < 0 && p.total === 'mean-of-standards') {
    difference = {
      ...base,
      difference: null,
      lo: null,
      hi: null,
      reason: 'a mean of standard proportions is not a count: compare one standard, or use pooled totals',
    }
  } else {
    const d = newcombeEither(Math.min(fa.k, fa.n), fa.n, Math.min(fb.k, fb.n), fb.n, { confidence: p.confidence })
    difference = E.isRight(d)
      ? d.right
      : { ...base, difference: null, lo: null, hi: null, reason: d.left.map((x) => x.expected).join('; ') }
  }
  return E.right({
    by: grouped.right.by,
    standard: si >= 0 ? a.attainment.standards[si]!.standard : null,
    a: side(a, fa),
    b: side(b, fb),
    difference,
    policy: p,
  })
}

/**
 * Compare the attainment of two groups (the throwing twin of {@link compareGroupsEither}).
 * @param ev - the evaluation (never mutated).
 * @param groups - `by`, `a`, `b`, and optional `round` and `standard`.
 * @param policy - the attainment policy.
 * @returns the comparison.
 * @throws {RealistError} for an unknown group, round, standard or attribute, naming it.
 * @example
 * compareGroups(ev, { by: 'site', a: 'ss', b: 'le' }).difference.difference //=> -0.0833 // 5/12 − 5/10
 * compareGroups(ev, { by: 'site', a: 'ss', b: 'kent' }) //=> throws 'kent'
 */
export const compareGroups = (ev: Evaluation, groups: GroupsToCompare, policy?: AttainmentOptions): GroupComparison =>
  orThrow('compareGroups', compareGroupsEither(ev, groups, policy))
