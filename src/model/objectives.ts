import * as t from 'io-ts'
import type { ObjectiveId, ObjectiveTypeId } from './ids.js'
import { CountC, SourceRefC, StringC, idC, oneOfC, withOptional } from './codec-kit.js'
import type { SourceRef } from './framework.js'

/** A kind of objective. The MHIP default set is analysis & planning, process, outcome. */
export interface ObjectiveType {
  readonly id: ObjectiveTypeId
  readonly label: string
  readonly description?: string
  readonly ref?: SourceRef
}

/** Was attainment due to the programme? An ordinal scale, best first. */
export const ATTRIBUTION_LEVELS = ['high', 'medium', 'low', 'no'] as const
/** How far an objective's attainment is due to the programme: `'high'`, `'medium'`, `'low'` or `'no'`. */
export type AttributionLevel = (typeof ATTRIBUTION_LEVELS)[number]
/**
 * An attribution, or `"na"` (not applicable). A blank (not recorded) is the
 * absence of the field, kept apart from NA.
 */
export type Attribution = AttributionLevel | 'na'

/** Impact on service quality, an ordinal scale, lowest first. */
export const IMPACT_LEVELS = ['none', 'low', 'medium', 'high'] as const
/** A unit's impact on service quality, lowest first: `'none'`, `'low'`, `'medium'` or `'high'`. */
export type ImpactLevel = (typeof IMPACT_LEVELS)[number]
/**
 * The impact of a unit's work on service quality: a level or `'na'`, with its wording kept when the
 * source qualifies it.
 */
export interface Impact {
  readonly level: ImpactLevel | 'na'
  /** Free text kept verbatim, e.g. "None at time of MHIP; high potential". */
  readonly qualifier?: string
  readonly ref?: SourceRef
}

export const OBJECTIVE_STATUSES = ['attained', 'not-attained', 'unknown'] as const
/** Whether an objective was `'attained'`, `'not-attained'`, or is `'unknown'`. */
export type ObjectiveStatus = (typeof OBJECTIVE_STATUSES)[number]

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

// ---------------------------------------------------------------------------
// Codecs (io-ts). Shape only: cross-field rules (attained ≤ total, known
// objective type, one cell per unit × type) are in `objectiveProblems`
// (src/objectives/validate.ts), which decodeEvaluation runs after decoding.
// ---------------------------------------------------------------------------

const ObjectiveTypeIdC = idC<'ObjectiveTypeId'>('objective type id')
const AttributionC = oneOfC<Attribution>([...ATTRIBUTION_LEVELS, 'na'])

/** Codec of an {@link ObjectiveType}. */
export const ObjectiveTypeC: t.Type<ObjectiveType, unknown, unknown> = withOptional(
  { id: ObjectiveTypeIdC, label: StringC },
  { description: StringC, ref: SourceRefC },
  'an objective type',
)

/** Codec of an {@link Objective}. */
export const ObjectiveC: t.Type<Objective, unknown, unknown> = withOptional(
  {
    id: idC<'ObjectiveId'>('objective id'),
    type: ObjectiveTypeIdC,
    status: oneOfC<ObjectiveStatus>(OBJECTIVE_STATUSES),
  },
  { text: StringC, attribution: AttributionC, ref: SourceRefC },
  'an objective',
)

/** Codec of an {@link ObjectiveCell}: `attained` is a count or `null` (unknown, Table 7's `?`). */
export const ObjectiveCellC: t.Type<ObjectiveCell, unknown, unknown> = withOptional(
  {
    type: ObjectiveTypeIdC,
    attained: t.union([CountC, t.null], 'a whole number ≥ 0 or null (unknown)'),
    total: CountC,
  },
  { attribution: AttributionC, ref: SourceRefC },
  'an objective cell',
)

/** Codec of an {@link Impact}. */
export const ImpactC: t.Type<Impact, unknown, unknown> = withOptional(
  { level: oneOfC<ImpactLevel | 'na'>([...IMPACT_LEVELS, 'na']) },
  { qualifier: StringC, ref: SourceRefC },
  'an impact',
)
