/**
 * The README's main command: `npm run example:mhip`.
 *
 * Both halves of the E-MHIP evaluation, from the embedded data:
 * - objectives: E-MHIP Table 7 "Attainment and impact of MHIP objectives"
 *   (reference text L1883-L1906) and the figures the report derives from it
 *   (L1908-L1912), every number computed from the embedded unit × type cells;
 * - standards: whether the published Table 5 percentages (L1226-L1242) can
 *   come from the 15 workstreams the report says it rated;
 * - the economic component: Table 8 (L2124-L2134) from its cells, whether its
 *   columns sum to 100 %, the "one full-time post in three of four sites"
 *   claim and the 12-hour sensitivity case (L2118) under stated contracted hours.
 * Every table is rendered by the library's report module (`markdownTable`,
 * `objectivesTable`, `objectiveSiteTable`). In a project of your own, import
 * from 'realist-eval', 'realist-eval/report' and 'realist-eval/datasets/mhip'
 * instead of the source paths below.
 */
import {
  emhipEconomicFigures,
  emhipTable8Areas,
  emhipTable8Footnote,
  emhipTable8Hours,
  emhipTable8Sites,
  mhipCostLedger,
  mhipEvaluation as ev,
} from '../src/data/mhip/index.js'
import {
  attributionDistribution,
  checkPublishedFigures,
  EMHIP_WORKSTREAMS,
  fteClaim,
  hiddenTime,
  impliedNonRespondents,
  shareSums,
  emhipTable5Figures,
  formatAttribution,
  formatObjectiveAttainment,
  formatShareRange,
  impactDistribution,
  objectiveAttainment,
  objectiveTypeShares,
  type FigureCheck,
  type Fraction,
  type ObjectiveAttainmentRow,
} from '../src/index.js'
import {
  markdownTable,
  objectiveSiteTable,
  objectivesTable,
  renderMarkdown,
  type TableColumn,
} from '../src/report/index.js'

const section = (title: string, body: string) => console.log(`\n## ${title}\n\n${body}`)
const report = { unknown: 'not-attained' } as const // the report's own counting: `?` = not attained
/** Columns showing an attainment row as "k of n" and its share, under the row's policy. */
const attainmentColumns = (header: string): TableColumn<ObjectiveAttainmentRow>[] => [
  { key: 'low', header, format: (_, r) => formatObjectiveAttainment(r), align: 'right' },
  { key: 'shareLow', header: 'Share', format: (_, r) => formatShareRange(r.shareLow, r.shareHigh), align: 'right' },
]

console.log('# E-MHIP, reproduced from the embedded data')

// --- Table 7 -----------------------------------------------------------------
const swy = ev.sites.flatMap((s) => s.units).find((u) => u.subUnits !== undefined)!
section(
  'Table 7. Attainment and impact of MHIP objectives (E-MHIP L1883-L1906)',
  renderMarkdown(objectivesTable(ev, report)) +
    `\n\n${swy.name} (South West Yorkshire) includes ${swy.subUnits!.count} year-2 workstreams (L1899).`,
)

// --- Site × type totals under both policies ---------------------------------
const reportTable = objectiveSiteTable(ev, report)
const boundsTable = objectiveSiteTable(ev) // default policy: 'bounds'
section(
  "Site × type totals: the report's policy and the default bounds",
  renderMarkdown({ ...reportTable, caption: "The report's policy (? counted as not attained)" }) +
    '\n\n' +
    renderMarkdown({ ...boundsTable, caption: 'The default policy (bounds)' }),
)
const siteType = (rows: readonly ObjectiveAttainmentRow[], site: string, type: string) =>
  rows.find((r) => r.site === site && r.type === type)!
const ssReport = siteType(
  objectiveAttainment(ev, { by: ['site', 'type'], ...report }),
  'south-staffordshire',
  'outcome',
)
const ssBounds = siteType(objectiveAttainment(ev, { by: ['site', 'type'] }), 'south-staffordshire', 'outcome')
console.log(
  `\nSouth Staffordshire's outcome objectives are 1/1, 1/2 and ?/2 (L1887-L1890). The report counts the \`?\` as not attained: ` +
    `${formatObjectiveAttainment(ssReport)} (L1892). Nobody knows how many of the ${ssBounds.unknown} were attained, ` +
    `so the default policy reports the bound ${formatObjectiveAttainment(ssBounds)} (${formatShareRange(ssBounds.shareLow, ssBounds.shareHigh)}).`,
)

