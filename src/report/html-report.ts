/**
 * The HTML report: one self-contained file with the tables, the charts, the
 * denominator policy used and the data problems found. Inline CSS and SVG, no
 * script, no network: a Content-Security-Policy meta tag forbids scripts and
 * every remote load, so even a payload that escaped escaping could not run.
 * @module
 */
import * as E from 'fp-ts/lib/Either.js'
import type { Evaluation } from '../model/evaluation.js'
import { formatProblem, orThrow, type Problem, type Result } from '../model/problem.js'
import type { UnknownPolicy } from '../objectives/policy.js'
import { attainmentTable } from './attainment-table.js'
import { attainmentHeatmapData } from './charts/heatmap-data.js'
import { heatmapSvg } from './charts/heatmap-svg.js'
import { objectivesBarSvgEither } from './charts/objective-bars-svg.js'
import { escapeHtml } from './escape.js'
import { objectivesTableEither } from './objectives-table.js'
import { describePolicy } from './policy-text.js'
import { objectiveSiteTableEither, siteComparisonTable } from './site-comparison.js'
import { renderHtml } from './table.js'
import { observationsTable } from './group-tables.js'
import {
  instrumentSections,
  raterRuleText,
  ratersTable,
  sectionProblemText,
  siteRatingsTable,
} from './instrument-tables.js'
import {
  describeCounts,
  NO_OBJECTIVES,
  NO_RATINGS,
  NOT_COMPUTED,
  NOT_SUMMARISED,
  reportInputsEither,
  type ReportInputs,
  type ReportOptions,
} from './report-inputs.js'

/**
 * The SHA-256 of the report's one `<style>` element (`REPORT_STYLE`), as CSP
 * writes it. A constant rather than computed, so the module needs no crypto
 * and works in a browser; a test recomputes it from `REPORT_STYLE`, so a change
 * to the style that forgets the hash fails there (and in the browser test,
 * where Chromium would refuse the style).
 */
const REPORT_STYLE_HASH = 'sha256-5d9GBig1D3A7zZBYtdXlCrWU2s/6Y/YcXsKB+Qm8hXQ='

/**
 * The Content-Security-Policy of the report: nothing may load or run
 * (`default-src 'none'`, so no script, image, font, frame or connection),
 * and the only style allowed is the report's own `<style>`, named by its
 * hash: a `<style>` or `style` attribute smuggled into the page is not applied.
 * @example
 * REPORT_CSP //=> "default-src 'none'; style-src 'sha256-…'; base-uri 'none'; form-action 'none'"
 */
export const REPORT_CSP = `default-src 'none'; style-src '${REPORT_STYLE_HASH}'; base-uri 'none'; form-action 'none'`

/** Options of {@link htmlReportEither}: title, denominator policy, unknown policy, round. */
export type HtmlReportOptions = ReportOptions

/**
 * The report's style sheet, the one inline style its CSP allows (by hash).
 * @internal
 */
export const REPORT_STYLE = `
:root { color-scheme: light; --ink: #1b1b1b; --muted: #595959; --rule: #d0d0d0; --band: #f5f5f5; --accent: #0072B2; }
* { box-sizing: border-box; }
body { font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", Arial, sans-serif; color: var(--ink); margin: 0; padding: 2rem; max-width: 72rem; }
h1 { font-size: 1.6rem; margin: 0 0 .25rem; } h2 { font-size: 1.25rem; margin: 2.2rem 0 .6rem; border-bottom: 2px solid var(--accent); padding-bottom: .2rem; }
h3 { font-size: 1.05rem; margin: 1.4rem 0 .4rem; }
p.meta, p.note { color: var(--muted); } p.note { font-size: .85rem; margin-top: .3rem; }
table { border-collapse: collapse; margin: .5rem 0; font-size: .88rem; }
caption { text-align: left; font-weight: 600; padding: .3rem 0; }
th, td { border-bottom: 1px solid var(--rule); padding: .3rem .55rem; vertical-align: top; }
th { background: var(--band); text-align: left; } td.right, th.right { text-align: right; font-variant-numeric: tabular-nums; } td.right { white-space: nowrap; } td.center, th.center { text-align: center; }
/* The second column holds wordings or unit names: keep it readable beside wide number columns. */
td:nth-child(2) { min-width: 14em; }
tbody tr:last-child td { font-weight: 600; }
.chart { margin: 1rem 0; overflow-x: auto; } .chart svg { max-width: 100%; height: auto; }
ul.policy li, ul.problems li { margin: .15rem 0; } ul.problems code { background: var(--band); padding: 0 .25rem; }
.ok { color: #006d2c; } .warn { color: #a63603; }
footer { margin-top: 3rem; color: var(--muted); font-size: .8rem; }
@media print { body { padding: 0; } h2 { break-after: avoid; } table, .chart { break-inside: avoid; } }
`

