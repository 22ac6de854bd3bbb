import type { Evaluation, Site, Unit } from '../model/evaluation.js'
import {
  ATTRIBUTION_LEVELS,
  IMPACT_LEVELS,
  OBJECTIVE_STATUSES,
  type Impact,
  type Objective,
  type ObjectiveCell,
} from '../model/objectives.js'
import { CountC } from '../model/codec-kit.js'
import { problem, showValue, type Problem } from '../model/problem.js'
import { cellWhere, unitPath, unitWhere } from './where.js'

type Path = readonly (string | number)[]

const ATTRIBUTIONS: readonly unknown[] = [...ATTRIBUTION_LEVELS, 'na']
const IMPACTS: readonly unknown[] = [...IMPACT_LEVELS, 'na']
const STATUSES: readonly unknown[] = OBJECTIVE_STATUSES

const isCount = CountC.is

const countProblems = (n: unknown, path: Path, where: string, what: string): Problem[] =>
  isCount(n) ? [] : [problem(path, `${what} as a non-negative integer`, n, 'value', where)]

const attributionProblems = (a: unknown, path: Path, where: string): Problem[] =>
  a === undefined || ATTRIBUTIONS.includes(a)
    ? []
    : [
        problem(
          path,
          'an attribution on the scale high | medium | low | no, or "na" (leave it out when not recorded)',
          a,
          'value',
          where,
        ),
      ]

const typeProblems = (type: unknown, knownTypes: ReadonlySet<string>, path: Path, where: string): Problem[] =>
  typeof type === 'string' && knownTypes.has(type)
    ? []
    : [
        problem(
          path,
          `an objective type of the evaluation (${[...knownTypes].join(' | ') || 'none defined'})`,
          type,
          'reference',
          where,
        ),
      ]

// The sound-path predicates below say "no problem" without building a path or
// a message, so checking a large, sound document allocates nothing per record.
// Each must be true exactly when its `…Problems` function finds nothing (a
// property test in test/objectives/validate.test.ts holds them to it).

/** @internal Whether {@link cellProblems} would find nothing. */
export const cellIsSound = (cell: ObjectiveCell, knownTypes: ReadonlySet<string>): boolean =>
  typeof cell.type === 'string' &&
  knownTypes.has(cell.type) &&
  isCount(cell.total) &&
  cell.total > 0 &&
  (cell.attained === null || (isCount(cell.attained) && cell.attained <= cell.total)) &&
  (cell.attribution === undefined || ATTRIBUTIONS.includes(cell.attribution))

/** @internal Whether {@link objectiveItemProblems} would find nothing. */
export const objectiveIsSound = (o: Objective, knownTypes: ReadonlySet<string>): boolean =>
  typeof o.type === 'string' &&
  knownTypes.has(o.type) &&
  STATUSES.includes(o.status) &&
  (o.attribution === undefined || ATTRIBUTIONS.includes(o.attribution))

/** @internal Whether {@link impactProblems} would find nothing. */
export const impactIsSound = (impact: Impact | undefined): boolean =>
  impact === undefined || IMPACTS.includes(impact.level)

/**
 * Problems of one unit × type count cell: counts that are not non-negative
 * integers (NaN and Infinity are named), `attained > total`, an empty cell
 * (total 0; leave the cell out instead), an unknown type, an attribution
 * outside the scale.
 * @param cell the cell to check
 * @param knownTypes ids of the evaluation's objective types
 * @param path JSON path of the cell
 * @param unitW domain path of its unit, e.g. `site s › unit u`
 * @returns the problems, `[]` when the cell is sound
 * @example
 * cellProblems({ type: 'outcome', attained: 3, total: 2 }, new Set(['outcome']), ['c'], 'site s › unit u')
 * //=> [{ where: 'site s › unit u › objectives › type outcome', expected: 'attained ≤ total (2)', found: '3', code: 'consistency', … }]
 */
