/**
 * The economic figures of the E-MHIP final report (2008), chapter 5 sections
 * 5.4-5.5, as reference data: Table 8 "Proportional spend of MHIP resources
 * in Year 1" (L2124-L2134) cell for cell, and the ranges the chapter states
 * (total cost, the grant's and the other national support's shares, the
 * SHA's share, the survey's response rate, the non-respondent sensitivity
 * case). Line numbers `Lnnnn` refer to the report's reference text.
 *
 * Table 8's cells are printed percentages (whole numbers, as printed); the
 * ledger form (`mhipCostLedger`) holds them as proportions 0-1.
 * @module
 */
import type { SiteId } from '../model/ids.js'
import { asId } from '../model/ids.js'
import type { SourceRef } from '../model/framework.js'
import type { CostLedger } from '../model/costs.js'

const DOCUMENT = 'E-MHIP final report (2008)'
const ref = (lines: string): SourceRef => ({ document: DOCUMENT, lines })

/** Table 8's columns, in printed order: the site id and the heading as printed (L2126). */
export const emhipTable8Sites: readonly { readonly site: SiteId; readonly printed: string }[] = [
  { site: asId<'SiteId'>('south-staffordshire'), printed: 'S. Staffs' },
  { site: asId<'SiteId'>('leicestershire'), printed: 'Leics' },
  { site: asId<'SiteId'>('south-west-yorkshire'), printed: 'SW Yorks' },
  { site: asId<'SiteId'>('south-west-london'), printed: 'SW London' },
]

/** One area row of Table 8: the ledger's area id, the label as printed, the percentages per site (column order). */
export interface Table8AreaRow {
  readonly area: string
  readonly label: string
  /** Whole percentages as printed, in `emhipTable8Sites` order. */
  readonly percents: readonly number[]
  readonly ref: SourceRef
}

const area = (id: string, label: string, percents: readonly number[], line: number): Table8AreaRow => ({
  area: id,
  label,
  percents,
  ref: ref(`L${line}`),
})

/** The five area rows of Table 8 (L2127-L2131). */
export const emhipTable8Areas: readonly Table8AreaRow[] = [
  area('launch-events', 'Launch events, conferences, workshops', [6, 9, 6, 28], 2127),
  area('governance', 'Governance (NIMHE, SHA, Steering Group meetings etc)', [26, 30, 48, 40], 2128),
  area('implementation-team', 'MHIP implementation team', [44, 53, 17, 26], 2129),
  area('training', 'Training and technical support', [20, 5, 24, 4], 2130),
  area('user-carer-involvement', 'Service user and carer involvement', [4, 3, 5, 2], 2131),
]

/**
 * Table 8's last row, "Additional staff hours on workstreams*" (L2132): hours
 * per site in column order; South West Yorkshire's `--` is `null` (not
 * reported), never 0.
 */
export const emhipTable8Hours = {
  label: 'Additional staff hours on workstreams*',
  hours: [1290, 1650, null, 2690] as readonly (number | null)[],
  printed: ['1290 hours', '1650 hours', '--', '2690 hours'] as readonly string[],
  ref: ref('L2132'),
} as const

/** Table 8's footnote (L2134): the hours are survey respondents' only. */
export const emhipTable8Footnote = {
  text: 'Survey respondents only: includes staff from the Trusts and from partnership organisations, service users and carers.',
  ref: ref('L2134'),
} as const

/**
 * The figures chapter 5 states in its text:
 * - `totalCost`: "between £164,000 and £458,000 in the first year" (L2052; again L2804), GBP;
 * - `grantShare`: the NIMHE financial support "between 6 and 42% of the total costs" (L2052; L2089);
 * - `otherNationalShare`: other NIMHE support "between 9% and 29% of the total cost" (L2058; L2089);
 * - `shaShare`: the SHA "up to one quarter of the total cost" (L2060), so 0 to 0.25;
 * - `responseRate`: "the overall response rate was just 40%" (L2118);
 * - `baseHoursEach`: Table 8 assumes "non-respondents did not spend any time" (L2118);
 * - `sensitivity`: 12 hours each ≈ "an additional one-third of a full-time post per site" (L2118);
 * - `fteClaim`: "the total contracted working hours for at least one full-time member of staff in
 *   three of the four sites" (L2118).
 */
export const emhipEconomicFigures = {
  totalCost: { low: 164000, high: 458000, currency: 'GBP', ref: ref('L2052; L2804') },
  grantShare: { low: 0.06, high: 0.42, ref: ref('L2052; L2089') },
  otherNationalShare: { low: 0.09, high: 0.29, ref: ref('L2058; L2089') },
  shaShare: { low: 0, high: 0.25, ref: ref('L2060') },
  responseRate: { value: 0.4, ref: ref('L2118') },
  baseHoursEach: { value: 0, ref: ref('L2118') },
  sensitivity: { hoursEach: 12, postFraction: 1 / 3, ref: ref('L2118') },
  fteClaim: { fte: 1, sites: 3, of: 4, ref: ref('L2118') },
} as const

/**
 * Table 8 and the survey as a cost ledger, for `{ ...mhipEvaluation, costs:
 * mhipCostLedger }`: the area shares as proportions (`dimension: 'area'`),
 * the respondents' hours per site (one band, `all-roles`; South West
 * Yorkshire `null`), the 40 % response rate across all sites, and the
 * report's two non-respondent scenarios (base 0 h, sensitivity 12 h each).
 * No amounts per site (the report gives none) and no unit costs or contracted
 * hours (the report states neither).
 * @example
 * mhipCostLedger.shares?.length //=> 20
 */
export const mhipCostLedger: CostLedger = {
  shares: emhipTable8Areas.flatMap((row) =>
    emhipTable8Sites.map((s, k) => ({
      site: s.site,
      dimension: 'area' as const,
      category: row.area,
      share: row.percents[k]! / 100,
      ref: row.ref,
    })),
  ),
  hiddenTime: {
    hours: emhipTable8Sites.map((s, k) => ({
      site: s.site,
      band: 'all-roles',
      hours: emhipTable8Hours.hours[k]!,
      ref: emhipTable8Hours.ref,
    })),
    surveys: [{ responseRate: emhipEconomicFigures.responseRate.value, ref: emhipEconomicFigures.responseRate.ref }],
    scenarios: [
      { id: 'base', label: 'Base case: non-respondents spent no time (as Table 8)', hoursEach: 0 },
      { id: 'twelve-hours', label: 'Sensitivity: non-respondents spent 12 hours each', hoursEach: 12 },
    ],
  },
}
