/**
 * The model: the types of the whole document, ids, problems and the constants
 * of its vocabularies. The codecs of the document's shape, and the parts to build
 * more of them, are in the `realist-eval/codec` subpath.
 * @module
 */
export type {
  Id,
  SiteId,
  UnitId,
  RoundId,
  SectionId,
  StandardId,
  CriterionId,
  TargetId,
  LevelId,
  ObjectiveTypeId,
  ObjectiveId,
  StakeholderGroupId,
  InformantId,
  SourceId,
  ExcerptId,
  ElementId,
  ConfigurationId,
  TheoryId,
  InstrumentId,
  RaterId,
} from './ids.js'
export type { Problem, ProblemCode, Result } from './problem.js'
export type { NotApplicable, ScaleLevel, RatingScale } from './scale.js'
export type { SourceRef, WordingVariant, Criterion, Standard, Section, Framework } from './framework.js'
export type { Rating, RoundRatings } from './ratings.js'
export type {
  Instrument,
  Rater,
  Extensions,
  RaterRoundRatings,
  RatingsByRater,
  InstrumentRatings,
  RatingsByInstrument,
} from './instruments.js'
export type { RaterRatingRow, RaterRatingRowsOptions } from './rater-rows.js'
export type {
  ObjectiveType,
  AttributionLevel,
  Attribution,
  ImpactLevel,
  Impact,
  ObjectiveStatus,
  Objective,
  ObjectiveCell,
} from './objectives.js'
export type {
  StakeholderGroup,
  Informant,
  SourceKind,
  EvidenceSource,
  Stance,
  EvidenceLink,
  ExcerptKind,
  Excerpt,
} from './evidence.js'
export type {
  ElementRole,
  ContextFields,
  MechanismFields,
  Valence,
  OutcomeFields,
  RoleFields,
  RoleChange,
  Context,
  Mechanism,
  Outcome,
  CmoElement,
  ConfigurationStatus,
  StatusChange,
  Direction,
  Scope,
  Configuration,
  ConfigurationSnapshot,
  ElementSnapshot,
  TheoryVersion,
  ProgrammeTheory,
} from './cmo.js'
export type { Round, Unit, Site, Programme, Evaluation } from './evaluation.js'
export type {
  CostKind,
  CostAmount,
  CostCategory,
  CostEntry,
  SpendShare,
  HiddenHours,
  SurveyResponse,
  UnitCost,
  NonRespondentScenario,
  ContractedHours,
  HiddenTime,
  CostLedger,
} from './costs.js'
export type { CodedValidationError, WithOptionalOptions } from './codec-kit.js'
export type { RatingContext, RaterRecordNode, ErrorBudget } from './codec-ratings.js'
export type { DecodeLimits } from './codec-limits.js'
export type { EntityContext, DecodeOptions, DocumentCheck } from './codec.js'
export type { NewEvaluationInput } from './new-evaluation.js'
export type { BandId, BandEnd, Band } from './bands.js'
export type {
  AttributeId,
  AttributeTarget,
  AttributeKind,
  CategoricalAttribute,
  OrdinalAttribute,
  NumericAttribute,
  DateAttribute,
  AttributeDefinition,
  AttributeValue,
  AttributeValues,
} from './attributes.js'
export type { ObservationId, Observation } from './observations.js'
export type { AttributeWhere, AttributeRow, EntityGrouping, EntityRef, EntityGroup } from './attribute-values.js'
export type { OptionRule } from './options.js'
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
