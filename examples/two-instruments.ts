/**
 * An invented study beyond E-MHIP: 24 organisations in four regions, rated
 * on two instruments (a four-level compliance scale and a four-level quality
 * scale) in two rounds, with two raters on a third of the compliance items,
 * grouped into three bands of a staff-engagement index, with a few statements
 * that carry no level.
 * `test/examples/two-instruments-example.test.ts` checks what it prints
 * against values worked by hand.
 * Run: npm run example:two-instruments
 */
import {
  attainmentByGroup,
  attributeStats,
  compareGroups,
  compareRounds,
  parseEvaluation,
  raterRatingRows,
  type Evaluation,
} from '../src/index.js'
import { formatGroupComparison, groupAttainmentTable, observationsTable, renderMarkdown } from '../src/report/index.js'

/** The four-level compliance scale, best first. */
const compliance = {
  id: 'compliance',
  label: 'Compliance',
  levels: [
    { id: 'fully', label: 'Fully met', score: 3 },
    { id: 'almost', label: 'Almost met', score: 2 },
    { id: 'partly', label: 'Partly met', score: 1 },
    { id: 'not', label: 'Not met', score: 0 },
  ],
}

const LEVEL: Readonly<Record<string, string>> = { F: 'fully', A: 'almost', P: 'partly', N: 'not' }

/** The four-level quality scale of the second instrument, best first. */
const quality = {
  id: 'quality',
  label: 'Quality',
  levels: [
    { id: 'excellent', label: 'Excellent', score: 3 },
    { id: 'good', label: 'Good', score: 2 },
    { id: 'fair', label: 'Fair', score: 1 },
    { id: 'poor', label: 'Poor', score: 0 },
  ],
}

const QUALITY_LEVEL: Readonly<Record<string, string>> = { E: 'excellent', G: 'good', F: 'fair', P: 'poor' }

/**
 * The quality instrument, per organisation in the order of ORGANISATIONS:
 * standards Q1 and Q2 in round 1 then round 2 (E excellent, G good, F fair,
 * P poor, - unrated).
 */
const QUALITY: readonly string[] = [
  'EEEE',
  'EGEE',
  'GGEG',
  'EGGE',
  'GFGG',
  'EEEG',
  'FGGE',
  'GE--',
  'GGGE',
  'FGGG',
  'GFGG',
  'PFFG',
  'GGEG',
  'FFGF',
  'EGGG',
  'FG--',
  'FPFF',
  'PPFP',
  'GFGF',
  'PPPF',
  'FFGG',
  'EPFF',
  'PFPG',
  '--FP',
]

/**
 * Two raters on a third of the compliance items: every compliance rating of
 * every third organisation (org-01, 04, 07, …, 22: 30 of the 90 items). Ann's
 * ratings are the ones in ORGANISATIONS; Bob's are below (same layout). The
 * consensus rule: the two raters met and agreed the counted rating, which is
 * recorded in `ratings` (here Ann's level every time); attainment counts it
 * under the default rater rule, `'consensus'`.
 */
const SECOND_RATER: Readonly<Record<number, string>> = {
  0: 'FFFA',
  3: 'AFFF',
  6: 'AAAF',
  9: 'AAAF',
  12: 'PPPP',
  15: 'AP--',
  18: 'APAA',
  21: 'NPNN',
}

/**
 * Each organisation: its engagement index (points) and its compliance on
 * standards C1 and C2 in round 1 then round 2 (F fully, A almost, P partly,
 * N not met, - unrated).
 */
const ORGANISATIONS: readonly (readonly [number, string])[] = [
  // 70 and above
  [72, 'FFFF'],
  [75, 'FAFF'],
  [78, 'FFFA'],
  [80, 'AFFF'],
  [83, 'FPFF'],
  [85, 'AAFA'],
  [88, 'PAAF'],
  [91, 'FF--'],
  // 50 to under 70
  [51, 'FAFA'],
  [54, 'AAAF'],
  [57, 'PAAA'],
  [60, 'APFA'],
  [62, 'PPAP'],
  [65, 'FAFF'],
  [67, 'NPPA'],
  [69, 'AA--'],
  // below 50
  [30, 'PNAP'],
  [34, 'NPPP'],
  [38, 'APAA'],
  [41, 'NNPN'],
  [43, 'PAPF'],
  [45, 'NPNP'],
  [47, 'FPFP'],
  [49, '--PA'],
]
const REGIONS = ['north', 'south', 'east', 'west'] as const
const CELLS = [
  ['r1', 'C1'],
  ['r1', 'C2'],
  ['r2', 'C1'],
  ['r2', 'C2'],
] as const

