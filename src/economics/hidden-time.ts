/**
 * Hidden staff time under explicit non-respondent scenarios: hours, full-time
 * equivalents and cost per site, every figure labelled with its scenario.
 * @module
 */
import * as E from '../model/either.js'
import type { Evaluation } from '../model/evaluation.js'
import type { HiddenTime, NonRespondentScenario, SurveyResponse, UnitCost } from '../model/costs.js'
import { orThrow, problem, type Problem, type Result } from '../model/problem.js'
import { costProblems } from './validate.js'

/** The scenario used when a ledger names none: the base case, non-respondents spent 0 hours. */
export const BASE_SCENARIO: NonRespondentScenario = {
  id: 'base',
  label: 'Base case: non-respondents spent no time',
  hoursEach: 0,
}

/** Hidden time at one site under one scenario. `null` = unknown; a `high` of `null` = no upper bound. */
export interface HiddenTimeRow {
  readonly site: string
  /** The id of the assumption about non-respondents' hours. */
  readonly scenario: string
  readonly scenarioLabel: string
  /** Hours each non-respondent is assumed to have given under the scenario. */
  readonly hoursEach: number
  /** Hours the respondents reported (all bands); `null` when a band's hours were not reported. */
  readonly respondentHours: number | null
  /** Non-respondents at the site, from the survey's counts or its response rate; `null` when they cannot be known. */
  readonly nonRespondents: number | null
  /** Hidden hours at the site, low end: the respondents' hours plus what the scenario gives the non-respondents (none when that is unknown). */
  readonly hoursLow: number | null
  /** Hidden hours, high end; null when the scenario leaves the non-respondents' hours unbounded or unknown. */
  readonly hoursHigh: number | null
  /** Hours over the contracted hours of one full-time post; `null` without contracted hours. */
  readonly fteLow: number | null
  /** High end of the hours in full-time posts. */
  readonly fteHigh: number | null
  /** Hours priced at the bands' unit costs; `null` without unit costs. */
  readonly costLow: number | null
  /** High end of the priced hours. */
  readonly costHigh: number | null
  /** ISO 4217 currency code of the costs; null without unit costs. */
  readonly currency: string | null
  /** The contracted hours per year the FTEs use. */
  readonly contractedHours: number | null
}

/**
 * Non-respondents at a site: invited − responded when both are counted (the
 * site's survey, else the all-sites one only if it is the site's own),
 * else responded × (1 − r) / r with the site's response rate or the
 * all-sites one.
 */
const nonRespondentsAt = (site: string, surveys: readonly SurveyResponse[]): number | null => {
  const own = surveys.find((s) => s.site === site)
  if (own?.invited !== undefined && own.responded !== undefined) return own.invited - own.responded
  const overall = surveys.find((s) => s.site === undefined)
  const rate =
    own?.responseRate ?? (own?.invited !== undefined && own.responded !== undefined ? undefined : overall?.responseRate)
  if (own?.responded !== undefined && rate !== undefined && rate > 0) return (own.responded * (1 - rate)) / rate
  return null
}

const costRange = (unitCosts: readonly UnitCost[], band: string | undefined): { low: number; high: number } | null => {
  if (unitCosts.length === 0) return null
  const rates =
    band === undefined
      ? unitCosts.map((u) => u.perHour)
      : unitCosts.filter((u) => u.band === band).map((u) => u.perHour)
  return { low: Math.min(...rates), high: Math.max(...rates) }
}

/**
 * Hidden staff time per site under each non-respondent scenario:
 * - hours = the respondents' reported hours + non-respondents × the
 *   scenario's hours each. With 0 hours each (the base case) the
 *   non-respondents do not matter; otherwise, when their number cannot be
 *   known (no counts, or no respondent count beside a response rate), the
 *   total has no upper bound (`hoursHigh: null`);
 * - FTE = hours / the ledger's contracted hours per year (`null` without it);
 * - cost = each band's hours × its unit cost, and the non-respondents' hours
 *   at the scenario's band or, without one, from the cheapest to the dearest
 *   band (`null` without unit costs).
 * A site whose reported hours are unknown (Table 8's `--`) has every figure
 * `null`. Sites come in the order of the ledger's hours, scenarios in the
 * ledger's order (the base case alone when it names none).
 *
 * Degenerate input: no hidden time gives `[]`; a ledger with problems
 * (`costProblems`) or unit costs in several currencies gives a `Left`.
 * @param ev the evaluation (not mutated)
 * @returns one row per site × scenario
 * @example
 * hiddenTimeEither({ ...mhipEvaluation, costs: mhipCostLedger }).right.filter((r) => r.site === 'leicestershire')
 * //=> [{ scenario: 'base', hoursLow: 1650, hoursHigh: 1650, … }, { scenario: 'twelve-hours', hoursLow: 1650, hoursHigh: null, … }]
 */
