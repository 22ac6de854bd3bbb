/**
 * The report as Markdown: the same sections as the HTML report, with the
 * charts left out (they need SVG); for terminals, READMEs and notebooks.
 * @module
 */
import * as E from 'fp-ts/lib/Either.js'
import type { Evaluation } from '../model/evaluation.js'
import { formatProblem, orThrow, type Result } from '../model/problem.js'
import { attainmentTable } from './attainment-table.js'
import { escapeMarkdown } from './escape.js'
import {
  NO_OBJECTIVES,
  NO_RATINGS,
  NOT_COMPUTED,
  NOT_SUMMARISED,
  reportInputsEither,
  type ReportInputs,
  type ReportOptions,
} from './report-inputs.js'
import { objectivesTableEither } from './objectives-table.js'
import { describePolicy } from './policy-text.js'
import { objectiveSiteTableEither, siteComparisonTable } from './site-comparison.js'
import { renderMarkdown } from './table.js'
import { observationsTable } from './group-tables.js'
import {
  instrumentSections,
  raterRuleText,
  ratersTable,
  sectionProblemText,
  siteRatingsTable,
} from './instrument-tables.js'

/** Options of {@link markdownReportEither}: those of the HTML report. */
export type MarkdownReportOptions = ReportOptions

/**
 * Render an evaluation as a Markdown report: the denominator policy, the
 * standards attainment and site comparison tables (when there are ratings),
 * each further instrument's attainment, the raters and which rating counts,
 * the ratings of sites rated as a whole (each when there are any),
 * the objectives tables (when there are objectives), the observations
 * (statements with no level, when there are any), and the data problems.
 * Data text is escaped for Markdown.
 *
 * Degenerate input: as `htmlReportEither` (an invalid policy is a `Left`;
 * data problems are listed in the report).
 * @param ev the evaluation
 * @param options title, denominator policy, unknown policy, round
 * @returns `Right` with the Markdown text of the whole report, or `Left` with the problems of the
 * options.
 * @example
 * console.log(markdownReport(mhipEvaluation))
 * //=> '# External evaluation of the Mental Health Improvement Partnerships …\n\n## Denominator policy\n\n- Not applicable: left out …'
 */
export const markdownReportEither = (ev: Evaluation, options: MarkdownReportOptions = {}): Result<string> =>
  E.map((inputs: ReportInputs) => render(ev, inputs))(reportInputsEither(ev, options))

const render = (
  ev: Evaluation,
  { title, policy, policyOptions, unknown, round, result, problems, counts, hasRatings }: ReportInputs,
): string => {
  // Every piece of text that comes from data (the scale's labels in the policy list included) is escaped.
  const out: string[] = [
    `# ${escapeMarkdown(title)}`,
    '',
    '## Denominator policy',
    '',
    ...describePolicy(policy, ev.framework.scale).map((l) => `- ${escapeMarkdown(l)}`),
    `- Objectives: unknown attained counts under policy ${escapeMarkdown(unknown)}`,
    '',
  ]
  out.push('## Standards attainment', '')
  if (E.isLeft(result)) out.push(NOT_COMPUTED, '')
  else if (!hasRatings) out.push(NO_RATINGS, '')
  else
    out.push(
      renderMarkdown(attainmentTable(result.right, ev, { round })),
      '',
      renderMarkdown(siteComparisonTable(result.right, ev, { round })),
      '',
    )
  // What lies beyond one instrument and one rater (a document without it shows none of these sections).
  for (const s of instrumentSections(ev, { policy: policyOptions, round })) {
    out.push(`## Standards attainment: ${escapeMarkdown(s.instrument.title)}`, '')
    out.push(s.table === null ? escapeMarkdown(sectionProblemText(s)) : renderMarkdown(s.table), '')
  }
  if ((ev.raters ?? []).length > 0)
    out.push('## Raters', '', escapeMarkdown(raterRuleText(policy.raters)), '', renderMarkdown(ratersTable(ev)), '')
  const wholeSites = siteRatingsTable(ev)
  if (wholeSites.rows.length > 0) out.push('## Sites rated as a whole', '', renderMarkdown(wholeSites), '')
  out.push('## Objectives', '')
  const table = objectivesTableEither(ev, { unknown })
  const bySite = objectiveSiteTableEither(ev, { unknown })
  if (counts.objectives === 0) out.push(NO_OBJECTIVES, '')
  else if (E.isLeft(table) || E.isLeft(bySite)) out.push(NOT_SUMMARISED, '')
  else out.push(renderMarkdown(table.right), '', renderMarkdown(bySite.right), '')
  // Observations carry no level: listed here, never counted (a document without them shows no section).
  if ((ev.observations ?? []).length > 0) out.push('## Observations', '', renderMarkdown(observationsTable(ev)), '')
  out.push('## Data problems', '')
  if (problems.length === 0) out.push('No problems found: the document passed every check.')
  else
    out.push(
      `${problems.length} problem${problems.length === 1 ? '' : 's'} found:`,
      '',
      ...problems.map((p) => `- ${escapeMarkdown(formatProblem(p))}`),
    )
  return out.join('\n') + '\n'
}

/**
 * Render an evaluation as a Markdown report: the denominator policy, the
 * standards attainment and site comparison tables (when there are ratings),
 * the objectives tables (when there are objectives), the observations
 * (statements with no level, when there are any), and the data problems.
 * Data text is escaped for Markdown.
 *
 * The throwing form of {@link markdownReportEither}: the same result, returned directly,
 * for notebooks and scripts.
 *
 * Degenerate input: as `htmlReportEither` (an invalid policy is a an error;
 * data problems are listed in the report).
 * @param ev the evaluation
 * @param options title, denominator policy, unknown policy, round
 * @returns the result (`string`), as {@link markdownReportEither}
 * gives it in its `Right`.
 * @throws {RealistError} when {@link markdownReportEither} gives `Left`: the error's
 * `problems` are those problems, and its message lists them (`[realist-eval] markdownReport: …`).
 * @example
 * markdownReport(mhipEvaluation).startsWith('# External evaluation') //=> true
 */
export const markdownReport = (ev: Evaluation, options?: MarkdownReportOptions): string =>
  orThrow('markdownReport', markdownReportEither(ev, options))
