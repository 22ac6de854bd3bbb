import * as E from 'fp-ts/lib/Either.js'
import type { Evaluation } from '../model/evaluation.js'
import { orThrow, type Result } from '../model/problem.js'
import { objectiveAttainmentEither, type ObjectiveAttainmentRow } from './attainment.js'
import type { GroupColumns } from './groups.js'
import type { ObjectiveGroup } from './options.js'

/** Options of {@link objectiveTypeShares}. */
export type TypeSharesOptions = {
  /** Shares within each site or unit; default `[]`: shares of all objectives. */
  readonly by?: readonly Exclude<ObjectiveGroup, 'type'>[]
}

/** The share of one objective type among a group's objectives (`share` is `null` when the group has none). */
export type TypeShareRow = GroupColumns & { readonly objectives: number; readonly of: number; readonly share: number | null }

/**
 * Shares of the objective types among all objectives (or within each site or
 * unit). Counts objectives, whatever their attainment, so unknowns count in
 * full. Reproduces "half the objectives focused on analysis & planning, 37%
 * focused on processes and 13% focused on outcomes" (E-MHIP L1908: 42, 31 and
 * 11 of 84).
 * @param ev the evaluation (not mutated)
 * @param options `by`: `[]` (default) or `['site']` / `['unit']`
 * @returns one row per group × type, in document order; `Left` on invalid input
 * @example
 * objectiveTypeSharesEither(mhipEvaluation)
 * //=> right([{ type: 'analysis-planning', objectives: 42, of: 84, share: 0.5 },
 * //          { type: 'process', objectives: 31, of: 84, share: 0.369 }, { type: 'outcome', objectives: 11, of: 84, share: 0.131 }])
 */
export const objectiveTypeSharesEither = (ev: Evaluation, options: TypeSharesOptions = {}): Result<TypeShareRow[]> =>
  E.map((rows: readonly ObjectiveAttainmentRow[]) => {
    const of = new Map<string, number>()
    const place = (r: GroupColumns): string => JSON.stringify([r.site, r.unit])
    for (const r of rows) of.set(place(r), (of.get(place(r)) ?? 0) + r.total)
    return rows.map((r): TypeShareRow => {
      const n = of.get(place(r)) ?? 0
      const { site, siteName, unit, unitName, type, typeLabel } = r
      return { site, siteName, unit, unitName, type, typeLabel, objectives: r.total, of: n, share: n === 0 ? null : r.total / n }
    })
  })(objectiveAttainmentEither(ev, { by: [...(options.by ?? []), 'type'] }))

/**
 * Throwing form of {@link objectiveTypeSharesEither}.
 * @example
 * objectiveTypeShares(mhipEvaluation).map((r) => Math.round(100 * (r.share ?? 0))) //=> [50, 37, 13]
 */
export const objectiveTypeShares = (ev: Evaluation, options: TypeSharesOptions = {}): TypeShareRow[] =>
  orThrow('objectiveTypeShares', objectiveTypeSharesEither(ev, options))
