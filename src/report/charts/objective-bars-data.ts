/**
 * The data of the objectives bar chart: for each site × objective type, the
 * objectives attained, of unknown attainment and not attained.
 * @module
 */
import * as E from 'fp-ts/lib/Either.js'
import type { Evaluation } from '../../model/evaluation.js'
import { orThrow, type Result } from '../../model/problem.js'
import { objectiveAttainmentEither } from '../../objectives/attainment.js'

/** The three statuses a bar is stacked by, in stacking order (bottom first). */
export const OBJECTIVE_STATUSES_SHOWN = ['attained', 'unknown', 'not attained'] as const
/** A segment of an objectives bar: `'attained'`, `'unknown'` (Table 7's `?`) or `'not attained'`. */
export type ObjectiveStatusShown = (typeof OBJECTIVE_STATUSES_SHOWN)[number]

/** Okabe–Ito colours for the statuses: blue attained, orange unknown, grey not attained. */
export const STATUS_COLOURS: Readonly<Record<ObjectiveStatusShown, string>> = {
  attained: '#0072B2',
  unknown: '#E69F00',
  'not attained': '#999999',
}

/** One bar segment: a site × type × status count (a tidy row). */
export interface ObjectiveBarRow {
  readonly site: string
  readonly siteName: string
  readonly type: string
  readonly typeLabel: string
  readonly status: ObjectiveStatusShown
  readonly count: number
  /** All objectives of the site × type (the bar's height). */
  readonly total: number
}

/**
 * The bar segments of every site × objective type, in document order, each
 * status a row (zero counts included, so every bar has all three segments).
 * Unknown attainment (Table 7's `?`) is its own segment, never folded into
 * attained or not attained.
 *
 * Degenerate input: invalid objectives give a `Left` (the objectives
 * module's checks); a site × type with no objectives gives three zero rows.
 * @param ev - the evaluation.
 * @returns `Right` with the bar segments, or `Left` with the problems of the objectives.
 * @example
 * objectiveBarRowsEither(mhipEvaluation)
 * //=> right([{ site: 'south-staffordshire', type: 'analysis-planning', status: 'attained', count: 1, total: 2, … }, …])
 */
export const objectiveBarRowsEither = (ev: Evaluation): Result<ObjectiveBarRow[]> =>
  E.map(
    (
      rows: readonly {
        site: string | null
        siteName: string | null
        type: string | null
        typeLabel: string | null
        attained: number
        unknown: number
        notAttained: number
        total: number
      }[],
    ) =>
      rows.flatMap((r) => {
        const at = {
          site: r.site ?? '',
          siteName: r.siteName ?? '',
          type: r.type ?? '',
          typeLabel: r.typeLabel ?? '',
          total: r.total,
        }
        return [
          { ...at, status: 'attained' as const, count: r.attained },
          { ...at, status: 'unknown' as const, count: r.unknown },
          { ...at, status: 'not attained' as const, count: r.notAttained },
        ]
      }),
  )(objectiveAttainmentEither(ev, { by: ['site', 'type'] }))

/**
 * The bar segments of every site × objective type, in document order, each
 * status a row (zero counts included, so every bar has all three segments).
 * Unknown attainment (Table 7's `?`) is its own segment, never folded into
 * attained or not attained.
 *
 * The throwing form of {@link objectiveBarRowsEither}: the same result, returned directly,
 * for notebooks and scripts.
 *
 * Degenerate input: invalid objectives throws (the objectives
 * module's checks); a site × type with no objectives gives three zero rows.
 * @param ev
 * @returns the result (`ObjectiveBarRow[]`), as {@link objectiveBarRowsEither}
 * gives it in its `Right`.
 * @throws {RealistError} when {@link objectiveBarRowsEither} gives `Left`: the error's
 * `problems` are those problems, and its message lists them (`[realist-eval] objectiveBarRows: …`).
 * @example
 * objectiveBarRows(mhipEvaluation)[0] //=> { site: 'south-staffordshire', type: 'analysis-planning', status: 'attained', count: 1, total: 2, … }
 */
export const objectiveBarRows = (ev: Evaluation): ObjectiveBarRow[] =>
  orThrow('objectiveBarRows', objectiveBarRowsEither(ev))
