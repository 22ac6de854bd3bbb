/**
 * Goal attainment scaling: goals per unit on the five-point scale −2…+2,
 * weighted, and the Kiresuk-Sherman T-score per unit, site, group or overall,
 * read beside the objectives' attainment.
 * @module
 */
export {
  gasTScoreEither,
  gasTScore,
  GAS_LEVELS,
  DEFAULT_RHO,
  MISSING_POLICIES,
  type GasLevel,
  type MissingPolicy,
  type ScoredGoal,
  type TScoreOptions,
  type TScore,
} from './tscore.js'
export {
  gasWeight,
  gasGoalProblems,
  gasScoresEither,
  gasScores,
  gasWithAttainmentEither,
  gasWithAttainment,
  GAS_GROUPS,
  type GasGoal,
  type GasGrouping,
  type GasScoresOptions,
  type GasScoreRow,
  type GasAttainmentRow,
} from './goals.js'
