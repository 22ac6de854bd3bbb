import { roomArg } from '../../edit/args.js'
import { castDraft, current } from 'immer'
import type { CmoElement, ElementRole, RoleFields, Valence } from '../../model/cmo.js'
import { CmoElementC, ELEMENT_ROLES } from '../../model/cmo.js'
import { problem, type Problem } from '../../model/problem.js'
import { evaluationRefs } from '../refs.js'
import { elementProblems } from '../validate.js'
import {
  ARG,
  type ChangeStamp,
  type PlainIds,
  argsOf,
  checkedEdit,
  decodeItem,
  duplicateIdProblems,
  findById,
  linkedExcerptProblems,
  reasonProblems,
  stamp,
} from './support.js'

/** Arguments of `addCmoElement`. */
export interface AddCmoElementArgs {
  /** The new context, mechanism or outcome; ids may be plain strings. */
  readonly element: PlainIds<CmoElement>
}

/**
 * Add a context, mechanism or outcome to the evaluation's elements.
 *
 * Refused (nothing changes) when the element's shape is wrong, its id is
 * taken, or it names a standard, objective type or objective the evaluation
 * does not have.
 * @param args `{ element }`
 * @param args `{ element }`: id, label, role (context, mechanism or outcome) and the role's own fields
 * @returns an edit; apply it with `applyEdit` (or `edit`, `recordEdit`)
 * @example
 * const ev2 = edit(ev, addCmoElement({ element: { id: 'readiness', label: 'Insufficient local readiness for change', role: 'context', standards: ['1.1'] } }))
 * ev2.elements.map((e) => e.id) //=> ['readiness']
 * applyEdit(ev, addCmoElement({ element: { id: 'x', label: 'X', role: 'mech' } }))
 * //=> left([{ where: 'element x › role', … }])
 */
export const addCmoElement = checkedEdit<AddCmoElementArgs>(
  'addCmoElement',
  argsOf({ element: ARG.any }),
  (ev, { element }) => {
    const n = ev.elements.length
    const decoded = decodeItem(CmoElementC, element, 'elements', n)
    if ('problems' in decoded) return decoded.problems
    return [
      ...roomArg('addCmoElement', 'element', n, 'the elements'),
      ...duplicateIdProblems('addCmoElement', 'elements', ev.elements, decoded.ok.id, 'element'),
      ...elementProblems(decoded.ok, n, evaluationRefs(ev)),
    ]
  },
  (draft, { element }) => {
    draft.elements.push(castDraft(structuredClone(element) as CmoElement))
  },
)

/** The fields an element takes in its new role; unset mechanism parts are unknown (`null`). */
export interface RoleFieldsInput {
  readonly standards?: readonly string[]
  readonly resource?: string | null
  readonly reasoning?: string | null
  readonly intended?: boolean
  readonly valence?: Valence
  readonly objectiveTypes?: readonly string[]
  readonly objectives?: readonly string[]
}

/** Arguments of `changeElementRole`. */
export interface ChangeElementRoleArgs extends ChangeStamp {
  readonly element: string
  readonly to: ElementRole
  /** Why the role changed, e.g. "prior interest in PRINCE 2 made it a precondition, not an MHIP mechanism". */
  readonly reason: string
  /** The fields of the new role. Required for an outcome (`intended`, `valence`). */
  readonly fields?: RoleFieldsInput
}

const newRoleFields = (to: ElementRole, f: RoleFieldsInput): RoleFields | undefined => {
  switch (to) {
    case 'context':
      return { role: 'context', ...(f.standards !== undefined ? { standards: f.standards } : {}) } as RoleFields
    case 'mechanism':
      return { role: 'mechanism', resource: f.resource ?? null, reasoning: f.reasoning ?? null }
    case 'outcome':
      if (f.intended === undefined || f.valence === undefined) return undefined
      return {
        role: 'outcome',
        intended: f.intended,
        valence: f.valence,
        ...(f.objectiveTypes !== undefined ? { objectiveTypes: f.objectiveTypes } : {}),
        ...(f.objectives !== undefined ? { objectives: f.objectives } : {}),
      } as RoleFields
  }
}

