import * as E from '../../model/either.js'
import type { Evaluation } from '../../model/evaluation.js'
import { problem, type Problem } from '../../model/problem.js'
import { findStandard } from '../../standards/lookup.js'
import { evaluationRefs } from '../refs.js'
import { ARG, argsOf, baseOf, checkedEdit, findById } from './support.js'

/** Arguments of `tagContextStandards`. */
export interface TagContextStandardsArgs {
  readonly element: string
  /** Standard ids or any wording of them (`"1.1"`, `"The organisation is ready for change"`). */
  readonly standards: readonly string[]
}

const resolveStandards = (
  ev: Evaluation,
  standards: readonly string[],
  op: string,
): { ids: string[]; problems: Problem[] } => {
  const ids: string[] = []
  const problems: Problem[] = []
  standards.forEach((s, i) => {
    const r = findStandard(ev.framework, s)
    if (E.isRight(r)) ids.push(r.right.id)
    else problems.push(...r.left.map((p) => ({ ...p, path: ['standards', i], where: `${op} › standards[${i}]` })))
  })
  return { ids, problems }
}

/**
 * Tag a context with the standards whose ratings are evidence for it, e.g.
 * "insufficient local readiness for change" with 1.1 (readiness) and 1.2
 * (structure), the E-MHIP preconditions. Tags already present are kept;
 * standards are found by id or wording.
 *
 * Refused when the element is missing or not a context, or a standard is not in the framework.
 * @param args `{ element, standards }`
 * @returns an edit; apply it with `applyEdit` (or `edit`, `recordEdit`)
 * @example
 * const mhip = withMhipTheory(mhipEvaluation) // the MHIP themes and starting configurations
 * const standards = ['1.1', 'The existing organisational structure is supportive of change']
 * const ev = edit(mhip, tagContextStandards({ element: 'insufficient-readiness', standards }))
 * ev.elements.find((e) => e.id === 'insufficient-readiness').standards //=> ['1.1', '1.2']
 * applyEdit(mhip, tagContextStandards({ element: 'low-impact', standards: ['1.1'] }))
 * //=> left([{ code: 'consistency', … }])
 */
export const tagContextStandards = checkedEdit<TagContextStandardsArgs>(
  'tagContextStandards',
  argsOf({ element: ARG.id, standards: ARG.ids }),
  (ev, args) => {
    const op = 'tagContextStandards'
    const found = findById(op, 'element', ev.elements, args.element, 'CMO element')
    if ('problems' in found) return found.problems
    if (found.item.role !== 'context')
      return [
        problem(
          ['element'],
          'a context (standards are evidence for contexts)',
          `${args.element} (a ${found.item.role})`,
          'consistency',
          `${op} › element`,
        ),
      ]
    return resolveStandards(ev, args.standards, op).problems
  },
  (draft, args) => {
    const { ids } = resolveStandards(baseOf(draft), args.standards, '')
    const el = draft.elements.find((e) => e.id === args.element)!
    if (el.role !== 'context' || ids.length === 0) return
    const now = el.standards ?? []
    el.standards = [...now, ...ids.filter((id) => !now.includes(id as never))] as never
  },
)

/** Arguments of `tagOutcome`. */
export interface TagOutcomeArgs {
  readonly element: string
  readonly objectiveTypes?: readonly string[]
  readonly objectives?: readonly string[]
}

/**
 * Tag an outcome with objective types (E-MHIP: analysis & planning, process,
 * outcome) and/or individual objectives, so outcomes can be read against
 * objective attainment. Tags already present are kept.
 *
 * Refused when the element is missing or not an outcome, or a type or objective does not exist.
 * @param args `{ element, objectiveTypes?, objectives? }`
 * @returns an edit; apply it with `applyEdit` (or `edit`, `recordEdit`)
 * @example
 * const mhip = withMhipTheory(mhipEvaluation) // the MHIP themes and starting configurations
 * const ev = edit(mhip, tagOutcome({ element: 'low-impact', objectiveTypes: ['outcome'] }))
 * ev.elements.find((e) => e.id === 'low-impact').objectiveTypes //=> ['outcome']
 */
export const tagOutcome = checkedEdit<TagOutcomeArgs>(
  'tagOutcome',
  argsOf({ element: ARG.id }, { objectiveTypes: ARG.ids, objectives: ARG.ids }),
  (ev, args) => {
    const op = 'tagOutcome'
    const found = findById(op, 'element', ev.elements, args.element, 'CMO element')
    if ('problems' in found) return found.problems
    if (found.item.role !== 'outcome')
      return [
        problem(
          ['element'],
          'an outcome (objective types tag outcomes)',
          `${args.element} (a ${found.item.role})`,
          'consistency',
          `${op} › element`,
        ),
      ]
    const refs = evaluationRefs(ev)
    return [
      ...(args.objectiveTypes ?? []).flatMap((t, i) =>
        refs.objectiveTypes.has(t)
          ? []
          : [
              problem(
                ['objectiveTypes', i],
                `an objective type of this evaluation (${[...refs.objectiveTypes].join(', ')})`,
                t,
                'reference',
                `${op} › objectiveTypes[${i}]`,
              ),
            ],
      ),
      ...(args.objectives ?? []).flatMap((o, i) =>
        refs.objectives.has(o)
          ? []
          : [problem(['objectives', i], 'an objective id of some unit', o, 'reference', `${op} › objectives[${i}]`)],
      ),
    ]
  },
  (draft, args) => {
    const el = draft.elements.find((e) => e.id === args.element)!
    if (el.role !== 'outcome') return
    const add = (now: readonly string[] | undefined, more: readonly string[] | undefined) => [
      ...(now ?? []),
      ...(more ?? []).filter((x) => !(now ?? []).includes(x)),
    ]
    if (args.objectiveTypes !== undefined && args.objectiveTypes.length > 0)
      el.objectiveTypes = add(el.objectiveTypes, args.objectiveTypes) as never
    if (args.objectives !== undefined && args.objectives.length > 0)
      el.objectives = add(el.objectives, args.objectives) as never
  },
)
