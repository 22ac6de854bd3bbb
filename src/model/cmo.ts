import * as t from 'io-ts'
import {
  closedC,
  fail,
  idC,
  NonEmptyStringC as nonEmptyString,
  oneOfC,
  withOptional,
  CountC,
  SourceRefC,
  StringC,
  BooleanC,
} from './codec-kit.js'
import type {
  ConfigurationId,
  ElementId,
  ObjectiveId,
  ObjectiveTypeId,
  SiteId,
  StandardId,
  TheoryId,
  UnitId,
} from './ids.js'
import type { SourceRef } from './framework.js'

export const ELEMENT_ROLES = ['context', 'mechanism', 'outcome'] as const
/** The role of a CMO element: `'context'`, `'mechanism'` or `'outcome'`. */
export type ElementRole = (typeof ELEMENT_ROLES)[number]

/** The role-specific fields of a context. */
export interface ContextFields {
  readonly role: 'context'
  /** Standards whose ratings are evidence for this context (1.1 readiness, 1.2 structure). */
  readonly standards?: readonly StandardId[]
}

/**
 * The role-specific fields of a mechanism. Dalkin et al. (2015): a mechanism
 * is a resource the programme offers and the reasoning it triggers in the
 * people who respond. `null` = unknown.
 */
export interface MechanismFields {
  readonly role: 'mechanism'
  readonly resource: string | null
  readonly reasoning: string | null
}

export const VALENCES = ['positive', 'negative', 'mixed'] as const
/** Whether an outcome is wanted: `'positive'`, `'negative'` or `'mixed'`. */
export type Valence = (typeof VALENCES)[number]

/** The role-specific fields of an outcome. */
export interface OutcomeFields {
  readonly role: 'outcome'
  readonly intended: boolean
  readonly valence: Valence
  readonly objectiveTypes?: readonly ObjectiveTypeId[]
  readonly objectives?: readonly ObjectiveId[]
}

/** The part of an element that depends on its role. */
export type RoleFields = ContextFields | MechanismFields | OutcomeFields

/**
 * A change of role, e.g. consultation events: mechanism → context (E-MHIP
 * L2960-L2974). `previous` keeps the fields the element had in its old role,
 * so a role change loses nothing.
 */
export interface RoleChange {
  readonly from: ElementRole
  readonly to: ElementRole
  readonly reason: string
  readonly previous: RoleFields
  readonly at?: string
  readonly by?: string
}

interface ElementBase {
  readonly id: ElementId
  readonly label: string
  readonly description?: string
  readonly ref?: SourceRef
  /** Earlier roles, oldest first. The current role is `role`. */
  readonly roleHistory?: readonly RoleChange[]
}

/** A context: the conditions (people, place, setting) in which a mechanism fires or does not. */
export interface Context extends ElementBase, ContextFields {}
/** A mechanism: how the resources of a programme change the reasoning or response of the people it reaches. */
export interface Mechanism extends ElementBase, MechanismFields {}
/** An outcome: what follows when a mechanism fires in a context, wanted or not (its `valence`). */
export interface Outcome extends ElementBase, OutcomeFields {}

/** A context, a mechanism or an outcome: one building block of programme theory. */
export type CmoElement = Context | Mechanism | Outcome

export const CONFIGURATION_STATUSES = ['hypothesised', 'tested', 'supported', 'refined', 'refuted'] as const
/** The lifecycle of a configuration; the legal moves are in `STATUS_TRANSITIONS` (src/cmo/lifecycle.ts). */
export type ConfigurationStatus = (typeof CONFIGURATION_STATUSES)[number]

/** One move in a configuration's lifecycle, with the reason it was made. */
export interface StatusChange {
  readonly from: ConfigurationStatus
  readonly to: ConfigurationStatus
  readonly reason: string
  readonly at?: string
  readonly by?: string
}

export const DIRECTIONS = ['fires', 'fails'] as const
/** Whether the mechanism fires, or fails to fire, in these contexts. */
export type Direction = (typeof DIRECTIONS)[number]

/** Where a configuration was seen. Empty lists = not restricted (programme-wide). */
export interface Scope {
  readonly sites: readonly SiteId[]
  readonly units: readonly UnitId[]
}

