import * as E from '../model/either.js'
import type { Evaluation } from '../model/evaluation.js'
import type { ConfigurationSnapshot, ElementRole, ElementSnapshot, TheoryVersion } from '../model/cmo.js'
import { orThrow, problem, type Result } from '../model/problem.js'
import { argShapeProblems } from './args.js'
import { snapshotTheory } from './snapshot.js'

/**
 * One side of a comparison: a theory and one of its versions. `version` is a
 * committed version number or `'working'` (the working set as it is now).
 * Default: the latest committed version, or the working set if none is committed.
 */
export interface TheoryRef {
  readonly theory: string
  readonly version?: number | 'working'
}

/** A side of a diff as resolved: which theory, which version, whose perspective. */
export interface TheorySide {
  readonly theory: string
  readonly name: string
  readonly perspective: string | null
  readonly version: number | 'working'
}

/** The fields of a configuration a diff compares. */
export type ConfigurationField =
  | 'label'
  | 'description'
  | 'contexts'
  | 'mechanisms'
  | 'outcome'
  | 'direction'
  | 'scope.sites'
  | 'scope.units'
  | 'status'

/**
 * One field that differs. Lists (contexts, mechanisms, scope) are compared as
 * sets; `added` / `removed` give the members that differ, `before` / `after`
 * the whole value as text.
 */
export interface FieldChange {
  readonly field: ConfigurationField
  readonly before: string
  readonly after: string
  readonly added: readonly string[]
  readonly removed: readonly string[]
}

/** A configuration in both versions that differs between them (refined, retested, re-scoped, …). */
export interface ConfigurationDiff {
  readonly id: string
  readonly label: string
  readonly changes: readonly FieldChange[]
}

/** An element whose role differs between the two versions, e.g. consultation events: mechanism → context. */
export interface ElementRoleDiff {
  readonly element: string
  readonly label: string
  readonly before: ElementRole
  readonly after: ElementRole
}

/** What changed from one theory version to another. */
export interface TheoryDiff {
  readonly from: TheorySide
  readonly to: TheorySide
  /** In `to` only. */
  readonly added: readonly ConfigurationSnapshot[]
  /** In `from` only. */
  readonly removed: readonly ConfigurationSnapshot[]
  /** In both, with different content. */
  readonly changed: readonly ConfigurationDiff[]
  /** Ids in both with identical content. */
  readonly unchanged: readonly string[]
  /** Elements known to both versions with a different role. */
  readonly roleChanges: readonly ElementRoleDiff[]
}

const resolve = (
  ev: Evaluation,
  ref: TheoryRef,
  side: 'from' | 'to',
): Result<{ side: TheorySide; snapshot: TheoryVersion }> => {
  const i = ev.theories.findIndex((t) => t.id === ref.theory)
  const th = ev.theories[i]
  if (th === undefined)
    return E.left([
      problem(
        [side, 'theory'],
        `a theory id of this evaluation (${ev.theories.map((t) => t.id).join(', ') || 'none'})`,
        ref.theory,
        'reference',
        `theoryDiff › ${side} › theory`,
      ),
    ])
  const last = th.versions[th.versions.length - 1]
  const wanted = ref.version ?? (last === undefined ? 'working' : last.version)
  const sideOf = (version: number | 'working'): TheorySide => ({
    theory: th.id,
    name: th.name,
    perspective: th.perspective ?? null,
    version,
  })
  if (wanted === 'working') return E.right({ side: sideOf('working'), snapshot: snapshotTheory(ev, th, 0) })
  const v = th.versions.find((x) => x.version === wanted)
  if (v === undefined)
    return E.left([
      problem(
        ['theories', i, 'versions'],
        `a committed version of theory ${th.id} (${[...th.versions.map((x) => x.version), "'working'"].join(', ')})`,
        wanted,
        'reference',
        `theoryDiff › ${side} › version`,
      ),
    ])
  return E.right({ side: sideOf(v.version), snapshot: v })
}

/** Set comparison in linear time (lists in a hostile document can be long). */
const listChange = (field: ConfigurationField, a: readonly string[], b: readonly string[]): FieldChange[] => {
  const inA = new Set(a)
  const inB = new Set(b)
  const added = b.filter((x) => !inA.has(x))
  const removed = a.filter((x) => !inB.has(x))
  return added.length === 0 && removed.length === 0
    ? []
    : [{ field, before: a.join(', '), after: b.join(', '), added, removed }]
}

