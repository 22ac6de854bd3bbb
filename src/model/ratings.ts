import type { ExcerptId, LevelId, TargetId } from './ids.js'
import type { NotApplicable } from './scale.js'
import type { Extensions } from './instruments.js'

/**
 * One rating of one unit against one standard or criterion, in one round.
 * "Unrated" is the absence of a rating, never a value.
 */
export interface Rating {
  /** A level id of the framework's scale, or the not-applicable marker `"na"`. */
  readonly level: LevelId | NotApplicable
  /** ISO 8601 date of the rating. */
  readonly date?: string
  /** Free text naming who rated (version 1). Rater-keyed ratings are in `byRater`, keyed by declared rater id. */
  readonly rater?: string
  /** Excerpts that support the rating. */
  readonly evidence?: readonly ExcerptId[]
  readonly note?: string
  /** Users' own data, kept untouched. */
  readonly extensions?: Extensions
}

/**
 * Ratings of one unit in one round, keyed by standard or criterion id.
 * Keyed rather than listed so that a target cannot be rated twice, and so that
 * an edit copies only one unit's small object (immer structural sharing).
 * Decoded documents use null-prototype objects, so `__proto__` is a plain key.
 */
export type RoundRatings = Readonly<Record<TargetId, Rating>>