/** Context + Mechanism → Outcome: one or more contexts and mechanisms tied to one outcome. */
export interface Configuration {
  readonly id: ConfigurationId
  readonly label: string
  readonly description?: string
  readonly contexts: readonly ElementId[]
  readonly mechanisms: readonly ElementId[]
  readonly outcome: ElementId
  readonly direction: Direction
  readonly scope: Scope
  readonly status: ConfigurationStatus
  /** Every status move, oldest first; the last `to` is `status`. */
  readonly statusHistory: readonly StatusChange[]
  readonly ref?: SourceRef
}

/** A configuration as it was when a theory version was committed (its history left out). */
export type ConfigurationSnapshot = Omit<Configuration, 'statusHistory' | 'ref'>

/** An element's label and role when a theory version was committed. */
export interface ElementSnapshot {
  readonly id: ElementId
  readonly label: string
  readonly role: ElementRole
}

/**
 * One committed version of a programme theory: snapshots of its
 * configurations and of the roles of the elements they use, so that a later
 * edit cannot change what an old version said.
 */
export interface TheoryVersion {
  /** 1, 2, 3, … in commit order. */
  readonly version: number
  readonly note?: string
  readonly at?: string
  readonly by?: string
  readonly configurations: readonly ConfigurationSnapshot[]
  readonly elements: readonly ElementSnapshot[]
}

/**
 * A named, versioned set of configurations, optionally from one stakeholder
 * perspective ("MHIP had almost as many theories as it had people", L2968).
 * `configurations` is the working set; `versions` are committed snapshots.
 */
export interface ProgrammeTheory {
  readonly id: TheoryId
  readonly name: string
  readonly perspective?: string
  readonly description?: string
  readonly configurations: readonly ConfigurationId[]
  readonly versions: readonly TheoryVersion[]
}

// ---- codecs -------------------------------------------------------------

/**
 * Validate with another codec as if it stood in this one's place: the last
 * context entry names `codec`, so error paths do not gain the inner codec's
 * intersection steps (`problemsFromErrors` skips steps under an intersection).
 */
const delegate = <A>(codec: t.Type<A, unknown, unknown>, u: unknown, c: t.Context): t.Validation<A> => {
  const last = c[c.length - 1]
  return codec.validate(u, last === undefined ? c : [...c.slice(0, -1), { ...last, type: codec }])
}

const ElementIdC = idC<'ElementId'>('element id')
const ConfigurationIdC = idC<'ConfigurationId'>('configuration id')
const RoleC = oneOfC(ELEMENT_ROLES)
const StatusC = oneOfC(CONFIGURATION_STATUSES)
const NullableString = t.union([StringC, t.null], 'a string or null (unknown)')

const contextFields = [
  { role: t.literal('context') },
  { standards: t.readonlyArray(idC<'StandardId'>('standard id')) },
] as const
const mechanismFields = [
  { role: t.literal('mechanism'), resource: NullableString, reasoning: NullableString },
  {},
] as const
const outcomeFields = [
  { role: t.literal('outcome'), intended: BooleanC, valence: oneOfC(VALENCES) },
  {
    objectiveTypes: t.readonlyArray(idC<'ObjectiveTypeId'>('objective type id')),
    objectives: t.readonlyArray(idC<'ObjectiveId'>('objective id')),
  },
] as const
// Closed (unknown fields refused) where they stand alone; open as members of an element's intersection, which is closed whole.
const ContextFieldsC = withOptional(...contextFields, 'context fields')
const MechanismFieldsC = withOptional(...mechanismFields, 'mechanism fields')
const OutcomeFieldsC = withOptional(...outcomeFields, 'outcome fields')
const RoleFieldsC: t.Type<RoleFields, unknown, unknown> = t.union(
  [ContextFieldsC, MechanismFieldsC, OutcomeFieldsC],
  'role fields',
)

/** Codec of a `RoleChange`. */
export const RoleChangeC: t.Type<RoleChange, unknown, unknown> = withOptional(
  { from: RoleC, to: RoleC, reason: StringC, previous: RoleFieldsC },
  { at: StringC, by: StringC },
  'a role change',
)

