/**
 * Codecs of the standards framework and its rating scale (shape only; the
 * duplicate-id and reserved-level checks are in `documentProblems`).
 * @module
 */
import * as t from 'io-ts'
import type { Criterion, Framework, Section, Standard, WordingVariant } from './framework.js'
import type { RatingScale, ScaleLevel } from './scale.js'
import { FiniteNumberC, NonEmptyStringC, SourceRefC, StringC, idC, withOptional } from './codec-kit.js'

/** Codec of a scale level id (see `idC`). */
export const LevelIdC = idC<'LevelId'>('level id')
/** Codec of a section id (see `idC`). */
export const SectionIdC = idC<'SectionId'>('section id')
/** Codec of a standard id (see `idC`). */
export const StandardIdC = idC<'StandardId'>('standard id')
/** Codec of a criterion id (see `idC`). */
export const CriterionIdC = idC<'CriterionId'>('criterion id')

/** Codec of a {@link ScaleLevel}: id, label, finite score, optional import aliases. */
export const ScaleLevelC: t.Type<ScaleLevel, unknown, unknown> = withOptional(
  { id: LevelIdC, label: StringC, score: FiniteNumberC },
  { aliases: t.readonlyArray(StringC, 'a list of strings') },
  'a scale level',
)

/** Codec of a {@link RatingScale}. */
export const RatingScaleC: t.Type<RatingScale, unknown, unknown> = withOptional(
  { id: NonEmptyStringC, label: StringC, levels: t.readonlyArray(ScaleLevelC, 'a list of scale levels') },
  {},
  'a rating scale',
)

/** Codec of a {@link WordingVariant}. */
export const WordingVariantC: t.Type<WordingVariant, unknown, unknown> = withOptional(
  { text: StringC },
  { ref: SourceRefC },
  'a wording variant',
)

/** Codec of a {@link Criterion}. */
export const CriterionC: t.Type<Criterion, unknown, unknown> = withOptional(
  { id: CriterionIdC, text: StringC },
  { ref: SourceRefC },
  'a criterion',
)

/** Codec of a {@link Standard}. */
export const StandardC: t.Type<Standard, unknown, unknown> = withOptional(
  {
    id: StandardIdC,
    title: StringC,
    variants: t.readonlyArray(WordingVariantC, 'a list of wording variants'),
    criteria: t.readonlyArray(CriterionC, 'a list of criteria'),
  },
  { ref: SourceRefC },
  'a standard',
)

/** Codec of a {@link Section}. */
export const SectionC: t.Type<Section, unknown, unknown> = withOptional(
  { id: SectionIdC, title: StringC, standards: t.readonlyArray(StandardC, 'a list of standards') },
  {},
  'a section',
)

/**
 * Codec of a {@link Framework}: sections → standards → criteria, on one scale
 * (shape only; duplicate ids and the scale rules are in `documentProblems`).
 * @example
 * const scale = emhipFramework.scale
 * FrameworkC.decode({ id: 'f', title: 'F', scale, sections: [] }) //=> right({ id: 'f', title: 'F', scale, sections: [] })
 * isLeft(FrameworkC.decode({ id: 'f', title: 'F', scale })) //=> true // no sections
 */
export const FrameworkC: t.Type<Framework, unknown, unknown> = withOptional(
  {
    id: NonEmptyStringC,
    title: StringC,
    scale: RatingScaleC,
    sections: t.readonlyArray(SectionC, 'a list of sections'),
  },
  { ref: SourceRefC },
  'a framework',
)

/**
 * Every id a rating may be about: all standard ids and all criterion ids of a
 * framework (one namespace, since ratings are keyed by them).
 * @param framework - the framework.
 * @returns the set of its standard and criterion ids.
 * @example
 * frameworkTargets(emhipFramework).has('2.4') //=> true
 */
export const frameworkTargets = (framework: Framework): Set<string> => {
  const ids = new Set<string>()
  for (const section of framework.sections)
    for (const standard of section.standards) {
      ids.add(standard.id)
      for (const criterion of standard.criteria) ids.add(criterion.id)
    }
  return ids
}
