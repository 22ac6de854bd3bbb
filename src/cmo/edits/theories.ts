import { roomArg } from '../../edit/args.js'
import { castDraft } from 'immer'
import type { ProgrammeTheory } from '../../model/cmo.js'
import { ProgrammeTheoryC } from '../../model/cmo.js'
import { problem } from '../../model/problem.js'
import { evaluationRefs } from '../refs.js'
import { snapshotTheory } from '../snapshot.js'
import { programmeTheoryProblems } from '../validate.js'
import {
  ARG,
  type ChangeStamp,
  argsOf,
  baseOf,
  checkedEdit,
  decodeItem,
  duplicateIdProblems,
  findById,
  stamp,
} from './support.js'

/** Arguments of `addTheory`. */
export interface AddTheoryArgs {
  readonly id: string
  readonly name: string
  /** Whose theory it is, e.g. "national team (NIMHE)" or "site leads, Leicestershire". */
  readonly perspective?: string
  readonly description?: string
  /** The initial working set. Default: empty. */
  readonly configurations?: readonly string[]
}

/**
 * Add a programme theory: a named working set of configurations, with no
 * committed version yet. Keep one per perspective to compare them ("MHIP had
 * almost as many theories as it had people", E-MHIP L2968).
 *
 * Refused when the id is taken or a configuration does not exist.
 * @param args `{ id, name, perspective?, description?, configurations? }`
 * @returns an edit; apply it with `applyEdit` (or `edit`, `recordEdit`)
 * @example
 * const mhip = withMhipTheory(mhipEvaluation) // the MHIP themes and starting configurations
 * const ev = edit(mhip, addTheory({ id: 'national', name: 'National view', perspective: 'NIMHE', configurations: ['capacity-low-impact'] }))
 * ev.theories.at(-1) //=> { id: 'national', name: 'National view', perspective: 'NIMHE', configurations: ['capacity-low-impact'], versions: [] }
 */
export const addTheory = checkedEdit<AddTheoryArgs>(
  'addTheory',
  argsOf({ id: ARG.any, name: ARG.any }, { perspective: ARG.text, description: ARG.text, configurations: ARG.ids }),
  (ev, args) => {
    const n = ev.theories.length
    const decoded = decodeItem(ProgrammeTheoryC, toTheory(args), 'theories', n)
    if ('problems' in decoded) return decoded.problems
    return [
      ...roomArg('addTheory', 'id', n, 'the theories'),
      ...duplicateIdProblems('addTheory', 'theories', ev.theories, args.id, 'theory'),
      ...programmeTheoryProblems(decoded.ok, n, evaluationRefs(ev)),
    ]
  },
  (draft, args) => {
    draft.theories.push(castDraft(toTheory(args)))
  },
)

const toTheory = (a: AddTheoryArgs): ProgrammeTheory =>
  structuredClone({
    id: a.id,
    name: a.name,
    ...(a.perspective !== undefined ? { perspective: a.perspective } : {}),
    ...(a.description !== undefined ? { description: a.description } : {}),
    configurations: a.configurations ?? [],
    versions: [],
  }) as unknown as ProgrammeTheory

/** Arguments of `addToTheory` and `removeFromTheory`. */
export interface TheoryMemberArgs {
  readonly theory: string
  readonly configuration: string
}

/**
 * Add a configuration to a theory's working set (committed versions are unchanged).
 *
 * Refused when the theory or configuration does not exist or it is already in the set.
 * @param args `{ theory, configuration }`
 * @returns an edit; apply it with `applyEdit` (or `edit`, `recordEdit`)
 * @example
 * const mhip = withMhipTheory(mhipEvaluation) // the MHIP themes and starting configurations
 * const national = addTheory({ id: 'national', name: 'National view', configurations: ['capacity-low-impact'] })
 * edit(mhip, national, addToTheory({ theory: 'national', configuration: 'prince2-culture' })).theories.at(-1).configurations
 * //=> ['capacity-low-impact', 'prince2-culture']
 */
export const addToTheory = checkedEdit<TheoryMemberArgs>(
  'addToTheory',
  argsOf({ theory: ARG.id, configuration: ARG.id }),
  (ev, { theory, configuration }) => {
    const op = 'addToTheory'
    const th = findById(op, 'theory', ev.theories, theory, 'theory')
    if ('problems' in th) return th.problems
    const c = findById(op, 'configuration', ev.configurations, configuration, 'configuration')
    if ('problems' in c) return c.problems
    return th.item.configurations.includes(c.item.id)
      ? [
          problem(
            ['configuration'],
            `a configuration not yet in theory ${theory}`,
            configuration,
            'duplicate',
            `${op} › configuration`,
          ),
        ]
      : roomArg(op, 'theory', th.item.configurations.length, `the working set of theory ${theory}`)
  },
  (draft, { theory, configuration }) => {
    draft.theories.find((t) => t.id === theory)!.configurations.push(configuration as never)
  },
)

