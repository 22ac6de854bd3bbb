/**
 * The codec kit: the io-ts codecs of the document's shape (`EvaluationC`, `FrameworkC`,
 * …), the building blocks they are made of (`closedC`, `withOptional`, `idC`, …),
 * the problem builders and the input limits. For tools that decode parts of a
 * document, or extend it; `decodeEvaluation` and `parseEvaluation` in the root
 * entry are what most users call.
 * @module
 */
export { MAX_LISTED_NAMES, appendAll, problem, showList, showName, showPath, showValue } from './model/problem.js'
export { ImpactC, ObjectiveC, ObjectiveCellC, ObjectiveTypeC } from './model/objectives.js'
export { EvidenceLinkC, EvidenceSourceC, ExcerptC, InformantC, StakeholderGroupC } from './model/evidence.js'
export {
  CmoElementC,
  ConfigurationC,
  ConfigurationSnapshotC,
  ProgrammeTheoryC,
  RoleChangeC,
  StatusChangeC,
  TheoryVersionC,
} from './model/cmo.js'
export {
  CostAmountC,
  CostCategoryC,
  CostEntryC,
  CostLedgerC,
  HiddenHoursC,
  NonNegativeC,
  ProportionC,
  SpendShareC,
} from './model/costs.js'
export {
  BooleanC,
  CountC,
  ExtensionsC,
  FiniteNumberC,
  NonEmptyStringC,
  RESERVED_KEYS,
  SourceRefC,
  StringC,
  closedC,
  countProblems,
  describePath,
  editDistance,
  fail,
  idC,
  isRecordLike,
  leafC,
  nearestKey,
  nullProtoRecordC,
  oneOfC,
  problemsFromErrors,
  problemsFromErrorsUpTo,
  unknownKeyMessage,
  withOptional,
} from './model/codec-kit.js'
export {
  CriterionC,
  CriterionIdC,
  FrameworkC,
  LevelIdC,
  RatingScaleC,
  ScaleLevelC,
  SectionC,
  SectionIdC,
  StandardC,
  StandardIdC,
  WordingVariantC,
  frameworkTargets,
} from './model/codec-framework.js'
export {
  RATING_FIELDS,
  encodeByRater,
  encodeRatings,
  raterRatingsC,
  ratingContext,
  unitRatingsC,
} from './model/codec-ratings.js'
export {
  PROTO_KEY_EXPECTED,
  isRatingsPath,
  isUnitRatingsPath,
  limitProblems,
  resolveLimits,
} from './model/codec-limits.js'
export { MAX_DUPLICATES_LISTED, documentProblems } from './model/codec-checks.js'
export {
  DEFAULT_MAX_PROBLEMS,
  EVALUATION_FIELDS,
  EvaluationC,
  ProgrammeC,
  RaterC,
  RoundC,
  RoundIdC,
  SiteIdC,
  UnitIdC,
  decodeEvaluationWith,
  evaluationC,
  instrumentRatingsC,
  parseJson,
  siteC,
  unitC,
} from './model/codec.js'
export { BandC, bandProblems } from './model/bands.js'
export {
  AttributeDefinitionC,
  AttributeDefinitionsC,
  AttributeIdC,
  AttributeValueC,
  AttributeValuesC,
  expectedValue,
  isIsoDate,
  valueFits,
} from './model/attributes.js'
export { ObservationC, ObservationsC } from './model/observations.js'
export { PROTO_KEY, copyData, hasOwn, ownValue, protoKeyPath } from './model/own.js'
export { evaluationArgProblems, integerAtLeast, listArgProblems, optionProblems } from './model/options.js'
export { argsLimitProblems } from './edit/define.js'
export type { FrameworkLayout } from './model/rating-codes.js'
