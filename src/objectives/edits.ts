/**
 * Edits of objectives, count cells, impact and objective types, built with
 * `defineEdit` and applied with `applyEdit` (which never mutates its input).
 * Each edit's check refuses, with a clear problem, anything that would break
 * what `objectiveProblems` guards: a dangling site/unit/type, a duplicate id
 * or cell, attained > total, a cell and listed objectives of one type.
 * Units are named by id, as in the other edits (`rate`, `renameUnit`).
 * @module
 */
import * as E from 'fp-ts/lib/Either.js'
import { original, type Draft } from 'immer'
import { argProblem, codecArg, newIdArg, roomArg, stringArg } from '../edit/args.js'
import { defineEdit } from '../edit/define.js'
import { locateUnit } from '../edit/locate.js'
import type { Evaluation, Site, Unit } from '../model/evaluation.js'
import type {
  Attribution,
  Impact,
  Objective,
  ObjectiveCell,
  ObjectiveStatus,
  ObjectiveType,
} from '../model/objectives.js'
import { ImpactC, OBJECTIVE_STATUSES, ObjectiveC, ObjectiveCellC, ObjectiveTypeC } from '../model/objectives.js'
import type { ObjectiveTypeId } from '../model/ids.js'
import { problem, type Problem } from '../model/problem.js'
import { cellProblems, impactProblems, objectiveItemProblems } from './validate.js'
import { cellWhere, unitWhere } from './where.js'

/**
 * The shape problems of an argument written into the document as it is
 * (`codecArg`), less those of the fields the edit's own checks name in domain
 * terms; `whole` when the argument is not an object of that shape at all.
 */
const shapeOf = (
  op: string,
  arg: string,
  codec: Parameters<typeof codecArg>[2],
  value: unknown,
  named: readonly string[],
) => {
  const found = codecArg(op, arg, codec, value)
  const whole =
    typeof value !== 'object' ||
    value === null ||
    Array.isArray(value) ||
    found.some((p) => p.path.length === 1 || p.path[1] === '__proto__')
  return { whole, problems: whole ? found : found.filter((p) => !named.includes(String(p.path[1]))) }
}

/** The unit an objective edit is about, by id (unit ids are unique across sites, as in `rate`). */
export type UnitRef = { readonly unit: string }
type Located = { readonly site: Site; readonly unit: Unit }

const locate = (ev: Evaluation, op: string, unitId: unknown): E.Either<Problem[], Located> => {
  const at = typeof unitId === 'string' ? locateUnit(ev, unitId) : undefined
  if (at === undefined)
    return E.left([argProblem(op, 'unit', 'the id of a unit of this evaluation', unitId, 'reference')])
  const site = ev.sites[at.site]!
  return E.right({ site, unit: site.units[at.unit]! })
}

const typeIds = (ev: Evaluation): Set<string> => new Set(ev.objectiveTypes.map((t) => t.id))
/** Problems of the edit's check, or of locating the unit when that failed. */
const withUnit = (ev: Evaluation, op: string, ref: UnitRef, check: (at: Located) => Problem[]): Problem[] =>
  E.fold((ps: Problem[]) => ps, check)(locate(ev, op, ref.unit))
/** The draft of the edit's unit; only called after the check passed, so it exists. */
const draftUnit = (d: Draft<Evaluation>, ref: UnitRef): Draft<Unit> => {
  const at = locateUnit(original(d)!, ref.unit)!
  return d.sites[at.site]!.units[at.unit]!
}

/**
 * Add one individual objective to a unit. Refused when the id is already used
 * anywhere in the evaluation, the type is unknown, the status or attribution
 * is outside its set, or the unit records that type as a count cell (convert
 * by removing the cell first, so no count is silently doubled).
 * @example
 * const r = applyEdit(mhipEvaluation, addObjective({ unit: 'access', objective: { id: 'o1', type: 'process', status: 'attained' } }))
 * isRight(r) && r.right.sites[3].units[0].objectives //=> [{ id: 'o1', type: 'process', status: 'attained' }]
 * applyEdit(mhipEvaluation, addObjective({ unit: 'access', objective: { id: 'o2', type: 'analysis-planning', status: 'attained' } }))
 * //=> left([{ where: 'site south-west-london › unit access › objectives › type analysis-planning', expected: 'either a count cell or individual objectives …', … }])
 */
export const addObjective = defineEdit<
  UnitRef & {
    readonly objective: {
      readonly id: string
      readonly type: string
      readonly status: ObjectiveStatus
      readonly text?: string
      readonly attribution?: Attribution
    }
  }