/**
 * Take a configuration out of a theory's working set (committed versions are unchanged).
 *
 * Refused when the theory does not exist or the configuration is not in its set.
 * @param args `{ theory, configuration }`
 * @returns an edit; apply it with `applyEdit` (or `edit`, `recordEdit`)
 * @example
 * const mhip = withMhipTheory(mhipEvaluation) // the MHIP themes and starting configurations
 * const national = addTheory({ id: 'national', name: 'National view', configurations: ['capacity-low-impact'] })
 * edit(mhip, national, removeFromTheory({ theory: 'national', configuration: 'capacity-low-impact' })).theories.at(-1).configurations
 * //=> []
 */
export const removeFromTheory = checkedEdit<TheoryMemberArgs>(
  'removeFromTheory',
  argsOf({ theory: ARG.id, configuration: ARG.id }),
  (ev, { theory, configuration }) => {
    const op = 'removeFromTheory'
    const th = findById(op, 'theory', ev.theories, theory, 'theory')
    if ('problems' in th) return th.problems
    return th.item.configurations.includes(configuration as never)
      ? []
      : [
          problem(
            ['configuration'],
            `a configuration in theory ${theory} (${th.item.configurations.join(', ') || 'none'})`,
            configuration,
            'reference',
            `${op} › configuration`,
          ),
        ]
  },
  (draft, { theory, configuration }) => {
    const th = draft.theories.find((t) => t.id === theory)!
    th.configurations.splice(th.configurations.indexOf(configuration as never), 1)
  },
)

/** Arguments of `commitTheoryVersion`. */
export interface CommitTheoryVersionArgs extends ChangeStamp {
  readonly theory: string
  /** What changed and why, e.g. "after the second round of site visits". */
  readonly note?: string
}

/**
 * Commit a theory's working set as its next version (1, 2, …): a snapshot of
 * each configuration and of the role of each element it uses, as they are
 * now. Later edits do not change a committed version, so `theoryDiff` can
 * say what a configuration was in each version and which elements changed role.
 *
 * Refused when the theory does not exist or its working set names a missing configuration.
 * @param args `{ theory, note?, at?, by? }`
 * @returns an edit; apply it with `applyEdit` (or `edit`, `recordEdit`)
 * @example
 * const mhip = withMhipTheory(mhipEvaluation) // the MHIP themes and starting configurations
 * const national = addTheory({ id: 'national', name: 'National view', configurations: ['capacity-low-impact'] })
 * const ev = edit(mhip, national, commitTheoryVersion({ theory: 'national', note: 'initial hypotheses' }))
 * ev.theories.at(-1).versions
 * //=> [{ version: 1, note: 'initial hypotheses', configurations: [{ id: 'capacity-low-impact', … }], elements: […] }]
 */
export const commitTheoryVersion = checkedEdit<CommitTheoryVersionArgs>(
  'commitTheoryVersion',
  argsOf({ theory: ARG.id }, { note: ARG.text, at: ARG.text, by: ARG.text }),
  (ev, args) => {
    const op = 'commitTheoryVersion'
    const th = findById(op, 'theory', ev.theories, args.theory, 'theory')
    if ('problems' in th) return th.problems
    const refs = evaluationRefs(ev)
    return th.item.configurations.flatMap((c, j) =>
      refs.configurations.has(c)
        ? []
        : [
            problem(
              ['theories', th.index, 'configurations', j],
              'a configuration id of this evaluation',
              c,
              'reference',
              `${op} › theory ${args.theory} › configuration`,
            ),
          ],
    )
  },
  (draft, args) => {
    // Nothing has changed in this draft yet, so its original is the state to freeze.
    const base = baseOf(draft)
    const i = base.theories.findIndex((t) => t.id === args.theory)
    const th = draft.theories[i]!
    const last = th.versions[th.versions.length - 1]?.version ?? 0
    const snap = snapshotTheory(base, base.theories[i]!, last + 1)
    th.versions.push(
      castDraft({
        version: snap.version,
        ...(args.note !== undefined ? { note: args.note } : {}),
        ...stamp(args),
        configurations: snap.configurations,
        elements: snap.elements,
      }),
    )
  },
)
