/**
 * The README's main command: `npm run example:mhip`.
 *
 * Reproduces E-MHIP Table 7 "Attainment and impact of MHIP objectives"
 * (reference text L1883-L1906) and the figures the report derives from it
 * (L1908-L1912), every number computed from the embedded unit × type cells.
 * In a project of your own, import from 'realist-eval' and
 * 'realist-eval/datasets/mhip' instead of the source paths below.
 */
import { mhipEvaluation as ev } from '../src/data/mhip/index.js'
import {
  attributionDistribution,
  formatAttribution,
  formatObjectiveAttainment,
  formatObjectiveCount,
  formatShareRange,
  impactDistribution,
  objectiveAttainment,
  objectiveRecords,
  objectiveTypeShares,
  type ObjectiveAttainmentRow,
} from '../src/index.js'

/** A Markdown table with padded columns (kept local and small on purpose). */
const table = (header: readonly string[], rows: readonly (readonly string[])[]): string => {
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => (r[c] ?? '').length)))
  const line = (cells: readonly string[]) => `| ${cells.map((x, c) => x.padEnd(widths[c]!)).join(' | ')} |`
  return [line(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.map(line)].join('\n')
}
const section = (title: string, body: string) => console.log(`\n## ${title}\n\n${body}`)

const types = ev.objectiveTypes
const report = { unknown: 'not-attained' } as const // the report's own counting: `?` = not attained
const find = (rows: readonly ObjectiveAttainmentRow[], site: string | null, type: string | null) =>
  rows.find((r) => r.site === site && r.type === type)!

// --- Table 7 -----------------------------------------------------------------
const cells = objectiveAttainment(ev, { by: ['unit', 'type'] })
const siteTotals = objectiveAttainment(ev, { by: ['site', 'type'], ...report })
const overallByType = objectiveAttainment(ev, { by: ['type'], ...report })
const fraction = (r: ObjectiveAttainmentRow) => (r.total === 0 ? '-' : `${r.low}/${r.denominator}`)
const attributionOf = new Map(objectiveRecords(ev).map((r) => [`${r.unit}|${r.type}`, r.attribution]))
const t7: string[][] = []
for (const site of ev.sites) {
  for (const unit of site.units) {
    const row = [site.name, unit.subUnits === undefined ? unit.name : `${unit.name} (includes ${unit.subUnits.count} year-2 workstreams)`]
    for (const t of types) {
      const c = cells.find((r) => r.site === site.id && r.unit === unit.id && r.type === t.id)!
      row.push(formatObjectiveCount(c), c.total === 0 ? '' : formatAttribution(attributionOf.get(`${unit.id}|${t.id}`)))
    }
    const impact = unit.impact === undefined ? '' : unit.impact.qualifier ?? (unit.impact.level === 'na' ? 'NA' : unit.impact.level[0]!.toUpperCase() + unit.impact.level.slice(1))
    t7.push([...row, impact])
  }
  t7.push(['', '**TOTAL**', ...types.flatMap((t) => [fraction(find(siteTotals, site.id, t.id)), '']), ''])
}
t7.push(['**MHIP OVERALL**', '', ...types.flatMap((t) => [fraction(find(overallByType, null, t.id)), '']), ''])
section(
  'Table 7. Attainment and impact of MHIP objectives (E-MHIP L1883-L1906)',
  table(['Site', 'Workstream', ...types.flatMap((t) => [t.label, 'Due to MHIP?']), 'Impact'], t7) +
    '\n\n`?/2` = attained count unknown. Blank "Due to MHIP?" = not recorded (kept apart from NA). TOTAL rows count `?` as not attained, as the report does.',
)

// --- Site × type totals under both policies ---------------------------------
const bounds = objectiveAttainment(ev, { by: ['site', 'type'] }) // default policy: 'bounds'
section(
  'Site × type totals: the report\'s policy and the default bounds',
  table(
    ['Site', ...types.flatMap((t) => [`${t.label} (report)`, `${t.label} (bounds)`])],
    ev.sites.map((s) => [s.name, ...types.flatMap((t) => [formatObjectiveAttainment(find(siteTotals, s.id, t.id)), formatObjectiveAttainment(find(bounds, s.id, t.id))])]),
  ),
)
const ssOutcome = find(bounds, 'south-staffordshire', 'outcome')
console.log(
  `\nSouth Staffordshire's outcome objectives are 1/1, 1/2 and ?/2 (L1887-L1890). The report counts the \`?\` as not attained: ` +
    `${formatObjectiveAttainment(find(siteTotals, 'south-staffordshire', 'outcome'))} (L1892). Nobody knows how many of the 2 were attained, ` +
    `so the default policy reports the bound ${formatObjectiveAttainment(ssOutcome)} (${formatShareRange(ssOutcome.shareLow, ssOutcome.shareHigh)}).`,
)

// --- Overall, type shares, per site, impact ----------------------------------
const [overallReport] = objectiveAttainment(ev, report)
const [overallBounds] = objectiveAttainment(ev)
section(
  'Overall attainment (L1910: "37 of the 84 objectives were achieved")',
  table(
    ['Policy', 'Attained', 'Share'],
    [overallReport!, overallBounds!].map((r) => [r.policy, formatObjectiveAttainment(r), formatShareRange(r.shareLow, r.shareHigh)]),
  ),
)

section(
  'Shares of objective types (L1908: half, 37%, 13%)',
  table(['Type', 'Objectives', 'Share'], objectiveTypeShares(ev).map((r) => [r.typeLabel!, `${r.objectives} of ${r.of}`, formatShareRange(r.share)])),
)

const perSite = objectiveAttainment(ev, { by: ['site'], ...report })
const perSiteBounds = objectiveAttainment(ev, { by: ['site'] })
section(
  'Attainment per site',
  table(
    ['Site', 'Report policy', 'Share', 'Bounds (default)', 'Share'],
    perSite.map((r, k) => {
      const b = perSiteBounds[k]!
      return [r.siteName!, formatObjectiveAttainment(r), formatShareRange(r.shareLow), formatObjectiveAttainment(b), formatShareRange(b.shareLow, b.shareHigh)]
    }),
  ),
)

const impact = impactDistribution(ev)
const impactBySite = impactDistribution(ev, { by: ['site'] })
section(
  'Impact on service quality (workstreams)',
  table(
    ['Impact', ...ev.sites.map((s) => s.name), 'All'],
    impact.map((r) => [
      r.impact + (r.qualified > 0 ? ` (${r.qualified} qualified)` : ''),
      ...ev.sites.map((s) => String(impactBySite.find((x) => x.site === s.id && x.impact === r.impact)!.units)),
      String(r.units),
    ]),
  ),
)
const medium = impact.find((r) => r.impact === 'medium')!.units
const lowOrNone = impact.filter((r) => r.impact === 'low' || r.impact === 'none').reduce((n, r) => n + r.units, 0)
console.log(
  `\n${medium === 2 ? 'Two' : medium} workstreams had medium impact (L1912: "Two of the MHIP workstreams had a medium impact"); ` +
    `${lowOrNone} had low or none, and ${impact.find((r) => r.impact === 'na')!.units} is NA (the report's "remainder had low or no impact" leaves NA aside).`,
)

section(
  'Attribution ("Due to MHIP?") by attainment, all objectives',
  table(
    ['Due to MHIP?', 'Cells', 'Attained', 'Not attained', 'Unknown', 'Objectives'],
    attributionDistribution(ev).map((r) => [r.attribution === 'blank' ? '(blank)' : formatAttribution(r.attribution), ...[r.records, r.attained, r.notAttained, r.unknown, r.total].map(String)]),
  ),
)
