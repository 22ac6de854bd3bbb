import * as t from 'io-ts'
import {
  fail,
  idC,
  NonEmptyStringC as nonEmptyString,
  oneOfC,
  withOptional,
  CountC,
  SourceRefC,
  StringC,
} from './codec-kit.js'
import type { ElementId, ConfigurationId, ExcerptId, InformantId, SiteId, SourceId, StakeholderGroupId } from './ids.js'
import type { SourceRef } from './framework.js'

/** A stakeholder group (E-MHIP Table 2, L610-L623), the unit of triangulation. */
export interface StakeholderGroup {
  readonly id: StakeholderGroupId
  readonly label: string
  /** How many people of this group were interviewed or surveyed (Table 2's count). */
  readonly count?: number
  readonly ref?: SourceRef
}

/**
 * A person who gave evidence, known only by a pseudonymous id. There is no
 * name field on purpose, and the codec refuses `name` / `email` keys, so a
 * document cannot carry identities by accident.
 */
export interface Informant {
  readonly id: InformantId
  /**
   * The informant's stakeholder group. Absent when it is not known yet (an
   * imported register whose role is mapped to no group): such an informant's
   * excerpts count, but add no perspective to triangulation.
   */
  readonly group?: StakeholderGroupId
  /** The site the informant speaks for; absent for national informants. */
  readonly site?: SiteId
  readonly role?: string
  /** The informant's number within the role, as registers print it (`[Service Director_3]`). */
  readonly ordinal?: number
}

export const SOURCE_KINDS = ['interview', 'document', 'survey'] as const
/** How evidence was collected: `'interview'`, `'document'` or `'survey'`. */
export type SourceKind = (typeof SOURCE_KINDS)[number]
/** Where evidence was collected: an interview, a document or a survey. */
export interface EvidenceSource {
  readonly id: SourceId
  readonly kind: SourceKind
  readonly title?: string
  readonly date?: string
  readonly site?: SiteId
  readonly ref?: SourceRef
}

export const STANCES = ['supports', 'contradicts'] as const
/** Whether an excerpt `'supports'` or `'contradicts'` what it is linked to. */
export type Stance = (typeof STANCES)[number]
/**
 * What an excerpt speaks to: exactly one of a CMO element or a configuration
 * (checked by `evidenceProblems`), and whether it supports or contradicts it.
 */
export interface EvidenceLink {
  readonly element?: ElementId
  readonly configuration?: ConfigurationId
  readonly stance: Stance
}

export const EXCERPT_KINDS = ['quote', 'note'] as const
/** An excerpt's kind: a `'quote'` (the informant's words) or a `'note'` (the evaluator's). */
export type ExcerptKind = (typeof EXCERPT_KINDS)[number]
/** A quote or a note, from one informant or one source (or an informant in one interview). */
export interface Excerpt {
  readonly id: ExcerptId
  /** The human label used in a quote register, e.g. "Q17". */
  readonly label: string
  readonly kind: ExcerptKind
  readonly text: string
  readonly informant?: InformantId
  readonly source?: SourceId
  readonly links: readonly EvidenceLink[]
  /** The register section the excerpt was printed under. */
  readonly section?: string
  /** The register theme (several separated by `;`). */
  readonly theme?: string
  /** The attribution as the register printed it (`[Service Director_3] Trust B`), kept even when it does not parse. */
  readonly attribution?: string
  /** The register lines the excerpt was read from. */
  readonly lines?: readonly number[]
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

/** Codec of a `StakeholderGroup`. */
export const StakeholderGroupC: t.Type<StakeholderGroup, unknown, unknown> = withOptional(
  { id: idC<'StakeholderGroupId'>('stakeholder group id'), label: nonEmptyString },
  { count: CountC, ref: SourceRefC },
  'a stakeholder group',
)

const InformantShapeC = withOptional(
  { id: idC<'InformantId'>('informant id') },
  {
    group: idC<'StakeholderGroupId'>('stakeholder group id'),
    site: idC<'SiteId'>('site id'),
    role: StringC,
    ordinal: CountC,
  },
  'an informant',
)
const IDENTIFYING_KEYS = ['name', 'email'] as const
/** Codec of an `Informant`; refuses identifying keys (`name`, `email`): informants are pseudonymous. */
export const InformantC: t.Type<Informant, unknown, unknown> = new t.Type<Informant, unknown, unknown>(
  'an informant',
  (u): u is Informant => InformantShapeC.is(u),
  (u, c) => {
    if (typeof u === 'object' && u !== null) {
      const bad = IDENTIFYING_KEYS.find((k) => Object.prototype.hasOwnProperty.call(u, k))
      if (bad !== undefined) {
        const value = (u as Record<string, unknown>)[bad]
        return fail(
          value,
          t.appendContext(c, bad, t.undefined, value),
          'no identifying field (informants are pseudonymous ids)',
          'value',
        )
      }
    }
    return delegate(InformantShapeC, u, c)
  },
  (a) => InformantShapeC.encode(a),
)

/** Codec of an `EvidenceSource`. */
export const EvidenceSourceC: t.Type<EvidenceSource, unknown, unknown> = withOptional(
  { id: idC<'SourceId'>('source id'), kind: oneOfC(SOURCE_KINDS) },
  { title: StringC, date: StringC, site: idC<'SiteId'>('site id'), ref: SourceRefC },
  'an evidence source',
)

/** Codec of an `EvidenceLink`. */
export const EvidenceLinkC: t.Type<EvidenceLink, unknown, unknown> = withOptional(
  { stance: oneOfC(STANCES) },
  { element: idC<'ElementId'>('element id'), configuration: idC<'ConfigurationId'>('configuration id') },
  'an evidence link',
)

/** Codec of an `Excerpt`. */
export const ExcerptC: t.Type<Excerpt, unknown, unknown> = withOptional(
  {
    id: idC<'ExcerptId'>('excerpt id'),
    label: nonEmptyString,
    kind: oneOfC(EXCERPT_KINDS),
    text: StringC,
    links: t.readonlyArray(EvidenceLinkC),
  },
  {
    informant: idC<'InformantId'>('informant id'),
    source: idC<'SourceId'>('source id'),
    section: StringC,
    theme: StringC,
    attribution: StringC,
    lines: t.readonlyArray(CountC),
  },
  'an excerpt',
)
