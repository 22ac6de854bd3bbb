/**
 * E-MHIP Table 7 (L1883-L1906), cell for cell, as the four pilot sites and
 * their 15 workstreams. Conventions, each kept as the report has it:
 * - `?/2` → `attained: null` (unknown numerator), never 0;
 * - an empty "Due to MHIP?" beside a count → no `attribution` field (blank,
 *   not recorded), kept apart from `"na"` (the report's NA);
 * - an attribution beside 0 attained (e.g. `0/9 Low`) is kept as given;
 * - an empty count cell (no objectives of the type) → no cell at all;
 * - impact NA → `{ level: 'na' }`, kept apart from None; a free-text impact
 *   is its level plus the verbatim `qualifier`.
 * The TOTAL rows (L1892, L1898, L1900, L1905, L1906) are NOT stored: they are
 * what the aggregation must reproduce.
 * @module
 */
import { asId } from '../../model/ids.js'
import type { Site, Unit } from '../../model/evaluation.js'
import type { Attribution, Impact, ObjectiveCell } from '../../model/objectives.js'
import { MHIP_TYPE, mhipRef } from './objective-types.js'

/** One Table 7 count cell; `line` is the row's line in the reference text. */
const cell = (
  type: keyof typeof MHIP_TYPE,
  attained: number | null,
  total: number,
  attribution: Attribution | undefined,
  line: number,
): ObjectiveCell => ({
  type: MHIP_TYPE[type],
  attained,
  total,
  ...(attribution === undefined ? {} : { attribution }),
  ref: mhipRef(`L${line}`),
})

const impact = (level: Impact['level'], line: number, qualifier?: string): Impact => ({
  level,
  ...(qualifier === undefined ? {} : { qualifier }),
  ref: mhipRef(`L${line}`),
})

interface Row {
  readonly id: string
  /** The name as Table 7 prints it. */
  readonly name: string
  /** Other names, e.g. Table 6's wording (L1585-L1597). */
  readonly aliases?: readonly string[]
  readonly line: number
  readonly ap?: [number | null, number, Attribution | undefined]
  readonly process?: [number | null, number, Attribution | undefined]
  readonly outcome?: [number | null, number, Attribution | undefined]
  readonly impact: Impact['level']
  readonly qualifier?: string
  readonly subUnits?: Unit['subUnits']
}

const unit = (r: Row): Unit => ({
  id: asId<'UnitId'>(r.id),
  name: r.name,
  ...(r.aliases === undefined ? {} : { aliases: r.aliases }),
  ...(r.subUnits === undefined ? {} : { subUnits: r.subUnits }),
  ratings: {},
  objectives: [],
  objectiveCells: [
    ...(r.ap === undefined ? [] : [cell('analysisPlanning', ...r.ap, r.line)]),
    ...(r.process === undefined ? [] : [cell('process', ...r.process, r.line)]),
    ...(r.outcome === undefined ? [] : [cell('outcome', ...r.outcome, r.line)]),
  ],
  impact: impact(r.impact, r.line, r.qualifier),
  ref: mhipRef(`L${r.line}`),
})

const site = (id: string, name: string, aliases: readonly string[], rows: readonly Row[]): Site => ({
  id: asId<'SiteId'>(id),
  name,
  aliases,
  units: rows.map(unit),
})

const NA = 'na' as const
const BLANK = undefined

/**
 * The four pilot sites in report order, with the names the report uses for each.
 * @example
 * mhipSites.map((s) => s.name) //=> ['South Staffordshire', 'Leicestershire', 'South West Yorkshire', 'South West London']
 */
