/**
 * Qualitative evidence at research scale: quote registers read as they
 * stand, a strict attribution parser, informants keyed by role and site,
 * integrity checks that report each defect with its line, and counts and
 * triangulation that list the labels behind every figure.
 * @module
 */
export {
  parseAttributionEither,
  parseAttribution,
  siteKey,
  type ParsedAttribution,
  type AttributionShape,
  type AttributionRepair,
  type AttributionErrorKind,
  type AttributionProblem,
  type AttributionSite,
  type ParseAttributionOptions,
} from './attribution.js'
export {
  informantKey,
  normaliseExcerptText,
  type QuoteRegister,
  type RegisterEntry,
  type RoleGroupRule,
  type RegisterContext,
} from './register.js'
export {
  registerProblemsEither,
  registerProblems,
  REGISTER_FINDING_KINDS,
  type RegisterFinding,
  type RegisterFindingKind,
  type BodyReference,
  type RegisterCheckOptions,
} from './integrity.js'
export {
  registerCountsEither,
  registerCounts,
  mostQuotedEither,
  mostQuoted,
  registerTriangulationEither,
  registerTriangulation,
  type RegisterDimension,
  type RegisterCountRow,
  type RegisterCountsOptions,
  type QuotedInformantRow,
  type MostQuotedOptions,
  type TriangulationSupport,
  type RegisterTriangulationRow,
  type RegisterTriangulationOptions,
} from './counts.js'
export {
  addRegisterEither,
  addRegister,
  registerOf,
  evidenceFindings,
  evaluationSites,
  type AddRegisterOptions,
  type RegisterAdded,
  type RegisterOfOptions,
} from './document.js'
