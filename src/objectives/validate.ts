import type { Evaluation, Site, Unit } from '../model/evaluation.js'
import { ATTRIBUTION_LEVELS, IMPACT_LEVELS, OBJECTIVE_STATUSES, type Impact, type Objective, type ObjectiveCell } from '../model/objectives.js'
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
    : [problem(path, 'an attribution on the scale high | medium | low | no, or "na" (leave it out when not recorded)', a, 'value', where)]

const typeProblems = (type: unknown, knownTypes: ReadonlySet<string>, path: Path, where: string): Problem[] =>
  typeof type === 'string' && knownTypes.has(type)
    ? []
    : [problem(path, `an objective type of the evaluation (${[...knownTypes].join(' | ') || 'none defined'})`, type, 'reference', where)]

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
export const cellProblems = (cell: ObjectiveCell, knownTypes: ReadonlySet<string>, path: Path, unitW: string): Problem[] => {
  const where = cellWhere(unitW, String(cell.type))
  const out: Problem[] = [
    ...typeProblems(cell.type, knownTypes, [...path, 'type'], where),
    ...countProblems(cell.total, [...path, 'total'], where, 'total'),
    ...(cell.attained === null ? [] : countProblems(cell.attained, [...path, 'attained'], where, 'attained (or null when unknown)')),
    ...attributionProblems(cell.attribution, [...path, 'attribution'], where),
  ]
  if (isCount(cell.total) && cell.total === 0)
    out.push(problem([...path, 'total'], 'a total of at least 1 (leave the cell out when a unit has no objectives of a type)', 0, 'value', where))
  if (isCount(cell.total) && isCount(cell.attained) && cell.attained > cell.total)
    out.push(problem([...path, 'attained'], `attained ≤ total (${cell.total})`, cell.attained, 'consistency', where))
  return out
}

/**
 * Problems of one individual objective: an unknown type, a status outside
 * attained | not-attained | unknown, an attribution outside the scale.
 * @example
 * objectiveItemProblems({ id: 'o1', type: 'outcome', status: 'done' }, new Set(['outcome']), ['o'], 'site s › unit u')
 * //=> [{ expected: 'an objective status (attained | not-attained | unknown)', found: '"done"', … }]
 */
export const objectiveItemProblems = (o: Objective, knownTypes: ReadonlySet<string>, path: Path, unitW: string): Problem[] => {
  const where = `${unitW} › objectives › objective ${String(o.id)}`
  return [
    ...typeProblems(o.type, knownTypes, [...path, 'type'], where),
    ...(STATUSES.includes(o.status) ? [] : [problem([...path, 'status'], 'an objective status (attained | not-attained | unknown)', o.status, 'value', where)]),
    ...attributionProblems(o.attribution, [...path, 'attribution'], where),
  ]
}

/**
 * Problems of a unit's impact: a level outside none | low | medium | high | na.
 * @example
 * impactProblems({ level: 'huge' }, ['i'], 'site s › unit u') //=> [{ found: '"huge"', code: 'value', … }]
 */
export const impactProblems = (impact: Impact | undefined, path: Path, unitW: string): Problem[] =>
  impact === undefined || IMPACTS.includes(impact.level)
    ? []
    : [problem([...path, 'level'], 'an impact level none | low | medium | high, or "na"', impact.level, 'value', `${unitW} › impact`)]

/**
 * Problems of one unit's objectives: each cell and objective, a second cell
 * for the same type, and a type recorded both as a cell and as objectives.
 * `seenIds` collects objective ids across units (ids are evaluation-wide).
 */
const unitProblems = (
  site: Site,
  unit: Unit,
  path: Path,
  knownTypes: ReadonlySet<string>,
  seenIds: Map<string, string>,
): Problem[] => {
  const unitW = unitWhere(site, unit)
  const out: Problem[] = []
  const cellTypes = new Map<string, number>()
  unit.objectiveCells.forEach((cell, k) => {
    const cellPath = [...path, 'objectiveCells', k]
    out.push(...cellProblems(cell, knownTypes, cellPath, unitW))
    const first = cellTypes.get(cell.type)
    if (first === undefined) cellTypes.set(cell.type, k)
    else out.push(problem([...cellPath, 'type'], `one cell per unit × type (objectiveCells[${first}] already has type ${showValue(cell.type)})`, cell.type, 'duplicate', cellWhere(unitW, cell.type)))
  })
  const objectiveTypesSeen = new Set<string>()
  unit.objectives.forEach((o, k) => {
    const oPath = [...path, 'objectives', k]
    out.push(...objectiveItemProblems(o, knownTypes, oPath, unitW))
    const firstAt = seenIds.get(o.id)
    const here = `${unitW} › objectives › objective ${String(o.id)}`
    if (firstAt !== undefined) out.push(problem([...oPath, 'id'], `a unique objective id (already used at ${firstAt})`, o.id, 'duplicate', here))
    else seenIds.set(o.id, here)
    if (cellTypes.has(o.type) && !objectiveTypesSeen.has(o.type))
      out.push(problem([...oPath, 'type'], 'either a count cell or individual objectives for a type in one unit, not both', o.type, 'consistency', cellWhere(unitW, o.type)))
    objectiveTypesSeen.add(o.type)
  })
  out.push(...impactProblems(unit.impact, [...path, 'impact'], unitW))
  return out
}

/**
 * Cross-field checks of objectives, attribution and impact in an evaluation,
 * beyond what the codecs check: attained > total, negative / non-integer /
 * NaN / Infinity counts, an unknown objective type, an attribution or impact
 * outside its scale, a duplicate unit × type cell, a cell and individual
 * objectives of the same type in one unit, duplicate objective (type) ids.
 * `decodeEvaluation` runs it after shape decoding; it is also usable alone.
 * @param ev the evaluation to check (not mutated)
 * @returns every problem found, each with a JSON path and a domain `where`; `[]` when sound
 * @example
 * objectiveProblems(mhipEvaluation) //=> []
 * objectiveProblems(withCell({ type: 'outcome', attained: 3, total: 2 }))
 * //=> [{ path: ['sites', 0, 'units', 0, 'objectiveCells', 1, 'attained'],
 * //      where: 'site south-staffordshire › unit acute-care › objectives › type outcome',
 * //      expected: 'attained ≤ total (2)', found: '3', code: 'consistency' }]
 */
export const objectiveProblems = (ev: Evaluation): Problem[] => {
  const out: Problem[] = []
  const knownTypes = new Set<string>()
  ev.objectiveTypes.forEach((ot, k) => {
    if (knownTypes.has(ot.id)) out.push(problem(['objectiveTypes', k, 'id'], 'a unique objective type id', ot.id, 'duplicate', `objective type ${String(ot.id)}`))
    knownTypes.add(ot.id)
  })
  const seenIds = new Map<string, string>()
  ev.sites.forEach((site, i) =>
    site.units.forEach((unit, j) => out.push(...unitProblems(site, unit, unitPath(i, j), knownTypes, seenIds))),
  )
  return out
}
