/**
 * Tables for groups and observations: attainment per group (with level
 * counts), a comparison of two groups, the units that moved between rounds,
 * statistics of a numeric attribute per group, and the observations.
 * @module
 */
import type { Evaluation } from '../model/evaluation.js'
import type { AttributeStatsRow } from '../attributes/stats.js'
import type { GroupComparison, GroupedAttainment } from '../standards/groups.js'
import type { RoundComparison } from '../standards/compare.js'
import { observationRows, type ObservationRow } from '../observations/rows.js'
import { formatCount, formatInterval, formatPercent, NO_VALUE } from './format.js'
import type { Table, TableColumn } from './table.js'

/** One row of {@link groupAttainmentTable}: a group, its total figure and its counts per level. */
export type GroupAttainmentTableRow = {
  readonly group: string
  readonly units: number
  readonly attained: string
  readonly percent: string
  readonly interval: string
} & Readonly<Record<string, string | number>>

/**
 * Attainment per group as a table: the group's label, its rated entities,
 * k/n, the percentage, its interval, and the items at each level of the
 * scale (the counts of the total figure, after the policy).
 * @param grouped - from `attainmentByGroup`.
 * @param options - `round`: the round shown (default `null`, all rounds together); `levels`: level ids and labels for the count columns (default the ids found in the counts).
 * @returns a table for `renderMarkdown` or `renderHtml`.
 * @example
 * // ev by engagement band: below 50 (Acute care, Primary care) 7 of 11 items met over both rounds
 * renderMarkdown(groupAttainmentTable(attainmentByGroup(ev, { by: { attribute: 'engagement' } }))).split('\n').slice(2)
 * //=> ['| Group | Units | Attained | % | 95% CI | met | partly | not-met |', '| :-- | …',
 * //    '| below 50 | 2 | 7/11 | 64% | 35–85% | 7 | 3 | 1 |', '| 50 and over | 2 | 3/11 | 27% | 10–57% | 3 | 5 | 3 |']
 */
export const groupAttainmentTable = (
  grouped: GroupedAttainment,
  options: {
    readonly round?: string | null
    readonly levels?: readonly { readonly id: string; readonly label: string }[]
  } = {},
): Table<GroupAttainmentTableRow> => {
  const round = options.round ?? null
  const rows = grouped.groups.filter((g) => (grouped.by === 'round' ? true : g.round === round))
  const levels =
    options.levels ??
    [...new Set(rows.flatMap((g) => Object.keys(g.attainment.total.counts)))].map((id) => ({ id, label: id }))
  const out = rows.map((g) => {
    const t = g.attainment.total
    const row: Record<string, string | number> = {
      group: g.label,
      units: g.units,
      attained: `${formatCount(t.k)}/${t.n}`,
      percent: formatPercent(t.proportion),
      interval: formatInterval(t.interval.lo, t.interval.hi),
    }
    for (const l of levels) row[`level:${l.id}`] = (t.counts as Record<string, number>)[l.id] ?? 0
    return row as GroupAttainmentTableRow
  })
  const confidence = Math.round(grouped.policy.confidence * 100)
  const columns: TableColumn<GroupAttainmentTableRow>[] = [
    { key: 'group', header: 'Group' },
    { key: 'units', header: 'Units', align: 'right' },
    { key: 'attained', header: 'Attained', align: 'right' },
    { key: 'percent', header: '%', align: 'right' },
    { key: 'interval', header: `${confidence}% CI`, align: 'right' },
    ...levels.map((l) => ({ key: `level:${l.id}`, header: l.label, align: 'right' as const })),
  ]
  return {
    rows: out,
    columns,
    caption: `Attainment by ${grouped.by}${grouped.by === 'round' || round === null ? '' : `, round ${round}`}`,
  }
}

/**
 * One comparison of two groups in words: both sides' counts, the difference
 * in percentage points with its interval, and the method.
 * @param c - from `compareGroups`.
 * @returns one line of text.
 * @example
 * // ev, 1.1 over both rounds: high engagement 1 of 4, low 4 of 4 (see compareGroupsEither)
 * formatGroupComparison(compareGroups(ev, { by: { attribute: 'engagement' }, a: 'high', b: 'low', standard: '1.1' }))
 * //=> '50 and over 1/4 (25%) vs below 50 4/4 (100%): difference −75.0 points, 95% CI −95.4 to −8.5 (Newcombe hybrid score)'
 */
