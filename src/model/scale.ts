import type { LevelId } from './ids.js'

/**
 * The marker for "not applicable". It is not a level of any scale: a scale may
 * not define a level with this id (the decoder refuses one).
 */
export const NOT_APPLICABLE = 'na' as const
/** The not-applicable marker, `"na"`: a rating outside the scale, left out of counts by default. */
export type NotApplicable = typeof NOT_APPLICABLE

/** One level of an ordinal rating scale. */
export interface ScaleLevel {
  readonly id: LevelId
  readonly label: string
  /** Numeric score, used by mean-score roll-ups and "partly as half" counting. */
  readonly score: number
  /** Other spellings accepted on import ("PM", "Partly-met"). Matched case-insensitively. */
  readonly aliases?: readonly string[]
}

/**
 * An ordered rating scale: `levels[0]` is the best level. Scales are data, so
 * a study with four levels (fully / almost / partly / not met) is as easy to
 * describe as E-MHIP's three.
 */
export interface RatingScale {
  readonly id: string
  readonly label: string
  readonly levels: readonly ScaleLevel[]
}
