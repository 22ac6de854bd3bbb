/**
 * Edits of attributes: `declareAttribute`, `removeAttribute`,
 * `setAttribute`, `clearAttribute`. Each is checked before anything is
 * touched and recorded in the change log as patches, like every edit.
 * @module
 */
import { castDraft, original, type Draft } from 'immer'
import * as E from '../model/either.js'
import type { Evaluation } from '../model/evaluation.js'
import type { Band } from '../model/bands.js'
import {
  AttributeDefinitionC,
  expectedValue,
  valueFits,
  type AttributeDefinition,
  type AttributeValue,
} from '../model/attributes.js'
import { attributeProblems } from '../model/attribute-checks.js'
import { problemsFromErrors } from '../model/codec-kit.js'
import { showName, type Problem } from '../model/problem.js'
import { ownValue } from '../model/own.js'
import { defineEdit } from '../edit/define.js'
import { argProblem } from '../edit/args.js'
import { locateUnit, siteIndex } from '../edit/locate.js'

/** A band as an edit takes it: its id a plain string. */
export type BandInput = Omit<Band, 'id'> & { readonly id: string }

/** An attribute declaration as an edit takes it: ids are plain strings (checked when the edit runs). */
export type AttributeDeclarationInput = AttributeDefinition extends infer D
  ? D extends AttributeDefinition
    ? Omit<D, 'id' | 'bands'> & { readonly id: string } & (D extends { bands?: unknown }
          ? { readonly bands?: readonly BandInput[] }
          : unknown)
    : never
  : never

/** Arguments of `declareAttribute`. */
export interface DeclareAttributeArgs {
  /** The declaration: id, label, `on` (`'site'` or `'unit'`), kind and its parts (categories, order, unit and bands). */
  readonly attribute: AttributeDeclarationInput
}

/**
 * Declare an attribute that sites or units can carry, at the end of the
 * evaluation's list. Refused when the declaration is malformed (each problem
 * at its path: `declareAttribute › attribute › bands › band high`), its id is
 * taken, a category is repeated, or its bands overlap (naming the value that
 * falls in two bands).
 * @param args `{ attribute }`: the declaration (id, label, `on`, kind, and categories, order, unit or bands)
 * @returns an edit; apply it with `applyEdit` (or `edit`, `recordEdit`)
 * @example
 * applyEdit(ev, declareAttribute({ attribute: { id: 'region', label: 'Region', on: 'site', kind: 'categorical', categories: ['north', 'south'] } }))
 * //=> right(…) // ev with the declaration
 */
export const declareAttribute = defineEdit<DeclareAttributeArgs>(
  'declareAttribute',
  (ev, args) => {
    const op = 'declareAttribute'
    if (args === null || typeof args !== 'object')
      return [argProblem(op, 'attribute', 'an object { attribute }', args, 'shape')]
    const decoded = AttributeDefinitionC.decode(args.attribute)
    if (E.isLeft(decoded))
      return problemsFromErrors(decoded.left, args.attribute).map((p) => ({
        ...p,
        path: ['attribute', ...p.path],
        where: `${op} › attribute${p.path.length > 0 ? ` › ${p.where}` : ''}`,
      }))
    const defs = ev.attributes ?? []
    const index = defs.length
    // The checks of the whole document, on the document with the new declaration: only the new one can fail.
    return attributeProblems({ ...ev, attributes: [...defs, decoded.right] })
      .filter((p) => p.path[0] === 'attributes' && p.path[1] === index)
      .map((p) => ({ ...p, path: ['attribute', ...p.path.slice(2)], where: `${op} › ${p.where}` }))
  },
  (draft, args) => {
    const def = structuredClone(args.attribute) as AttributeDefinition
    if (draft.attributes === undefined) draft.attributes = castDraft([def])
    else draft.attributes.push(castDraft(def))
  },
)

/** Arguments of `removeAttribute`. */
export interface RemoveAttributeArgs {
  readonly attribute: string
}

