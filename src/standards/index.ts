/**
 * Standards attainment: lookups, roll-up rules, rater rules,
 * attainment with an explicit denominator policy, intervals, rounding,
 * published-figure consistency and comparison between rounds.
 * @module
 */
export * from './lookup.js'
export * from './levels.js'
export * from './intervals/index.js'
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
export type { RollupRule, RollupDecision, RollupRuleName, StandardRating, AllMetElsePartlyOptions, MajorityOptions, MeanScoreOptions } from './rollup.js'
export { RatingTallyMonoid, emptyRatingTally, concatRatingTallies, sumRatingTallies, concatAllRatingTallies } from './tally.js'
export type { RatingTally } from './tally.js'
export { tallyRatings } from './count.js'
export type { TallyOptions } from './count.js'
export * from './policy.js'
export type { AttainmentCount, StandardAttainment, GroupAttainment, ScopeAttainment } from './derive.js'
export { MEAN_NO_INTERVAL_REASON } from './derive.js'
export * from './attainment.js'
export * from './rounding.js'
export * from './consistency.js'
export * from './compare.js'
export { attainmentByGroupEither, attainmentByGroup, compareGroupsEither, compareGroups } from './groups.js'
export type { AttainmentGrouping, GroupedAttainmentOptions, AttainmentGroupRow, GroupedAttainment, ComparedGroup, GroupComparison, GroupsToCompare } from './groups.js'
export type { RoundPairing, UnitMove } from './paired.js'
export * from './rows.js'
export { attainmentSqlEither, attainmentSql, DUCKDB } from './sql.js'
export type { AttainmentSqlOptions, SqlDialect } from './sql.js'
export { ratingsViewEither, raterRuleEither, raterRuleName, levelFromRaters, isSiteEntity } from './raters.js'
export type { RaterRule, RatingsViewOptions } from './raters.js'