/** The role-specific part of an element, as kept in its role history. */
const roleFieldsOf = (el: CmoElement): RoleFields => {
  switch (el.role) {
    case 'context':
      return { role: 'context', ...(el.standards !== undefined ? { standards: el.standards } : {}) }
    case 'mechanism':
      return { role: 'mechanism', resource: el.resource, reasoning: el.reasoning }
    case 'outcome':
      return {
        role: 'outcome',
        intended: el.intended,
        valence: el.valence,
        ...(el.objectiveTypes !== undefined ? { objectiveTypes: el.objectiveTypes } : {}),
        ...(el.objectives !== undefined ? { objectives: el.objectives } : {}),
      }
  }
}

/** The element in its new role, with the old role's fields kept in `roleHistory`. */
const reassign = (el: CmoElement, fields: RoleFields, args: ChangeElementRoleArgs): CmoElement => {
  const { id, label, description, ref } = el
  const change = { from: el.role, to: fields.role, reason: args.reason, previous: roleFieldsOf(el), ...stamp(args) }
  return {
    id,
    label,
    ...fields,
    ...(description !== undefined ? { description } : {}),
    ...(ref !== undefined ? { ref } : {}),
    roleHistory: [...(el.roleHistory ?? []), change],
  } as CmoElement
}

const slotOf = (role: ElementRole) => (role === 'context' ? 'contexts' : 'mechanisms') as 'contexts' | 'mechanisms'

/**
 * Change an element's role, e.g. consultation events from mechanism to
 * context, or PRINCE 2 from mechanism to context once it emerged that the
 * leads had a prior interest in it (E-MHIP L2960-L2974).
 *
 * The element keeps its id and label; the old role and its fields go into
 * `roleHistory` with the reason, so the change is visible and nothing is lost.
 * Live configurations follow: a mechanism that becomes a context moves from
 * their `mechanisms` to their `contexts` (and back). Committed theory versions
 * are snapshots and keep the old role, so a diff shows the change.
 *
 * Refused when: the element does not exist; `to` is not a role or is the
 * current role; the reason is empty; the new role is an outcome without
 * `fields.intended` / `fields.valence`; the element is the outcome of a
 * configuration, or becomes an outcome while used as a context or mechanism;
 * or a configuration would be left with no mechanism (or no context) —
 * revise those configurations first.
 * @param args `{ element, to, reason, fields?, at?, by? }`
 * @param args the `element` id, the role it moves `to`, the `reason`, the new role's `fields`, and optional `at` and `by`
 * @returns an edit; apply it with `applyEdit` (or `edit`, `recordEdit`)
 * @example
 * const mhip = withMhipTheory(mhipEvaluation) // the MHIP themes and starting configurations
 * const reason = 'the energy generated became a condition for later work'
 * const ev = edit(mhip, changeElementRole({ element: 'spur-to-action', to: 'context', reason }))
 * ev.elements.find((e) => e.id === 'spur-to-action')
 * //=> { role: 'context', roleHistory: [{ from: 'mechanism', to: 'context', reason, previous: { role: 'mechanism', … }, … }], … }
 * // a configuration that named it as a mechanism now names it as a context
 * ev.configurations.find((c) => c.id === 'energy-not-harnessed').contexts //=> ['insufficient-readiness', 'spur-to-action']
 */