>(
  'addObjective',
  (ev, args) =>
    withUnit(ev, 'addObjective', args, (loc) => {
      const o = args.objective as Objective
      const unitW = unitWhere(loc.site, loc.unit)
      // Only what the document may hold is written: the objective must decode (text, ref, no unknown field).
      const shape = shapeOf('addObjective', 'objective', ObjectiveC, o, ['type', 'status', 'attribution'])
      if (shape.whole) return shape.problems
      const out = [...shape.problems, ...objectiveItemProblems(o, typeIds(ev), ['objective'], unitW)]
      out.push(...roomArg('addObjective', 'unit', loc.unit.objectives.length, `the objectives of ${unitW}`))
      out.push(
        ...newIdArg('addObjective', 'objective.id', o.id, 'objective', (id) =>
          ev.sites.some((s) => s.units.some((u) => u.objectives.some((x) => x.id === id))),
        ),
      )
      if (loc.unit.objectiveCells.some((c) => c.type === o.type))
        out.push(
          problem(
            ['objective', 'type'],
            'either a count cell or individual objectives for a type in one unit, not both (remove the cell first)',
            o.type,
            'consistency',
            cellWhere(unitW, o.type),
          ),
        )
      return out
    }),
  (d, args) => {
    draftUnit(d, args).objectives.push(structuredClone(args.objective) as Draft<Objective>)
  },
)

/**
 * Set the status of an individual objective (attained / not-attained / unknown).
 * @example
 * const withO1 = edit(mhipEvaluation, addObjective({ unit: 'access', objective: { id: 'o1', type: 'process', status: 'attained' } }))
 * const r = applyEdit(withO1, setObjectiveStatus({ unit: 'access', objective: 'o1', status: 'unknown' }))
 * isRight(r) && r.right.sites[3].units[0].objectives //=> [{ id: 'o1', type: 'process', status: 'unknown' }]
 * applyEdit(withO1, setObjectiveStatus({ unit: 'access', objective: 'o9', status: 'unknown' }))
 * //=> left([{ where: 'setObjectiveStatus › objective', expected: 'an objective id of unit access (o1)', found: '"o9"', … }])
 */
export const setObjectiveStatus = defineEdit<
  UnitRef & { readonly objective: string; readonly status: ObjectiveStatus }