// --- Overall, type shares, per site ------------------------------------------
section(
  'Overall attainment (L1910: "37 of the 84 objectives were achieved")',
  markdownTable(
    [...objectiveAttainment(ev, report), ...objectiveAttainment(ev)],
    [{ key: 'policy', header: 'Policy' }, ...attainmentColumns('Attained')],
  ),
)

section(
  'Shares of objective types (L1908: half, 37%, 13%)',
  markdownTable(objectiveTypeShares(ev), [
    { key: 'typeLabel', header: 'Type' },
    { key: 'objectives', header: 'Objectives', format: (_, r) => `${r.objectives} of ${r.of}`, align: 'right' },
    { key: 'share', header: 'Share', format: (_, r) => formatShareRange(r.share), align: 'right' },
  ]),
)

const perSiteBounds = objectiveAttainment(ev, { by: ['site'] })
section(
  'Attainment per site',
  markdownTable(
    objectiveAttainment(ev, { by: ['site'], ...report }).map((r, k) => ({ report: r, bounds: perSiteBounds[k]! })),
    [
      { key: 'report', header: 'Site', format: (_, r) => r.report.siteName ?? '' },
      { key: 'report', header: 'Report policy', format: (_, r) => formatObjectiveAttainment(r.report), align: 'right' },
      { key: 'report', header: 'Share', format: (_, r) => formatShareRange(r.report.shareLow), align: 'right' },
      {
        key: 'bounds',
        header: 'Bounds (default)',
        format: (_, r) => formatObjectiveAttainment(r.bounds),
        align: 'right',
      },
      {
        key: 'bounds',
        header: 'Share',
        format: (_, r) => formatShareRange(r.bounds.shareLow, r.bounds.shareHigh),
        align: 'right',
      },
    ],
  ),
)

// --- Impact and attribution ----------------------------------------------------
const impact = impactDistribution(ev)
const impactBySite = impactDistribution(ev, { by: ['site'] })
section(
  'Impact on service quality (workstreams)',
  markdownTable<Record<string, string | number>>(
    impact.map((r) => ({
      impact: r.impact + (r.qualified > 0 ? ` (${r.qualified} qualified)` : ''),
      ...Object.fromEntries(
        ev.sites.map((s) => [s.id, impactBySite.find((x) => x.site === s.id && x.impact === r.impact)!.units]),
      ),
      all: r.units,
    })),
    [
      { key: 'impact', header: 'Impact' },
      ...ev.sites.map((s) => ({ key: s.id, header: s.name })),
      { key: 'all', header: 'All' },
    ],
  ),
)
const units = (level: string) => impact.find((r) => r.impact === level)!.units
const medium = units('medium')
console.log(
  `\n${medium === 2 ? 'Two' : medium} workstreams had medium impact (L1912: "Two of the MHIP workstreams had a medium impact"); ` +
    `${units('low') + units('none')} had low or none, and ${units('na')} is NA (the report's "remainder had low or no impact" leaves NA aside).`,
)

section(
  'Attribution ("Due to MHIP?") by attainment, all objectives',
  markdownTable(attributionDistribution(ev), [
    {
      key: 'attribution',
      header: 'Due to MHIP?',
      format: (_, r) => (r.attribution === 'blank' ? '(blank)' : formatAttribution(r.attribution)),
    },
    { key: 'records', header: 'Cells' },
    { key: 'attained', header: 'Attained' },
    { key: 'notAttained', header: 'Not attained' },
    { key: 'unknown', header: 'Unknown' },
    { key: 'total', header: 'Objectives' },
  ]),
)

