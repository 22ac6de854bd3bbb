import { roomArg } from '../../edit/args.js'
import { castDraft } from 'immer'
import type { Configuration, ConfigurationStatus, Scope } from '../../model/cmo.js'
import { ConfigurationC, CONFIGURATION_STATUSES } from '../../model/cmo.js'
import { problem, type Problem } from '../../model/problem.js'
import { canTransition, describeNextStatuses } from '../lifecycle.js'
import { evaluationRefs } from '../refs.js'
import { configurationProblems } from '../validate.js'
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

/** A new configuration: it starts `hypothesised` with an empty history. */
export interface ConfigurationInput {
  readonly id: string
  readonly label: string
  readonly description?: string
  readonly contexts: readonly string[]
  readonly mechanisms: readonly string[]
  readonly outcome: string
  readonly direction: Configuration['direction']
  /** Default: no restriction (`{ sites: [], units: [] }`). */
  readonly scope?: PlainIds<Scope>
  readonly ref?: Configuration['ref']
}

/** Arguments of `addConfiguration`. */
export interface AddConfigurationArgs {
  readonly configuration: ConfigurationInput
}

const fromInput = (c: ConfigurationInput): Configuration =>
  structuredClone({
    ...c,
    scope: c.scope ?? { sites: [], units: [] },
    status: 'hypothesised',
    statusHistory: [],
  }) as unknown as Configuration

/** Decode a configuration and run every check on it as if it sat at `configurations[index]`. */
const checkConfiguration = (ev: Parameters<typeof evaluationRefs>[0], value: unknown, index: number): Problem[] => {
  const decoded = decodeItem(ConfigurationC, value, 'configurations', index)
  return 'problems' in decoded ? decoded.problems : configurationProblems(decoded.ok, index, evaluationRefs(ev))
}

/**
 * Add a CMO configuration: one or more contexts and mechanisms tied to an
 * outcome, with a direction (the mechanism fires or fails to fire) and a
 * scope (sites and units it was seen in). It starts `hypothesised`.
 *
 * Refused when the id is taken, a list is empty, an element is missing or
 * has the wrong role for its slot (a context listed as a mechanism), or the
 * scope names an unknown site or unit.
 * @param args `{ configuration }`
 * @param args `{ configuration }`: id, label, context, mechanism and outcome element ids, direction, and optional scope
 * @returns an edit; apply it with `applyEdit` (or `edit`, `recordEdit`)
 * @example
 * const mhip = withMhipTheory(mhipEvaluation) // the MHIP themes and starting configurations
 * const ev = edit(mhip, addConfiguration({ configuration: {
 *   id: 'readiness-low-impact', label: 'Low readiness + narrow techniques → low impact',
 *   contexts: ['insufficient-readiness'], mechanisms: ['limited-techniques'], outcome: 'low-impact', direction: 'fires' } }))
 * ev.configurations.at(-1) //=> { id: 'readiness-low-impact', status: 'hypothesised', statusHistory: [], scope: { sites: [], units: [] }, … }
 */
export const addConfiguration = checkedEdit<AddConfigurationArgs>(
  'addConfiguration',
  argsOf({ configuration: ARG.object }),
  (ev, { configuration }) => {
    const n = ev.configurations.length
    return [
      ...roomArg('addConfiguration', 'configuration', n, 'the configurations'),
      ...duplicateIdProblems(
        'addConfiguration',
        'configurations',
        ev.configurations,
        configuration.id,
        'configuration',
      ),
      ...checkConfiguration(ev, fromInput(configuration), n),
    ]
  },
  (draft, { configuration }) => {
    draft.configurations.push(castDraft(fromInput(configuration)))
  },
)

/** The parts of a configuration that `reviseConfiguration` may change. */
export type ConfigurationChanges = Partial<Omit<ConfigurationInput, 'id'>>

/** Arguments of `reviseConfiguration`. */
export interface ReviseConfigurationArgs {
  readonly configuration: string
  readonly changes: ConfigurationChanges
}

/**
 * Change a configuration's contexts, mechanisms, outcome, direction, scope or
 * wording, e.g. when a case shows the hypothesis needs reformulating. The
 * status is left alone: record the verdict with `transitionConfiguration`
 * (usually `refined`). Theory versions already committed keep the old form.
 *
 * Refused on an unknown configuration or when the result would fail the same
 * checks as `addConfiguration`.
 * @param args `{ configuration, changes }`
 * @param args the `configuration` id and the `changes` (any field but the id; lists are replaced whole)
 * @returns an edit; apply it with `applyEdit` (or `edit`, `recordEdit`)
 * @example
 * const mhip = withMhipTheory(mhipEvaluation) // the MHIP themes and starting configurations
 * const changes = { contexts: ['insufficient-readiness', 'local-leadership'] }
 * edit(mhip, reviseConfiguration({ configuration: 'capacity-low-impact', changes })).configurations[0].contexts
 * //=> ['insufficient-readiness', 'local-leadership']
 */