const valueChange = (field: ConfigurationField, a: string | undefined, b: string | undefined): FieldChange[] =>
  a === b ? [] : [{ field, before: a ?? '', after: b ?? '', added: [], removed: [] }]

/** Field-by-field differences between two snapshots of one configuration. */
const configurationChanges = (a: ConfigurationSnapshot, b: ConfigurationSnapshot): FieldChange[] => [
  ...valueChange('label', a.label, b.label),
  ...valueChange('description', a.description, b.description),
  ...listChange('contexts', a.contexts, b.contexts),
  ...listChange('mechanisms', a.mechanisms, b.mechanisms),
  ...valueChange('outcome', a.outcome, b.outcome),
  ...valueChange('direction', a.direction, b.direction),
  ...listChange('scope.sites', a.scope.sites, b.scope.sites),
  ...listChange('scope.units', a.scope.units, b.scope.units),
  ...valueChange('status', a.status, b.status),
]

const roleChanges = (a: readonly ElementSnapshot[], b: readonly ElementSnapshot[]): ElementRoleDiff[] => {
  const before = new Map(a.map((e) => [e.id as string, e]))
  return b.flatMap((e) => {
    const was = before.get(e.id)
    return was !== undefined && was.role !== e.role
      ? [{ element: e.id, label: e.label, before: was.role, after: e.role }]
      : []
  })
}

/**
 * Compare two versions of one theory, or two theories (perspectives):
 * configurations added, removed and changed (field by field, lists compared
 * as sets), and elements whose role differs. Committed versions are
 * snapshots, so the diff sees what each configuration was at the time.
 * Configurations are matched by id.
 *
 * Degenerate input: comparing a version with itself gives empty lists; an
 * unknown theory or version is a `Left` naming the versions that exist.
 * @param ev the evaluation holding the theories
 * @param from the older (or first) side
 * @param to the newer (or second) side
 * @returns `right(TheoryDiff)` or `left(problems)`
 * @example
 * // theoryEv: the MHIP programme theory; versions 2 and 3 straddle consultation-events becoming a context
 * theoryDiffEither(theoryEv, { theory: 'emhip-research-team', version: 2 }, { theory: 'emhip-research-team', version: 3 })
 * //=> right({ added: [], removed: [],
 * //           changed: [{ id: 'energy-not-harnessed', label: '…', changes: [
 * //             { field: 'contexts', before: 'insufficient-readiness', after: 'insufficient-readiness, consultation-events', added: ['consultation-events'], removed: [] },
 * //             { field: 'mechanisms', before: 'spur-to-action, partnership-difficult, consultation-events', after: 'spur-to-action, partnership-difficult', added: [], removed: ['consultation-events'] }] }],
 * //           unchanged: ['capacity-low-impact', 'prince2-culture', 'no-science-no-learning', 'users-absent-low-impact'],
 * //           roleChanges: [{ element: 'consultation-events', label: 'Launch and consultation events', before: 'mechanism', after: 'context' }], … })
 */
export const theoryDiffEither = (ev: Evaluation, from: TheoryRef, to: TheoryRef): Result<TheoryDiff> => {
  const shape = [...argShapeProblems(from, 'from'), ...argShapeProblems(to, 'to')]
  if (shape.length > 0) return E.left(shape)
  const a = resolve(ev, from, 'from')
  const b = resolve(ev, to, 'to')
  if (E.isLeft(a) || E.isLeft(b)) return E.left([...(E.isLeft(a) ? a.left : []), ...(E.isLeft(b) ? b.left : [])])
  const before = new Map(a.right.snapshot.configurations.map((c) => [c.id as string, c]))
  const after = new Map(b.right.snapshot.configurations.map((c) => [c.id as string, c]))
  const changed: ConfigurationDiff[] = []
  const unchanged: string[] = []
  for (const [id, c] of after) {
    const was = before.get(id)
    if (was === undefined) continue
    const changes = configurationChanges(was, c)
    if (changes.length === 0) unchanged.push(id)
    else changed.push({ id, label: c.label, changes })
  }
  return E.right({
    from: a.right.side,
    to: b.right.side,
    added: [...after.values()].filter((c) => !before.has(c.id)),
    removed: [...before.values()].filter((c) => !after.has(c.id)),
    changed,
    unchanged,
    roleChanges: roleChanges(a.right.snapshot.elements, b.right.snapshot.elements),
  })
}

