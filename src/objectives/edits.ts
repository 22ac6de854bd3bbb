/**
 * Edits of objectives, count cells, impact and objective types, built with
 * `defineEdit` and applied with `applyEdit` (which never mutates its input).
 * Each edit's check refuses, with a clear problem, anything that would break
 * what `objectiveProblems` guards: a dangling site/unit/type, a duplicate id
 * or cell, attained > total, a cell and listed objectives of one type.
 * Sites may be named by id, name or alias; units by id.
 * @module
 */
import * as E from 'fp-ts/lib/Either.js'
import type { Draft } from 'immer'
import { defineEdit } from '../edit/define.js'
import type { Evaluation, Site, Unit } from '../model/evaluation.js'
import type { Attribution, Impact, Objective, ObjectiveCell, ObjectiveStatus, ObjectiveType } from '../model/objectives.js'
import { OBJECTIVE_STATUSES } from '../model/objectives.js'
import type { ObjectiveTypeId } from '../model/ids.js'
import { problem, type Problem } from '../model/problem.js'
import { resolveSite } from './resolve-site.js'
import { cellProblems, impactProblems, objectiveItemProblems } from './validate.js'
import { cellWhere, unitWhere } from './where.js'

/** Where an edit's target unit is. */
type Located = { readonly i: number; readonly j: number; readonly site: Site; readonly unit: Unit }
/** A unit named in an edit: a site (id, name or alias) and a unit id within it. */
export type UnitRef = { readonly site: string; readonly unit: string }

const locate = (ev: Evaluation, op: string, ref: UnitRef): E.Either<Problem[], Located> => {
  const site = resolveSite(ev, ref.site)
  if (E.isLeft(site)) return E.left(site.left.map((p) => ({ ...p, path: ['site'], where: `${op} › site` })))
  const i = ev.sites.indexOf(site.right)
  const j = site.right.units.findIndex((u) => u.id === ref.unit)
  const unit = site.right.units[j]
  if (unit === undefined)
    return E.left([problem(['unit'], `a unit id of site ${site.right.id} (${site.right.units.map((u) => u.id).join(' | ')})`, ref.unit, 'reference', `${op} › unit`)])
  return E.right({ i, j, site: site.right, unit })
}

const typeIds = (ev: Evaluation): Set<string> => new Set(ev.objectiveTypes.map((t) => t.id))
const draftUnit = (d: Draft<Evaluation>, at: Located): Draft<Unit> => d.sites[at.i]!.units[at.j]!
/** Problems of the edit's check, or of locating the unit when that failed. */
const withUnit = (ev: Evaluation, op: string, ref: UnitRef, check: (at: Located) => Problem[]): Problem[] =>
  E.fold((ps: Problem[]) => ps, check)(locate(ev, op, ref))
// Only called after check passed, so the unit exists.
const at = (ev: Evaluation, ref: UnitRef): Located => (locate(ev, '', ref) as E.Right<Located>).right

/**
 * Add one individual objective to a unit. Refused when the id is already used
 * anywhere in the evaluation, the type is unknown, the status or attribution
 * is outside its set, or the unit records that type as a count cell (convert
 * by removing the cell first, so no count is silently doubled).
 * @example
 * applyEdit(mhipEvaluation, addObjective({ site: 'SWLSG', unit: 'access', objective: { id: 'o1', type: 'process', status: 'attained' } }))
 * //=> right(evaluation with the objective)
 * applyEdit(mhipEvaluation, addObjective({ site: 'SWLSG', unit: 'access', objective: { id: 'o2', type: 'analysis-planning', status: 'attained' } }))
 * //=> left([{ where: 'site south-west-london › unit access › objectives › type analysis-planning', expected: 'either a count cell or individual objectives …' }])
 */