const section = (id: string, heading: string, body: string): string =>
  `<section id="${id}"><h2>${escapeHtml(heading)}</h2>${body}</section>`
const para = (text: string, cls = ''): string => `<p${cls === '' ? '' : ` class="${cls}"`}>${escapeHtml(text)}</p>`
const list = (items: readonly string[], cls: string): string =>
  `<ul class="${cls}">${items.map((i) => `<li>${escapeHtml(i)}</li>`).join('')}</ul>`

const problemItems = (problems: readonly Problem[]): string =>
  `<ul class="problems">${problems.map((p) => `<li><code>${escapeHtml(p.code)}</code> ${escapeHtml(formatProblem(p))}</li>`).join('')}</ul>`

/** The standards part: table, heatmap, site comparison; or why there is none. */
const standardsSection = (ev: Evaluation, { result, round, hasRatings }: ReportInputs): string => {
  if (E.isLeft(result)) return para(NOT_COMPUTED, 'warn')
  if (!hasRatings) return para(NO_RATINGS, 'note')
  const data = attainmentHeatmapData(result.right, ev, { round })
  return [
    renderHtml(attainmentTable(result.right, ev, { round })),
    `<h3>Heatmap</h3><div class="chart">${heatmapSvg(data)}</div>`,
    `<h3>By site</h3>${renderHtml(siteComparisonTable(result.right, ev, { round }))}`,
  ].join('')
}

/** Each further instrument's attainment, the raters, the sites rated as a whole: sections shown only when there are any. */
const beyondOneInstrument = (ev: Evaluation, { policy, policyOptions, round }: ReportInputs): string[] => {
  const out = instrumentSections(ev, { policy: policyOptions, round }).map((s, i) =>
    section(
      `instrument-${i + 1}`,
      `Standards attainment: ${s.instrument.title}`,
      s.table === null ? para(sectionProblemText(s), 'warn') : renderHtml(s.table),
    ),
  )
  if ((ev.raters ?? []).length > 0)
    out.push(section('raters', 'Raters', para(raterRuleText(policy.raters)) + renderHtml(ratersTable(ev))))
  const wholeSites = siteRatingsTable(ev)
  if (wholeSites.rows.length > 0)
    out.push(section('sites-as-a-whole', 'Sites rated as a whole', renderHtml(wholeSites)))
  return out
}

/** The objectives part: Table 7 style table, site comparison, bar chart. */
const objectivesSection = (ev: Evaluation, { unknown, counts }: ReportInputs): string => {
  if (counts.objectives === 0) return para(NO_OBJECTIVES, 'note')
  const table = objectivesTableEither(ev, { unknown })
  const bySite = objectiveSiteTableEither(ev, { unknown })
  const bars = objectivesBarSvgEither(ev)
  if (E.isLeft(table) || E.isLeft(bySite) || E.isLeft(bars)) return para(NOT_SUMMARISED, 'warn')
  return [
    renderHtml(table.right),
    `<h3>By site</h3>${renderHtml(bySite.right)}`,
    `<h3>Chart</h3><div class="chart">${bars.right}</div>`,
  ].join('')
}

/**
 * Render a whole evaluation as one self-contained HTML report:
 * - a summary (sites, units, rounds, ratings, objectives);
 * - the denominator policy in words, and the unknown-objective policy;
 * - standards attainment: the Table 5 style table, the standards × site
 *   heatmap (SVG) and the site comparison;
 * - each further instrument's attainment table, the raters (and which
 *   rating counts) and the ratings of sites rated as a whole, when there are any;
 * - objectives: the Table 7 style table, the site comparison and the bar
 *   chart (SVG);
 * - the data problems found (`decodeEvaluation`'s checks and any problem of
 *   the aggregations), each with its place, or a line saying there are none.
 *
 * Every text from the data is escaped; the page has no script and its CSP
 * (`REPORT_CSP`) forbids scripts and every network load. The output is
 * deterministic (no timestamp), so it can be compared and committed.
 *
 * Degenerate input: a document without ratings or objectives gets a line
 * saying so in that section. An invalid policy gives a `Left`; problems in
 * the data do not: they are the report's last section.
 * @param ev the evaluation
 * @param options title, denominator policy, unknown policy, round
 * @returns `Right` with the HTML text of the whole report, or `Left` with the problems of the
 * options.
 * @example
 * htmlReportEither(mhipEvaluation)
 * //=> right('<!doctype html>\n<html lang="en"><head><meta charset="utf-8">\n<meta http-equiv="Content-Security-Policy" …</html>…')
 * htmlReportEither(mhipEvaluation, { policy: { unrated: 'ignore' } })
 * //=> left([{ where: 'policy › unrated', expected: 'one of "exclude" | "not-met" | "error"', … }])
 */