const declared = (op: string, ev: Evaluation, id: unknown): Problem[] =>
  typeof id === 'string' && (ev.attributes ?? []).some((d) => d.id === id)
    ? []
    : [
        argProblem(
          op,
          'attribute',
          `an attribute declared in this evaluation (${(ev.attributes ?? []).map((d) => d.id).join(', ') || 'none is declared'})`,
          id,
          'reference',
        ),
      ]

/**
 * Remove an attribute's declaration and every value of it on sites and units
 * (the change log records each removed value, so undo restores them).
 * @param args `{ attribute }`: the id of a declared attribute
 * @returns an edit; apply it with `applyEdit` (or `edit`, `recordEdit`)
 * @example
 * // ev: the example audit, whose units carry a staff engagement score
 * const ev2 = edit(ev, removeAttribute({ attribute: 'engagement' }))
 * ev2.attributes //=> []
 * ev2.sites[0].units[0].attributes //=> {}
 * applyEdit(ev2, removeAttribute({ attribute: 'engagement' }))
 * //=> left([{ where: 'removeAttribute › attribute', expected: 'an attribute declared in this evaluation (none is declared)', … }])
 */
export const removeAttribute = defineEdit<RemoveAttributeArgs>(
  'removeAttribute',
  (ev, args) => declared('removeAttribute', ev, args?.attribute),
  (draft, args) => {
    const id = args.attribute
    draft.attributes = draft.attributes!.filter((d) => d.id !== id)
    const drop = (holder: { attributes?: Draft<Record<string, AttributeValue>> }) => {
      if (holder.attributes !== undefined && id in holder.attributes) delete holder.attributes[id]
    }
    for (const site of draft.sites) {
      drop(site as never)
      for (const unit of site.units) drop(unit as never)
    }
  },
)

/** Arguments of `setAttribute` and `clearAttribute`: a site, or a unit, and an attribute. */
export interface AttributeTargetArgs {
  /** The site (for a site attribute). */
  readonly site?: string
  /** The unit (for a unit attribute). */
  readonly unit?: string
  readonly attribute: string
}

/** Arguments of `setAttribute`. */
export interface SetAttributeArgs extends AttributeTargetArgs {
  /** A declared category (categorical, ordinal), a finite number (numeric) or a `YYYY-MM-DD` date (date). */
  readonly value: AttributeValue
}

/** Problems of the target, and the declaration when it is sound. */
const targetProblems = (
  op: string,
  ev: Evaluation,
  args: AttributeTargetArgs,
): { problems: Problem[]; def?: AttributeDefinition } => {
  if (args === null || typeof args !== 'object')
    return { problems: [argProblem(op, 'attribute', 'an object { site | unit, attribute }', args, 'shape')] }
  const problems = declared(op, ev, args.attribute)
  const def = (ev.attributes ?? []).find((d) => d.id === args.attribute)
  if (args.site !== undefined && args.unit !== undefined)
    problems.push(argProblem(op, 'unit', 'a site or a unit, not both', args.unit, 'shape'))
  else if (args.unit !== undefined) {
    if (typeof args.unit !== 'string' || locateUnit(ev, args.unit) === undefined)
      problems.push(argProblem(op, 'unit', 'the id of a unit of this evaluation', args.unit, 'reference'))
    else if (def !== undefined && def.on !== 'unit')
      problems.push(
        argProblem(op, 'unit', `a site (attribute ${showName(def.id)} is declared on sites)`, args.unit, 'value'),
      )
  } else if (args.site !== undefined) {
    if (typeof args.site !== 'string' || siteIndex(ev, args.site) < 0)
      problems.push(argProblem(op, 'site', 'the id of a site of this evaluation', args.site, 'reference'))
    else if (def !== undefined && def.on !== 'site')
      problems.push(
        argProblem(op, 'site', `a unit (attribute ${showName(def.id)} is declared on units)`, args.site, 'value'),
      )
  } else problems.push(argProblem(op, 'site', 'a site or a unit id', undefined, 'shape'))
  return def === undefined ? { problems } : { problems, def }
}

