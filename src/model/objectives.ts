import * as t from 'io-ts'
import type { Id, ObjectiveId, ObjectiveTypeId } from './ids.js'
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

export const OBJECTIVE_STATUSES = ['attained', 'not-attained', 'unknown'] as const
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

/** A count: a finite, non-negative integer. NaN, Infinity, -1 and 1.5 fail. */
const CountC = new t.Type<number, number, unknown>(
  'a non-negative integer',
  (u): u is number => typeof u === 'number' && Number.isInteger(u) && u >= 0,
  (u, c) => (typeof u === 'number' && Number.isInteger(u) && u >= 0 ? t.success(u) : t.failure(u, c)),
  t.identity,
)

const idC = <K extends string>(kind: string) =>
  new t.Type<Id<K>, string, unknown>(
    `a non-empty ${kind} id`,
    (u): u is Id<K> => typeof u === 'string' && u.length > 0,
    (u, c) => (typeof u === 'string' && u.length > 0 ? t.success(u as Id<K>) : t.failure(u, c)),
    t.identity,
  )

const keyofC = <K extends string>(keys: readonly K[], name: string) =>
  t.keyof(Object.fromEntries(keys.map((k) => [k, null])) as Record<K, null>, name)

const SourceRefC = t.partial({ document: t.string, lines: t.string, page: t.string }, 'a source reference')

const AttributionC = keyofC<Attribution>([...ATTRIBUTION_LEVELS, 'na'], 'an attribution (high | medium | low | no | na)')

/** Codec of an {@link ObjectiveType}. */
export const ObjectiveTypeC: t.Type<ObjectiveType, unknown, unknown> = t.intersection(
  [
    t.type({ id: idC<'ObjectiveTypeId'>('objective type'), label: t.string }),
    t.partial({ description: t.string, ref: SourceRefC }),
  ],
  'ObjectiveType',
)

/** Codec of an {@link Objective}. */
export const ObjectiveC: t.Type<Objective, unknown, unknown> = t.intersection(
  [
    t.type({
      id: idC<'ObjectiveId'>('objective'),
      type: idC<'ObjectiveTypeId'>('objective type'),
      status: keyofC<ObjectiveStatus>(OBJECTIVE_STATUSES, 'an objective status (attained | not-attained | unknown)'),
    }),
    t.partial({ text: t.string, attribution: AttributionC, ref: SourceRefC }),
  ],
  'Objective',
)

/** Codec of an {@link ObjectiveCell}: `attained` is a count or `null` (unknown). */
export const ObjectiveCellC: t.Type<ObjectiveCell, unknown, unknown> = t.intersection(
  [
    t.type({
      type: idC<'ObjectiveTypeId'>('objective type'),
      attained: t.union([CountC, t.null], 'a non-negative integer or null (unknown)'),
      total: CountC,
    }),
    t.partial({ attribution: AttributionC, ref: SourceRefC }),
  ],
  'ObjectiveCell',
)

/** Codec of an {@link Impact}. */
export const ImpactC: t.Type<Impact, unknown, unknown> = t.intersection(
  [
    t.type({ level: keyofC<ImpactLevel | 'na'>([...IMPACT_LEVELS, 'na'], 'an impact level (none | low | medium | high | na)') }),
    t.partial({ qualifier: t.string, ref: SourceRefC }),
  ],
  'Impact',
)
