/**
 * Objective outcomes by group of units: by an attribute, by site or per unit.
 * @module
 */
import * as E from '../model/either.js'
import type { Evaluation } from '../model/evaluation.js'
import { entityKeys, groupEntitiesEither, onlyEntities, type EntityGrouping } from '../model/attribute-values.js'
import { orThrow, problem, type Result } from '../model/problem.js'
import { objectiveAttainmentEither, type ObjectiveAttainmentRow } from './attainment.js'
import type { UnknownPolicy } from './policy.js'

/** Options of {@link objectiveAttainmentByGroupEither}. */
export interface ObjectiveGroupOptions {
  /** `{ attribute: id }`, `'site'` or `'unit'` (see `groupEntities`). */
  readonly by: EntityGrouping
  /** How unknown attained counts are counted (default as `objectiveAttainment`, `'bounds'`). */
  readonly unknown?: UnknownPolicy
}

/** One group's objective outcomes: its key and label, then the overall row of `objectiveAttainment` for its units. */
export type ObjectiveGroupRow = {
  readonly group: string | null
  readonly label: string
  readonly units: number
} & ObjectiveAttainmentRow

/**
 * Objective outcomes (attained / total objectives, unknowns under the
 * unknown policy) per group of units: by any attribute (a unit takes its
 * site's value of a site attribute; numeric attributes by their bands), by
 * site or per unit. Each group is the overall row of `objectiveAttainment`
 * on the group's units alone. Groups follow `groupEntities` (declared
 * categories and bands kept even when empty; units with no value last).
 *
 * Degenerate input: an unknown attribute or grouping, or an invalid unknown
 * policy, gives a `Left` naming it.
 * @param ev - the evaluation (never mutated).
 * @param options - `by` and `unknown`.
 * @returns `right(rows)`, one per group, or `left(problems)`.
 * @example
 * // E-MHIP Table 7 by site: South Staffordshire's TOTAL row is 1/2, 4/15 and 2/5 (?/2 of
 * // them unknown): 7 of 22, or 9 of 22 if the two unknown were attained
 * objectiveAttainmentByGroupEither(mhipEvaluation, { by: 'site' })
 * //=> right([{ group: 'south-staffordshire', units: 5, attained: 7, unknown: 2, total: 22, low: 7, high: 9, … }, …])
 * objectiveAttainmentByGroupEither(mhipEvaluation, { by: { attribute: 'engagement' } })
 * //=> left([{ expected: 'an attribute declared in this evaluation (none is declared)', … }])
 */
export const objectiveAttainmentByGroupEither = (
  ev: Evaluation,
  options: ObjectiveGroupOptions,
): Result<ObjectiveGroupRow[]> => {
  const fn = 'objectiveAttainmentByGroup'
  if (options === null || typeof options !== 'object')
    return E.left([problem([], 'an options object with `by`', options, 'shape', fn)])
  const groups = groupEntitiesEither(ev, options.by)
  if (E.isLeft(groups)) return E.left(groups.left.map((p) => ({ ...p, where: p.where.replace('groupEntities', fn) })))
  const rows: ObjectiveGroupRow[] = []
  for (const g of groups.right) {
    const units = g.members.filter((m) => m.unit !== null)
    const r = objectiveAttainmentEither(
      onlyEntities(ev, entityKeys(units)),
      options.unknown === undefined ? {} : { unknown: options.unknown },
    )
    if (E.isLeft(r)) return r
    rows.push({ group: g.key, label: g.label, units: units.length, ...r.right[0]! })
  }
  return E.right(rows)
}

/**
 * Objective outcomes per group of units (the throwing twin of {@link objectiveAttainmentByGroupEither}).
 * @param ev - the evaluation (never mutated).
 * @param options - `by` and `unknown`.
 * @returns one row per group.
 * @throws {RealistError} for an unknown attribute or grouping, or an invalid unknown policy.
 * @example
 * objectiveAttainmentByGroup(mhipEvaluation, { by: 'site', unknown: 'not-attained' }).map((r) => `${r.attained}/${r.total}`)
 */
export const objectiveAttainmentByGroup = (ev: Evaluation, options: ObjectiveGroupOptions): ObjectiveGroupRow[] =>
  orThrow('objectiveAttainmentByGroup', objectiveAttainmentByGroupEither(ev, options))
