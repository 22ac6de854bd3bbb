/**
 * The objectives table in the style of E-MHIP Table 7 (L1883-L1906): one row
 * per unit with, for each objective type, attained/total and the attribution
 * ("due to the programme?"), and the unit's impact; a total row per site and
 * an overall row.
 * @module
 */
import * as E from '../model/either.js'
import type { Evaluation, Unit } from '../model/evaluation.js'
import { orThrow, type Result } from '../model/problem.js'
import { objectiveAttainmentEither, type ObjectiveAttainmentRow } from '../objectives/attainment.js'
import { formatAttribution, formatObjectiveAttainment, formatObjectiveCount } from '../objectives/format.js'
import { DEFAULT_UNKNOWN_POLICY, type UnknownPolicy } from '../objectives/policy.js'
import { objectiveRecords } from '../objectives/records.js'
import type { Table, TableColumn, TableValue } from './table.js'
import { displayTable, type Displayable } from './display.js'

/** Options of {@link objectivesTableEither}. */
export interface ObjectivesTableOptions {
  /** What an unknown attained count (`?`) counts as in the total rows [`'bounds'`: a range]. */
  readonly unknown?: UnknownPolicy
}

/** A row of the objectives table. */
export type ObjectivesTableRow = Readonly<Record<string, TableValue>>

const UNKNOWN_NOTES: Readonly<Record<UnknownPolicy, string>> = {
  bounds: 'totals give a range where an attained count is unknown (? counted as not attained … attained)',
  'not-attained': 'totals count an unknown attained count as not attained, as the E-MHIP report does',
  exclude: 'totals leave objectives of unknown attainment out of numerator and denominator',
}

/**
 * An impact as the report prints it: its qualifier if any, else the level
 * (`NA` for not applicable); blank when not recorded.
 * @param unit - the unit (its impact is read).
 * @returns the text.
 * @example
 * impactText({ impact: { level: 'medium' } }) //=> 'Medium'
 * impactText({ impact: { level: 'none', qualifier: 'None at time of MHIP; high potential' } }) //=> 'None at time of MHIP; high potential'
 */
export const impactText = (unit: Pick<Unit, 'impact'>): string => {
  const i = unit.impact
  if (i === undefined) return ''
  if (i.qualifier !== undefined) return i.qualifier
  return i.level === 'na' ? 'NA' : i.level[0]!.toUpperCase() + i.level.slice(1)
}

/**
 * The objectives table (E-MHIP Table 7 style): per unit, for each objective
 * type, the count as the report prints it (`1/2`, `?/2` for an unknown
 * attained count, `-` for none) and the attribution (`High` … `NA`, blank
 * when not recorded); the unit's impact. After each site's units, a TOTAL
 * row; at the end an overall row. Totals are counted by the objectives
 * module under the unknown policy, which the note names.
 *
 * Degenerate input: an evaluation without objectives gives one row per unit
 * of dashes; invalid objectives or options give a `Left` (from the
 * objectives module's checks).
 * @param ev the evaluation
 * @param options the unknown policy of the totals [`'bounds'`]
 * @returns `Right` with the table, displayable in a notebook, or `Left` with the problems of the
 * objectives or options.
 * @example
 * // E-MHIP Table 7, first row: South Staffordshire, Acute care: process 0/1 (NA), outcome ?/2 (Low), impact NA
 * objectivesTableEither(mhipEvaluation, { unknown: 'maybe' })
 * //=> left([{ where: 'options › unknown', expected: 'one of "bounds" | "not-attained" | "exclude"', found: '"maybe"', … }])
 * renderMarkdown(objectivesTable(mhipEvaluation, { unknown: 'not-attained' }))
 * //=> '…| South Staffordshire | Acute care | - |  | 0/1 | NA | ?/2 | Low | NA |…'
 */
