import type { Evaluation, Site, Unit } from '../model/evaluation.js'
import type { Attribution } from '../model/objectives.js'
import { cellTally, objectiveTally, type ObjectiveTally } from './tally.js'

/** An attribution as a row value: the scale level, `"na"`, or `"blank"` when not recorded. */
export type AttributionValue = Attribution | 'blank'

/**
 * One record of objectives as a tidy row: a unit × type count cell
 * (`kind: "cell"`, `objective: null`) or one individual objective
 * (`kind: "objective"`), with its tally and attribution. Every objectives
 * aggregate is a fold over these rows, which is why count cells and listed
 * objectives aggregate the same way.
 */
export type ObjectiveRecordRow = {
  readonly site: string
  readonly siteName: string
  readonly unit: string
  readonly unitName: string
  readonly type: string
  readonly typeLabel: string
  readonly kind: 'cell' | 'objective'
  readonly objective: string | null
  readonly attribution: AttributionValue
  readonly attained: number
  readonly notAttained: number
  readonly unknown: number
  readonly total: number
}

/**
 * Flatten an evaluation's objectives into tidy records, in document order
 * (sites, units, then cells before objectives). No validation: run
 * `objectiveProblems` first, or use the checked aggregates.
 * @param ev the evaluation (not mutated)
 * @returns one row per count cell and per individual objective; `[]` when there are none
 * @example
 * objectiveRecords(mhipEvaluation)[1]
 * //=> { site: 'south-staffordshire', unit: 'acute-care', type: 'outcome', kind: 'cell', attribution: 'low',
 * //     attained: 0, notAttained: 0, unknown: 2, total: 2, … }
 */
export const objectiveRecords = (ev: Evaluation): ObjectiveRecordRow[] => {
  const labels = new Map(ev.objectiveTypes.map((t) => [t.id as string, t.label]))
  const rows: ObjectiveRecordRow[] = []
  // Explicit literals (no spreads): one object shape for every row keeps large documents fast.
  const row = (
    s: Site,
    u: Unit,
    type: string,
    kind: 'cell' | 'objective',
    objective: string | null,
    attribution: Attribution | undefined,
    t: ObjectiveTally,
  ): ObjectiveRecordRow => ({
    site: s.id,
    siteName: s.name,
    unit: u.id,
    unitName: u.name,
    type,
    typeLabel: labels.get(type) ?? type,
    kind,
    objective,
    attribution: attribution ?? 'blank',
    attained: t.attained,
    notAttained: t.notAttained,
    unknown: t.unknown,
    total: t.total,
  })
  for (const site of ev.sites)
    for (const unit of site.units) {
      for (const cell of unit.objectiveCells)
        rows.push(row(site, unit, cell.type, 'cell', null, cell.attribution, cellTally(cell)))
      for (const o of unit.objectives)
        rows.push(row(site, unit, o.type, 'objective', o.id, o.attribution, objectiveTally(o)))
    }
  return rows
}