/** The draft's site or unit named by the arguments (checked to exist). */
const holder = (
  draft: Draft<Evaluation>,
  args: AttributeTargetArgs,
): { attributes?: Record<string, AttributeValue> } => {
  const ev = original(draft)!
  if (args.unit !== undefined) {
    const at = locateUnit(ev, args.unit)!
    return draft.sites[at.site]!.units[at.unit]! as never
  }
  return draft.sites[siteIndex(ev, args.site!)]! as never
}

/**
 * Give a site or a unit a value of a declared attribute (replacing any value
 * it had). Refused when the attribute is not declared, is declared on the
 * other level (a site attribute set on a unit), the site or unit is unknown,
 * or the value does not suit the declaration (naming the allowed values).
 * @param args the `site` or `unit` id, the `attribute` id and the `value`
 * @returns an edit; apply it with `applyEdit` (or `edit`, `recordEdit`)
 * @example
 * // ev: the example audit, whose units carry a staff engagement score (a numeric unit attribute, in points)
 * edit(ev, setAttribute({ unit: 'acute', attribute: 'engagement', value: 61.5 })).sites[0].units[0].attributes
 * //=> { engagement: 61.5 }
 * applyEdit(ev, setAttribute({ unit: 'acute', attribute: 'engagement', value: '61' }))
 * //=> left([{ where: 'setAttribute › value', expected: 'a finite number (in points of attribute engagement)', found: '"61"', … }])
 */
export const setAttribute = defineEdit<SetAttributeArgs>(
  'setAttribute',
  (ev, args) => {
    const { problems, def } = targetProblems('setAttribute', ev, args)
    if (def !== undefined && args !== null && typeof args === 'object' && !valueFits(def, args.value))
      problems.push(
        argProblem(
          'setAttribute',
          'value',
          expectedValue(def),
          args.value,
          typeof args.value === 'string' || typeof args.value === 'number' ? 'value' : 'shape',
        ),
      )
    return problems
  },
  (draft, args) => {
    const h = holder(draft, args)
    // A plain object, as a replayed JSON patch makes it: the id is a declared one, never a reserved name.
    if (h.attributes === undefined) h.attributes = { [args.attribute]: args.value }
    else h.attributes[args.attribute] = args.value
  },
)

/**
 * Remove the value of an attribute from a site or a unit. Refused when it has
 * no value of that attribute (so nothing is removed silently by a typo).
 * @param args the `site` or `unit` id, and the `attribute` id
 * @returns an edit; apply it with `applyEdit` (or `edit`, `recordEdit`)
 * @example
 * // ev: the example audit, whose units carry a staff engagement score
 * edit(ev, clearAttribute({ unit: 'acute', attribute: 'engagement' })).sites[0].units[0].attributes //=> {}
 * applyEdit(ev, clearAttribute({ site: 'ss', attribute: 'engagement' }))
 * //=> left([{ where: 'clearAttribute › site', expected: 'a unit (attribute engagement is declared on units)', … }])
 */
export const clearAttribute = defineEdit<AttributeTargetArgs>(
  'clearAttribute',
  (ev, args) => {
    const { problems } = targetProblems('clearAttribute', ev, args)
    if (problems.length > 0) return problems
    const where = args.unit !== undefined ? locateUnit(ev, args.unit)! : null
    const values =
      where !== null
        ? ev.sites[where.site]!.units[where.unit]!.attributes
        : ev.sites[siteIndex(ev, args.site!)]!.attributes
    if (values === undefined || ownValue(values as Record<string, unknown>, args.attribute) === undefined)
      return [
        argProblem(
          'clearAttribute',
          'attribute',
          `an attribute with a value on ${args.unit !== undefined ? `unit ${showName(args.unit)}` : `site ${showName(args.site!)}`}`,
          args.attribute,
          'reference',
        ),
      ]
    return []
  },
  (draft, args) => {
    const h = holder(draft, args)
    delete h.attributes![args.attribute]
  },
)
