/**
 * Edits of units: `addUnit`, `renameUnit`, `removeUnit`.
 * @module
 */
import { castDraft, original } from 'immer'
import type { Evaluation, Unit } from '../model/evaluation.js'
import type { UnitId } from '../model/ids.js'
import { showName, type Problem } from '../model/problem.js'
import { defineEdit } from './define.js'
import { argProblem, newIdArg, roomArg, stringArg, stringsArg } from './args.js'
import { locateUnit, siteIndex } from './locate.js'
import { listed, unitReferences } from './references.js'

/** Arguments of `addUnit`. */
export interface AddUnitArgs {
  /** The site the unit belongs to. */
  readonly site: string
  /** A new id, unique across all sites. */
  readonly id: string
  readonly name: string
  readonly aliases?: readonly string[]
}

/**
 * Add a rated unit (a workstream) to a site, with no ratings and no
 * objectives. Refused when the site is unknown or the id is taken anywhere in
 * the evaluation (unit ids are unique across sites).
 * @param args the site, the new unit's id and name, and optional aliases
 * @returns an edit; apply it with `applyEdit` (or `edit`, `recordEdit`)
 * @example
 * const ev = edit(mhipEvaluation, addUnit({ site: 'south-west-yorkshire', id: 'crisis', name: 'Crisis care' }))
 * ev.sites[2].units.map((u) => u.id) //=> ['service-development', 'crisis']
 * applyEdit(ev, addUnit({ site: 'leicestershire', id: 'crisis', name: 'Crisis care' }))
 * //=> left([{ where: 'addUnit › id', expected: 'a unit id not used yet', found: '"crisis"', code: 'duplicate', … }])
 */
export const addUnit = defineEdit<AddUnitArgs>(
  'addUnit',
  (ev, args) => {
    const site = typeof args.site === 'string' ? ev.sites[siteIndex(ev, args.site)] : undefined
    return [
      ...(site !== undefined
        ? roomArg('addUnit', 'site', site.units.length, `the units of site ${showName(site.id)}`)
        : [argProblem('addUnit', 'site', 'the id of a site of this evaluation', args.site, 'reference')]),
      ...newIdArg('addUnit', 'id', args.id, 'unit', (id) => locateUnit(ev, id) !== undefined),
      ...stringArg('addUnit', 'name', args.name),
      ...stringsArg('addUnit', 'aliases', args.aliases),
    ]
  },
  (draft, args) => {
    const unit: Unit = {
      id: args.id as UnitId,
      name: args.name,
      ...(args.aliases !== undefined && { aliases: [...args.aliases] }),
      // Null-prototype, like decoded documents: a round id is only ever a plain key.
      ratings: Object.create(null) as Unit['ratings'],
      objectives: [],
      objectiveCells: [],
    }
    draft.sites[siteIndex(original(draft)!, args.site)]!.units.push(castDraft(unit))
  },
)

const knownUnit = (op: string, ev: Evaluation, unit: unknown): Problem[] =>
  typeof unit === 'string' && locateUnit(ev, unit) !== undefined
    ? []
    : [argProblem(op, 'unit', 'the id of a unit of this evaluation', unit, 'reference')]

/** Arguments of `renameUnit`. */
export interface RenameUnitArgs {
  readonly unit: string
  readonly name: string
}

/**
 * Give a unit a new display name (its id, which ratings and configurations
 * use, stays).
 * @param args the unit's id and its new name (a non-empty string)
 * @returns an edit; apply it with `applyEdit` (or `edit`, `recordEdit`)
 * @example
 * const ev = edit(mhipEvaluation, renameUnit({ unit: 'acute-care', name: 'Acute inpatient care' }))
 * ev.sites[0].units[0] //=> { id: 'acute-care', name: 'Acute inpatient care', … }
 */
export const renameUnit = defineEdit<RenameUnitArgs>(
  'renameUnit',
  (ev, args) => [...knownUnit('renameUnit', ev, args.unit), ...stringArg('renameUnit', 'name', args.name)],
  (draft, args) => {
    const at = locateUnit(original(draft)!, args.unit)!
    draft.sites[at.site]!.units[at.unit]!.name = args.name
  },
)

/** Arguments of `removeUnit`. */
export interface RemoveUnitArgs {
  readonly unit: string
  /**
   * What to do with the unit's ratings, objectives and impact:
   * - `"refuse"` (default): refuse to remove a unit that has any, and say how many;
   * - `"drop"`: remove them with the unit (a recorded edit keeps them in its
   *   inverse patches, so `undo` brings them back).
   */
  readonly data?: 'refuse' | 'drop'
}

/** What a unit holds: counts for the refusal message. */
const unitData = (unit: Unit): string[] => {
  const ratings = Object.values(unit.ratings).reduce((n, round) => n + Object.keys(round).length, 0)
  return [
    ...(ratings > 0 ? [`${ratings} rating${ratings === 1 ? '' : 's'}`] : []),
    ...(unit.objectives.length > 0
      ? [`${unit.objectives.length} objective${unit.objectives.length === 1 ? '' : 's'}`]
      : []),
    ...(unit.objectiveCells.length > 0
      ? [`${unit.objectiveCells.length} objective cell${unit.objectiveCells.length === 1 ? '' : 's'}`]
      : []),
    ...(unit.impact !== undefined ? ['an impact rating'] : []),
  ]
}

/**
 * Remove a unit. With `data: "refuse"` (the default) a unit that holds
 * ratings, objectives or an impact rating is kept and the problem says what it
 * holds; with `data: "drop"` they go with it. Always refused while a
 * configuration's scope names the unit.
 * @param args the unit's id, and what to do with its data (`data`, default `"refuse"`)
 * @returns an edit; apply it with `applyEdit` (or `edit`, `recordEdit`)
 * @example
 * // E-MHIP's acute care workstream holds two objective count cells and an impact rating
 * applyEdit(mhipEvaluation, removeUnit({ unit: 'acute-care' }))
 * //=> left([{ where: 'removeUnit › unit', expected: 'a unit without data, or data: "drop" (it has 2 objective cells, an impact rating)', … }])
 * const ev = edit(mhipEvaluation, removeUnit({ unit: 'acute-care', data: 'drop' }))
 * ev.sites[0].units.length //=> 4
 */
export const removeUnit = defineEdit<RemoveUnitArgs>(
  'removeUnit',
  (ev, args) => {
    const known = knownUnit('removeUnit', ev, args.unit)
    if (known.length > 0) return known
    if (args.data !== undefined && args.data !== 'refuse' && args.data !== 'drop')
      return [argProblem('removeUnit', 'data', '"refuse" or "drop"', args.data)]
    const at = locateUnit(ev, args.unit)!
    const held = unitData(ev.sites[at.site]!.units[at.unit]!)
    const refs = unitReferences(ev, args.unit)
    return [
      ...((args.data ?? 'refuse') === 'refuse' && held.length > 0
        ? [
            argProblem(
              'removeUnit',
              'unit',
              `a unit without data, or data: "drop" (it has ${held.join(', ')})`,
              args.unit,
              'consistency',
            ),
          ]
        : []),
      ...(refs.length > 0
        ? [
            argProblem(
              'removeUnit',
              'unit',
              `a unit nothing refers to (${listed(refs)} name it)`,
              args.unit,
              'reference',
            ),
          ]
        : []),
    ]
  },
  (draft, args) => {
    const at = locateUnit(original(draft)!, args.unit)!
    draft.sites[at.site]!.units.splice(at.unit, 1)
  },
)
