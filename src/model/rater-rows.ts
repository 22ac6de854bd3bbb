/**
 * Rater-keyed ratings as tidy rows: the input of inter-rater agreement.
 * @module
 */
import * as E from './either.js'
import type { Evaluation, Site, Unit } from './evaluation.js'
import type { InstrumentId, LevelId, RaterId, RoundId, SiteId, TargetId, UnitId } from './ids.js'
import type { RatingsByRater } from './instruments.js'
import { instrumentsOf } from './instruments.js'
import { orThrow, problem, type Result, showChoices } from './problem.js'
import type { NotApplicable } from './scale.js'

/** One rater's rating of one target, for one rated entity, in one round, on one instrument. */
export interface RaterRatingRow {
  /** The instrument's id (the default instrument's is `ev.framework.id`). */
  readonly instrument: InstrumentId
  readonly site: SiteId
  /** The unit, or `null` for a rating of the site as a whole. */
  readonly unit: UnitId | null
  readonly round: RoundId
  /** A standard or criterion id of the instrument. */
  readonly target: TargetId
  readonly rater: RaterId
  /** A level id of the instrument's scale, or `"na"`. */
  readonly level: LevelId | NotApplicable
}

/** Options of {@link raterRatingRowsEither}. */
export interface RaterRatingRowsOptions {
  /** Only this instrument's ratings (by id). Default: every instrument, the default one first. */
  readonly instrument?: string
}

type Rated = Pick<Site, 'byRater' | 'instrumentRatings'> | Pick<Unit, 'byRater' | 'instrumentRatings'>

const byRaterOn = (entity: Rated, instrument: string, isDefault: boolean): RatingsByRater | undefined =>
  isDefault
    ? entity.byRater
    : (entity.instrumentRatings as Record<string, { byRater?: RatingsByRater }> | undefined)?.[instrument]?.byRater

/**
 * Every rater-keyed rating (`byRater`) of an evaluation as tidy rows
 * `{ instrument, site, unit, round, target, rater, level }`, in document
 * order: instruments (default first), sites, the site's own ratings
 * (`unit: null`) then its units, rounds, targets, raters. The counted
 * (single or consensus) ratings are not rows here: they are no rater's own
 * rating. Rows of one instrument × site × unit × round × target are one
 * rated item, which is what agreement statistics compare.
 *
 * Degenerate input: an evaluation with no rater-keyed ratings gives `[]`; an
 * unknown `instrument` gives a `Left` naming the instruments there are.
 * @param ev - a decoded evaluation.
 * @param options - `instrument` (default: all).
 * @returns `right(rows)` or `left(problems)`.
 * @example
 * // ev: ann and bob both rated Acute care's criterion 2.4.1 in r1
 * raterRatingRowsEither(ev)
 * //=> right([{ instrument: 'emhip', site: 'ss', unit: 'acute', round: 'r1', target: '2.4.1', rater: 'ann', level: 'met' },
 * //          { instrument: 'emhip', site: 'ss', unit: 'acute', round: 'r1', target: '2.4.1', rater: 'bob', level: 'partly' }])
 * raterRatingRowsEither(ev, { instrument: 'compliance' }) //=> left([{ where: 'options › instrument', … }])
 */
export const raterRatingRowsEither = (
  ev: Evaluation,
  options: RaterRatingRowsOptions = {},
): Result<RaterRatingRow[]> => {
  const all = instrumentsOf(ev)
  const wanted = options?.instrument
  if (wanted !== undefined && !all.some((f) => f.id === wanted))
    return E.left([
      problem(
        ['options', 'instrument'],
        `an instrument id of this evaluation (${showChoices(all.map((f) => f.id))})`,
        wanted,
        'reference',
        'options › instrument',
      ),
    ])
  const out: RaterRatingRow[] = []
  for (const f of all) {
    if (wanted !== undefined && f.id !== wanted) continue
    const isDefault = f === ev.framework
    const instrument = f.id as InstrumentId
    for (const site of ev.sites) {
      const push = (byRater: RatingsByRater | undefined, unit: UnitId | null): void => {
        if (byRater === undefined) return
        for (const round of Object.keys(byRater) as RoundId[]) {
          const targets = byRater[round]!
          for (const target of Object.keys(targets) as TargetId[]) {
            const raters = targets[target]!
            for (const rater of Object.keys(raters) as RaterId[])
              out.push({ instrument, site: site.id, unit, round, target, rater, level: raters[rater]!.level })
          }
        }
      }
      push(byRaterOn(site, f.id, isDefault), null)
      for (const unit of site.units) push(byRaterOn(unit, f.id, isDefault), unit.id)
    }
  }
  return E.right(out)
}

/**
 * Every rater-keyed rating (`byRater`) of an evaluation as tidy rows
 * `{ instrument, site, unit, round, target, rater, level }`, in document
 * order: instruments (default first), sites, the site's own ratings
 * (`unit: null`) then its units, rounds, targets, raters. The counted
 * (single or consensus) ratings are not rows here: they are no rater's own
 * rating. Rows of one instrument × site × unit × round × target are one
 * rated item, which is what agreement statistics compare.
 *
 * The throwing form of {@link raterRatingRowsEither}: the same result, returned directly,
 * for notebooks and scripts.
 *
 * Degenerate input: an evaluation with no rater-keyed ratings gives `[]`; an
 * unknown `instrument` throws naming the instruments there are.
 * @param ev - a decoded evaluation.
 * @param options - `instrument` (default: all).
 * @returns the rows (`RaterRatingRow[]`), as {@link raterRatingRowsEither}
 * gives it in its `Right`.
 * @throws {RealistError} when {@link raterRatingRowsEither} gives `Left`: the error's
 * `problems` are those problems, and its message lists them (`[realist-eval] raterRatingRows: …`).
 * @example
 * raterRatingRows(ev).length //=> 2
 * raterRatingRows(ev, { instrument: 'quality' }).length //=> 0 // no rater-keyed quality ratings
 */
export const raterRatingRows = (ev: Evaluation, options: RaterRatingRowsOptions = {}): RaterRatingRow[] =>
  orThrow('raterRatingRows', raterRatingRowsEither(ev, options))
