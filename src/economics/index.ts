/**
 * The economic component: a cost ledger checked against the document, totals
 * and shares per site (ranges where the inputs are ranges), hidden staff time
 * under explicit non-respondent scenarios, cost per attained objective, and
 * checks of published figures (shares summing to 100 %, FTE claims).
 * @module
 */
export { costProblems, knownFunders, knownAreas, SHARE_ROUNDING_SLACK } from './validate.js'
