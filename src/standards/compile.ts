/**
 * A framework compiled to integer codes, built once per framework object and
 * cached, so that counting a million ratings touches only arrays and one map
 * lookup per rating (the approach of Arquero's integer group ids).
 * @module
 */
import type { Framework } from '../model/framework.js'
import type { RatingScale } from '../model/scale.js'
import { NOT_APPLICABLE } from '../model/scale.js'

/**
 * Tally layout, per standard, `width` cells: the scale's levels (best first),
 * then not applicable, unrated, and how many items came from an explicit
 * standard rating. One trailing cell after all standards counts ratings whose
 * level is not on the scale (the result is then refused).
 */
export interface CompiledFramework {
  readonly framework: Framework
  readonly scale: RatingScale
  /** Number of levels. */
  readonly levels: number
  readonly width: number
  readonly na: number
  readonly unrated: number
  readonly explicit: number
  /** Index of the trailing "level not on the scale" cell: standards × width. */
  readonly invalid: number
  readonly levelIds: readonly string[]
  /** Level id (and `"na"`) → code. */
  readonly levelCode: ReadonlyMap<string, number>
  /** The level ids then `"na"`: index = code. Scanned with `===` in hot loops, which beats a Map lookup for a handful of levels. */
  readonly levelKeys: readonly string[]
  readonly standardIds: readonly string[]
  readonly sectionIds: readonly string[]
  /** Section index of each standard. */
  readonly sectionOf: Int32Array
  readonly criterionIds: readonly string[]
  /** Criteria of standard s are criterionIds[criteriaStart[s] … criteriaStart[s+1]). */
  readonly criteriaStart: Int32Array
}

const compiled = new WeakMap<Framework, CompiledFramework>()

/**
 * The compiled form of a framework (cached per framework object).
 * @example
 * compileFramework(emhipFramework).width //=> 6 (met, partly, not-met, na, unrated, explicit)
 */
export const compileFramework = (framework: Framework): CompiledFramework => {
  const hit = compiled.get(framework)
  if (hit !== undefined) return hit
  const levels = framework.scale.levels.length
  const levelCode = new Map<string, number>()
  framework.scale.levels.forEach((l, i) => levelCode.set(l.id, i))
  levelCode.set(NOT_APPLICABLE, levels)
  const standardIds: string[] = []
  const sectionOf: number[] = []
  const criterionIds: string[] = []
  const criteriaStart: number[] = []
  framework.sections.forEach((section, si) => {
    for (const standard of section.standards) {
      standardIds.push(standard.id)
      sectionOf.push(si)
      criteriaStart.push(criterionIds.length)
      for (const c of standard.criteria) criterionIds.push(c.id)
    }
  })
  criteriaStart.push(criterionIds.length)
  const width = levels + 3
  const c: CompiledFramework = {
    framework,
    scale: framework.scale,
    levels,
    width,
    na: levels,
    unrated: levels + 1,
    explicit: levels + 2,
    invalid: standardIds.length * width,
    levelIds: framework.scale.levels.map((l) => l.id),
    levelCode,
    levelKeys: [...framework.scale.levels.map((l) => l.id as string), NOT_APPLICABLE],
    standardIds,
    sectionIds: framework.sections.map((s) => s.id),
    sectionOf: Int32Array.from(sectionOf),
    criterionIds,
    criteriaStart: Int32Array.from(criteriaStart),
  }
  compiled.set(framework, c)
  return c
}

/**
 * The code of a level string: its index in `levelKeys` (levels, then na), or
 * −1 when it is not on the scale. A linear scan: scales have a few levels.
 * @internal
 */
export const codeOfLevel = (keys: readonly string[], level: string): number => {
  for (let i = 0; i < keys.length; i++) if (keys[i] === level) return i
  return -1
}

/**
 * The code of the rating found under `id` in `ratings` (the result of
 * `ratings[id]`, looked up by the caller): a level index or na; `c.unrated`
 * when there is none or the key is only inherited (a plain object's
 * "constructor"); −1 for an own rating whose level is not on the scale.
 * @internal
 */
export const ratingCode = (c: CompiledFramework, ratings: object | undefined, id: string, found: { readonly level: string } | undefined): number => {
  if (found === undefined) return c.unrated
  const code = codeOfLevel(c.levelKeys, found.level)
  if (code >= 0) return code
  return Object.hasOwn(ratings as object, id) ? -1 : c.unrated
}

/**
 * Length of a whole-framework tally: standards × width + the invalid cell.
 * @internal
 */
export const tallyLength = (c: CompiledFramework): number => c.invalid + 1
