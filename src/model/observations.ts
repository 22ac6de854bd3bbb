/**
 * Observations: statements about a site, a unit or a standard that carry no
 * level ("improvements noted", "placed in special measures"). They are kept
 * as records of their own, shown in reports and exported, and never counted.
 * @module
 */
import * as t from 'io-ts'
import { NonEmptyStringC, StringC, idC, withOptional } from './codec-kit.js'
import type { Id, RoundId, SiteId, TargetId, UnitId } from './ids.js'

/** The id of an observation. */
export type ObservationId = Id<'ObservationId'>

/**
 * A statement with no level. It is about a site, or a unit of that site, and
 * may name the standard or criterion and the round it concerns.
 */
export interface Observation {
  readonly id: ObservationId
  readonly site: SiteId
  /** The unit, when the statement is about one unit rather than the whole site. */
  readonly unit?: UnitId
  /** The standard or criterion it concerns, if any (an id of the framework). */
  readonly target?: TargetId
  readonly round?: RoundId
  /** ISO 8601 date of the statement. */
  readonly date?: string
  /** Where it comes from, in words ("CQC inspection report, March 2019"). */
  readonly source?: string
  /** The statement itself. */
  readonly text: string
}

/**
 * Codec of an {@link Observation}: an id, a site, a non-empty text, and
 * optional unit, target, round, date and source (references are checked over
 * the whole document by `observationProblems`).
 * @example
 * ObservationC.decode({ id: 'o1', site: 'ss', text: 'Placed in special measures' }) //=> right(…)
 * ObservationC.decode({ id: 'o1', site: 'ss', text: '' }) //=> left(…) // … text: expected a non-empty string, found ""
 */
export const ObservationC: t.Type<Observation, unknown, unknown> = withOptional(
  { id: idC<'ObservationId'>('observation id'), site: idC<'SiteId'>('site id'), text: NonEmptyStringC },
  {
    unit: idC<'UnitId'>('unit id'),
    target: idC<'StandardId'>('standard or criterion id') as unknown as t.Type<TargetId, string, unknown>,
    round: idC<'RoundId'>('round id'),
    date: StringC,
    source: StringC,
  },
  'an observation',
)

/** Codec of the list of observations. */
export const ObservationsC = t.readonlyArray(ObservationC, 'a list of observations')