export const reviseConfiguration = checkedEdit<ReviseConfigurationArgs>(
  'reviseConfiguration',
  argsOf({ configuration: ARG.id, changes: ARG.object }),
  (ev, { configuration, changes }) => {
    const found = findById('reviseConfiguration', 'configuration', ev.configurations, configuration, 'configuration')
    if ('problems' in found) return found.problems
    return checkConfiguration(ev, { ...found.item, ...structuredClone(changes) }, found.index)
  },
  (draft, { configuration, changes }) => {
    const c = draft.configurations.find((x) => x.id === configuration)!
    Object.assign(c, structuredClone(changes))
  },
)

/** Arguments of `transitionConfiguration`. */
export interface TransitionConfigurationArgs extends ChangeStamp {
  readonly configuration: string
  readonly to: ConfigurationStatus
  /** Why, e.g. "contradicted by 3 sites' case studies". Kept in `statusHistory`. */
  readonly reason: string
}

/**
 * Move a configuration along its lifecycle (`STATUS_TRANSITIONS`):
 * hypothesised → tested → supported | refined | refuted, refined or
 * supported → tested again. The move and its reason are appended to
 * `statusHistory`.
 *
 * Refused, with the legal next statuses in the message, when the move is not
 * in the table (e.g. hypothesised → supported skips the test) or the reason
 * is empty.
 * @param args `{ configuration, to, reason, at?, by? }`
 * @param args the `configuration` id, the status it moves `to`, the `reason`, and optional `at` (date) and `by`
 * @returns an edit; apply it with `applyEdit` (or `edit`, `recordEdit`)
 * @example
 * const mhip = withMhipTheory(mhipEvaluation) // the MHIP themes and starting configurations
 * const ev = edit(mhip, transitionConfiguration({ configuration: 'capacity-low-impact', to: 'tested', reason: 'site visits', at: '2007-06' }))
 * ev.configurations[0].status //=> 'tested'
 * ev.configurations[0].statusHistory //=> [{ from: 'hypothesised', to: 'tested', reason: 'site visits', at: '2007-06' }]
 * applyEdit(mhip, transitionConfiguration({ configuration: 'capacity-low-impact', to: 'supported', reason: 'x' }))
 * //=> left([{ where: 'transitionConfiguration › configuration capacity-low-impact › to',
 * //           expected: 'a legal next status after hypothesised: tested', found: '"supported"', code: 'value', … }])
 */
export const transitionConfiguration = checkedEdit<TransitionConfigurationArgs>(
  'transitionConfiguration',
  argsOf({ configuration: ARG.id, to: ARG.any, reason: ARG.any }, { at: ARG.text, by: ARG.text }),
  (ev, args) => {
    const op = 'transitionConfiguration'
    const found = findById(op, 'configuration', ev.configurations, args.configuration, 'configuration')
    if ('problems' in found) return found.problems
    const out = reasonProblems(op, args.reason)
    const from = found.item.status
    const at = `${op} › configuration ${found.item.id} › to`
    if (!(CONFIGURATION_STATUSES as readonly string[]).includes(args.to))
      out.push(problem(['to'], `a status: ${CONFIGURATION_STATUSES.join(' | ')}`, args.to, 'value', at))
    else if (!canTransition(from, args.to))
      out.push(
        problem(['to'], `a legal next status after ${from}: ${describeNextStatuses(from)}`, args.to, 'value', at),
      )
    return out
  },
  (draft, args) => {
    const c = draft.configurations.find((x) => x.id === args.configuration)!
    c.statusHistory.push({ from: c.status, to: args.to, reason: args.reason, ...stamp(args) })
    c.status = args.to
  },
)

/** Arguments of `removeConfiguration`. */
export interface RemoveConfigurationArgs {
  readonly configuration: string
}

/**
 * Remove a configuration entered by mistake. Committed theory versions keep
 * their snapshot of it.
 *
 * Refused when the configuration does not exist, is in a theory's working
 * set, or is linked from an excerpt (unlink or remove those first, so no
 * evidence is silently orphaned).
 * @param args `{ configuration }`
 * @param args the `configuration` id
 * @returns an edit; apply it with `applyEdit` (or `edit`, `recordEdit`)
 * @example
 * const mhip = withMhipTheory(mhipEvaluation) // the MHIP themes and starting configurations
 * // refused while a theory holds it: take it out of the theory first
 * const ev = edit(mhip, removeFromTheory({ theory: 'emhip-research-team', configuration: 'no-science-no-learning' }))
 * edit(ev, removeConfiguration({ configuration: 'no-science-no-learning' })).configurations.length //=> 4
 */
export const removeConfiguration = checkedEdit<RemoveConfigurationArgs>(
  'removeConfiguration',
  argsOf({ configuration: ARG.id }),
  (ev, { configuration }) => {
    const op = 'removeConfiguration'
    const found = findById(op, 'configuration', ev.configurations, configuration, 'configuration')
    if ('problems' in found) return found.problems
    const out: Problem[] = []
    ev.theories.forEach((th, i) => {
      const j = th.configurations.indexOf(found.item.id)
      if (j >= 0)
        out.push(
          problem(
            ['theories', i, 'configurations', j],
            `no theory using configuration ${configuration}`,
            th.id,
            'reference',
            `${op} › theory ${th.id}`,
          ),
        )
    })
    return [...out, ...linkedExcerptProblems(op, ev, 'configuration', configuration)]
  },
  (draft, { configuration }) => {
    draft.configurations.splice(
      draft.configurations.findIndex((c) => c.id === configuration),
      1,
    )
  },
)
