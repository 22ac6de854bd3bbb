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
export type TypeShareRow = GroupColumns & {
  readonly objectives: number
  readonly of: number
  readonly share: number | null
}

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
 * //=> right([{ type: 'analysis-planning', objectives: 42, of: 84, share: 0.5, … },
 * //          { type: 'process', objectives: 31, of: 84, share: 0.369, … }, { type: 'outcome', objectives: 11, of: 84, share: 0.131, … }])
 */
export const objectiveTypeSharesEither = (ev: Evaluation, options: TypeSharesOptions = {}): Result<TypeShareRow[]> => {
  const by = options.by ?? []
  // A malformed `by` goes through unchanged, so the options check names it.
  const withType = Array.isArray(by) ? [...by, 'type' as const] : by
  return E.map((rows: readonly ObjectiveAttainmentRow[]) => {
    // Rows come place by place, one per type, so each place's types are one block.
    const T = ev.objectiveTypes.length
    const out: TypeShareRow[] = []
    for (let start = 0; start < rows.length; start += T) {
      let of = 0
      for (let k = start; k < start + T; k++) of += rows[k]!.total
      for (let k = start; k < start + T; k++) {
        const { site, siteName, unit, unitName, type, typeLabel, total } = rows[k]!
        out.push({
          site,
          siteName,
          unit,
          unitName,
          type,
          typeLabel,
          objectives: total,
          of,
          share: of === 0 ? null : total / of,
        })
      }
    }
    return out
  })(objectiveAttainmentEither(ev, { by: withType }))
}

/**
 * Shares of the objective types among all objectives (or within each site or
 * unit). Counts objectives, whatever their attainment, so unknowns count in
 * full. Reproduces "half the objectives focused on analysis & planning, 37%
 * focused on processes and 13% focused on outcomes" (E-MHIP L1908: 42, 31 and
 * 11 of 84).
 *
 * The throwing form of {@link objectiveTypeSharesEither}: the same result, returned directly,
 * for notebooks and scripts.
 * @param ev the evaluation (not mutated)
 * @param options `by`: `[]` (default) or `['site']` / `['unit']`
 * @returns the result (`TypeShareRow[]`), as {@link objectiveTypeSharesEither}
 * gives it in its `Right`.
 * @throws {RealistError} when {@link objectiveTypeSharesEither} gives `Left`: the error's
 * `problems` are those problems, and its message lists them (`[realist-eval] objectiveTypeShares: …`).
 * @example
 * objectiveTypeShares(mhipEvaluation).map((r) => Math.round(100 * (r.share ?? 0))) //=> [50, 37, 13]
 */
export const objectiveTypeShares = (ev: Evaluation, options: TypeSharesOptions = {}): TypeShareRow[] =>
  orThrow('objectiveTypeShares', objectiveTypeSharesEither(ev, options))
