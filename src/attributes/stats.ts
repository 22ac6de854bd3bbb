/**
 * Descriptive statistics of a numeric attribute by group: n, mean, median,
 * minimum and maximum, as tidy rows.
 * @module
 */
import * as E from '../model/either.js'
import type { Evaluation } from '../model/evaluation.js'
import type { AttributeValue } from '../model/attributes.js'
import { groupEntitiesEither, type EntityGrouping } from '../model/attribute-values.js'
import { orThrow, problem, showName, type Result } from '../model/problem.js'

/** Options of {@link attributeStatsEither}. */
export interface AttributeStatsOptions {
  /** The id of a numeric attribute. */
  readonly attribute: string
  /** How to group: `'site'`, `'unit'` or `{ attribute: id }` (see `groupEntities`). */
  readonly by: EntityGrouping
}

/** The statistics of a numeric attribute in one group: a tidy row. */
export interface AttributeStatsRow {
  /** The attribute's id. */
  readonly attribute: string
  /** The attribute's unit of measurement (`"points"`). */
  readonly unit: string
  /** The group's key (`null` for the entities with no value of the grouping attribute). */
  readonly group: string | null
  /** The group's label. */
  readonly label: string
  /** Sites (site attribute) or units (unit attribute) in the group with a value. */
  readonly n: number
  /** Those in the group without a value (not in n). */
  readonly missing: number
  /** Arithmetic mean; `null` when n = 0 (as for the others). */
  readonly mean: number | null
  /** The middle value, or the mean of the two middle values when n is even. */
  readonly median: number | null
  /** Smallest value; null when n = 0. */
  readonly min: number | null
  /** Largest value; null when n = 0. */
  readonly max: number | null
}

const median = (sorted: readonly number[]): number | null => {
  const n = sorted.length
  if (n === 0) return null
  const mid = n >> 1
  return n % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
}

/**
 * Descriptive statistics of a numeric attribute per group: n, mean, median
 * (mean of the two middle values for even n), minimum and maximum. The
 * statistic is over the things that carry the attribute: each site once for a
 * site attribute, each unit for a unit attribute. Groups follow
 * `groupEntities`; a site attribute can be grouped only by site or by another
 * site attribute (a site's units could fall in different groups of a unit
 * attribute). Sites with neither units nor ratings of their own are in no
 * group.
 *
 * Degenerate input: an unknown or non-numeric attribute, or a unit grouping
 * of a site attribute, gives a problem; a group with no value has n = 0 and
 * `null` statistics.
 * @param ev - the evaluation.
 * @param options - `attribute` and `by`.
 * @returns `right(rows)`, one per group, or `left(problems)`.
 * @example
 * // ev: the example audit; engagement below 50 (band low): acute 40, primary 30; 50 and over: access 65, older 55
 * attributeStatsEither(ev, { attribute: 'engagement', by: { attribute: 'engagement' } })
 * //=> right([{ group: 'low', n: 2, mean: 35, median: 35, min: 30, max: 40, … },
 * //     { group: 'high', n: 2, mean: 60, median: 60, min: 55, max: 65, … }])
 */
export const attributeStatsEither = (ev: Evaluation, options: AttributeStatsOptions): Result<AttributeStatsRow[]> => {
  const fn = 'attributeStats'
  if (options === null || typeof options !== 'object')
    return E.left([problem([], 'an options object { attribute, by }', options, 'shape', fn)])
  const defs = ev.attributes ?? []
  const def = defs.find((d) => d.id === options.attribute)
  if (def === undefined || def.kind !== 'numeric') {
    const numeric = defs.filter((d) => d.kind === 'numeric').map((d) => d.id)
    return E.left([
      problem(
        ['attribute'],
        `a numeric attribute of this evaluation (${numeric.length > 0 ? numeric.join(', ') : 'none is declared'})`,
        options.attribute,
        'reference',
        `${fn} › attribute`,
      ),
    ])
  }
  const by = options.by
  if (
    def.on === 'site' &&
    by !== 'site' &&
    (typeof by !== 'object' || by === null || defs.find((d) => d.id === by.attribute)?.on !== 'site')
  ) {
    const ok = typeof by === 'object' && by !== null && defs.some((d) => d.id === by.attribute)
    if (ok || by === 'unit')
      return E.left([
        problem(
          ['by'],
          `'site' or a site attribute (attribute ${showName(def.id)} is on sites: grouping by units could split a site)`,
          by === 'unit' ? by : by.attribute,
          'value',
          `${fn} › by`,
        ),
      ])
  }
  const groups = groupEntitiesEither(ev, by)
  if (E.isLeft(groups)) return E.left(groups.left.map((p) => ({ ...p, where: p.where.replace('groupEntities', fn) })))
  const sites = new Map(ev.sites.map((s) => [s.id as string, s]))
  const units = new Map(ev.sites.flatMap((s) => s.units.map((u) => [u.id as string, u] as const)))
  return E.right(
    groups.right.map((g): AttributeStatsRow => {
      const values: number[] = []
      let missing = 0
      const seen = new Set<string>()
      for (const m of g.members) {
        let v: AttributeValue | undefined
        if (def.on === 'site') {
          if (seen.has(m.site)) continue
          seen.add(m.site)
          v = (sites.get(m.site)?.attributes as Record<string, AttributeValue> | undefined)?.[def.id]
        } else {
          if (m.unit === null) continue
          v = (units.get(m.unit)?.attributes as Record<string, AttributeValue> | undefined)?.[def.id]
        }
        if (typeof v === 'number') values.push(v)
        else missing++
      }
      values.sort((a, b) => a - b)
      const n = values.length
      const sum = values.reduce((a, b) => a + b, 0)
      return {
        attribute: def.id,
        unit: def.unit,
        group: g.key,
        label: g.label,
        n,
        missing,
        mean: n === 0 ? null : sum / n,
        median: median(values),
        min: n === 0 ? null : values[0]!,
        max: n === 0 ? null : values[n - 1]!,
      }
    }),
  )
}

/**
 * Descriptive statistics of a numeric attribute per group (the throwing twin of {@link attributeStatsEither}).
 * @param ev - the evaluation.
 * @param options - `attribute` and `by`.
 * @returns one row per group.
 * @throws {RealistError} for an unknown or non-numeric attribute, or a grouping that could split a site.
 * @example
 * // ev: the example audit; site ss's units score 40 (acute) and 65 (access)
 * attributeStats(ev, { attribute: 'engagement', by: 'site' })[0]
 * //=> { group: 'ss', unit: 'points', n: 2, missing: 0, mean: 52.5, median: 52.5, min: 40, max: 65, … }
 */
export const attributeStats = (ev: Evaluation, options: AttributeStatsOptions): AttributeStatsRow[] =>
  orThrow('attributeStats', attributeStatsEither(ev, options))
