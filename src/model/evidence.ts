import type { ElementId, ConfigurationId, ExcerptId, InformantId, SiteId, SourceId, StakeholderGroupId } from './ids.js'
import type { SourceRef } from './framework.js'

/** A stakeholder group (E-MHIP Table 2), the unit of triangulation. */
export interface StakeholderGroup {
  readonly id: StakeholderGroupId
  readonly label: string
}

/** A person who gave evidence, known only by a pseudonymous id. */
export interface Informant {
  readonly id: InformantId
  readonly group: StakeholderGroupId
  readonly site?: SiteId
  readonly role?: string
}

export type SourceKind = 'interview' | 'document' | 'survey'
export interface EvidenceSource {
  readonly id: SourceId
  readonly kind: SourceKind
  readonly title?: string
  readonly date?: string
  readonly site?: SiteId
  readonly ref?: SourceRef
}

export type Stance = 'supports' | 'contradicts'
/** What an excerpt speaks to: a CMO element or a configuration. */
export interface EvidenceLink {
  readonly element?: ElementId
  readonly configuration?: ConfigurationId
  readonly stance: Stance
}

/** A quote or a note, from one informant or one source. */
export interface Excerpt {
  readonly id: ExcerptId
  /** The human label used in a quote register, e.g. "Q17". */
  readonly label: string
  readonly kind: 'quote' | 'note'
  readonly text: string
  readonly informant?: InformantId
  readonly source?: SourceId
  readonly links: readonly EvidenceLink[]
}