export const changeElementRole = checkedEdit<ChangeElementRoleArgs>(
  'changeElementRole',
  argsOf({ element: ARG.id, to: ARG.any, reason: ARG.any }, { fields: ARG.object, at: ARG.text, by: ARG.text }),
  (ev, args) => {
    const op = 'changeElementRole'
    const found = findById(op, 'element', ev.elements, args.element, 'CMO element')
    if ('problems' in found) return found.problems
    const out: Problem[] = [...reasonProblems(op, args.reason)]
    const el = found.item
    if (!(ELEMENT_ROLES as readonly string[]).includes(args.to))
      return [...out, problem(['to'], `a role: ${ELEMENT_ROLES.join(' | ')}`, args.to, 'value', `${op} › to`)]
    if (args.to === el.role)
      return [...out, problem(['to'], `a role other than the current one (${el.role})`, args.to, 'value', `${op} › to`)]
    const fields = newRoleFields(args.to, args.fields ?? {})
    if (fields === undefined)
      return [
        ...out,
        problem(
          ['fields'],
          'intended (true/false) and valence (positive | negative | mixed) for an outcome',
          args.fields,
          'shape',
          `${op} › fields`,
        ),
      ]
    const next = reassign(el, fields, args)
    const decoded = decodeItem(CmoElementC, next, 'elements', found.index)
    if ('problems' in decoded) return [...out, ...decoded.problems]
    out.push(...elementProblems(decoded.ok, found.index, evaluationRefs(ev)))
    ev.configurations.forEach((c, i) => {
      const at = `${op} › configuration ${c.id}`
      if (c.outcome === el.id)
        out.push(
          problem(
            ['configurations', i, 'outcome'],
            `a configuration whose outcome is not ${el.id} (re-point it first)`,
            c.id,
            'consistency',
            at,
          ),
        )
      else if (args.to === 'outcome' && (c.contexts.includes(el.id) || c.mechanisms.includes(el.id)))
        out.push(
          problem(
            ['configurations', i],
            `a configuration that does not use ${el.id} as a context or mechanism`,
            c.id,
            'consistency',
            at,
          ),
        )
      else if (el.role !== 'outcome') {
        const from = slotOf(el.role)
        if (c[from].includes(el.id) && c[from].length === 1)
          out.push(
            problem(
              ['configurations', i, from],
              `another ${el.role} in configuration ${c.id} (it would have none left)`,
              c[from],
              'consistency',
              at,
            ),
          )
      }
    })
    return out
  },
  (draft, args) => {
    const i = draft.elements.findIndex((e) => e.id === args.element)
    const el = current(draft.elements[i]!) as CmoElement
    const fields = newRoleFields(args.to, args.fields ?? {})!
    draft.elements[i] = castDraft(structuredClone(reassign(el, fields, args)))
    if (el.role === 'outcome') return
    const from = slotOf(el.role)
    const to = slotOf(args.to)
    for (const c of draft.configurations) {
      const j = c[from].indexOf(el.id)
      if (j < 0) continue
      c[from].splice(j, 1)
      if (!c[to].includes(el.id)) c[to].push(el.id)
    }
  },
)

/** What `reviseCmoElement` may change: the wording, and the fields of the element's current role. */
export interface ElementChanges {
  readonly label?: string
  readonly description?: string
  /** Mechanisms only; `null` = unknown. */
  readonly resource?: string | null
  /** Mechanisms only; `null` = unknown. */
  readonly reasoning?: string | null
  /** Outcomes only. */
  readonly intended?: boolean
  /** Outcomes only. */
  readonly valence?: Valence
}

/** Arguments of `reviseCmoElement`. */
export interface ReviseCmoElementArgs {
  readonly element: string
  readonly changes: ElementChanges
}

const ELEMENT_CHANGE_KEYS: readonly string[] = ['label', 'description', 'resource', 'reasoning', 'intended', 'valence']
const ROLE_OF_FIELD: Readonly<Record<string, ElementRole | undefined>> = {
  resource: 'mechanism',
  reasoning: 'mechanism',
  intended: 'outcome',
  valence: 'outcome',
}

