/**
 * The counting engine: one pass over each unit's ratings, on integer codes,
 * into a tally (a `Float64Array`), with no allocation per rating.
 *
 * Incremental by construction: a unit's tally is cached against its ratings
 * object for the round, and a site's against the site object. An edit made
 * through immer (structural sharing) replaces only the objects on the path to
 * the change, so a recount after one edit counts one unit and adds up one site
 * again; every other tally is reused and merged by the monoid.
 * @module
 */
import type { Site } from '../model/evaluation.js'
import type { RoundRatings } from '../model/ratings.js'
import { codeOfLevel, compileFramework, tallyLength, type CompiledFramework } from './compile.js'
import { allMetElsePartly, compiledRule, rolledCode, countCriteria, type RollupRule } from './rollup.js'
import { addInto, bump, type RatingTally } from './tally.js'
import type { Framework } from '../model/framework.js'

/** What one item is: a unit × standard (rolled up by a rule) or a unit × criterion. */
export type CountMode = RollupRule | 'criteria'

type Ratings = Readonly<Record<string, { readonly level: string } | undefined>>

const countStandards = (c: CompiledFramework, ratings: Ratings | undefined, rule: RollupRule, out: Float64Array): void => {
  const W = c.width
  const decide = compiledRule(rule, c.scale)
  const scratch = new Float64Array(W)
  for (let s = 0; s < c.standardIds.length; s++) {
    const id = c.standardIds[s] as string
    const explicit = ratings === undefined ? undefined : ratings[id]
    // Only own keys are ratings: a plain object inherits "constructor" and friends.
    if (explicit !== undefined && (codeOfLevel(c.levelKeys, explicit.level) >= 0 || Object.hasOwn(ratings!, id))) {
      const code = codeOfLevel(c.levelKeys, explicit.level)
      if (code < 0) bump(out, c.invalid)
      else {
        bump(out, s * W + code)
        bump(out, s * W + c.explicit)
      }
      continue
    }
    const invalid = countCriteria(c, ratings as RoundRatings | undefined, s, scratch)
    const code = invalid > 0 ? -1 : rolledCode(c, scratch, decide)
    if (code < 0) bump(out, c.invalid, Math.max(invalid, 1))
    else bump(out, s * W + code)
  }
}

const countCriteriaOnly = (c: CompiledFramework, ratings: Ratings | undefined, out: Float64Array): void => {
  const W = c.width
  const ids = c.criterionIds
  for (let s = 0; s < c.standardIds.length; s++) {
    const base = s * W
    const end = c.criteriaStart[s + 1] as number
    for (let j = c.criteriaStart[s] as number; j < end; j++) {
      const r = ratings === undefined ? undefined : ratings[ids[j] as string]
      if (r === undefined) bump(out, base + c.unrated)
      else {
        const code = codeOfLevel(c.levelKeys, r.level)
        if (code >= 0) bump(out, base + code)
        else if (Object.hasOwn(ratings!, ids[j] as string)) bump(out, c.invalid)
        else bump(out, base + c.unrated)
      }
    }
  }
}

// compiled framework → ratings object → mode → tally. A unit not rated in a
// round has no ratings object; it shares one key per compiled framework.
const unitCache = new WeakMap<CompiledFramework, WeakMap<object, Map<CountMode, Float64Array>>>()
const NOT_RATED: object = Object.freeze({})

/**
 * The tally of one unit's ratings in one round (cached against the ratings
 * object). The returned array is shared: never write to it.
 */
export const unitCells = (c: CompiledFramework, ratings: RoundRatings | undefined, mode: CountMode): Float64Array => {
  let byRatings = unitCache.get(c)
  if (byRatings === undefined) unitCache.set(c, (byRatings = new WeakMap()))
  const key = ratings ?? NOT_RATED
  let byMode = byRatings.get(key)
  if (byMode === undefined) byRatings.set(key, (byMode = new Map()))
  let cells = byMode.get(mode)
  if (cells === undefined) {
    cells = new Float64Array(tallyLength(c))
    countInto(c, ratings, mode, cells)
    byMode.set(mode, cells)
  }
  return cells
}

/** Add one unit's counts into `out` (a tally-length array). */
export const countInto = (c: CompiledFramework, ratings: RoundRatings | undefined, mode: CountMode, out: Float64Array): void => {
  if (mode === 'criteria') countCriteriaOnly(c, ratings as Ratings | undefined, out)
  else countStandards(c, ratings as Ratings | undefined, mode, out)
}

const siteCache = new WeakMap<CompiledFramework, WeakMap<Site, Map<CountMode, Map<string, Float64Array>>>>()

/**
 * The tally of one site in one round: the sum of its units' tallies (cached
 * against the site object unless `cache` is false, when every unit is counted
 * afresh straight into one array). A cached array is shared: never write to it.
 */
export const siteCells = (c: CompiledFramework, site: Site, round: string, mode: CountMode, cache = true): Float64Array => {
  if (!cache) {
    const out = new Float64Array(tallyLength(c))
    for (const unit of site.units) countInto(c, (unit.ratings as Record<string, RoundRatings | undefined>)[round], mode, out)
    return out
  }
  let bySite = siteCache.get(c)
  if (bySite === undefined) siteCache.set(c, (bySite = new WeakMap()))
  let byMode = bySite.get(site)
  if (byMode === undefined) bySite.set(site, (byMode = new Map()))
  let byRound = byMode.get(mode)
  if (byRound === undefined) byMode.set(mode, (byRound = new Map()))
  let cells = byRound.get(round)
  if (cells === undefined) {
    cells = new Float64Array(tallyLength(c))
    for (const unit of site.units) addInto(cells, unitCells(c, (unit.ratings as Record<string, RoundRatings | undefined>)[round], mode))
    byRound.set(round, cells)
  }
  return cells
}

/** Options of {@link tallyRatings}. */
export interface TallyOptions {
  /** `'standards'` (default) or `'criteria'`. */
  readonly count?: 'standards' | 'criteria'
  /** Roll-up rule when counting standards. Default all-met-else-partly. */
  readonly rollup?: RollupRule
}

/**
 * Count a list of units' ratings (one round each) into one tally, in a single
 * pass on integer codes. This is the monoid's generator: the tally of a list
 * equals the monoid sum of the tallies of any partition of it.
 *
 * Degenerate input: an empty list gives a zero tally of the framework's shape;
 * `undefined` entries (units not rated) count every item as unrated; levels not
 * on the scale are counted in the trailing cell.
 * @param framework the framework whose targets are counted
 * @param ratingsList one ratings object per unit (or undefined)
 * @param options `count`, `rollup`
 * @example
 * tallyRatings(emhipFramework, [{ '2.4': { level: 'met' } }]).cells[5 * 6 + 0] //=> 1 (standard 2.4, level met)
 */
export const tallyRatings = (
  framework: Framework,
  ratingsList: readonly (RoundRatings | undefined)[],
  options?: TallyOptions,
): RatingTally => {
  const c = compileFramework(framework)
  const mode: CountMode = options?.count === 'criteria' ? 'criteria' : (options?.rollup ?? allMetElsePartly)
  const cells = new Float64Array(tallyLength(c))
  for (const r of ratingsList) addInto(cells, unitCells(c, r, mode))
  return { cells }
}
