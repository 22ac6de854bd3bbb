/**
 * The economic component: a cost ledger checked against the document, totals
 * and shares per site (ranges where the inputs are ranges), hidden staff time
 * under explicit non-respondent scenarios, cost per attained objective, and
 * checks of published figures (shares summing to 100 %, FTE claims).
 * @module
 */
export { costProblems, knownFunders, knownAreas, SHARE_ROUNDING_SLACK } from './validate.js'
export { costInterval, sumIntervals, shareInterval, type CostInterval } from './interval.js'
export {
  costTotalsEither,
  costTotals,
  spendSharesEither,
  spendShares,
  COST_GROUPS,
  type CostGroup,
  type CostTotalsOptions,
  type CostTotalRow,
  type SpendSharesOptions,
  type SpendShareRow,
} from './totals.js'
export { hiddenTimeEither, hiddenTime, BASE_SCENARIO, type HiddenTimeRow } from './hidden-time.js'
export { costPerAttainedObjectiveEither, costPerAttainedObjective, type CostPerObjectiveRow } from './per-objective.js'
export {
  shareSumsEither,
  shareSums,
  fteClaimEither,
  fteClaim,
  impliedNonRespondentsEither,
  impliedNonRespondents,
  type PercentColumn,
  type ShareSumsOptions,
  type ShareSumRow,
  type FteClaimOptions,
  type FteClaim,
  type ImpliedNonRespondentsOptions,
  type ImpliedNonRespondents,
} from './checks.js'
export {
  addCostEntry,
  setCostAmount,
  removeCostEntry,
  declareCostCategory,
  setSpendShare,
  setHiddenHours,
} from './edits.js'