/**
 * Revise an element's wording or role fields, e.g. fill in a mechanism's
 * reasoning once interviews reveal it (it may start unknown, `null`). To
 * change the role itself use `changeElementRole`, which keeps the history.
 *
 * Refused when the element does not exist, a field belongs to another role
 * (`resource` on a context), or the result fails the element codec.
 * @param args `{ element, changes }`
 * @param args the `element` id and the `changes` (label, description, and the fields of its role)
 * @returns an edit; apply it with `applyEdit` (or `edit`, `recordEdit`)
 * @example
 * const mhip = withMhipTheory(mhipEvaluation) // the MHIP themes and starting configurations
 * const ev = edit(mhip, reviseCmoElement({ element: 'spur-to-action', changes: { reasoning: 'a chance to be on the national map' } }))
 * ev.elements.find((e) => e.id === 'spur-to-action').reasoning //=> 'a chance to be on the national map'
 */
export const reviseCmoElement = checkedEdit<ReviseCmoElementArgs>(
  'reviseCmoElement',
  argsOf({ element: ARG.id, changes: ARG.object }),
  (ev, { element, changes }) => {
    const op = 'reviseCmoElement'
    const found = findById(op, 'element', ev.elements, element, 'CMO element')
    if ('problems' in found) return found.problems
    const unknown = Object.keys(changes).filter((k) => !ELEMENT_CHANGE_KEYS.includes(k))
    if (unknown.length > 0)
      return unknown.map((k) =>
        problem(
          ['changes', k],
          `one of ${ELEMENT_CHANGE_KEYS.join(', ')} (change the role with changeElementRole)`,
          k,
          'value',
          `${op} › changes › ${k}`,
        ),
      )
    const wrong = Object.keys(changes).filter(
      (k) => ROLE_OF_FIELD[k] !== undefined && ROLE_OF_FIELD[k] !== found.item.role,
    )
    if (wrong.length > 0)
      return wrong.map((k) =>
        problem(
          ['changes', k],
          `a field of a ${found.item.role} (${k} belongs to a ${ROLE_OF_FIELD[k]})`,
          changes[k as keyof ElementChanges],
          'consistency',
          `${op} › changes › ${k}`,
        ),
      )
    const decoded = decodeItem(CmoElementC, { ...found.item, ...changes }, 'elements', found.index)
    return 'problems' in decoded ? decoded.problems : []
  },
  (draft, { element, changes }) => {
    Object.assign(
      draft.elements.find((e) => e.id === element)!,
      structuredClone(changes),
    )
  },
)

/** Arguments of `removeCmoElement`. */
export interface RemoveCmoElementArgs {
  readonly element: string
}

/**
 * Remove an element entered by mistake. Committed theory versions keep their snapshot of it.
 *
 * Refused while a configuration uses it or an excerpt is linked to it (so no
 * configuration or evidence is left dangling).
 * @param args `{ element }`
 * @param args the `element` id
 * @returns an edit; apply it with `applyEdit` (or `edit`, `recordEdit`)
 * @example
 * const mhip = withMhipTheory(mhipEvaluation) // the MHIP themes and starting configurations
 * edit(mhip, removeCmoElement({ element: 'vehicle-for-change' })).elements.length //=> 17
 * // three starting configurations have low impact as their outcome
 * applyEdit(mhip, removeCmoElement({ element: 'low-impact' }))
 * //=> left([{ where: 'removeCmoElement › configuration capacity-low-impact', code: 'reference', … }, …])
 */
export const removeCmoElement = checkedEdit<RemoveCmoElementArgs>(
  'removeCmoElement',
  argsOf({ element: ARG.id }),
  (ev, { element }) => {
    const op = 'removeCmoElement'
    const found = findById(op, 'element', ev.elements, element, 'CMO element')
    if ('problems' in found) return found.problems
    const out: Problem[] = []
    ev.configurations.forEach((c, i) => {
      if (c.outcome === element || c.contexts.includes(element as never) || c.mechanisms.includes(element as never))
        out.push(
          problem(
            ['configurations', i],
            `no configuration using element ${element}`,
            c.id,
            'reference',
            `${op} › configuration ${c.id}`,
          ),
        )
    })
    return [...out, ...linkedExcerptProblems(op, ev, 'element', element)]
  },
  (draft, { element }) => {
    draft.elements.splice(
      draft.elements.findIndex((e) => e.id === element),
      1,
    )
  },
)