export const cellProblems = (
  cell: ObjectiveCell,
  knownTypes: ReadonlySet<string>,
  path: readonly (string | number)[],
  unitW: string,
): Problem[] => {
  if (cellIsSound(cell, knownTypes)) return []
  const where = cellWhere(unitW, String(cell.type))
  const out: Problem[] = [
    ...typeProblems(cell.type, knownTypes, [...path, 'type'], where),
    ...countProblems(cell.total, [...path, 'total'], where, 'total'),
    ...(cell.attained === null
      ? []
      : countProblems(cell.attained, [...path, 'attained'], where, 'attained (or null when unknown)')),
    ...attributionProblems(cell.attribution, [...path, 'attribution'], where),
  ]
  if (isCount(cell.total) && cell.total === 0)
    out.push(
      problem(
        [...path, 'total'],
        'a total of at least 1 (leave the cell out when a unit has no objectives of a type)',
        0,
        'value',
        where,
      ),
    )
  if (isCount(cell.total) && isCount(cell.attained) && cell.attained > cell.total)
    out.push(problem([...path, 'attained'], `attained ≤ total (${cell.total})`, cell.attained, 'consistency', where))
  return out
}

/**
 * Problems of one individual objective: an unknown type, a status outside
 * attained | not-attained | unknown, an attribution outside the scale.
 * @param o - the objective.
 * @param knownTypes - the objective type ids of the evaluation.
 * @param path - the JSON path of the objective.
 * @param unitW - the unit's place in words, for `where`.
 * @returns the objective's problems; empty when it is sound.
 * @example
 * objectiveItemProblems({ id: 'o1', type: 'outcome', status: 'done' }, new Set(['outcome']), ['o'], 'site s › unit u')
 * //=> [{ expected: 'an objective status (attained | not-attained | unknown)', found: '"done"', … }]
 */
export const objectiveItemProblems = (
  o: Objective,
  knownTypes: ReadonlySet<string>,
  path: Path,
  unitW: string,
): Problem[] => {
  if (objectiveIsSound(o, knownTypes)) return []
  const where = `${unitW} › objectives › objective ${String(o.id)}`
  return [
    ...typeProblems(o.type, knownTypes, [...path, 'type'], where),
    ...(STATUSES.includes(o.status)
      ? []
      : [
          problem(
            [...path, 'status'],
            'an objective status (attained | not-attained | unknown)',
            o.status,
            'value',
            where,
          ),
        ]),
    ...attributionProblems(o.attribution, [...path, 'attribution'], where),
  ]
}

/**
 * Problems of a unit's impact: a level outside none | low | medium | high | na.
 * @param impact - the unit's impact, if any.
 * @param path - the JSON path of the impact.
 * @param unitW - the unit's place in words, for `where`.
 * @returns one problem for a level off the scale; empty otherwise.
 * @example
 * impactProblems({ level: 'huge' }, ['i'], 'site s › unit u') //=> [{ found: '"huge"', code: 'value', … }]
 */
export const impactProblems = (impact: Impact | undefined, path: Path, unitW: string): Problem[] =>
  impact === undefined || impactIsSound(impact)
    ? []
    : [
        problem(
          [...path, 'level'],
          'an impact level none | low | medium | high, or "na"',
          impact.level,
          'value',
          `${unitW} › impact`,
        ),
      ]

/** Scratch state of one `objectiveProblems` run, reused unit after unit (cleared, not reallocated). */
type Scratch = {
  readonly sites: readonly Site[]
  readonly knownTypes: ReadonlySet<string>
  /** Objective ids across units (ids are evaluation-wide) → the site and unit index where first seen. */
  readonly seenIds: Map<string, number>
  /** This unit's cell types → index of the first cell of that type. */
  readonly cellTypes: Map<string, number>
  /** This unit's objective types already reported as mixed with a cell. */
  readonly objectiveTypesSeen: Set<string>
}

/**
 * Add the problems of one unit's objectives to `out`: each cell and
 * objective, a second cell for the same type, and a type recorded both as a
 * cell and as objectives. Paths and `where` texts are only built for a problem.
 */
/** Site index × UNIT_SLOTS + unit index, one number per place (units per site stay far below 2^26). */
const UNIT_SLOTS = 2 ** 26

const objectiveWhere = (site: Site, unit: Unit, id: unknown): string =>
  `${unitWhere(site, unit)} › objectives › objective ${String(id)}`

