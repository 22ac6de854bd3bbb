/**
 * The sample ratings file the demo offers: illustrative ratings of eight
 * E-MHIP workstreams on five standards (long layout, the spellings people use).
 */
const UNITS = [
  ['South Staffordshire', 'Acute care'],
  ['South Staffordshire', 'Transparent Commissioning'],
  ['South Staffordshire', 'Access to information'],
  ['Leicestershire', 'Voluntary Sector'],
  ['Leicestershire', "Older Persons' Services"],
  ['South West Yorkshire', 'Service development'],
  ['South West London', 'Access'],
  ['South West London', 'Supporting Strategic Service Development'],
] as const
const STANDARDS = ['1.1', '2.1', '2.4', '3.2', '4.1'] as const
const LEVELS = ['Met', 'Partly met', 'Not met', 'Partly met', 'Met', 'Not met', 'Partly met', 'n/a'] as const

/** The sample as CSV text: one row per workstream × standard. */
export const SAMPLE_CSV = [
  'site,workstream,standard,rating',
  ...UNITS.flatMap(([site, unit], i) =>
    STANDARDS.map((standard, j) => `${site},"${unit}",${standard},${LEVELS[(i * 3 + j * 5) % LEVELS.length]}`),
  ),
].join('\n') + '\n'