export const hiddenTimeEither = (ev: Evaluation): Result<HiddenTimeRow[]> => {
  if (typeof ev !== 'object' || ev === null)
    return E.left([problem([], 'an evaluation document', ev, 'shape', 'hiddenTime › evaluation')])
  const problems: Problem[] = costProblems(ev)
  const hidden: HiddenTime | undefined = ev.costs?.hiddenTime
  if (hidden === undefined) return problems.length > 0 ? E.left(problems) : E.right([])
  const unitCosts = hidden.unitCosts ?? []
  unitCosts.forEach((u, i) => {
    if (u.currency !== unitCosts[0]!.currency)
      problems.push(
        problem(
          ['costs', 'hiddenTime', 'unitCosts', i, 'currency'],
          `one currency for every unit cost (${unitCosts[0]!.currency})`,
          u.currency,
          'consistency',
          `costs › unit cost ${u.band}`,
        ),
      )
  })
  if (problems.length > 0) return E.left(problems)
  const scenarios = hidden.scenarios !== undefined && hidden.scenarios.length > 0 ? hidden.scenarios : [BASE_SCENARIO]
  const surveys = hidden.surveys ?? []
  const contracted = hidden.contractedHours?.perYear ?? null
  const currency = unitCosts[0]?.currency ?? null
  const sites: string[] = []
  for (const h of hidden.hours) if (!sites.includes(h.site)) sites.push(h.site)
  const rows: HiddenTimeRow[] = []
  for (const site of sites) {
    const bands = hidden.hours.filter((h) => h.site === site)
    const known = bands.every((h) => h.hours !== null)
    const respondentHours = known ? bands.reduce((s, h) => s + h.hours!, 0) : null
    const respondentCost =
      unitCosts.length === 0 || !known
        ? null
        : bands.reduce((s, h) => s + h.hours! * unitCosts.find((u) => u.band === h.band)!.perHour, 0)
    const nonRespondents = nonRespondentsAt(site, surveys)
    for (const sc of scenarios) {
      const extra = sc.hoursEach === 0 ? 0 : nonRespondents === null ? null : nonRespondents * sc.hoursEach
      const hoursLow = respondentHours === null ? null : respondentHours + (extra ?? 0)
      const hoursHigh = respondentHours === null || extra === null ? null : respondentHours + extra
      const rate = costRange(unitCosts, sc.band)
      const costLow = respondentCost === null || rate === null ? null : respondentCost + (extra ?? 0) * rate.low
      const costHigh =
        respondentCost === null || rate === null || extra === null ? null : respondentCost + extra * rate.high
      const fte = (h: number | null) => (h === null || contracted === null ? null : h / contracted)
      rows.push({
        site,
        scenario: sc.id,
        scenarioLabel: sc.label,
        hoursEach: sc.hoursEach,
        respondentHours,
        nonRespondents,
        hoursLow,
        hoursHigh,
        fteLow: fte(hoursLow),
        fteHigh: fte(hoursHigh),
        costLow,
        costHigh,
        currency,
        contractedHours: contracted,
      })
    }
  }
  return E.right(rows)
}

/**
 * Hidden staff time per site under each non-respondent scenario:
 * - hours = the respondents' reported hours + non-respondents × the
 *   scenario's hours each. With 0 hours each (the base case) the
 *   non-respondents do not matter; otherwise, when their number cannot be
 *   known (no counts, or no respondent count beside a response rate), the
 *   total has no upper bound (`hoursHigh: null`);
 * - FTE = hours / the ledger's contracted hours per year (`null` without it);
 * - cost = each band's hours × its unit cost, and the non-respondents' hours
 *   at the scenario's band or, without one, from the cheapest to the dearest
 *   band (`null` without unit costs).
 * A site whose reported hours are unknown (Table 8's `--`) has every figure
 * `null`. Sites come in the order of the ledger's hours, scenarios in the
 * ledger's order (the base case alone when it names none).
 *
 * The throwing form of {@link hiddenTimeEither}: the same result, returned directly,
 * for notebooks and scripts.
 *
 * Degenerate input: no hidden time gives `[]`; a ledger with problems
 * (`costProblems`) or unit costs in several currencies throws.
 * @param ev the evaluation (not mutated)
 * @returns the result (`HiddenTimeRow[]`), as {@link hiddenTimeEither}
 * gives it in its `Right`.
 * @throws {RealistError} when {@link hiddenTimeEither} gives `Left`: the error's
 * `problems` are those problems, and its message lists them (`[realist-eval] hiddenTime: …`).
 * @example
 * hiddenTime({ ...mhipEvaluation, costs: mhipCostLedger }).filter((r) => r.scenario === 'base').map((r) => r.respondentHours)
 * //=> [1290, 1650, null, 2690]
 */
export const hiddenTime = (ev: Evaluation): HiddenTimeRow[] => orThrow('hiddenTime', hiddenTimeEither(ev))