const unitProblems = (site: Site, unit: Unit, i: number, j: number, scratch: Scratch, out: Problem[]): void => {
  const { knownTypes, seenIds, cellTypes, objectiveTypesSeen } = scratch
  cellTypes.clear()
  objectiveTypesSeen.clear()
  const cells = unit.objectiveCells
  for (let k = 0; k < cells.length; k++) {
    const cell = cells[k]!
    if (!cellIsSound(cell, knownTypes))
      out.push(...cellProblems(cell, knownTypes, [...unitPath(i, j), 'objectiveCells', k], unitWhere(site, unit)))
    const first = cellTypes.get(cell.type)
    if (first === undefined) cellTypes.set(cell.type, k)
    else
      out.push(
        problem(
          [...unitPath(i, j), 'objectiveCells', k, 'type'],
          `one cell per unit × type (objectiveCells[${first}] already has type ${showValue(cell.type)})`,
          cell.type,
          'duplicate',
          cellWhere(unitWhere(site, unit), cell.type),
        ),
      )
  }
  const objectives = unit.objectives
  for (let k = 0; k < objectives.length; k++) {
    const o = objectives[k]!
    if (!objectiveIsSound(o, knownTypes))
      out.push(...objectiveItemProblems(o, knownTypes, [...unitPath(i, j), 'objectives', k], unitWhere(site, unit)))
    const firstAt = seenIds.get(o.id)
    if (firstAt !== undefined) {
      const [fi, fj] = [Math.floor(firstAt / UNIT_SLOTS), firstAt % UNIT_SLOTS]
      const firstSite = scratch.sites[fi]!
      out.push(
        problem(
          [...unitPath(i, j), 'objectives', k, 'id'],
          `a unique objective id (already used at ${objectiveWhere(firstSite, firstSite.units[fj]!, o.id)})`,
          o.id,
          'duplicate',
          objectiveWhere(site, unit, o.id),
        ),
      )
    } else seenIds.set(o.id, i * UNIT_SLOTS + j)
    if (cellTypes.has(o.type) && !objectiveTypesSeen.has(o.type))
      out.push(
        problem(
          [...unitPath(i, j), 'objectives', k, 'type'],
          'either a count cell or individual objectives for a type in one unit, not both',
          o.type,
          'consistency',
          cellWhere(unitWhere(site, unit), o.type),
        ),
      )
    objectiveTypesSeen.add(o.type)
  }
  if (!impactIsSound(unit.impact))
    out.push(...impactProblems(unit.impact, [...unitPath(i, j), 'impact'], unitWhere(site, unit)))
}

/**
 * Cross-field checks of objectives, attribution and impact in an evaluation,
 * beyond what the codecs check: attained > total, negative / non-integer /
 * NaN / Infinity counts, an unknown objective type, an attribution or impact
 * outside its scale, a duplicate unit × type cell, a cell and individual
 * objectives of the same type in one unit, duplicate objective (type) ids.
 * `decodeEvaluation` runs it after shape decoding; it is also usable alone.
 * @param ev the evaluation to check (not mutated)
 * @param max - stop after this many problems (default: all).
 * @returns every problem found, each with a JSON path and a domain `where`; `[]` when sound
 * @example
 * objectiveProblems(mhipEvaluation) //=> []
 * // Table 7's Acute care outcome cell ?/2 written as 3/2
 * const [ss, ...sites] = mhipEvaluation.sites
 * const [acute, ...units] = ss.units
 * const cells = [acute.objectiveCells[0], { ...acute.objectiveCells[1], attained: 3 }]
 * objectiveProblems({ ...mhipEvaluation, sites: [{ ...ss, units: [{ ...acute, objectiveCells: cells }, ...units] }, ...sites] })
 * //=> [{ path: ['sites', 0, 'units', 0, 'objectiveCells', 1, 'attained'],
 * //      where: 'site south-staffordshire › unit acute-care › objectives › type outcome',
 * //      expected: 'attained ≤ total (2)', found: '3', code: 'consistency' }]
 */
export const objectiveProblems = (ev: Evaluation, max = Infinity): Problem[] => {
  const out: Problem[] = []
  const knownTypes = new Set<string>()
  ev.objectiveTypes.forEach((ot, k) => {
    if (knownTypes.has(ot.id))
      out.push(
        problem(
          ['objectiveTypes', k, 'id'],
          'a unique objective type id',
          ot.id,
          'duplicate',
          `objective type ${String(ot.id)}`,
        ),
      )
    knownTypes.add(ot.id)
  })
  const scratch: Scratch = {
    sites: ev.sites,
    knownTypes,
    seenIds: new Map(),
    cellTypes: new Map(),
    objectiveTypesSeen: new Set(),
  }
  // Checking stops once `max` problems are found (a unit is checked whole).
  for (let i = 0; i < ev.sites.length && out.length < max; i++) {
    const site = ev.sites[i]!
    for (let j = 0; j < site.units.length && out.length < max; j++)
      unitProblems(site, site.units[j]!, i, j, scratch, out)
  }
  return out
}