/**
 * Compare two versions of one theory, or two theories (perspectives):
 * configurations added, removed and changed (field by field, lists compared
 * as sets), and elements whose role differs. Committed versions are
 * snapshots, so the diff sees what each configuration was at the time.
 * Configurations are matched by id.
 *
 * The throwing form of {@link theoryDiffEither}: the same result, returned directly,
 * for notebooks and scripts.
 *
 * Degenerate input: comparing a version with itself gives empty lists; an
 * unknown theory or version is a an error naming the versions that exist.
 * @param ev the evaluation holding the theories
 * @param from the older (or first) side
 * @param to the newer (or second) side
 * @returns the TheoryDiff (`TheoryDiff`), as {@link theoryDiffEither}
 * gives it in its `Right`.
 * @throws {RealistError} when {@link theoryDiffEither} gives `Left`: the error's
 * `problems` are those problems, and its message lists them (`[realist-eval] theoryDiff: …`).
 * @example
 * // theoryEv: the research team's latest version (five configurations) against the South West London leads' (two)
 * theoryDiff(theoryEv, { theory: 'emhip-research-team' }, { theory: 'swl-leads' }).removed.map((c) => c.id)
 * //=> ['energy-not-harnessed', 'no-science-no-learning', 'users-absent-low-impact']
 */
export const theoryDiff = (ev: Evaluation, from: TheoryRef, to: TheoryRef): TheoryDiff =>
  orThrow('theoryDiff', theoryDiffEither(ev, from, to))

/** One line of a theory diff as a flat row. */
export interface TheoryDiffRow {
  readonly change: 'added' | 'removed' | 'changed' | 'role'
  /** The configuration, or null for a role change. */
  readonly configuration: string | null
  /** The element, for a role change; null otherwise. */
  readonly element: string | null
  readonly label: string
  /** The changed field (`status`, `contexts`, …), `role`, or null for added / removed. */
  readonly field: string | null
  readonly before: string | null
  readonly after: string | null
}

/**
 * Flatten a theory diff into tidy rows: one per added or removed
 * configuration, one per changed field, one per element role change.
 * @param diff a result of `theoryDiff`
 * @returns rows in the order added, removed, changed, role; `[]` for identical versions
 * @example
 * // theoryEv: the MHIP programme theory with illustrative quotes (examples/programme-theory.ts)
 * theoryDiffRows(theoryDiff(theoryEv, { theory: 'emhip-research-team', version: 2 }, { theory: 'emhip-research-team', version: 3 }))
 * //=> [{ change: 'changed', configuration: 'energy-not-harnessed', element: null, label: '…', field: 'contexts', before: 'insufficient-readiness', after: 'insufficient-readiness, consultation-events' },
 * //    { change: 'changed', configuration: 'energy-not-harnessed', element: null, label: '…', field: 'mechanisms', before: 'spur-to-action, partnership-difficult, consultation-events', after: 'spur-to-action, partnership-difficult' },
 * //    { change: 'role', configuration: null, element: 'consultation-events', label: 'Launch and consultation events', field: 'role', before: 'mechanism', after: 'context' }]
 */
export const theoryDiffRows = (diff: TheoryDiff): TheoryDiffRow[] => [
  ...diff.added.map((c) => ({
    change: 'added' as const,
    configuration: c.id,
    element: null,
    label: c.label,
    field: null,
    before: null,
    after: null,
  })),
  ...diff.removed.map((c) => ({
    change: 'removed' as const,
    configuration: c.id,
    element: null,
    label: c.label,
    field: null,
    before: null,
    after: null,
  })),
  ...diff.changed.flatMap((c) =>
    c.changes.map((f) => ({
      change: 'changed' as const,
      configuration: c.id,
      element: null,
      label: c.label,
      field: f.field,
      before: f.before,
      after: f.after,
    })),
  ),
  ...diff.roleChanges.map((r) => ({
    change: 'role' as const,
    configuration: null,
    element: r.element,
    label: r.label,
    field: 'role',
    before: r.before,
    after: r.after,
  })),
]
