import type { Draft } from 'immer'
import { immer } from './immer.js'
import { carryLocations } from './locate.js'
import { applyDirect } from './direct.js'
import * as E from '../model/either.js'
import type { Evaluation } from '../model/evaluation.js'
import { orThrow, problem, type Problem, type Result } from '../model/problem.js'
import { DEFAULT_LIMITS, limitProblems, PROTO_KEY_EXPECTED } from '../model/codec-limits.js'
import { PROTO_KEY, protoKeyPath } from '../model/own.js'
import { evaluationArgProblems } from '../model/options.js'

/**
 * An edit as a value: what it is (`op`, `args`, for a change log), a `check`
 * that refuses it before anything is touched, and an immer `recipe` that
 * applies it to a draft. Build edits with `defineEdit`, apply them with
 * `applyEdit` (or `recordEdit` to get patches too).
 */
export interface Edit {
  /** The edit's name in change logs (`rate`). */
  readonly op: string
  /** The arguments it was built with. */
  readonly args: unknown
  /** The problems that make this edit impossible on `ev`; empty when it may go ahead. */
  readonly check: (ev: Evaluation) => readonly Problem[]
  /** The change itself, as an immer recipe. Only called when `check` found nothing. */
  readonly recipe: (draft: Draft<Evaluation>) => void
}

/**
 * How much deeper than themselves an edit's arguments can land in the
 * document: `rate`'s evidence ids are 3 deep in its arguments and 10 deep in
 * the document. A margin of 10 keeps every edit's result within `maxDepth`.
 */
const ARGS_DEPTH_MARGIN = 10

/**
 * The decoder's input limits (`DEFAULT_LIMITS`) applied to an edit's
 * arguments: no string or key over 1,000,000 characters, no list over
 * 1,000,000 items, no nesting over 54 (64 less the margin above). Without
 * this, an edit could make a document that `decodeEvaluation` refuses to read
 * back. Problems are named `op › argument`.
 * @param op the edit's name, first part of each problem's `where`
 * @param args the edit's arguments
 * @returns the `limit` problems; none when the arguments are within the limits
 * @example
 * argsLimitProblems('renameUnit', { unit: 'acute', name: 'x'.repeat(1e7) })
 * //=> [{ where: 'renameUnit › name', expected: 'a string of at most 1000000 characters', found: '"xxxx…" (10000000 characters)', code: 'limit', … }]
 */
export const argsLimitProblems = (op: string, args: unknown): Problem[] =>
  limitProblems(args, { ...DEFAULT_LIMITS, maxDepth: DEFAULT_LIMITS.maxDepth - ARGS_DEPTH_MARGIN }).map((p) => ({
    ...p,
    where: p.path.length === 0 ? `${op} › arguments` : `${op} › ${p.where}`,
  }))

/**
 * Define a kind of edit from its name, its refusal check and its recipe. The
 * result is an edit constructor: give it the arguments, get an `Edit`.
 *
 * The check sees the untouched evaluation and must find every reason to refuse
 * (a dangling id, a duplicate, a bad value), so that the recipe can assume its
 * arguments are valid and an edit either applies whole or not at all. Before
 * it, every edit's arguments are held to the decoder's input limits
 * (`argsLimitProblems`); arguments over a limit get only their `limit` problems.
 *
 * @param op - the edit's name in change logs, e.g. `"rate"`.
 * @param check - returns the problems that refuse the edit (empty = go ahead).
 * @param recipe - mutates an immer draft of the evaluation.
 * @returns an edit constructor: called with the arguments, it gives an `Edit`
 * @example
 * const retitle = defineEdit<{ title: string }>(
 *   'retitle',
 *   (_ev, { title }) => (title === '' ? [problem(['title'], 'a non-empty title', title, 'value')] : []),
 *   (draft, { title }) => { draft.title = title },
 * )
 * applyEdit(mhipEvaluation, retitle({ title: 'E-MHIP' })) //=> right({ ...mhipEvaluation, title: 'E-MHIP' })
 * applyEdit(mhipEvaluation, retitle({ title: '' })) //=> left([{ path: ['title'], expected: 'a non-empty title', … }])
 */
export const defineEdit =
  <A>(
    op: string,
    check: (ev: Evaluation, args: A) => readonly Problem[],
    recipe: (draft: Draft<Evaluation>, args: A) => void,
  ) =>
  (args: A): Edit => ({
    op,
    args,
    check: (ev) => {
      // Arguments are data: null or undefined is a problem, not a TypeError; a "__proto__" key would be copied.
      if (typeof args !== 'object' || args === null || Array.isArray(args))
        return [problem([], 'an arguments object', args, 'shape', `${op} › arguments`)]
      const protoAt = protoKeyPath(args)
      if (protoAt !== undefined)
        return [problem(protoAt, PROTO_KEY_EXPECTED, PROTO_KEY, 'value', `${op} › ${protoAt.join(' › ')}`)]
      const tooBig = argsLimitProblems(op, args)
      return tooBig.length > 0 ? tooBig : check(ev, args)
    },
    recipe: (d) => recipe(d, args),
  })

