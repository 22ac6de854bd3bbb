/**
 * Branded string ids. A decoded document carries branded ids, so a `UnitId`
 * cannot be passed where a `SiteId` is expected. Inputs to edits and queries
 * accept plain strings and are checked at run time, because notebook users
 * type ids by hand.
 * @module
 */

declare const brand: unique symbol
/** A string tagged with the kind of thing it names. */
export type Id<K extends string> = string & { readonly [brand]: K }

/** The id of a site (an organisation or pilot site). */
export type SiteId = Id<'SiteId'>
/** The id of a rated unit (a workstream, a ward, a team). */
export type UnitId = Id<'UnitId'>
/** The id of a rating round (baseline, follow-up). */
export type RoundId = Id<'RoundId'>
/** The id of a section of a framework. */
export type SectionId = Id<'SectionId'>
/** The id of a standard of a framework (`2.4`). */
export type StandardId = Id<'StandardId'>
/** The id of a criterion of a framework (`2.4.1`). */
export type CriterionId = Id<'CriterionId'>
/** A standard or a criterion: what a rating is about. */
export type TargetId = StandardId | CriterionId
/** The id of a level of a rating scale (`met`, `partly`). */
export type LevelId = Id<'LevelId'>
/** The id of an objective type (E-MHIP: process, output, outcome). */
export type ObjectiveTypeId = Id<'ObjectiveTypeId'>
/** The id of one objective of a unit. */
export type ObjectiveId = Id<'ObjectiveId'>
/** The id of a stakeholder group (commissioners, frontline staff). */
export type StakeholderGroupId = Id<'StakeholderGroupId'>
/** The id of an informant (a person evidence comes from). */
export type InformantId = Id<'InformantId'>
/** The id of an evidence source (an interview, a document, a survey). */
export type SourceId = Id<'SourceId'>
/** The id of an excerpt (a quote or a note). */
export type ExcerptId = Id<'ExcerptId'>
/** The id of a CMO element (a context, mechanism or outcome). */
export type ElementId = Id<'ElementId'>
/** The id of a context-mechanism-outcome configuration. */
export type ConfigurationId = Id<'ConfigurationId'>
/** The id of a programme theory. */
export type TheoryId = Id<'TheoryId'>
/** A rating instrument (a framework with its own scale). */
export type InstrumentId = Id<'InstrumentId'>
/** A rater (assessor, reviewer) declared in the evaluation's `raters`. */
export type RaterId = Id<'RaterId'>

/**
 * Tag a plain string as an id of kind `K`. No check is made: use it for ids
 * that come from trusted code (embedded data, tests).
 * @param s - the id as a plain string.
 * @returns the same string, typed as an id of kind `K`.
 * @example
 * const s = asId<'SiteId'>('south-staffs') // typed as SiteId
 */
export const asId = <K extends string>(s: string): Id<K> => s as Id<K>
