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
import { addInto, type RatingTally } from './tally.js'
import type { Framework } from '../model/framework.js'
import { cached } from '../model/cached.js'

/** What one item is: a unit × standard (rolled up by a rule) or a unit × criterion. */
export type CountMode = RollupRule | 'criteria'

/**
 * The engine's tallies (see `RatingTally` for the layout): whole counts, so
 * 32-bit integers, half the memory of doubles, which matters when a document
 * of thousands of sites and several rounds counts into one array.
 * @internal
 */
export type Cells = Int32Array

/**
 * Count every criterion of one unit from its codes (from byte `from` of
 * `codes` on) into `out` from cell
 * `at` on (a tally laid out at an offset of a larger array, so that a whole
 * document counts into one buffer with no array made per site): a scan of
 * one byte per criterion, the standard known from the position (no lookups,
 * no strings).
 */
const countAllCriteria = (c: CompiledFramework, codes: Uint8Array, from: number, out: Cells, at: number): void => {
  const W = c.width
  const invalid = at + c.invalid
  for (let s = 0; s < c.standardIds.length; s++) {
    const base = at + s * W
    const end = from + (c.criteriaStart[s + 1] as number)
    for (let j = from + (c.criteriaStart[s] as number); j < end; j++) {
      const code = codes[j] as number
      const i = code === CODE_INVALID ? invalid : base + code
      out[i] = (out[i] as number) + 1
    }
  }
}

/** Add `by` to cell `i` of an engine tally. */
const add = (out: Cells, i: number, by: number): void => {
  out[i] = (out[i] as number) + by
}

/**
 * Roll each standard up from its criteria' codes (unless rated itself),
 * reading one unit's codes from byte `from` of `codes` on, into `out` from
 * cell `at` on; `scratch` is a width-length array to reuse.
 */
const countStandards = (
  c: CompiledFramework,
  codes: Uint8Array,
  from: number,
  decide: RollupDecision,
  scratch: Float64Array,
  out: Cells,
  at: number,
): void => {
  const W = c.width
  const first = from + c.criterionIds.length
  for (let s = 0; s < c.standardIds.length; s++) {
    const explicit = codes[first + s] as number
    const base = at + s * W
    if (explicit !== c.unrated) {
      // An explicit standard rating wins over the roll-up.
      if (explicit === CODE_INVALID) add(out, at + c.invalid, 1)
      else {
        add(out, base + explicit, 1)
        add(out, base + c.explicit, 1)
      }
      continue
    }
    const invalid = countCriteria(c, codes, s, scratch, from)
    const code = invalid > 0 ? -1 : rolledCode(c, scratch, decide)
    if (code < 0) add(out, at + c.invalid, Math.max(invalid, 1))
    else add(out, base + code, 1)
  }
}

/**
 * The caches of one framework and mode: unit tallies by ratings object, and
 * per round, site tallies by site object. Unit tallies are plain arrays:
 * thousands of small typed arrays would each get an off-heap backing store.
 */
interface Caches {
  readonly units: WeakMap<object, readonly number[]>
  readonly sites: Map<string, WeakMap<Site, Cells>>
}

// Per compiled framework: the criteria mode's caches, and each rule's (weakly,
// so a custom rule made per call does not pin its tallies).
const cachesOf = new WeakMap<CompiledFramework, { criteria?: Caches; readonly rules: WeakMap<RollupRule, Caches> }>()
const cachesFor = (c: CompiledFramework, mode: CountMode): Caches => {
  const byMode = cached(cachesOf, c, () => ({ rules: new WeakMap() }))
  const fresh = (): Caches => ({ units: new WeakMap(), sites: new Map() })
  if (mode === 'criteria') return (byMode.criteria ??= fresh())
  return cached(byMode.rules, mode, fresh)
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
  readonly unitScratch: Cells
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
  unitScratch: new Int32Array(tallyLength(c)),
  caches: cache ? cachesFor(c, mode) : null,
})

/** Count one unit's codes (from byte `from` of `codes` on) into `out` from cell `at` on, in the counter's mode. */
const countCodes = (k: Counter, codes: Uint8Array, from: number, out: Cells, at: number): void => {
  if (k.decide === null) countAllCriteria(k.c, codes, from, out, at)
  else countStandards(k.c, codes, from, k.decide, k.scratch, out, at)
}

/** Add one unit's ratings in one round into `out` from cell `at` on (a tally-length stretch). */
const countUnit = (k: Counter, ratings: RoundRatings | undefined, out: Cells, at: number): void =>
  countCodes(k, unitCodes(k.c, ratings, k.codes, k.found), 0, out, at)

// A unit not rated in a round has no ratings object; it shares one key.
const NOT_RATED: object = Object.freeze({})

/**
 * The tally of one unit's ratings in one round: cached against the ratings
 * object when the counter has caches. A cached array is shared: never write to it.
 */
const unitTally = (k: Counter, ratings: RoundRatings | undefined): ArrayLike<number> => {
  if (k.caches === null) {
    k.unitScratch.fill(0)
    countUnit(k, ratings, k.unitScratch, 0)
    return k.unitScratch
  }
  const key = ratings ?? NOT_RATED
  let cells = k.caches.units.get(key)
  if (cells === undefined) {
    k.unitScratch.fill(0)
    countUnit(k, ratings, k.unitScratch, 0)
    k.caches.units.set(key, (cells = Array.from(k.unitScratch)))
  }
  return cells
}