export const addObjective = defineEdit<UnitRef & { readonly objective: { readonly id: string; readonly type: string; readonly status: ObjectiveStatus; readonly text?: string; readonly attribution?: Attribution } }>(
  'addObjective',
  (ev, args) =>
    withUnit(ev, 'addObjective', args, (loc) => {
      const o = args.objective as Objective
      const unitW = unitWhere(loc.site, loc.unit)
      const out = objectiveItemProblems(o, typeIds(ev), ['objective'], unitW)
      if (typeof o.id !== 'string' || o.id === '') out.push(problem(['objective', 'id'], 'a non-empty objective id', o.id, 'shape', 'addObjective › objective › id'))
      else if (ev.sites.some((s) => s.units.some((u) => u.objectives.some((x) => x.id === o.id))))
        out.push(problem(['objective', 'id'], 'an objective id not yet used in the evaluation', o.id, 'duplicate', `${unitW} › objectives › objective ${o.id}`))
      if (loc.unit.objectiveCells.some((c) => c.type === o.type))
        out.push(problem(['objective', 'type'], 'either a count cell or individual objectives for a type in one unit, not both (remove the cell first)', o.type, 'consistency', cellWhere(unitW, o.type)))
      return out
    }),
  (d, args) => {
    draftUnit(d, at(d as Evaluation, args)).objectives.push({ ...args.objective } as Draft<Objective>)
  },
)

/**
 * Set the status of an individual objective (attained / not-attained / unknown).
 * @example
 * applyEdit(ev, setObjectiveStatus({ site: 'SWLSG', unit: 'access', objective: 'o1', status: 'unknown' }))
 * //=> right(evaluation with o1 unknown)
 */
export const setObjectiveStatus = defineEdit<UnitRef & { readonly objective: string; readonly status: ObjectiveStatus }>(
  'setObjectiveStatus',
  (ev, args) =>
    withUnit(ev, 'setObjectiveStatus', args, (loc) => {
      const out: Problem[] = []
      if (!loc.unit.objectives.some((o) => o.id === args.objective))
        out.push(problem(['objective'], `an objective id of unit ${loc.unit.id} (${loc.unit.objectives.map((o) => o.id).join(' | ') || 'it lists none'})`, args.objective, 'reference', 'setObjectiveStatus › objective'))
      if (!(OBJECTIVE_STATUSES as readonly unknown[]).includes(args.status))
        out.push(problem(['status'], 'an objective status (attained | not-attained | unknown)', args.status, 'value', 'setObjectiveStatus › status'))
      return out
    }),
  (d, args) => {
    const o = draftUnit(d, at(d as Evaluation, args)).objectives.find((x) => x.id === args.objective)!
    o.status = args.status
  },
)

/**
 * Set (add or replace) a unit's count cell for one type, e.g. Table 7's
 * `?/2` as `{ type: 'outcome', attained: null, total: 2, attribution: 'low' }`.
 * Refused on attained > total, a count that is not a whole number ≥ 0 (NaN
 * and Infinity named), total 0, an unknown type, an attribution outside the
 * scale, or listed objectives of that type in the unit.
 * @example
 * applyEdit(mhipEvaluation, setObjectiveCell({ site: 'SSHT', unit: 'acute-care', cell: { type: 'outcome', attained: 3, total: 2 } }))
 * //=> left([{ where: 'site south-staffordshire › unit acute-care › objectives › type outcome', expected: 'attained ≤ total (2)', found: '3' }])
 */
export const setObjectiveCell = defineEdit<UnitRef & { readonly cell: { readonly type: string; readonly attained: number | null; readonly total: number; readonly attribution?: Attribution } }>(
  'setObjectiveCell',
  (ev, args) =>
    withUnit(ev, 'setObjectiveCell', args, (loc) => {
      const cell = args.cell as ObjectiveCell
      const unitW = unitWhere(loc.site, loc.unit)
      const out = cellProblems(cell, typeIds(ev), ['cell'], unitW)
      if (loc.unit.objectives.some((o) => o.type === cell.type))
        out.push(problem(['cell', 'type'], 'either a count cell or individual objectives for a type in one unit, not both', cell.type, 'consistency', cellWhere(unitW, cell.type)))
      return out
    }),
  (d, args) => {
    const cells = draftUnit(d, at(d as Evaluation, args)).objectiveCells
    const k = cells.findIndex((c) => c.type === args.cell.type)
    const cell = { ...args.cell } as Draft<ObjectiveCell>
    if (k === -1) cells.push(cell)
    else cells[k] = cell
  },
)

