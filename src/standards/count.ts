/**
 * The counting engine: one pass over each unit's ratings, on integer codes,
 * into a tally, with no allocation per rating or per unit.
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
import { compileFramework, tallyLength, unitCodes, type CompiledFramework, type Found } from './compile.js'
import { CODE_INVALID } from '../model/rating-codes.js'
import {
  allMetElsePartly,
  compiledRule,
  countCriteria,
  rolledCode,
  type RollupDecision,
  type RollupRule,
} from './rollup.js'
import { addInto, bump, type RatingTally } from './tally.js'
import type { Framework } from '../model/framework.js'

/** What one item is: a unit × standard (rolled up by a rule) or a unit × criterion. */
export type CountMode = RollupRule | 'criteria'

/**
 * Count every criterion of one unit from its codes: a scan of one byte per
 * criterion, the standard known from the position (no lookups, no strings).
 */
const countAllCriteria = (c: CompiledFramework, codes: Uint8Array, out: Float64Array): void => {
  const W = c.width
  for (let s = 0; s < c.standardIds.length; s++) {
    const base = s * W
    const end = c.criteriaStart[s + 1] as number
    for (let j = c.criteriaStart[s] as number; j < end; j++) {
      const code = codes[j] as number
      bump(out, code === CODE_INVALID ? c.invalid : base + code)
    }
  }
}

/** Roll each standard up from its criteria' codes (unless rated itself); `scratch` is a width-length array to reuse. */
const countStandards = (
  c: CompiledFramework,
  codes: Uint8Array,
  decide: RollupDecision,
  scratch: Float64Array,
  out: Float64Array,
): void => {
  const W = c.width
  const first = c.criterionIds.length
  for (let s = 0; s < c.standardIds.length; s++) {
    const explicit = codes[first + s] as number
    if (explicit !== c.unrated) {
      // An explicit standard rating wins over the roll-up.
      if (explicit === CODE_INVALID) bump(out, c.invalid)
      else {
        bump(out, s * W + explicit)
        bump(out, s * W + c.explicit)
      }
      continue
    }
    const invalid = countCriteria(c, codes, s, scratch)
    const code = invalid > 0 ? -1 : rolledCode(c, scratch, decide)
    if (code < 0) bump(out, c.invalid, Math.max(invalid, 1))
    else bump(out, s * W + code)
  }
}

/**
 * The caches of one framework and mode: unit tallies by ratings object, and
 * per round, site tallies by site object. Unit tallies are plain arrays:
 * thousands of small typed arrays would each get an off-heap backing store.
 */
interface Caches {
  readonly units: WeakMap<object, readonly number[]>
  readonly sites: Map<string, WeakMap<Site, Float64Array>>
}

// Per compiled framework: the criteria mode's caches, and each rule's (weakly,
// so a custom rule made per call does not pin its tallies).
const cachesOf = new WeakMap<CompiledFramework, { criteria?: Caches; readonly rules: WeakMap<RollupRule, Caches> }>()
const cachesFor = (c: CompiledFramework, mode: CountMode): Caches => {
  let byMode = cachesOf.get(c)
  if (byMode === undefined) cachesOf.set(c, (byMode = { rules: new WeakMap() }))
  const fresh = (): Caches => ({ units: new WeakMap(), sites: new Map() })
  if (mode === 'criteria') return (byMode.criteria ??= fresh())
  let hit = byMode.rules.get(mode)
  if (hit === undefined) byMode.rules.set(mode, (hit = fresh()))
  return hit
}

/**
 * What counting needs, prepared once per call: the rule compiled for the
 * scale, scratch arrays, and the caches (none when `cache` is false, so a
 * cold count stores nothing). Counting then allocates nothing per unit. The
 * hot loops are plain functions of this state rather than closures made per
 * call, which V8 optimised less well here (measured about 10% slower).
 */
export interface Counter {
  readonly c: CompiledFramework
  /** The compiled roll-up rule, or null when counting criteria. */
  readonly decide: RollupDecision | null
  /** One unit's rating of each slot, for a record without stored codes (see `fillCodes`). */
  readonly found: Found
  /** One unit's codes, for a record without stored codes. */
  readonly codes: Uint8Array
  /** One standard's criterion counts (width cells). */
  readonly scratch: Float64Array
  /** One unit's tally, before it is stored (tally length). */
  readonly unitScratch: Float64Array
  readonly caches: Caches | null
}