>(
  'setObjectiveStatus',
  (ev, args) =>
    withUnit(ev, 'setObjectiveStatus', args, (loc) => {
      const out: Problem[] = []
      if (!loc.unit.objectives.some((o) => o.id === args.objective))
        out.push(
          argProblem(
            'setObjectiveStatus',
            'objective',
            `an objective id of unit ${loc.unit.id} (${loc.unit.objectives.map((o) => o.id).join(' | ') || 'it lists none'})`,
            args.objective,
            'reference',
          ),
        )
      if (!(OBJECTIVE_STATUSES as readonly unknown[]).includes(args.status))
        out.push(
          argProblem(
            'setObjectiveStatus',
            'status',
            'an objective status (attained | not-attained | unknown)',
            args.status,
          ),
        )
      return out
    }),
  (d, args) => {
    const o = draftUnit(d, args).objectives.find((x) => x.id === args.objective)!
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
 * applyEdit(mhipEvaluation, setObjectiveCell({ unit: 'acute-care', cell: { type: 'outcome', attained: 3, total: 2 } }))
 * //=> left([{ where: 'site south-staffordshire › unit acute-care › objectives › type outcome', expected: 'attained ≤ total (2)', found: '3', … }])
 */
export const setObjectiveCell = defineEdit<
  UnitRef & {
    readonly cell: {
      readonly type: string
      readonly attained: number | null
      readonly total: number
      readonly attribution?: Attribution
    }
  }
>(
  'setObjectiveCell',
  (ev, args) =>
    withUnit(ev, 'setObjectiveCell', args, (loc) => {
      const cell = args.cell as ObjectiveCell
      // Type, counts (NaN, Infinity, negative) and attribution are named by cellProblems; every other field must decode.
      const shape = shapeOf('setObjectiveCell', 'cell', ObjectiveCellC, cell, [
        'type',
        'attained',
        'total',
        'attribution',
      ])
      if (shape.whole) return shape.problems
      const unitW = unitWhere(loc.site, loc.unit)
      const out = [...shape.problems, ...cellProblems(cell, typeIds(ev), ['cell'], unitW)]
      if (loc.unit.objectives.some((o) => o.type === cell.type))
        out.push(
          problem(
            ['cell', 'type'],
            'either a count cell or individual objectives for a type in one unit, not both',
            cell.type,
            'consistency',
            cellWhere(unitW, cell.type),
          ),
        )
      return out
    }),
  (d, args) => {
    const cells = draftUnit(d, args).objectiveCells
    const k = cells.findIndex((c) => c.type === args.cell.type)
    const cell = structuredClone(args.cell) as Draft<ObjectiveCell>
    if (k === -1) cells.push(cell)
    else cells[k] = cell
  },
)

/**
 * Remove a unit's count cell of one type (the unit then has no objectives of it).
 * @example
 * applyEdit(mhipEvaluation, removeObjectiveCell({ unit: 'access', type: 'outcome' }))
 * //=> left([{ where: 'removeObjectiveCell › type', expected: 'the type of a cell of unit access (analysis-planning)', found: '"outcome"', … }])
 */
export const removeObjectiveCell = defineEdit<UnitRef & { readonly type: string }>(
  'removeObjectiveCell',
  (ev, args) =>
    withUnit(ev, 'removeObjectiveCell', args, (loc) =>
      loc.unit.objectiveCells.some((c) => c.type === args.type)
        ? []
        : [
            argProblem(
              'removeObjectiveCell',
              'type',
              `the type of a cell of unit ${loc.unit.id} (${loc.unit.objectiveCells.map((c) => c.type).join(' | ') || 'it has none'})`,
              args.type,
              'reference',
            ),
          ],
    ),
  (d, args) => {
    const u = draftUnit(d, args)
    u.objectiveCells = u.objectiveCells.filter((c) => c.type !== args.type)
  },
)

/**
 * Set a unit's impact on service quality, or remove it with `impact: null`
 * (not recorded, which is not the same as NA).
 * @example
 * applyEdit(mhipEvaluation, setImpact({ unit: 'access', impact: { level: 'high', qualifier: 'after 2008' } }))
 * //=> right({ sites: [… , { id: 'south-west-london', units: [{ id: 'access', impact: { level: 'high', qualifier: 'after 2008' }, … }, …], … }], … })
 */
export const setImpact = defineEdit<UnitRef & { readonly impact: Impact | null }>(
  'setImpact',
  (ev, args) =>
    withUnit(ev, 'setImpact', args, (loc) => {
      if (args.impact === null) return []
      if (typeof args.impact !== 'object')
        return [argProblem('setImpact', 'impact', 'an impact { level, qualifier? } or null', args.impact, 'shape')]
      const out = impactProblems(args.impact, ['impact'], unitWhere(loc.site, loc.unit))
      if (args.impact.qualifier !== undefined && typeof args.impact.qualifier !== 'string')
        out.push(
          problem(
            ['impact', 'qualifier'],
            'free text (a string)',
            args.impact.qualifier,
            'shape',
            `${unitWhere(loc.site, loc.unit)} › impact`,
          ),
        )
      // The level and qualifier are named above; anything else (ref, an unknown field) must decode.
      out.push(...shapeOf('setImpact', 'impact', ImpactC, args.impact, ['level', 'qualifier']).problems)
      return out
    }),
  (d, args) => {
    const u = draftUnit(d, args)
    if (args.impact === null) delete u.impact
    else u.impact = structuredClone(args.impact) as Draft<Impact>
  },
)

/**
 * Add an objective type (the set is data, so a study can go beyond the three
 * MHIP types). Refused on an empty or already used id, or an empty label.
 * @example
 * applyEdit(mhipEvaluation, addObjectiveType({ type: { id: 'sustainability', label: 'Sustainability' } }))
 * //=> right({ objectiveTypes: [{ id: 'analysis-planning', … }, { id: 'process', … }, { id: 'outcome', … }, { id: 'sustainability', label: 'Sustainability' }], … })
 */
export const addObjectiveType = defineEdit<{
  readonly type: { readonly id: string; readonly label: string; readonly description?: string }
}>(
  'addObjectiveType',
  (ev, { type }) => {
    if (typeof type !== 'object' || type === null)
      return [argProblem('addObjectiveType', 'type', 'an objective type { id, label, description? }', type, 'shape')]
    return [
      ...newIdArg('addObjectiveType', 'type.id', type.id, 'objective type', (id) =>
        ev.objectiveTypes.some((t) => t.id === id),
      ),
      ...roomArg('addObjectiveType', 'type', ev.objectiveTypes.length, 'the objective types'),
      ...stringArg('addObjectiveType', 'type.label', type.label),
      ...stringArg('addObjectiveType', 'type.description', type.description, { optional: true, nonEmpty: false }),
      // Anything else (ref, an unknown field) must decode.
      ...shapeOf('addObjectiveType', 'type', ObjectiveTypeC, type, ['id', 'label', 'description']).problems,
    ]
  },
  (d, { type }) => {
    d.objectiveTypes.push({ ...structuredClone(type), id: type.id as ObjectiveTypeId } as Draft<ObjectiveType>)
  },
)