// --- Table 5: the standards half ---------------------------------------------------
// The report publishes no unit-level ratings, only Table 5's percentages, so
// what can be checked is whether each percentage is possible as k of the 15
// rated workstreams (a GRIM-style check, src/standards/consistency.ts).
const fractions = (fs: readonly Fraction[]) => fs.map((f) => `${f.k}/${f.n}`).join(' or ')
const standards = checkPublishedFigures(emhipTable5Figures.slice(0, 11), EMHIP_WORKSTREAMS)
const halfEven = checkPublishedFigures(emhipTable5Figures.slice(0, 11), EMHIP_WORKSTREAMS, { rule: 'half-even' })
const impossible = standards.filter((c) => !c.possible)
const pooled = checkPublishedFigures(emhipTable5Figures.slice(11), EMHIP_WORKSTREAMS * 11)
const nearest = (c: FigureCheck) =>
  [c.nearest.below, c.nearest.above]
    .flatMap((f) => (f === null ? [] : [`${f.k}/${f.n} = ${f.percent.toFixed(1)}%`]))
    .join(', ')
section(
  'Table 5: can the published percentages come from 15 workstreams?',
  `Table 5 (L1226-L1242) gives the % of workstreams that fully met each standard; the report rated ${EMHIP_WORKSTREAMS} workstreams (L1220). ` +
    `A whole percentage rounded (half-up) from k/${EMHIP_WORKSTREAMS} can only take certain values.\n\n` +
    markdownTable(standards, [
      { key: 'label', header: 'Figure' },
      { key: 'percent', header: 'Published', format: (p) => `${p}%` },
      {
        key: 'possible',
        header: `k/${EMHIP_WORKSTREAMS}?`,
        format: (_, c) => (c.possible ? `yes (${fractions(c.fractions)})` : 'IMPOSSIBLE'),
      },
      { key: 'nearest', header: `Nearest k/${EMHIP_WORKSTREAMS}`, format: (_, c) => (c.possible ? '' : nearest(c)) },
      {
        key: 'possibleNs',
        header: `n ≤ ${EMHIP_WORKSTREAMS} that fit`,
        format: (_, c) => (c.possibleNs.length > 5 ? 'any' : c.possibleNs.join(', ') || 'none'),
      },
      { key: 'smallest', header: 'Smallest k/n', format: (_, c) => `${c.smallest.k}/${c.smallest.n}` },
    ]) +
    `\n\n${impossible.length} of ${standards.length} published standard percentages cannot be k/${EMHIP_WORKSTREAMS} ` +
    `(half-up; half-even gives ${halfEven.filter((c) => !c.possible).length}): ${impossible.map((c) => `${c.id} (${c.percent}%)`).join(', ')}. ` +
    'So the report must have left some workstreams out of some standards (not applicable or unrated) or counted something else, and it does not say which. ' +
    `The Total and the overall met / partly / not met split are possible as ${EMHIP_WORKSTREAMS} × 11 = ${EMHIP_WORKSTREAMS * 11} pooled standard ratings: ` +
    `${pooled.map((c) => `${c.label} ${c.percent}% = ${c.possible ? fractions(c.fractions) : 'impossible'}`).join('; ')}.`,
)

// --- The economic component: Table 8 and the hidden staff time -----------------------
// The report states no contracted hours; this example states its own: the NHS
// Agenda for Change full-time week of 37.5 hours, over 52 weeks.
const CONTRACTED = 37.5 * 52
const f = emhipEconomicFigures
const table8Rows: Record<string, string>[] = [
  ...emhipTable8Areas.map((r) => ({
    area: r.label,
    ...Object.fromEntries(emhipTable8Sites.map((s, k) => [s.site, `${r.percents[k]}%`])),
  })),
  {
    area: emhipTable8Hours.label,
    ...Object.fromEntries(
      emhipTable8Sites.map((s, k) => [
        s.site,
        emhipTable8Hours.hours[k] === null ? 'unknown (--)' : `${emhipTable8Hours.hours[k]} h`,
      ]),
    ),
  },
]
const sums = shareSums(
  emhipTable8Sites.map((s, k) => ({ id: s.site, percents: emhipTable8Areas.map((r) => r.percents[k]!) })),
)
const claim = fteClaim(emhipTable8Hours.hours, { contractedHours: CONTRACTED, sites: f.fteClaim.sites })
const implied = impliedNonRespondents({
  hoursEach: f.sensitivity.hoursEach,
  postFraction: f.sensitivity.postFraction,
  contractedHours: CONTRACTED,
  responseRate: f.responseRate.value,
})
const hidden = hiddenTime({
  ...ev,
  costs: { ...mhipCostLedger, hiddenTime: { ...mhipCostLedger.hiddenTime!, contractedHours: { perYear: CONTRACTED } } },
})
const siteName = (id: string) => ev.sites.find((s) => s.id === id)!.name
const hoursText = (lo: number | null, hi: number | null) =>
  lo === null ? 'unknown' : hi === null ? `${lo}+ (open)` : `${lo}`