export const htmlReportEither = (ev: Evaluation, options: HtmlReportOptions = {}): Result<string> =>
  E.map((inputs: ReportInputs) => render(ev, inputs))(reportInputsEither(ev, options))

const render = (ev: Evaluation, inputs: ReportInputs): string => {
  const { title, policy, unknown, problems } = inputs
  const summary = `${describeCounts(inputs.counts)}. Framework: ${ev.framework.title}.`
  const unknownText: Readonly<Record<UnknownPolicy, string>> = {
    bounds: 'an unknown attained count (?) is shown as a range, from none to all of its objectives attained',
    'not-attained': 'an unknown attained count (?) is counted as not attained (the E-MHIP report’s convention)',
    exclude: 'objectives of unknown attainment are left out',
  }
  const body = [
    `<header><h1>${escapeHtml(title)}</h1>${para(ev.programme.name, 'meta')}${para(summary, 'meta')}</header>`,
    section(
      'policy',
      'Denominator policy',
      [list(describePolicy(policy, ev.framework.scale), 'policy'), para(`Objectives: ${unknownText[unknown]}.`)].join(
        '',
      ),
    ),
    section('standards', 'Standards attainment', standardsSection(ev, inputs)),
    ...beyondOneInstrument(ev, inputs),
    section('objectives', 'Objectives', objectivesSection(ev, inputs)),
    // Observations carry no level: listed, never counted (a document without them shows no section).
    ...((ev.observations ?? []).length > 0
      ? [section('observations', 'Observations', renderHtml(observationsTable(ev)))]
      : []),
    section(
      'problems',
      'Data problems',
      problems.length === 0
        ? para('No problems found: the document passed every check.', 'ok')
        : para(`${problems.length} problem${problems.length === 1 ? '' : 's'} found:`, 'warn') + problemItems(problems),
    ),
    `<footer>Made with realist-eval. This file is self-contained: no scripts, no network.</footer>`,
  ].join('\n')
  return [
    '<!doctype html>',
    '<html lang="en"><head><meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${REPORT_CSP}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="referrer" content="no-referrer">',
    `<title>${escapeHtml(title)}</title>`,
    `<style>${REPORT_STYLE}</style>`,
    '</head><body>',
    body,
    '</body></html>',
    '',
  ].join('\n')
}

/**
 * Render a whole evaluation as one self-contained HTML report:
 * - a summary (sites, units, rounds, ratings, objectives);
 * - the denominator policy in words, and the unknown-objective policy;
 * - standards attainment: the Table 5 style table, the standards × site
 *   heatmap (SVG) and the site comparison;
 * - objectives: the Table 7 style table, the site comparison and the bar
 *   chart (SVG);
 * - the data problems found (`decodeEvaluation`'s checks and any problem of
 *   the aggregations), each with its place, or a line saying there are none.
 *
 * The throwing form of {@link htmlReportEither}: the same result, returned directly,
 * for notebooks and scripts.
 *
 * Degenerate input: a document without ratings or objectives gets a line
 * saying so in that section. An invalid policy throws; problems in
 * the data do not: they are the report's last section.
 * @param ev the evaluation
 * @param options title, denominator policy, unknown policy, round
 * @returns the result (`string`), as {@link htmlReportEither}
 * gives it in its `Right`.
 * @throws {RealistError} when {@link htmlReportEither} gives `Left`: the error's
 * `problems` are those problems, and its message lists them (`[realist-eval] htmlReport: …`).
 * @example
 * const html = htmlReport(ev, { policy: { attained: 'met-or-partly' } }) // write it to a file to share it
 * html.startsWith('<!doctype html>') //=> true
 * html.includes('South Staffordshire') //=> true
 * htmlReport(ev, { policy: { unrated: 'ignore' } }) //=> throws 'policy › unrated'
 */
export const htmlReport = (ev: Evaluation, options?: HtmlReportOptions): string =>
  orThrow('htmlReport', htmlReportEither(ev, options))
