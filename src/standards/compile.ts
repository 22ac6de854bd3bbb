/**
 * A framework compiled to integer codes, built once per framework object and
 * cached, so that counting a million ratings touches only arrays and one map
 * lookup per rating (the approach of Arquero's integer group ids).
 * @module
 */
import type { Framework } from '../model/framework.js'
import type { RatingScale } from '../model/scale.js'
import { CODE_INVALID, codeIndex, frameworkLayout } from '../model/rating-codes.js'

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
  /** The ids of a code array's slots: criterionIds, then standardIds (see rating-codes.ts). */
  readonly slotIds: readonly string[]
  /** The decoder's code arrays for this framework, by rating record (looked up once here, not once per unit). */
  readonly codeIndex: WeakMap<object, Uint8Array>
}

const compiled = new WeakMap<Framework, CompiledFramework>()

/**
 * The compiled form of a framework (cached per framework object): its level
 * codes, the slots of its criteria then standards, and the width of one
 * standard's tally (one cell per scale level, then n/a, unrated, explicit).
 * @param framework - the framework (instrument) to compile.
 * @returns the compiled framework, the same object for the same framework.
 * @example
 * const c = compileFramework(emhipFramework)
 * c.width //=> 6 // met, partly, not met, then n/a, unrated, explicit
 * c.levelIds //=> ['met', 'partly', 'not-met']
 * c.slotIds.length //=> 49 // 38 criteria, then 11 standards
 * compileFramework(emhipFramework) === c //=> true
 */
export const compileFramework = (framework: Framework): CompiledFramework => {
  const hit = compiled.get(framework)
  if (hit !== undefined) return hit
  // One traversal of the framework serves the decoder's code arrays and the engine (same slots).
  const layout = frameworkLayout(framework)
  const levels = framework.scale.levels.length
  const width = levels + 3
  const c: CompiledFramework = {
    framework,
    scale: framework.scale,
    levels,
    width,
    na: levels,
    unrated: levels + 1,
    explicit: levels + 2,
    invalid: layout.standardIds.length * width,
    levelIds: layout.levelKeys.slice(0, levels),
    levelCode: layout.codeOf,
    levelKeys: layout.levelKeys,
    standardIds: layout.standardIds,
    sectionIds: framework.sections.map((s) => s.id),
    sectionOf: Int32Array.from(layout.sectionOf),
    criterionIds: layout.criterionIds,
    criteriaStart: Int32Array.from(layout.criteriaStart),
    slotIds: [...layout.criterionIds, ...layout.standardIds],
    codeIndex: codeIndex(framework),
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
export const ratingCode = (
  c: CompiledFramework,
  ratings: object | undefined,
  id: string,
  found: { readonly level: string } | undefined,
): number => {
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

/** One unit's rating of each slot, as `ratings[id]` gives it (see `fillCodes`). */
export type Found = ({ readonly level: string } | undefined)[]

/**
 * Write the code of every slot (criteria, then standards) of `ratings` into
 * `into`, looking each up in the record: `CODE_INVALID` for an own rating not
 * on the scale. All the lookups come first, into `found`, and the codes
 * after: the lookups are independent memory reads that the CPU overlaps when
 * no data-dependent branch (the level test) sits between them (measured
 * 5–15% faster on the 1M-rating document).
 * @internal
 * @example
 * const c = compileFramework(emhipFramework) // slot 0 is criterion 2.1.1
 * fillCodes(c, { '2.1.1': { level: 'partly' } }, new Uint8Array(c.slotIds.length), []).slice(0, 2)
 * //=> [1, 4] // partly is level 1; 2.1.2 unrated (code 4)
 */
export const fillCodes = (
  c: CompiledFramework,
  ratings: object | undefined,
  into: Uint8Array,
  found: Found,
): Uint8Array => {
  if (ratings === undefined) return into.fill(c.unrated)
  const ids = c.slotIds
  const record = ratings as Readonly<Record<string, { readonly level: string } | undefined>>
  for (let j = 0; j < ids.length; j++) found[j] = record[ids[j] as string]
  for (let j = 0; j < ids.length; j++) {
    const code = ratingCode(c, ratings, ids[j] as string, found[j])
    into[j] = code < 0 ? CODE_INVALID : code
  }
  return into
}

/**
 * The codes of one unit's ratings in one round: the decoder's stored code
 * array when it made one for this record (rating-codes.ts), else looked up
 * into `into` (a scratch array of `slotIds.length`; a new one when omitted).
 * Either way the same bytes: a test checks stored against looked-up codes.
 * @internal
 * @example
 * const c = compileFramework(emhipFramework)
 * // ev's Acute care in r1: 2.4.1 met, 2.4.2 partly, 2.4.3 met (slots 17 to 19)
 * unitCodes(c, ev.sites[0].units[0].ratings.r1).slice(17, 20) //=> [0, 1, 0]
 */
export const unitCodes = (
  c: CompiledFramework,
  ratings: object | undefined,
  into?: Uint8Array,
  found?: Found,
): Uint8Array => {
  if (ratings !== undefined) {
    const stored = c.codeIndex.get(ratings)
    if (stored !== undefined) return stored
  }
  return fillCodes(c, ratings, into ?? new Uint8Array(c.slotIds.length), found ?? [])
}
