/**
 * The model: the types of the whole document, ids, problems and the constants
 * of its vocabularies. The codecs of the document's shape, and the parts to build
 * more of them, are in the `realist-eval/codec` subpath.
 * @module
 */
export type * from './ids.js'
export type * from './problem.js'
export type * from './scale.js'
export type * from './framework.js'
export type * from './ratings.js'
export type * from './instruments.js'
export type * from './rater-rows.js'
export type * from './objectives.js'
export type * from './evidence.js'
export type * from './cmo.js'
export type * from './evaluation.js'
export type * from './costs.js'
export type * from './codec-kit.js'
export type * from './codec-framework.js'
export type * from './codec-ratings.js'
export type * from './codec-limits.js'
export type * from './codec-checks.js'
export type * from './codec.js'
export type * from './new-evaluation.js'
export type * from './bands.js'
export type * from './attributes.js'
export type * from './observations.js'
export type * from './attribute-checks.js'
export type * from './attribute-values.js'
export type * from './own.js'
export type * from './options.js'
export { asId } from './ids.js'
export { RealistError, isRealistError, formatProblem, formatProblems, orThrow, MAX_LISTED_PROBLEMS } from './problem.js'
export { NOT_APPLICABLE } from './scale.js'
export { instrumentsOf } from './instruments.js'
export { raterRatingRows, raterRatingRowsEither } from './rater-rows.js'
export { ATTRIBUTION_LEVELS, IMPACT_LEVELS, OBJECTIVE_STATUSES } from './objectives.js'
export { EXCERPT_KINDS, SOURCE_KINDS, STANCES } from './evidence.js'
export { CONFIGURATION_STATUSES, DIRECTIONS, ELEMENT_ROLES, VALENCES } from './cmo.js'
export { READABLE_SCHEMA_VERSIONS, SCHEMA_VERSION } from './evaluation.js'
export { BUILTIN_AREAS, BUILTIN_COST_LABELS, BUILTIN_FUNDERS, COST_KINDS } from './costs.js'
export { DEFAULT_LIMITS } from './codec-limits.js'
export { encodeEvaluation } from './codec.js'
export { newEvaluation } from './new-evaluation.js'
export { bandOf, inBand } from './bands.js'
export { attributeProblems, observationProblems } from './attribute-checks.js'
export {
  NO_VALUE_LABEL,
  attributeRows,
  attributeValue,
  attributeValueEither,
  entityKeys,
  groupEntities,
  groupEntitiesEither,
  onlyEntities,
  ratedAsWhole,
  ratedEntities,
} from './attribute-values.js'
