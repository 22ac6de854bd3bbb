/**
 * Standards attainment: lookups, roll-up rules, rater rules,
 * attainment with an explicit denominator policy, intervals, rounding,
 * published-figure consistency and comparison between rounds.
 * @module
 */
export { findCriterion, findStandard, getCriterion, getStandard, normaliseWording } from './lookup.js'
export { findLevel, getLevel } from './levels.js'
export type { Interval, IntervalMethod, IntervalOptions, DifferenceInterval } from './intervals/index.js'
export {
  DEFAULT_CONFIDENCE,
  NO_ESTIMATE_REASON,
  betaQuantile,
  clopperPearson,
  clopperPearsonEither,
  logGamma,
  newcombe,
  newcombeEither,
  normalQuantile,
  regularizedBeta,
  wilson,
  wilsonEither,
} from './intervals/index.js'
export {
  worstOf,
  allMetElsePartly,
  allMetElsePartlyRule,
  majority,
  majorityRule,
  meanScore,
  meanScoreRule,
  meanScoreRuleEither,
  cutPointProblems,
  customRule,
  ROLLUP_RULES,
  rollupUnit,
  rollupUnitEither,
  rollupStandard,
  rollupStandardEither,
} from './rollup.js'
export type {
  RollupRule,
  RollupDecision,
  RollupRuleName,
  StandardRating,
  AllMetElsePartlyOptions,
  MajorityOptions,
  MeanScoreOptions,
} from './rollup.js'
export {
  RatingTallyMonoid,
  emptyRatingTally,
  concatRatingTallies,
  sumRatingTallies,
  concatAllRatingTallies,
} from './tally.js'
export type { RatingTally } from './tally.js'
export { tallyRatings } from './count.js'
export type { TallyOptions } from './count.js'
export type { AttainedRule, ResolvedAttained, TotalMethod, DenominatorPolicy, ResolvedPolicy } from './policy.js'
export { DEFAULT_POLICY, policyCombinations, resolvePolicyEither, resolvePolicy } from './policy.js'
export type { AttainmentCount, StandardAttainment, GroupAttainment, ScopeAttainment } from './derive.js'
export { MEAN_NO_INTERVAL_REASON } from './derive.js'
export type { AttainmentOptions, AttainmentResult } from './attainment.js'
export { attainment, attainmentEither, attainmentScope } from './attainment.js'
export type { RoundingRule, LargestRemainderOptions } from './rounding.js'
export { largestRemainder, largestRemainderEither, roundBy, roundHalfEven, roundHalfUp } from './rounding.js'
export type { Fraction, ConsistencyOptions, PercentCheck, PublishedFigure, FigureCheck } from './consistency.js'
export {
  checkPublishedFigures,
  checkPublishedFiguresEither,
  consistentFractions,
  consistentFractionsEither,
  percentPossible,
  percentPossibleEither,
} from './consistency.js'
export type { UnitMovement, StandardChange, RoundComparison, RoundsToCompare } from './compare.js'
export { compareRounds, compareRoundsEither } from './compare.js'
export { attainmentByGroupEither, attainmentByGroup, compareGroupsEither, compareGroups } from './groups.js'
export type {
  AttainmentGrouping,
  GroupedAttainmentOptions,
  AttainmentGroupRow,
  GroupedAttainment,
  ComparedGroup,
  GroupComparison,
  GroupsToCompare,
} from './groups.js'
export type { RoundPairing, UnitMove } from './paired.js'
export type { AttainmentRow, AttainmentRowsOptions, ChangeRow } from './rows.js'
export { attainmentRows, changeRows } from './rows.js'
export { attainmentSqlEither, attainmentSql, DUCKDB } from './sql.js'
export type { AttainmentSqlOptions, SqlDialect } from './sql.js'
export {
  ratingsViewEither,
  ratingsView,
  raterRuleEither,
  raterRule,
  raterRuleName,
  levelFromRaters,
  isSiteEntity,
} from './raters.js'
export type { RaterRule, RatingsViewOptions } from './raters.js'