const fteText = (lo: number | null, hi: number | null) =>
  lo === null ? 'unknown' : hi === null ? `${lo.toFixed(2)}+` : lo.toFixed(2)
section(
  'Table 8. Proportional spend of MHIP resources in Year 1 (E-MHIP L2124-L2134)',
  markdownTable(table8Rows, [
    { key: 'area', header: 'Area of spend' },
    ...emhipTable8Sites.map((s) => ({ key: s.site, header: siteName(s.site), align: 'right' as const })),
  ]) +
    `\n\n*${emhipTable8Footnote.text} (L2134)\n\n` +
    markdownTable(sums, [
      { key: 'id', header: 'Site', format: (id) => siteName(String(id)) },
      { key: 'sum', header: 'Column sum', format: (v) => `${Math.round(Number(v) * 100)}%`, align: 'right' },
      {
        key: 'low',
        header: 'Possible before rounding',
        format: (_, r) => `${(r.low * 100).toFixed(1)}–${(r.high * 100).toFixed(1)}%`,
        align: 'right',
      },
      { key: 'consistent', header: 'Sums to 100%?', format: (v) => (v ? 'yes' : 'NO') },
    ]) +
    `\n\nThe chapter's stated figures: total £${f.totalCost.low.toLocaleString('en')}–£${f.totalCost.high.toLocaleString('en')} in year 1 (L2052), ` +
    `the grant ${Math.round(f.grantShare.low * 100)}–${Math.round(f.grantShare.high * 100)}% of it (L2052), other national support ` +
    `${Math.round(f.otherNationalShare.low * 100)}–${Math.round(f.otherNationalShare.high * 100)}% (L2058), the SHA up to a quarter (L2060); ` +
    `survey response rate ${Math.round(f.responseRate.value * 100)}% (L2118).`,
)
section(
  "Hidden staff time: the report's claims under stated contracted hours (L2118)",
  `Contracted hours of one full-time post, as stated here: ${CONTRACTED.toLocaleString('en')} h a year (37.5 h × 52 weeks; the report states none).\n\n` +
    markdownTable(hidden, [
      { key: 'site', header: 'Site', format: (id) => siteName(String(id)) },
      { key: 'scenario', header: 'Scenario' },
      { key: 'hoursLow', header: 'Hours', format: (_, r) => hoursText(r.hoursLow, r.hoursHigh), align: 'right' },
      { key: 'fteLow', header: 'FTE', format: (_, r) => fteText(r.fteLow, r.fteHigh), align: 'right' },
    ]) +
    `\n\n"At least one full-time member of staff in three of the four sites": at ${CONTRACTED.toLocaleString('en')} h, ` +
    `${claim.sitesMeetingLow}–${claim.sitesMeetingHigh} sites reach one post (South West Yorkshire's hours are unknown), so the claim ` +
    `${claim.holds === true ? 'holds' : claim.holds === false ? 'does NOT hold' : 'is undetermined'}. ` +
    `It holds for contracted hours up to ${claim.holdsUpTo} h a year, and is possible up to ${claim.possibleUpTo} h.\n\n` +
    `Sensitivity case: "${f.sensitivity.hoursEach} hours each … an additional one-third of a full-time post per site" means ` +
    `${implied.hoursPerSite.toFixed(0)} h per site, so ${implied.nonRespondents.toFixed(1)} non-respondents per site; ` +
    `at the ${Math.round(f.responseRate.value * 100)}% response rate that is ${implied.invited!.toFixed(1)} invited and ` +
    `${implied.respondents!.toFixed(1)} respondents per site. The report gives no respondent counts, so the 12-hour rows above stay open.`,
)
