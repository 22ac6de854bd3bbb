/**
 * The report as Markdown: the same sections as the HTML report, with the
 * charts left out (they need SVG); for terminals, READMEs and notebooks.
 * @module
 */
import * as E from 'fp-ts/lib/Either.js'
import { decodeEvaluation } from '../model/codec.js'
import type { Evaluation } from '../model/evaluation.js'
import { formatProblem, orThrow, type Result } from '../model/problem.js'
import { DEFAULT_UNKNOWN_POLICY } from '../objectives/policy.js'
import { attainmentEither } from '../standards/attainment.js'
import { resolvePolicy } from '../standards/policy.js'
import { attainmentTable, findScope } from './attainment-table.js'
import { escapeMarkdown } from './escape.js'
import type { HtmlReportOptions } from './html-report.js'
import { objectivesTableEither } from './objectives-table.js'
import { describePolicy } from './policy-text.js'
import { objectiveSiteTableEither, siteComparisonTable } from './site-comparison.js'
import { renderMarkdown } from './table.js'

/** Options of {@link markdownReportEither}: those of the HTML report. */
export type MarkdownReportOptions = HtmlReportOptions

/**
 * Render an evaluation as a Markdown report: the denominator policy, the
 * standards attainment and site comparison tables (when there are ratings),
 * the objectives tables (when there are objectives), and the data problems.
 * Data text is escaped for Markdown.
 *
 * Degenerate input: as `htmlReportEither` (an invalid policy is a `Left`;
 * data problems are listed in the report).
 * @param ev the evaluation
 * @param options title, denominator policy, unknown policy, round
 * @example
 * console.log(markdownReport(mhipEvaluation))
 * //=> '# External evaluation of the Mental Health Improvement Partnerships …\n\n## Denominator policy\n\n- Not applicable: left out …'
 */
export const markdownReportEither = (ev: Evaluation, options: MarkdownReportOptions = {}): Result<string> => {
  const policy = resolvePolicy(options.policy)
  if (E.isLeft(policy)) return policy
  const unknown = options.unknown ?? DEFAULT_UNKNOWN_POLICY
  const round = options.round ?? null
  const decoded = decodeEvaluation(ev)
  const result = attainmentEither(ev, options.policy)
  const problems = [...(E.isLeft(decoded) ? decoded.left : []), ...(E.isLeft(result) ? result.left : [])]
  const out: string[] = [`# ${escapeMarkdown(options.title ?? ev.title)}`, '', '## Denominator policy', '', ...describePolicy(policy.right, ev.framework.scale).map((l) => `- ${l}`), `- Objectives: unknown attained counts under policy \`${unknown}\``, '']
  out.push('## Standards attainment', '')
  if (E.isLeft(result)) out.push('Standards attainment could not be computed; see Data problems below.', '')
  else {
    const scope = findScope(result.right, { round, site: null })
    if (scope === undefined || scope.total.items + scope.total.na === 0) out.push('This document holds no standard ratings, so there is no standards attainment to show.', '')
    else out.push(renderMarkdown(attainmentTable(result.right, ev, { round })), '', renderMarkdown(siteComparisonTable(result.right, ev, { round })), '')
  }
  out.push('## Objectives', '')
  const table = objectivesTableEither(ev, { unknown })
  const bySite = objectiveSiteTableEither(ev, { unknown })
  const hasObjectives = ev.sites.some((s) => s.units.some((u) => u.objectiveCells.length > 0 || u.objectives.length > 0))
  if (!hasObjectives) out.push('This document records no objectives.', '')
  else if (E.isLeft(table) || E.isLeft(bySite)) out.push('Objectives could not be summarised; see Data problems below.', '')
  else out.push(renderMarkdown(table.right), '', renderMarkdown(bySite.right), '')
  out.push('## Data problems', '')
  if (problems.length === 0) out.push('No problems found: the document passed every check.')
  else out.push(`${problems.length} problem${problems.length === 1 ? '' : 's'} found:`, '', ...problems.map((p) => `- ${escapeMarkdown(formatProblem(p))}`))
  return E.right(out.join('\n') + '\n')
}

/**
 * Throwing form of {@link markdownReportEither}.
 * @example
 * markdownReport(mhipEvaluation).startsWith('# External evaluation') //=> true
 */
export const markdownReport = (ev: Evaluation, options?: MarkdownReportOptions): string => orThrow('markdownReport', markdownReportEither(ev, options))
