import type { CriterionId, SectionId, StandardId } from './ids.js'
import type { RatingScale } from './scale.js'

/** Where a piece of wording or a figure comes from, e.g. a line of the E-MHIP report. */
export interface SourceRef {
  /** Free text: "E-MHIP final report (2008)". */
  readonly document?: string
  /** Line number or range in the reference text, e.g. "L1226-L1242". */
  readonly lines?: string
  readonly page?: string
}

/** Another wording of the same standard, e.g. a chapter 4 variant of a Table 5 title. */
export interface WordingVariant {
  readonly text: string
  readonly ref?: SourceRef
}

/** A criterion of a standard: one rated statement (E-MHIP: 2.4.1), with its wording and source. */
export interface Criterion {
  readonly id: CriterionId
  readonly text: string
  readonly ref?: SourceRef
}

/**
 * A standard: its canonical wording, other wordings it goes by, and its criteria (none when it is
 * rated as a whole).
 */
export interface Standard {
  readonly id: StandardId
  /** The canonical wording (E-MHIP: the Table 5 wording). */
  readonly title: string
  readonly variants: readonly WordingVariant[]
  readonly criteria: readonly Criterion[]
  readonly ref?: SourceRef
}

/** A section of a framework (E-MHIP: Preconditions, Planning, Implementation, Follow-up), holding its standards. */
export interface Section {
  readonly id: SectionId
  readonly title: string
  readonly standards: readonly Standard[]
}

/** A standards framework: sections → standards → criteria, rated on one scale. */
export interface Framework {
  readonly id: string
  readonly title: string
  readonly scale: RatingScale
  readonly sections: readonly Section[]
  readonly ref?: SourceRef
}
