import type { ConfigurationId, ElementId, ObjectiveId, ObjectiveTypeId, SiteId, StandardId, TheoryId, UnitId } from './ids.js'
import type { SourceRef } from './framework.js'

export type ElementRole = 'context' | 'mechanism' | 'outcome'

/** A change of role, e.g. consultation events: mechanism → context (E-MHIP L2960-L2974). */
export interface RoleChange {
  readonly from: ElementRole
  readonly to: ElementRole
  readonly reason: string
  readonly at?: string
}

interface ElementBase {
  readonly id: ElementId
  readonly label: string
  readonly description?: string
  readonly ref?: SourceRef
  /** Earlier roles, oldest first. The current role is `role`. */
  readonly roleHistory?: readonly RoleChange[]
}

export interface Context extends ElementBase {
  readonly role: 'context'
  /** Standards whose ratings are evidence for this context (1.1 readiness, 1.2 structure). */
  readonly standards?: readonly StandardId[]
}

/** Dalkin et al. (2015): a mechanism is a resource offered and the reasoning it triggers. `null` = unknown. */
export interface Mechanism extends ElementBase {
  readonly role: 'mechanism'
  readonly resource: string | null
  readonly reasoning: string | null
}

export interface Outcome extends ElementBase {
  readonly role: 'outcome'
  readonly intended: boolean
  readonly valence: 'positive' | 'negative' | 'mixed'
  readonly objectiveTypes?: readonly ObjectiveTypeId[]
  readonly objectives?: readonly ObjectiveId[]
}

export type CmoElement = Context | Mechanism | Outcome

export type ConfigurationStatus = 'hypothesised' | 'tested' | 'supported' | 'refined' | 'refuted'

export interface StatusChange {
  readonly from: ConfigurationStatus
  readonly to: ConfigurationStatus
  readonly reason: string
  readonly at?: string
  readonly by?: string
}

/** Context + Mechanism → Outcome. */
export interface Configuration {
  readonly id: ConfigurationId
  readonly label: string
  readonly contexts: readonly ElementId[]
  readonly mechanisms: readonly ElementId[]
  readonly outcome: ElementId
  /** Whether the mechanism fires or fails to fire in these contexts. */
  readonly direction: 'fires' | 'fails'
  readonly scope: { readonly sites: readonly SiteId[]; readonly units: readonly UnitId[] }
  readonly status: ConfigurationStatus
  readonly statusHistory: readonly StatusChange[]
  readonly ref?: SourceRef
}

/** One version of a programme theory: a snapshot of its configurations. */
export interface TheoryVersion {
  readonly version: number
  readonly date?: string
  readonly note?: string
  readonly configurations: readonly ConfigurationId[]
}

/** A named, versioned set of configurations, optionally from one stakeholder perspective. */
export interface ProgrammeTheory {
  readonly id: TheoryId
  readonly name: string
  readonly perspective?: string
  readonly versions: readonly TheoryVersion[]
}