/**
 * Apply an edit: a new evaluation that shares every untouched part with `ev`,
 * or the edit's problems (and `ev` is left exactly as it was).
 *
 * @param ev - the evaluation to edit; never mutated.
 * @param edit - an edit built by a constructor such as `rate({...})`.
 * @returns `right(newEvaluation)`, or `left(problems)` when the edit is refused.
 * @example
 * const r = applyEdit(mhipEvaluation, rate({ unit: 'acute-care', target: '2.4', level: 'met' }))
 * isRight(r) && r.right.sites[0].units[0].ratings['mhip-2008'] //=> { '2.4': { level: 'met' } }
 * applyEdit(mhipEvaluation, rate({ unit: 'nope', target: '2.4', level: 'met' }))
 * //=> left([{ where: 'rate › unit', expected: 'the id of a unit of this evaluation', found: '"nope"', … }])
 */
export const applyEdit = (ev: Evaluation, edit: Edit): Result<Evaluation> => {
  const notEv = evaluationArgProblems('applyEdit', ev)
  if (notEv.length > 0) return E.left(notEv)
  if (typeof edit !== 'object' || edit === null || typeof edit.check !== 'function')
    return E.left([
      problem(['edit'], 'an edit (made by an edit constructor such as rate)', edit, 'shape', 'applyEdit › edit'),
    ])
  const problems = edit.check(ev)
  if (problems.length > 0) return E.left(problems)
  // The commonest edits have a hand-built application (src/edit/direct.ts) giving the recipe's result.
  const next = applyDirect(ev, edit) ?? immer.produce(ev, edit.recipe)
  carryLocations(ev, next)
  return E.right(next)
}

/**
 * Apply several edits in order, all or nothing: each edit is checked against
 * the state the previous ones left, and the first refusal returns its
 * problems (with the edit's position in `where`) and no change at all.
 * @param ev the evaluation (never mutated)
 * @param edits the edits, applied in order; the first refused one stops the run
 * @returns `right(newEvaluation)` after every edit, or `left(problems)` of the first refused edit
 * @example
 * const r = applyEdits(mhipEvaluation, [
 *   addUnit({ site: 'south-west-yorkshire', id: 'crisis', name: 'Crisis care' }),
 *   rate({ unit: 'crisis', target: '2.4', level: 'met' }),
 * ])
 * isRight(r) && r.right.sites[2].units[1].ratings //=> { 'mhip-2008': { '2.4': { level: 'met' } } }
 * applyEdits(mhipEvaluation, [rate({ unit: 'crisis', target: '2.4', level: 'met' })])
 * //=> left([{ where: 'edit 1 (rate) › rate › unit', … }])
 */
export const applyEdits = (ev: Evaluation, edits: readonly Edit[]): Result<Evaluation> => {
  let state = ev
  for (let i = 0; i < edits.length; i++) {
    const next = applyEdit(state, edits[i]!)
    if (E.isLeft(next))
      return E.left(next.left.map((p) => ({ ...p, where: `edit ${i + 1} (${edits[i]!.op}) › ${p.where}` })))
    state = next.right
  }
  return E.right(state)
}

/**
 * Apply several edits in order, all or nothing: each edit is checked against
 * the state the previous ones left, and the first refusal returns its
 * problems (with the edit's position in `where`) and no change at all.
 *
 * The throwing form of {@link applyEdits}: the same result, returned directly,
 * for notebooks and scripts.
 * @param ev the evaluation (never mutated)
 * @param edits the edits, applied in order; the first refused one stops the run
 * @returns the result (`Evaluation`), as {@link applyEdits}
 * gives it in its `Right`.
 * @throws {RealistError} when {@link applyEdits} gives `Left`: the error's
 * `problems` are those problems, and its message lists them (`[realist-eval] edit: …`).
 * @example
 * const ev = edit(mhipEvaluation, rate({ unit: 'acute-care', target: '2.4', level: 'met' }))
 * ev.sites[0].units[0].ratings['mhip-2008'] //=> { '2.4': { level: 'met' } }
 * edit(mhipEvaluation, rate({ unit: 'nope', target: '2.4', level: 'met' })) //=> throws 'rate › unit'
 */
export const edit = (ev: Evaluation, ...edits: readonly Edit[]): Evaluation => orThrow('edit', applyEdits(ev, edits))
