/**
 * Objectives, attribution and impact: validation, aggregation (per unit, per
 * site, per type, overall, under a selectable unknown policy), tidy rows and
 * edits.
 * @module
 */
export { objectiveProblems, cellProblems } from './validate.js'
export { resolveSite, getSiteByName } from './resolve-site.js'
export { tallyMonoid, sumTallies, cellTally, objectiveTally, type ObjectiveTally } from './tally.js'
export { objectiveRecords, type ObjectiveRecordRow, type AttributionValue } from './records.js'
export {
  applyUnknownPolicy,
  UNKNOWN_POLICIES,
  DEFAULT_UNKNOWN_POLICY,
  type UnknownPolicy,
  type CountedAttainment,
} from './policy.js'
export { objectiveOptionProblems, OBJECTIVE_GROUPS, type ObjectiveGroup, type ObjectiveOptions } from './options.js'
export { objectiveGroups, type GroupColumns } from './groups.js'
export { objectiveAttainmentEither, objectiveAttainment, type ObjectiveAttainmentRow } from './attainment.js'
export { objectiveTypeSharesEither, objectiveTypeShares, type TypeShareRow, type TypeSharesOptions } from './shares.js'
export {
  impactDistributionEither,
  impactDistribution,
  attributionDistributionEither,
  attributionDistribution,
  IMPACT_VALUES,
  ATTRIBUTION_VALUES,
  type ImpactValue,
  type ImpactRow,
  type AttributionRow,
  type DistributionOptions,
} from './distribution.js'
export { formatObjectiveAttainment, formatObjectiveCount, formatShareRange, formatAttribution } from './format.js'
export {
  addObjective,
  setObjectiveStatus,
  setObjectiveCell,
  removeObjectiveCell,
  setImpact,
  addObjectiveType,
  type UnitRef,
} from './edits.js'
export {
  objectiveAttainmentByGroupEither,
  objectiveAttainmentByGroup,
  type ObjectiveGroupOptions,
  type ObjectiveGroupRow,
} from './by-group.js'
