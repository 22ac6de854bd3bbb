/**
 * Instruments, raters and rated entities: the parts of the document that let
 * one evaluation hold several rating instruments (each a framework with its
 * own scale), several raters per item, and ratings of a site as a whole.
 *
 * Storage (see docs/document.md):
 * - `unit.ratings[round][target]` (and `site.ratings`) holds the ratings of the
 *   default instrument (`ev.framework`) that attainment counts: a single
 *   rater's rating, or the consensus rating when several raters rated.
 * - `unit.byRater[round][target][rater]` holds each rater's own rating of the
 *   default instrument, beside the counted one, so the counting path and its
 *   byte codes are unchanged.
 * - `unit.instrumentRatings[instrument]` holds the same two records for each
 *   further instrument (`ev.instruments`).
 * @module
 */
import type { InstrumentId, RaterId, RoundId, TargetId } from './ids.js'
import type { Framework } from './framework.js'
import type { Rating, RoundRatings } from './ratings.js'

/**
 * A rating instrument: a framework (sections → standards → criteria) rated on
 * its own scale. The evaluation's `framework` is the default instrument;
 * `instruments` lists the others.
 */
export type Instrument = Framework

/** A rater (assessor, reviewer), declared once per evaluation. */
export interface Rater {
  readonly id: RaterId
  readonly name: string
  /** Free text: "lead assessor", "peer reviewer". */
  readonly role?: string
  /** Users' own data, kept untouched. */
  readonly extensions?: Extensions
}

/**
 * Users' own data, kept and written back untouched. Every object of the
 * document that users annotate (the document, sites, units, ratings, raters)
 * accepts an `extensions` object; any other unknown field is refused.
 */
export type Extensions = Readonly<Record<string, unknown>>

/** Each rater's own rating of one round: target id → rater id → rating. */
export type RaterRoundRatings = Readonly<Record<TargetId, Readonly<Record<RaterId, Rating>>>>

/** Each rater's own ratings of a rated entity: round id → target id → rater id → rating. */
export type RatingsByRater = Readonly<Record<RoundId, RaterRoundRatings>>

/** A rated entity's ratings on one instrument. */
export interface InstrumentRatings {
  /** The ratings attainment counts (single-rater or consensus): round id → target id → rating. */
  readonly ratings: Readonly<Record<RoundId, RoundRatings>>
  /** Each rater's own rating: round id → target id → rater id → rating. */
  readonly byRater?: RatingsByRater
}

/** Ratings on the further instruments, keyed by instrument id. */
export type RatingsByInstrument = Readonly<Record<InstrumentId, InstrumentRatings>>

/**
 * Every instrument of an evaluation: the default one (`framework`) first,
 * then the further ones (`instruments`).
 * @param ev - an evaluation (version 1 or 2).
 * @returns the instruments, default first.
 * @example
 * instrumentsOf(mhipEvaluation).map((f) => f.id) //=> ['emhip']
 */
export const instrumentsOf = (ev: {
  readonly framework: Framework
  readonly instruments?: readonly Instrument[]
}): readonly Instrument[] =>
  ev.instruments === undefined || ev.instruments.length === 0 ? [ev.framework] : [ev.framework, ...ev.instruments]