export const formatGroupComparison = (c: GroupComparison): string => {
  const side = (s: GroupComparison['a']) => `${s.label} ${formatCount(s.k)}/${s.n} (${formatPercent(s.proportion)})`
  const d = c.difference
  const points = (x: number) => `${x >= 0 ? '+' : '−'}${Math.abs(x * 100).toFixed(1)}`
  const diff =
    d.difference === null || d.lo === null || d.hi === null
      ? `no difference estimated (${d.reason ?? 'no estimate'})`
      : `difference ${points(d.difference)} points, ${Math.round(d.confidence * 100)}% CI ${points(d.lo)} to ${points(d.hi)} (Newcombe hybrid score)`
  return `${side(c.a)} vs ${side(c.b)}: ${diff}`
}

/** One row of {@link roundMovesTable}. */
export interface RoundMoveRow {
  readonly site: string
  readonly unit: string
  readonly standard: string
  readonly from: string
  readonly to: string
  readonly steps: string
}

/**
 * The units that moved between two rounds, with the change in scale steps
 * (`+2` = two levels better), and a caption saying how many entities were
 * paired and how many were left out on each side.
 * @param cmp - from `compareRounds`.
 * @returns a table.
 * @example
 * // ev, r1 → r2: Acute care's 1.2 partly → met, …, Primary care's 1.2 met → partly
 * const { rows } = roundMovesTable(compareRounds(ev, { from: 'r1', to: 'r2' }))
 * rows[0] //=> { site: 'ss', unit: 'acute', standard: '1.2', from: 'partly', to: 'met', steps: '+1' }
 * rows.length //=> 8
 * rows.at(-1) //=> { site: 'le', unit: 'primary', standard: '1.2', from: 'met', to: 'partly', steps: '−1' }
 */
export const roundMovesTable = (cmp: RoundComparison): Table<RoundMoveRow> => {
  const p = cmp.pairing
  const rows = cmp.moves.map((m) => ({
    site: m.site,
    unit: m.unit ?? '(site as a whole)',
    standard: m.standard,
    from: m.from,
    to: m.to,
    steps: `${m.steps > 0 ? '+' : '−'}${Math.abs(m.steps)}`,
  }))
  const caption = p.paired
    ? `Moves from ${cmp.from} to ${cmp.to}: ${p.both} rated in both rounds; left out: ${p.onlyFrom.length} rated in ${cmp.from} only, ${p.onlyTo.length} in ${cmp.to} only`
    : `Moves from ${cmp.from} to ${cmp.to} (every unit, not paired)`
  return {
    rows,
    columns: [
      { key: 'site', header: 'Site' },
      { key: 'unit', header: 'Unit' },
      { key: 'standard', header: 'Standard' },
      { key: 'from', header: String(cmp.from) },
      { key: 'to', header: String(cmp.to) },
      { key: 'steps', header: 'Change (steps)', align: 'right' },
    ],
    caption,
  }
}

/**
 * Statistics of a numeric attribute per group as a table.
 * @param rows - from `attributeStats`.
 * @param digits - decimals shown (default 1).
 * @returns a table.
 * @example
 * renderMarkdown(attributeStatsTable(attributeStats(ev, { attribute: 'engagement', by: { attribute: 'engagement' } })))
 */
export const attributeStatsTable = (rows: readonly AttributeStatsRow[], digits = 1): Table<AttributeStatsRow> => {
  const num = (v: unknown) => (typeof v === 'number' ? v.toFixed(digits) : NO_VALUE)
  const first = rows[0]
  return {
    rows,
    columns: [
      { key: 'label', header: 'Group' },
      { key: 'n', header: 'n', align: 'right' },
      { key: 'mean', header: 'Mean', format: num, align: 'right' },
      { key: 'median', header: 'Median', format: num, align: 'right' },
      { key: 'min', header: 'Min', format: num, align: 'right' },
      { key: 'max', header: 'Max', format: num, align: 'right' },
      { key: 'missing', header: 'No value', align: 'right' },
    ],
    ...(first !== undefined && { caption: `${first.attribute} (${first.unit}) by group` }),
  }
}

/**
 * The observations (statements with no level) as a table: date, site, unit,
 * standard, round, text and source. They are listed, never counted.
 * @param ev - the evaluation.
 * @returns a table (no rows when there are no observations).
 * @example
 * renderMarkdown(observationsTable(ev))
 * //=> '**Observations (statements with no level; not counted)**\n\n| Date | Site | Unit | Standard | Round | Observation | Source |\n…| 2007-03-01 | South Staffordshire |  |  |  | Improvements noted |  |'
 */
export const observationsTable = (ev: Evaluation): Table<ObservationRow> => ({
  rows: observationRows(ev),
  columns: [
    { key: 'date', header: 'Date' },
    { key: 'siteName', header: 'Site' },
    { key: 'unitName', header: 'Unit' },
    { key: 'target', header: 'Standard' },
    { key: 'round', header: 'Round' },
    { key: 'text', header: 'Observation' },
    { key: 'source', header: 'Source' },
  ],
  caption: 'Observations (statements with no level; not counted)',
})