export const objectivesTableEither = (
  ev: Evaluation,
  options: ObjectivesTableOptions = {},
): Result<Table<ObjectivesTableRow> & Displayable> => {
  const unknown = options.unknown ?? DEFAULT_UNKNOWN_POLICY
  const cells = objectiveAttainmentEither(ev, { by: ['unit', 'type'], unknown })
  const sites = objectiveAttainmentEither(ev, { by: ['site', 'type'], unknown })
  const overall = objectiveAttainmentEither(ev, { by: ['type'], unknown })
  if (E.isLeft(cells)) return cells
  if (E.isLeft(sites)) return sites
  if (E.isLeft(overall)) return overall
  const types = ev.objectiveTypes
  const attributions = new Map<string, Set<string>>()
  for (const r of objectiveRecords(ev)) {
    const key = `${r.site}\u0000${r.unit}\u0000${r.type}`
    const set = attributions.get(key) ?? new Set<string>()
    set.add(formatAttribution(r.attribution))
    attributions.set(key, set)
  }
  const index = (rows: readonly ObjectiveAttainmentRow[]) =>
    new Map(rows.map((r) => [`${r.site ?? ''}\u0000${r.unit ?? ''}\u0000${r.type ?? ''}`, r]))
  const byCell = index(cells.right)
  const bySite = index(sites.right)
  const byType = index(overall.right)
  const total = (r: ObjectiveAttainmentRow | undefined) =>
    r === undefined || r.total === 0 ? '-' : formatObjectiveAttainment(r)
  const rows: ObjectivesTableRow[] = []
  for (const site of ev.sites) {
    for (const unit of site.units) {
      const row: Record<string, TableValue> = {
        site: site.name,
        unit: unit.subUnits === undefined ? unit.name : `${unit.name} (${unit.subUnits.count} sub-units)`,
      }
      for (const t of types) {
        const key = `${site.id}\u0000${unit.id}\u0000${t.id}`
        const c = byCell.get(key)
        row[`count:${t.id}`] = c === undefined ? '-' : formatObjectiveCount(c)
        row[`attribution:${t.id}`] =
          c === undefined || c.total === 0 ? '' : [...(attributions.get(key) ?? [])].filter((a) => a !== '').join(', ')
      }
      row['impact'] = impactText(unit)
      rows.push(row)
    }
    const totalRow: Record<string, TableValue> = { site: '', unit: `TOTAL ${site.name}`, impact: '' }
    for (const t of types) {
      totalRow[`count:${t.id}`] = total(bySite.get(`${site.id}\u0000\u0000${t.id}`))
      totalRow[`attribution:${t.id}`] = ''
    }
    rows.push(totalRow)
  }
  const overallRow: Record<string, TableValue> = { site: 'Overall', unit: '', impact: '' }
  for (const t of types) {
    overallRow[`count:${t.id}`] = total(byType.get(`\u0000\u0000${t.id}`))
    overallRow[`attribution:${t.id}`] = ''
  }
  rows.push(overallRow)
  const columns: TableColumn<ObjectivesTableRow>[] = [
    { key: 'site', header: 'Site' },
    { key: 'unit', header: 'Unit' },
    ...types.flatMap((t) => [
      { key: `count:${t.id}`, header: t.label, align: 'right' as const },
      { key: `attribution:${t.id}`, header: 'Due to programme?', name: `${t.label}: due to programme?` },
    ]),
    { key: 'impact', header: 'Impact' },
  ]
  return E.right(
    displayTable({
      rows,
      columns,
      caption: 'Objectives attained, attribution and impact',
      note: `Cells: attained/total; ?/n = attained count unknown; - = no objectives of that type; blank attribution = not recorded (kept apart from NA). The ${UNKNOWN_NOTES[unknown]}.`,
    }),
  )
}

/**
 * The objectives table (E-MHIP Table 7 style): per unit, for each objective
 * type, the count as the report prints it (`1/2`, `?/2` for an unknown
 * attained count, `-` for none) and the attribution (`High` … `NA`, blank
 * when not recorded); the unit's impact. After each site's units, a TOTAL
 * row; at the end an overall row. Totals are counted by the objectives
 * module under the unknown policy, which the note names.
 *
 * The throwing form of {@link objectivesTableEither}: the same result, returned directly,
 * for notebooks and scripts.
 *
 * Degenerate input: an evaluation without objectives gives one row per unit
 * of dashes; invalid objectives or options throws (from the
 * objectives module's checks).
 * @param ev the evaluation
 * @param options the unknown policy of the totals [`'bounds'`]
 * @returns the result (`Table<ObjectivesTableRow> & Displayable`), as {@link objectivesTableEither}
 * gives it in its `Right`.
 * @throws {RealistError} when {@link objectivesTableEither} gives `Left`: the error's
 * `problems` are those problems, and its message lists them (`[realist-eval] objectivesTable: …`).
 * @example
 * objectivesTable(mhipEvaluation).rows.length //=> 20 // 15 units, 4 site totals, 1 overall
 */
export const objectivesTable = (
  ev: Evaluation,
  options?: ObjectivesTableOptions,
): Table<ObjectivesTableRow> & Displayable => orThrow('objectivesTable', objectivesTableEither(ev, options))