const ratingsIn = (unit: Site['units'][number], round: string): RoundRatings | undefined =>
  (unit.ratings as Record<string, RoundRatings | undefined>)[round]

/**
 * Count one site's units in one round straight into `out` from cell `at` on
 * (a tally-length stretch the caller zeroed), without storing unit tallies:
 * the bulk path of a first count, which writes every site of a document
 * into one buffer.
 * @internal
 */
const countSiteInto = (k: Counter, site: Site, round: string, out: Cells): void => {
  const units = site.units
  for (let u = 0; u < units.length; u++) countUnit(k, ratingsIn(units[u]!, round), out, 0)
}

/**
 * The codes of every unit of a sites array in every round, in one byte
 * array: round-major, then site, unit and slot (unit `u` of the document,
 * counting across sites, in round `r` at `(r × units + u) × slots`).
 * @internal
 */
export interface PackedCodes {
  /** The rounds packed, in order, joined by NUL. */
  readonly roundKey: string
  /** Units in all sites. */
  readonly units: number
  /** Site i's units are units siteStart[i] … siteStart[i+1] − 1. */
  readonly siteStart: Int32Array
  readonly codes: Uint8Array
  /** Whether every record's codes were the decoder's or read from a frozen record (so none can have changed since). */
  readonly stored: boolean
}

/** Whether a record and every rating found in it are frozen (so its codes cannot change). */
const frozen = (ratings: object, found: Found): boolean => {
  if (!Object.isFrozen(ratings)) return false
  for (const r of found) if (r !== undefined && !Object.isFrozen(r)) return false
  return true
}

// Per compiled framework, by sites array: packed codes (weakly on both).
const packs = new WeakMap<CompiledFramework, WeakMap<readonly Site[], PackedCodes>>()

/**
 * The codes of a document's sites, packed (see {@link PackedCodes}). Each
 * unit's codes are the decoder's stored ones (rating-codes.ts) or looked up
 * from its record. Packed codes are kept against the sites array (which an
 * edit replaces) when `keep` is true or every record had stored codes or
 * is frozen with its ratings (decoded records are frozen, and so are the
 * records a ratings view makes; their codes cannot go stale): a later
 * first count of the same sites, in any mode or policy, reads one byte
 * array, not the document. Without `keep`, kept codes are used only when
 * none can have changed: a cold count of records that may have changed
 * reads them again.
 * @internal
 */
export const packedCodes = (
  c: CompiledFramework,
  sites: readonly Site[],
  rounds: readonly string[],
  roundKey: string,
  keep: boolean,
): PackedCodes => {
  const hit = packs.get(c)?.get(sites)
  if (hit !== undefined && hit.roundKey === roundKey && (keep || hit.stored)) return hit
  const S = sites.length
  const siteStart = new Int32Array(S + 1)
  for (let i = 0; i < S; i++) siteStart[i + 1] = (siteStart[i] as number) + sites[i]!.units.length
  const U = siteStart[S] as number
  const slots = c.slotIds.length
  const codes = new Uint8Array(rounds.length * U * slots)
  const scratch = new Uint8Array(slots)
  const found: Found = []
  let stored = true
  for (let r = 0; r < rounds.length; r++) {
    const round = rounds[r]!
    let at = r * U * slots
    for (let i = 0; i < S; i++) {
      const units = sites[i]!.units
      for (let u = 0; u < units.length; u++, at += slots) {
        const ratings = ratingsIn(units[u]!, round)
        const got = unitCodes(c, ratings, scratch, found)
        if (stored && got === scratch && ratings !== undefined && !frozen(ratings, found)) stored = false
        codes.set(got, at)
      }
    }
  }
  const packed: PackedCodes = { roundKey, units: U, siteStart, codes, stored }
  if (keep || stored) cached(packs, c, () => new WeakMap()).set(sites, packed)
  return packed
}

/**
 * Count every site of packed codes in every round into `out`: site i's
 * tally in round r at cell (r × S + i) × tally length. One pass over the
 * bytes, no lookups, no array made per unit or site.
 * @internal
 */
export const countPacked = (k: Counter, p: PackedCodes, rounds: number, out: Cells): void => {
  const c = k.c
  const T = tallyLength(c)
  const slots = c.slotIds.length
  const S = p.siteStart.length - 1
  const codes = p.codes
  for (let r = 0; r < rounds; r++) {
    for (let i = 0; i < S; i++) {
      const at = (r * S + i) * T
      const end = (r * p.units + (p.siteStart[i + 1] as number)) * slots
      for (let from = (r * p.units + (p.siteStart[i] as number)) * slots; from < end; from += slots)
        countCodes(k, codes, from, out, at)
    }
  }
}

/** The site tallies kept for one round (by site object), or null without caches. */
const siteCacheOf = (k: Counter, round: string): WeakMap<Site, Cells> | null => {
  return k.caches === null ? null : cached(k.caches.sites, round, () => new WeakMap())
}

/**
 * The tally of one site in one round: the sum of its units' tallies, cached
 * against the site object (and each unit's against its ratings object) when
 * the counter has caches; otherwise every unit is counted afresh straight
 * into one new array. A cached array is shared: never write to it.
 * @internal
 */
export const siteCells = (k: Counter, site: Site, round: string): Cells => {
  const sites = siteCacheOf(k, round)
  if (sites === null) {
    const out = new Int32Array(tallyLength(k.c))
    countSiteInto(k, site, round, out)
    return out
  }
  let cells = sites.get(site)
  if (cells === undefined) {
    cells = new Int32Array(tallyLength(k.c))
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