const elementBase = [
  { id: ElementIdC, label: nonEmptyString },
  { description: StringC, ref: SourceRefC, roleHistory: t.readonlyArray(RoleChangeC) },
] as const
const ElementBaseC = withOptional(...elementBase, 'a CMO element', { open: true })
const keysOf = (...parts: readonly object[]): string[] => parts.flatMap((p) => Object.keys(p))
const element = <R extends t.Props, O extends t.Props>(fields: readonly [R, O], name: string) =>
  closedC(
    t.intersection([ElementBaseC, withOptional(fields[0], fields[1], `${name} fields`, { open: true })], name),
    keysOf(...elementBase, ...fields),
    name,
  )

const elementCodecs = {
  context: element(contextFields, 'a context'),
  mechanism: element(mechanismFields, 'a mechanism'),
  outcome: element(outcomeFields, 'an outcome'),
} as const

/**
 * Codec of a `CmoElement` (a context, mechanism or outcome, told apart by
 * `role`). The role is read first, so a wrong role is reported at `role` and a
 * wrong field against the fields of that role, not as "not any of three".
 */
export const CmoElementC: t.Type<CmoElement, unknown, unknown> = new t.Type<CmoElement, unknown, unknown>(
  'a CMO element (context, mechanism or outcome)',
  (u): u is CmoElement => ELEMENT_ROLES.some((r) => elementCodecs[r].is(u)),
  (u, c) => {
    if (typeof u !== 'object' || u === null || Array.isArray(u))
      return fail(u, c, 'a CMO element (context, mechanism or outcome)')
    const role = (u as { role?: unknown }).role
    if (!RoleC.is(role))
      return fail(role, t.appendContext(c, 'role', RoleC, role), RoleC.name, role === undefined ? 'shape' : 'value')
    return delegate(elementCodecs[role] as t.Type<CmoElement, unknown, unknown>, u, c)
  },
  (a) => elementCodecs[a.role].encode(a as never),
)

/** Codec of a `StatusChange`. */
export const StatusChangeC: t.Type<StatusChange, unknown, unknown> = withOptional(
  { from: StatusC, to: StatusC, reason: StringC },
  { at: StringC, by: StringC },
  'a status change',
)

const snapshotProps = {
  id: ConfigurationIdC,
  label: nonEmptyString,
  contexts: t.readonlyArray(ElementIdC),
  mechanisms: t.readonlyArray(ElementIdC),
  outcome: ElementIdC,
  direction: oneOfC(DIRECTIONS),
  scope: withOptional(
    { sites: t.readonlyArray(idC<'SiteId'>('site id')), units: t.readonlyArray(idC<'UnitId'>('unit id')) },
    {},
    'a scope',
  ),
  status: StatusC,
}

/** Codec of a `Configuration`. */
export const ConfigurationC: t.Type<Configuration, unknown, unknown> = withOptional(
  { ...snapshotProps, statusHistory: t.readonlyArray(StatusChangeC) },
  { description: StringC, ref: SourceRefC },
  'a configuration',
)

/** Codec of a `ConfigurationSnapshot`. */
export const ConfigurationSnapshotC: t.Type<ConfigurationSnapshot, unknown, unknown> = withOptional(
  snapshotProps,
  { description: StringC },
  'a configuration snapshot',
)

/** Codec of a `TheoryVersion`. */
export const TheoryVersionC: t.Type<TheoryVersion, unknown, unknown> = withOptional(
  {
    version: CountC,
    configurations: t.readonlyArray(ConfigurationSnapshotC),
    elements: t.readonlyArray(withOptional({ id: ElementIdC, label: StringC, role: RoleC }, {}, 'an element snapshot')),
  },
  { note: StringC, at: StringC, by: StringC },
  'a theory version',
)

/** Codec of a `ProgrammeTheory`. */
export const ProgrammeTheoryC: t.Type<ProgrammeTheory, unknown, unknown> = withOptional(
  {
    id: idC<'TheoryId'>('theory id'),
    name: nonEmptyString,
    configurations: t.readonlyArray(ConfigurationIdC),
    versions: t.readonlyArray(TheoryVersionC),
  },
  { perspective: StringC, description: StringC },
  'a programme theory',
)