/**
 * Remove a unit's count cell of one type (the unit then has no objectives of it).
 * @example
 * applyEdit(mhipEvaluation, removeObjectiveCell({ site: 'SWLSG', unit: 'access', type: 'outcome' }))
 * //=> left([{ where: 'removeObjectiveCell › type', expected: 'the type of a cell of unit access (analysis-planning)', found: '"outcome"' }])
 */
export const removeObjectiveCell = defineEdit<UnitRef & { readonly type: string }>(
  'removeObjectiveCell',
  (ev, args) =>
    withUnit(ev, 'removeObjectiveCell', args, (loc) =>
      loc.unit.objectiveCells.some((c) => c.type === args.type)
        ? []
        : [problem(['type'], `the type of a cell of unit ${loc.unit.id} (${loc.unit.objectiveCells.map((c) => c.type).join(' | ') || 'it has none'})`, args.type, 'reference', 'removeObjectiveCell › type')],
    ),
  (d, args) => {
    const u = draftUnit(d, at(d as Evaluation, args))
    u.objectiveCells = u.objectiveCells.filter((c) => c.type !== args.type)
  },
)

/**
 * Set a unit's impact on service quality, or remove it with `impact: null`
 * (not recorded, which is not the same as NA).
 * @example
 * applyEdit(mhipEvaluation, setImpact({ site: 'SWLSG', unit: 'access', impact: { level: 'high', qualifier: 'after 2008' } }))
 * //=> right(evaluation with the new impact)
 */
export const setImpact = defineEdit<UnitRef & { readonly impact: Impact | null }>(
  'setImpact',
  (ev, args) =>
    withUnit(ev, 'setImpact', args, (loc) => {
      if (args.impact === null) return []
      if (typeof args.impact !== 'object') return [problem(['impact'], 'an impact { level, qualifier? } or null', args.impact, 'shape', 'setImpact › impact')]
      const out = impactProblems(args.impact, ['impact'], unitWhere(loc.site, loc.unit))
      if (args.impact.qualifier !== undefined && typeof args.impact.qualifier !== 'string')
        out.push(problem(['impact', 'qualifier'], 'free text (a string)', args.impact.qualifier, 'shape', `${unitWhere(loc.site, loc.unit)} › impact`))
      return out
    }),
  (d, args) => {
    const u = draftUnit(d, at(d as Evaluation, args))
    if (args.impact === null) delete u.impact
    else u.impact = { ...args.impact } as Draft<Impact>
  },
)

/**
 * Add an objective type (the set is data, so a study can go beyond the three
 * MHIP types). Refused on an empty or already used id, or an empty label.
 * @example
 * applyEdit(mhipEvaluation, addObjectiveType({ type: { id: 'sustainability', label: 'Sustainability' } }))
 * //=> right(evaluation with 4 objective types)
 */
export const addObjectiveType = defineEdit<{ readonly type: { readonly id: string; readonly label: string; readonly description?: string } }>(
  'addObjectiveType',
  (ev, { type }) => {
    const out: Problem[] = []
    if (typeof type?.id !== 'string' || type.id === '') out.push(problem(['type', 'id'], 'a non-empty objective type id', type?.id, 'shape', 'addObjectiveType › type › id'))
    else if (ev.objectiveTypes.some((t) => t.id === type.id))
      out.push(problem(['type', 'id'], `an objective type id not yet used (${ev.objectiveTypes.map((t) => t.id).join(' | ')})`, type.id, 'duplicate', `objective type ${type.id}`))
    if (typeof type?.label !== 'string' || type.label.trim() === '') out.push(problem(['type', 'label'], 'a non-empty label', type?.label, 'shape', 'addObjectiveType › type › label'))
    return out
  },
  (d, { type }) => {
    d.objectiveTypes.push({ ...type, id: type.id as ObjectiveTypeId } as Draft<ObjectiveType>)
  },
)
