import type { ObjectiveId, ObjectiveTypeId } from './ids.js'
import type { SourceRef } from './framework.js'

/** A kind of objective. The MHIP default set is analysis & planning, process, outcome. */
export interface ObjectiveType {
  readonly id: ObjectiveTypeId
  readonly label: string
}

/** Was attainment due to the programme? An ordinal scale, best first. */
export const ATTRIBUTION_LEVELS = ['high', 'medium', 'low', 'no'] as const
export type AttributionLevel = (typeof ATTRIBUTION_LEVELS)[number]
/**
 * An attribution, or `"na"` (not applicable). A blank (not recorded) is the
 * absence of the field, kept apart from NA.
 */
export type Attribution = AttributionLevel | 'na'

/** Impact on service quality, an ordinal scale, lowest first. */
export const IMPACT_LEVELS = ['none', 'low', 'medium', 'high'] as const
export type ImpactLevel = (typeof IMPACT_LEVELS)[number]
export interface Impact {
  readonly level: ImpactLevel | 'na'
  /** Free text kept verbatim, e.g. "None at time of MHIP; high potential". */
  readonly qualifier?: string
  readonly ref?: SourceRef
}

export type ObjectiveStatus = 'attained' | 'not-attained' | 'unknown'

/** One objective, when the data names objectives one by one. */
export interface Objective {
  readonly id: ObjectiveId
  readonly type: ObjectiveTypeId
  readonly status: ObjectiveStatus
  readonly text?: string
  readonly attribution?: Attribution
  readonly ref?: SourceRef
}

/**
 * A unit × type cell recorded only as counts, because that is all a report
 * such as E-MHIP's Table 7 gives. `attained: null` is an unknown numerator
 * (Table 7's `?/2`). A cell and individual objectives of the same type may not
 * both exist for one unit.
 */
export interface ObjectiveCell {
  readonly type: ObjectiveTypeId
  readonly attained: number | null
  readonly total: number
  readonly attribution?: Attribution
  readonly ref?: SourceRef
}