/**
 * Prepare counting of one framework in one mode (a custom rule could re-enter attainment, so counters are not shared between calls).
 * @internal
 */
export const counter = (c: CompiledFramework, mode: CountMode, cache = true): Counter => ({
  c,
  decide: mode === 'criteria' ? null : compiledRule(mode, c.scale),
  found: new Array<undefined>(c.slotIds.length).fill(undefined),
  codes: new Uint8Array(c.slotIds.length),
  scratch: new Float64Array(c.width),
  unitScratch: new Float64Array(tallyLength(c)),
  caches: cache ? cachesFor(c, mode) : null,
})

/** Add one unit's ratings in one round into `out` (a tally-length array). */
const countUnit = (k: Counter, ratings: RoundRatings | undefined, out: Float64Array): void => {
  const codes = unitCodes(k.c, ratings, k.codes, k.found)
  if (k.decide === null) countAllCriteria(k.c, codes, out)
  else countStandards(k.c, codes, k.decide, k.scratch, out)
}

// A unit not rated in a round has no ratings object; it shares one key.
const NOT_RATED: object = Object.freeze({})

/**
 * The tally of one unit's ratings in one round: cached against the ratings
 * object when the counter has caches. A cached array is shared: never write to it.
 */
const unitTally = (k: Counter, ratings: RoundRatings | undefined): ArrayLike<number> => {
  if (k.caches === null) {
    k.unitScratch.fill(0)
    countUnit(k, ratings, k.unitScratch)
    return k.unitScratch
  }
  const key = ratings ?? NOT_RATED
  let cells = k.caches.units.get(key)
  if (cells === undefined) {
    k.unitScratch.fill(0)
    countUnit(k, ratings, k.unitScratch)
    k.caches.units.set(key, (cells = Array.from(k.unitScratch)))
  }
  return cells
}

const ratingsIn = (unit: Site['units'][number], round: string): RoundRatings | undefined =>
  (unit.ratings as Record<string, RoundRatings | undefined>)[round]

/**
 * Count one site's units in one round straight into `out` (a tally-length
 * array, or a view of one, that the caller zeroed), without storing unit
 * tallies: the bulk path of a first count.
 * @internal
 */
export const countSiteInto = (k: Counter, site: Site, round: string, out: Float64Array): void => {
  for (const unit of site.units) countUnit(k, ratingsIn(unit, round), out)
}

/**
 * The site tallies kept for one round (by site object), or null without caches.
 * @internal
 */
export const siteCacheOf = (k: Counter, round: string): WeakMap<Site, Float64Array> | null => {
  if (k.caches === null) return null
  let sites = k.caches.sites.get(round)
  if (sites === undefined) k.caches.sites.set(round, (sites = new WeakMap()))
  return sites
}

/**
 * The tally of one site in one round: the sum of its units' tallies, cached
 * against the site object (and each unit's against its ratings object) when
 * the counter has caches; otherwise every unit is counted afresh straight
 * into one new array. A cached array is shared: never write to it.
 * @internal
 */
export const siteCells = (k: Counter, site: Site, round: string): Float64Array => {
  const sites = siteCacheOf(k, round)
  if (sites === null) {
    const out = new Float64Array(tallyLength(k.c))
    countSiteInto(k, site, round, out)
    return out
  }
  let cells = sites.get(site)
  if (cells === undefined) {
    cells = new Float64Array(tallyLength(k.c))
    for (const unit of site.units) addInto(cells, unitTally(k, ratingsIn(unit, round)))
    sites.set(site, cells)
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
 * @returns the tally: per standard, counts per level, then not applicable, unrated and explicit,
 * and one trailing cell of levels not on the scale.
 * @example
 * tallyRatings(emhipFramework, [{ '2.4': { level: 'met' } }]).cells[5 * 6 + 0] //=> 1 // standard 2.4, level met
 */
export const tallyRatings = (
  framework: Framework,
  ratingsList: readonly (RoundRatings | undefined)[],
  options?: TallyOptions,
): RatingTally => {
  const c = compileFramework(framework)
  const mode: CountMode = options?.count === 'criteria' ? 'criteria' : (options?.rollup ?? allMetElsePartly)
  const k = counter(c, mode)
  const cells = new Float64Array(tallyLength(c))
  for (const r of ratingsList) addInto(cells, unitTally(k, r))
  return { cells }
}
