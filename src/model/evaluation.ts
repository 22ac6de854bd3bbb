import type { RoundId, SiteId, UnitId } from './ids.js'
import type { Framework, SourceRef } from './framework.js'
import type { RoundRatings } from './ratings.js'
import type { Objective, ObjectiveCell, ObjectiveType, Impact } from './objectives.js'
import type { EvidenceSource, Excerpt, Informant, StakeholderGroup } from './evidence.js'
import type { CmoElement, Configuration, ProgrammeTheory } from './cmo.js'
import type { CostLedger } from './costs.js'
import type { AttributeDefinition, AttributeValues } from './attributes.js'
import type { Observation } from './observations.js'
import type { Extensions, Instrument, Rater, RatingsByInstrument, RatingsByRater } from './instruments.js'

/**
 * The current schema version. Documents carry it in `schemaVersion`.
 * Version 1 documents are still read (`decodeEvaluation` upgrades them: a
 * version 1 document is a version 2 document without instruments, raters,
 * site ratings or extensions).
 */
export const SCHEMA_VERSION = 2 as const

/** The schema versions `decodeEvaluation` reads. */
export const READABLE_SCHEMA_VERSIONS: readonly number[] = [1, 2]

/** A rating round (baseline, follow-up), optionally dated. */
export interface Round {
  readonly id: RoundId
  readonly label: string
  readonly date?: string
}

/** A rated unit (E-MHIP: a workstream). It may stand for several sub-units. */
export interface Unit {
  readonly id: UnitId
  readonly name: string
  readonly aliases?: readonly string[]
  /** Set when one unit aggregates others, e.g. South West Yorkshire's one workstream covering nine. */
  readonly subUnits?: { readonly count: number; readonly names?: readonly string[]; readonly note?: string }
  /** Ratings keyed by round id, then by standard or criterion id. */
  readonly ratings: Readonly<Record<RoundId, RoundRatings>>
  readonly objectives: readonly Objective[]
  readonly objectiveCells: readonly ObjectiveCell[]
  readonly impact?: Impact
  readonly ref?: SourceRef
  /** Values of the evaluation's unit attributes (`Evaluation.attributes`), by attribute id. */
  readonly attributes?: AttributeValues
  /** Each rater's own ratings on the default instrument, beside the counted `ratings`. */
  readonly byRater?: RatingsByRater
  /** Ratings on the further instruments (`Evaluation.instruments`), keyed by instrument id. */
  readonly instrumentRatings?: RatingsByInstrument
  /** Users' own data, kept untouched. */
  readonly extensions?: Extensions
}

/** A pilot site, with the other names it goes by (SSHT, South Staffs, ...). */
export interface Site {
  readonly id: SiteId
  readonly name: string
  readonly aliases: readonly string[]
  readonly units: readonly Unit[]
  /** Values of the evaluation's site attributes (`Evaluation.attributes`), by attribute id. */
  readonly attributes?: AttributeValues
  /**
   * Ratings of the site (organisation) as a whole on the default instrument,
   * keyed by round id, then by standard or criterion id. Attainment counts
   * them as one more rated entity of the site, beside its units.
   */
  readonly ratings?: Readonly<Record<RoundId, RoundRatings>>
  /** Each rater's own ratings of the site as a whole, on the default instrument. */
  readonly byRater?: RatingsByRater
  /** Ratings of the site as a whole on the further instruments. */
  readonly instrumentRatings?: RatingsByInstrument
  /** Users' own data, kept untouched. */
  readonly extensions?: Extensions
}

/** The programme evaluated: an id, its name and an optional description. */
export interface Programme {
  readonly id: string
  readonly name: string
  readonly description?: string
}

/**
 * The evaluation document: one typed, serialisable value that holds a whole
 * realist evaluation. Decode it with `decodeEvaluation`, edit it with the
 * edit functions, aggregate it with the standards and objectives modules.
 */
export interface Evaluation {
  readonly schemaVersion: typeof SCHEMA_VERSION
  readonly title: string
  readonly programme: Programme
  /** The default rating instrument: ratings that name no instrument are on it. */
  readonly framework: Framework
  /** Further rating instruments, each with its own scale (ids unique, and distinct from `framework.id`). */
  readonly instruments?: readonly Instrument[]
  /** The raters that `byRater` ratings name. */
  readonly raters?: readonly Rater[]
  readonly rounds: readonly Round[]
  readonly sites: readonly Site[]
  readonly objectiveTypes: readonly ObjectiveType[]
  readonly stakeholderGroups: readonly StakeholderGroup[]
  readonly informants: readonly Informant[]
  readonly sources: readonly EvidenceSource[]
  readonly excerpts: readonly Excerpt[]
  readonly elements: readonly CmoElement[]
  readonly configurations: readonly Configuration[]
  readonly theories: readonly ProgrammeTheory[]
  /** The economic component: costs by site, funder and area, and hidden staff time (optional). */
  readonly costs?: CostLedger
  /** Attributes that sites and units carry (declared once here; values on each site or unit). Default none. */
  readonly attributes?: readonly AttributeDefinition[]
  /** Statements with no level, kept and reported but never counted. Default none. */
  readonly observations?: readonly Observation[]
  /** Users' own data, kept untouched. */
  readonly extensions?: Extensions
}