/** Ratings by round → target from a four-letter row (round 1 then round 2, two targets each). */
const ratingsFrom = (cells: string, targets: readonly [string, string], levels: Readonly<Record<string, string>>) => {
  const ratings: Record<string, Record<string, { level: string }>> = {}
  CELLS.forEach(([round], j) => {
    const level = levels[cells[j]!]
    if (level !== undefined) (ratings[round] ??= {})[targets[j % 2]!] = { level }
  })
  return ratings
}

/** The study as a document (decoded, so every part is checked). */
export const study = (): Evaluation => {
  const orgId = (i: number) => `org-${String(i + 1).padStart(2, '0')}`
  const sites = REGIONS.map((region) => ({
    id: region,
    name: `${region[0]!.toUpperCase()}${region.slice(1)} region`,
    aliases: [],
    units: [] as object[],
  }))
  ORGANISATIONS.forEach(([engagement, cells], i) => {
    const ratings = ratingsFrom(cells, ['C1', 'C2'], LEVEL)
    const second = SECOND_RATER[i]
    const byRater: Record<string, Record<string, Record<string, { level: string }>>> = {}
    if (second !== undefined)
      CELLS.forEach(([round, target], j) => {
        const ann = LEVEL[cells[j]!]
        const bob = LEVEL[second[j]!]
        if (ann === undefined || bob === undefined) return
        ;(byRater[round] ??= {})[target] = { ann: { level: ann }, bob: { level: bob } }
      })
    const instrumentRatings = { quality: { ratings: ratingsFrom(QUALITY[i]!, ['Q1', 'Q2'], QUALITY_LEVEL) } }
    const extra = second === undefined ? { instrumentRatings } : { byRater, instrumentRatings }
    const unit = { id: orgId(i), name: `Organisation ${i + 1}`, ratings, objectives: [], objectiveCells: [] }
    sites[i % 4]!.units.push({ ...unit, attributes: { engagement }, ...extra })
  })
  return parseEvaluation({
    schemaVersion: 2,
    title: 'An invented compliance study',
    programme: { id: 'invented', name: 'Invented improvement programme' },
    framework: {
      id: 'compliance',
      title: 'Compliance standards',
      scale: compliance,
      sections: [
        {
          id: 'C',
          title: 'Compliance',
          standards: [
            { id: 'C1', title: 'Governance arrangements are in place', variants: [], criteria: [] },
            { id: 'C2', title: 'Staff are trained for the change', variants: [], criteria: [] },
          ],
        },
      ],
    },
    instruments: [
      {
        id: 'quality',
        title: 'Quality review',
        scale: quality,
        sections: [
          {
            id: 'Q',
            title: 'Quality',
            standards: [
              { id: 'Q1', title: 'Care plans are of good quality', variants: [], criteria: [] },
              { id: 'Q2', title: 'Feedback from service users is acted on', variants: [], criteria: [] },
            ],
          },
        ],
      },
    ],
    raters: [
      { id: 'ann', name: 'Ann', role: 'lead assessor' },
      { id: 'bob', name: 'Bob', role: 'second assessor' },
    ],
    rounds: [
      { id: 'r1', label: 'Round 1', date: '2024-01-15' },
      { id: 'r2', label: 'Round 2', date: '2025-01-15' },
    ],
    sites,
    objectiveTypes: [],
    stakeholderGroups: [],
    informants: [],
    sources: [],
    excerpts: [],
    elements: [],
    configurations: [],
    theories: [],
    attributes: [
      {
        id: 'engagement',
        label: 'Staff engagement index',
        on: 'unit',
        kind: 'numeric',
        unit: 'points',
        bands: [
          { id: 'low', label: 'below 50', upper: { value: 50, closed: false } },
          {
            id: 'mid',
            label: '50 to under 70',
            lower: { value: 50, closed: true },
            upper: { value: 70, closed: false },
          },
          { id: 'high', label: '70 and above', lower: { value: 70, closed: true } },
        ],
      },
    ],
    observations: [
      {
        id: 'o1',
        site: 'south',
        unit: 'org-06',
        round: 'r1',
        date: '2024-02-01',
        source: 'Board minutes',
        text: 'Improvements noted',
      },
      {
        id: 'o2',
        site: 'west',
        unit: 'org-20',
        target: 'C1',
        round: 'r2',
        date: '2025-02-10',
        source: 'Assessor visit',
        text: 'Evidence requested; rating deferred',
      },
      {
        id: 'o3',
        site: 'west',
        unit: 'org-24',
        round: 'r1',
        date: '2024-03-20',
        source: 'Regulator notice',
        text: 'Placed in special measures',
      },
    ],
  })
}