export const mhipSites: readonly Site[] = [
  site(
    'south-staffordshire',
    'South Staffordshire',
    // L347, L359, L1286, L1521, L2120, L2126
    [
      'South Staffordshire Healthcare NHS Trust',
      'SSHT',
      'South Staffs',
      'South Staffs Healthcare',
      'S Staffs',
      'S. Staffs',
    ],
    [
      {
        id: 'acute-care',
        name: 'Acute care',
        aliases: ['Acute Care'],
        line: 1887,
        process: [0, 1, NA],
        outcome: [null, 2, 'low'],
        impact: NA,
      },
      {
        id: 'transparent-commissioning',
        name: 'Transparent Commissioning',
        line: 1888,
        process: [0, 7, NA],
        impact: 'none',
      },
      {
        id: 'values-based-workforce',
        name: 'Values-based workforce',
        line: 1889,
        process: [1, 2, 'medium'],
        outcome: [1, 1, 'no'],
        impact: 'low',
      },
      {
        id: 'advocacy-to-exercise-choice',
        name: 'Advocacy to exercise choice',
        line: 1890,
        process: [1, 2, 'medium'],
        outcome: [1, 2, 'medium'],
        impact: 'low',
      },
      {
        id: 'access-to-information',
        name: 'Access to information',
        line: 1891,
        ap: [1, 2, 'high'],
        process: [2, 3, 'low'],
        impact: 'low',
      },
    ],
  ),
  site(
    'leicestershire',
    'Leicestershire',
    // L348, L808, L359, L1893 (Table 7 says "Leicester"), L2126
    [
      'Leicestershire Partnership NHS Trust',
      'Leicestershire Partnership Mental Health NHS Trust',
      'LPT',
      'Leicester',
      'Leics',
    ],
    [
      {
        id: 'adult-community-mental-health-services',
        name: 'Adult Community Mental Health Services',
        aliases: ['Adult Community Mental Health'],
        line: 1893,
        ap: [1, 3, 'high'],
        outcome: [0, 1, NA],
        impact: 'none',
      },
      {
        id: 'psychodynamic-psychotherapy-services',
        name: 'Psychodynamic psychotherapy Services',
        line: 1894,
        ap: [1, 2, 'high'],
        process: [2, 3, 'high'],
        outcome: [1, 1, 'high'],
        impact: 'low',
      },
      {
        id: 'voluntary-sector',
        name: 'Voluntary Sector',
        line: 1895,
        ap: [1, 3, 'high'],
        process: [1, 1, 'medium'],
        impact: 'low',
      },
      {
        id: 'services-for-bme-communities',
        name: 'Services for Black and Minority Ethnic Communities',
        aliases: ['Black minority ethnic', 'BME'],
        line: 1896,
        ap: [1, 2, 'low'],
        process: [0, 1, NA],
        outcome: [0, 1, NA],
        impact: 'none',
      },
      {
        id: 'older-persons-services',
        name: "Older Persons' Services",
        aliases: ["Older person's services"],
        line: 1897,
        ap: [1, 1, 'high'],
        process: [0, 1, NA],
        outcome: [0, 2, NA],
        impact: 'low',
      },
    ],
  ),
  site(
    'south-west-yorkshire',
    'South West Yorkshire',
    // L350, L792, L880, L360, L886, L2126
    [
      'South West Yorkshire Mental Health NHS Trust',
      'South West Yorkshire Mental Health Trust',
      'SWYMHT',
      'SWY',
      'SW Yorkshire',
      'SW Yorks',
    ],
    [
      {
        id: 'service-development',
        name: 'Service development',
        line: 1899,
        process: [0, 9, 'low'],
        impact: 'low',
        subUnits: {
          count: 9,
          note:
            'Table 7 (L1899): "Service development (including 9 new workstreams in year 2 in this area)". ' +
            'Table 6 (L1593-L1595) lists the year-2 topics as ten semicolon-separated items, so which nine are meant is not stated; no names are recorded.',
        },
      },
    ],
  ),
  site(
    'south-west-london',
    'South West London',
    // L349, L808, L896, L359, L1322, L2126
    [
      "South West London and St George's Mental Health NHS Trust",
      "South West London and St. George's Mental Health NHS Trust",
      "South West London & St George's Mental Health NHS Trust",
      'SWLSG',
      'SWLSTG',
      'SW London',
    ],
    [
      { id: 'access', name: 'Access', line: 1901, ap: [11, 17, 'medium'], impact: 'medium' },
      {
        id: 'supporting-clinical-teams',
        name: 'Supporting clinical teams to optimise their capacity',
        line: 1902,
        ap: [1, 2, BLANK],
        process: [1, 1, 'low'],
        outcome: [1, 1, 'low'],
        impact: 'medium',
      },
      {
        id: 'social-care-integration',
        name: 'Social Care Integration (Sutton Adult Services)',
        aliases: ['Social care integration'],
        line: 1903,
        ap: [4, 5, BLANK],
        impact: 'none',
      },
      {
        id: 'supporting-strategic-service-development',
        name: 'Supporting Strategic Service Development',
        aliases: ['Supporting strategic development'],
        line: 1904,
        ap: [3, 5, 'low'],
        impact: 'none',
        qualifier: 'None at time of MHIP; high potential',
      },
    ],
  ),
]
