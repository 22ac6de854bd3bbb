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

export type SiteId = Id<'SiteId'>
export type UnitId = Id<'UnitId'>
export type RoundId = Id<'RoundId'>
export type SectionId = Id<'SectionId'>
export type StandardId = Id<'StandardId'>
export type CriterionId = Id<'CriterionId'>
/** A standard or a criterion: what a rating is about. */
export type TargetId = StandardId | CriterionId
export type LevelId = Id<'LevelId'>
export type ObjectiveTypeId = Id<'ObjectiveTypeId'>
export type ObjectiveId = Id<'ObjectiveId'>
export type StakeholderGroupId = Id<'StakeholderGroupId'>
export type InformantId = Id<'InformantId'>
export type SourceId = Id<'SourceId'>
export type ExcerptId = Id<'ExcerptId'>
export type ElementId = Id<'ElementId'>
export type ConfigurationId = Id<'ConfigurationId'>
export type TheoryId = Id<'TheoryId'>
/** A rating instrument (a framework with its own scale). */
export type InstrumentId = Id<'InstrumentId'>
/** A rater (assessor, reviewer) declared in the evaluation's `raters`. */
export type RaterId = Id<'RaterId'>

/**
 * Tag a plain string as an id of kind `K`. No check is made: use it for ids
 * that come from trusted code (embedded data, tests).
 * @example
 * const s = asId<'SiteId'>('south-staffs') // typed as SiteId
 */
export const asId = <K extends string>(s: string): Id<K> => s as Id<K>