const ev = study()
const byBand = { attribute: 'engagement' } as const
const levels = compliance.levels.map((l) => ({ id: l.id, label: l.label }))

const qualityLevels = quality.levels.map((l) => ({ id: l.id, label: l.label }))
const onQuality = { by: byBand, instrument: 'quality' } as const

console.log('## Attainment (fully met) by engagement band, both rounds together\n')
console.log(renderMarkdown(groupAttainmentTable(attainmentByGroup(ev, { by: byBand }), { levels })))

console.log('\n## Attainment (fully met) by engagement band, round 2\n')
console.log(renderMarkdown(groupAttainmentTable(attainmentByGroup(ev, { by: byBand }), { round: 'r2', levels })))

console.log('\n## Quality instrument: attainment (excellent) by engagement band, both rounds together\n')
console.log(renderMarkdown(groupAttainmentTable(attainmentByGroup(ev, onQuality), { levels: qualityLevels })))

console.log('\n## Quality instrument: attainment (excellent) by engagement band, round 2\n')
const qualityR2 = groupAttainmentTable(attainmentByGroup(ev, onQuality), { round: 'r2', levels: qualityLevels })
console.log(renderMarkdown(qualityR2))

console.log('\n## Two raters on a third of the compliance items (the agreed consensus rating is counted)\n')
const double = new Map<string, string[]>()
for (const r of raterRatingRows(ev)) {
  const item = `${r.unit} ${r.round} ${r.target}`
  double.set(item, [...(double.get(item) ?? []), r.level])
}
const differ = [...double].filter(([, lv]) => new Set(lv).size > 1)
const agreed = double.size - differ.length
console.log(`double-rated: ${double.size} items; raters agreed on ${agreed}, differed on ${differ.length}`)
for (const [item, lv] of differ) console.log(`  ${item}: ann ${lv[0]}, bob ${lv[1]}`)

console.log('\n## Top band against bottom band, standard C1, round 2\n')
console.log(formatGroupComparison(compareGroups(ev, { by: byBand, a: 'high', b: 'low', standard: 'C1', round: 'r2' })))

console.log('\n## Paired round movements, round 1 to round 2\n')
const rounds = compareRounds(ev, { from: 'r1', to: 'r2' })
const p = rounds.pairing
console.log(
  `paired: ${p.both} rated in both rounds; left out: ${p.onlyFrom.map((u) => u.unit).join(', ')} (round 1 only); ${p.onlyTo.map((u) => u.unit).join(', ')} (round 2 only)`,
)
const up = rounds.moves.filter((m) => m.steps > 0)
const down = rounds.moves.filter((m) => m.steps < 0)
console.log(`moves: ${rounds.moves.length} (${up.length} better, ${down.length} worse)`)
for (const m of rounds.moves)
  console.log(`  ${m.unit} ${m.standard}: ${m.from} → ${m.to} (${m.steps > 0 ? '+' : '−'}${Math.abs(m.steps)})`)

console.log('\n## Quality instrument: top band against bottom band, standard Q1, round 2\n')
console.log(
  formatGroupComparison(
    compareGroups(ev, { by: byBand, a: 'high', b: 'low', standard: 'Q1', round: 'r2' }, { instrument: 'quality' }),
  ),
)

console.log('\n## Quality instrument: paired round movements, round 1 to round 2\n')
const qualityRounds = compareRounds(ev, { from: 'r1', to: 'r2' }, { instrument: 'quality' })
const qp = qualityRounds.pairing
console.log(
  `quality paired: ${qp.both} rated in both rounds; left out: ${qp.onlyFrom.map((u) => u.unit).join(', ')} (round 1 only); ${qp.onlyTo.map((u) => u.unit).join(', ')} (round 2 only)`,
)
const qUp = qualityRounds.moves.filter((m) => m.steps > 0)
const qDown = qualityRounds.moves.filter((m) => m.steps < 0)
console.log(`quality moves: ${qualityRounds.moves.length} (${qUp.length} better, ${qDown.length} worse)`)
for (const m of qualityRounds.moves)
  console.log(`  ${m.unit} ${m.standard}: ${m.from} → ${m.to} (${m.steps > 0 ? '+' : '−'}${Math.abs(m.steps)})`)

console.log('\n## Engagement index by band\n')
for (const s of attributeStats(ev, { attribute: 'engagement', by: byBand }))
  console.log(`${s.label}: n ${s.n}, mean ${s.mean}, median ${s.median}, min ${s.min}, max ${s.max}`)

console.log('\n## Observations (no level; not counted)\n')
console.log(renderMarkdown(observationsTable(ev)))
