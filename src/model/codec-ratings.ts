/**
 * The ratings codec: the hot path of decoding. A national document holds a
 * million ratings, so this is one hand-written loop instead of io-ts's generic
 * `t.record`/`t.type`: it walks each round's ratings once, checks every key
 * against sets built once from the framework and the rounds, checks the level
 * against the scale, and allocates nothing per rating unless something is
 * wrong (contexts for error paths are built only on failure). It also checks
 * the input limits inside every ratings record (counted and rater-keyed, of
 * units and sites, on every instrument), which the pre-check skips, and it
 * copies them, which the decoder's copy of the input skips. A rating that
 * holds only a level (nearly all of them) is stored as one shared, frozen
 * `{ level }` object per level, which saves about 30 MB on a million ratings;
 * one rater-keyed item whose raters' ratings are all such shared ones
 * (`{ ann: { level: 'met' }, bob: { level: 'partly' } }`) is likewise one
 * shared, frozen record per combination; other rating objects that pass are
 * copied. The records holding them are new null-prototype objects, so a
 * `__proto__` key cannot reach `Object.prototype`, and they are frozen: the
 * rating codes written for each record (rating-codes.ts) and the engine's
 * tally caches rely on a record never changing in place, so a write to one
 * fails loudly instead.
 * @module
 */
import * as t from 'io-ts'
import type { Unit } from './evaluation.js'
import type { Framework } from './framework.js'
import type { Rating } from './ratings.js'
import type { RatingsByRater } from './instruments.js'
import { NOT_APPLICABLE } from './scale.js'
import { fail, isRecordLike, unknownKeyMessage, type CodedValidationError } from './codec-kit.js'
import { limitProblems, PROTO_KEY_EXPECTED, resolveLimits, type DecodeLimits } from './codec-limits.js'
import { frameworkTargets } from './codec-framework.js'
import { showName, type ProblemCode } from './problem.js'
import { copyData, emptyRecord, PROTO_KEY } from './own.js'
import { codeAllocator, codeIndex, CODE_INVALID, frameworkLayout, type FrameworkLayout } from './rating-codes.js'

/**
 * What a rating may refer to. A `null` set means "unknown" (that part of the
 * document failed to decode), and the check it feeds is skipped rather than
 * reporting every rating as dangling.
 */
export interface RatingContext {
  /** Standard and criterion ids of the framework. */
  readonly targets: ReadonlySet<string> | null
  /** Level ids of the framework's scale (without `"na"`). */
  readonly levels: ReadonlySet<string> | null
  /** Round ids of the evaluation. */
  readonly rounds: ReadonlySet<string> | null
  /** Excerpt ids, for `evidence`. */
  readonly excerpts: ReadonlySet<string> | null
  /**
   * One frozen `{ level }` rating per level id and `"na"`. A rating with no
   * other field is stored as this shared object (ratings are immutable, and
   * immer copies on write), so a million ratings do not need a million objects.
   */
  readonly sharedRatings: ReadonlyMap<string, Rating>
  /**
   * The shared, frozen rater records of this decoding (`{ ann: shared, bob:
   * shared }`), one per sequence of rater ids and shared ratings: an item
   * whose raters gave only levels is stored as the record already made for
   * the same raters and levels, so 100,000 rater-keyed items need a few
   * dozen records, not 100,000.
   */
  readonly raterRecords: RaterRecordNode
  /**
   * Where each target and level goes in a code array (see rating-codes.ts),
   * when the framework is known: the ratings loop checks targets and levels
   * against it (one Map lookup each) and writes the codes with the same values.
   */
  readonly layout: FrameworkLayout | null
  /** The framework's code index (record → codes), written as ratings pass; none when the scale does not fit a byte. */
  readonly codes: WeakMap<object, Uint8Array> | null
  /** Hands out code arrays (shared buffers), one allocator per decoding. */
  readonly allocCodes: (slots: number) => Uint8Array
  /** The framework and scale ids, for messages (cut when long, see `showName`). */
  readonly frameworkId: string
  readonly scaleId: string
  /** The input limits, checked here for the ratings (the pre-check skips them). */
  readonly limits: Required<DecodeLimits>
  /**
   * Where to put reference and value problems (unknown target, round, level or
   * excerpt) instead of failing: they leave the ratings well-typed, so
   * `decodeEvaluation` can still run the cross-field checks and report every
   * problem. Without it (the plain codec) they fail the decoding.
   */
  readonly deferred?: CodedValidationError[]
  /**
   * A count shared by every unit's ratings in one decoding. Past `max` errors
   * they are only counted (no error context is built), so a million bad
   * ratings cost little. Without it, every error is built.
   */
  readonly budget?: ErrorBudget
}

/**
 * A node of the trie of shared rater records: the path from the root is a
 * sequence of (rater id, shared rating) pairs; `record` is the frozen record
 * of that sequence, once made.
 */
export interface RaterRecordNode {
  /** The nodes one step further: by the next rater id, then by that rater's shared rating. */
  readonly next: Map<string, Map<Rating, RaterRecordNode>>
  /** The frozen record of this node's sequence, once made. */
  record?: Readonly<Record<string, Rating>>
}

const raterRecordNode = (): RaterRecordNode => ({ next: new Map() })

/** The child of `node` for one more rater and rating (made when new). */
const raterRecordStep = (node: RaterRecordNode, rater: string, rating: Rating): RaterRecordNode => {
  let byRating = node.next.get(rater)
  if (byRating === undefined) node.next.set(rater, (byRating = new Map()))
  let child = byRating.get(rating)
  if (child === undefined) byRating.set(rating, (child = raterRecordNode()))
  return child
}

/**
 * The nesting depth of a unit's ratings record in a document (the document
 * 1, `sites` 2, a site 3, `units` 4, a unit 5, `ratings` 6): the default
 * `depth` of the ratings codecs, which check the depth of users' own data
 * inside a rating against `maxDepth` from it.
 */
export const UNIT_RATINGS_DEPTH = 6
/** The nesting depth of a site's own ratings record (the document, `sites`, a site, `ratings`). */
export const SITE_RATINGS_DEPTH = 4

/** How many rating errors were built and how many only counted (see `RatingContext.budget`). */
export interface ErrorBudget {
  /** The most errors to build; past it they are only counted. */
  readonly max: number
  built: number
  omitted: number
}

/**
 * Build the rating context of a framework, rounds and excerpts once.
 * @param limits - input limits (see `DecodeLimits`); default `DEFAULT_LIMITS`.
 * @param deferred - collects reference and value problems instead of failing (see `RatingContext`).
 * @param budget - bounds the errors built (see `RatingContext`); default none.
 * @param framework - the instrument rated, or `null` when unknown (targets and levels not checked).
 * @param rounds - the round ids ratings may use, or `null` when unknown (not checked).
 * @param excerpts - the excerpt ids evidence may name, or `null` when unknown (not checked).
 * @returns the context the rating codecs check against.
 * @example
 * const ctx = ratingContext(emhipFramework, ['r1'], [])
 * ctx.targets.has('2.4') //=> true
 * ctx.targets.has('9.9') //=> false
 */
export const ratingContext = (
  framework: Framework | null,
  rounds: readonly string[] | null,
  excerpts: readonly string[] | null,
  limits: DecodeLimits = {},
  deferred?: CodedValidationError[],
  budget?: ErrorBudget,
): RatingContext => {
  const layout = framework === null ? null : frameworkLayout(framework)
  return {
    targets: framework === null ? null : frameworkTargets(framework),
    levels: framework === null ? null : new Set(framework.scale.levels.map((l) => l.id)),
    rounds: rounds === null ? null : new Set(rounds),
    excerpts: excerpts === null ? null : new Set(excerpts),
    sharedRatings: sharedRatings(framework),
    raterRecords: raterRecordNode(),
    layout,
    codes: framework !== null && layout !== null && layout.codable ? codeIndex(framework) : null,
    allocCodes: codeAllocator(),
    frameworkId: showName(framework?.id ?? '?'),
    scaleId: showName(framework?.scale.id ?? '?'),
    limits: resolveLimits(limits),
    ...(deferred !== undefined && { deferred }),
    ...(budget !== undefined && { budget }),
  }
}

/** One frozen `{ level }` per level of the scale and for `"na"` (none without a framework). */
const sharedRatings = (framework: Framework | null): ReadonlyMap<string, Rating> => {
  const ids = framework === null ? [] : [...framework.scale.levels.map((l): string => l.id), NOT_APPLICABLE]
  return new Map(ids.map((id) => [id, Object.freeze({ level: id }) as Rating]))
}

const list = (set: ReadonlySet<string>, max = 8): string => {
  const all = [...set]
  return all.slice(0, max).map(showName).join(' | ') + (all.length > max ? ` | … (${all.length} in all)` : '')
}

/**
 * The codec of one unit's ratings (`round id → target id → rating`) for a
 * given context. It checks shape and references in one pass: an unknown
 * round, a target outside the framework, a level outside the scale, evidence
 * naming an unknown excerpt, a `__proto__` key.
 * @param ctx - from `ratingContext`; built once per document.
 * @param depth - the nesting depth of the ratings record in its document
 *   (the document is 1), from which users' own data inside a rating is held
 *   to `maxDepth`; default `UNIT_RATINGS_DEPTH` (6, a unit's ratings).
 * @returns the codec, decoding to null-prototype records.
 * @example
 * const C = unitRatingsC(ratingContext(emhipFramework, ['r1'], []))
 * C.decode({ r1: { '2.4': { level: 'met' } } }) //=> right({ r1: { '2.4': { level: 'met' } } }) // null-prototype records
 * const unknown = C.decode({ r1: { '9.9': { level: 'met' } } })
 * isLeft(unknown) && problemsFromErrors(unknown.left, {})
 * //=> [{ path: ['r1', '9.9'], expected: 'a standard or criterion id of framework emhip', found: '"9.9"', code: 'reference', … }]
 */
export const unitRatingsC = (
  ctx: RatingContext,
  depth: number = UNIT_RATINGS_DEPTH,
): t.Type<Unit['ratings'], unknown, unknown> => {
  const levelExpected =
    ctx.levels === null ? '' : `a level of scale ${ctx.scaleId} (${list(ctx.levels)}) or "${NOT_APPLICABLE}"`
  const targetExpected = `a standard or criterion id of framework ${ctx.frameworkId}`
  const roundExpected =
    ctx.rounds === null
      ? ''
      : `a round id of this evaluation (${ctx.rounds.size === 0 ? 'none defined' : list(ctx.rounds)})`
  const name = 'ratings by round (an object keyed by round id, then by standard or criterion id)'
  // A rating's fields sit three below the record (round, target, rating).
  const fieldDepth = depth + 3

  return new t.Type<Unit['ratings'], unknown, unknown>(
    name,
    (u): u is Unit['ratings'] => isRecordLike(u),
    (u, c) => {
      if (!isRecordLike(u)) return fail(u, c, name)
      const errors: CodedValidationError[] = []
      const pushes = { n: 0 }
      const push = pusher(ctx, c, errors, pushes)
      const { maxItems, maxStringLength } = ctx.limits
      const tooLong = `a key of at most ${maxStringLength} characters`
      const rounds = Object.keys(u)
      if (rounds.length > maxItems) return fail(u, c, `at most ${maxItems} keys`, 'limit')
      // Keyed by round: the same few keys in every unit, so a compact record (see emptyRecord).
      const out = emptyRecord<Record<string, Rating>>(rounds.length)
      for (const round of rounds) {
        // A "__proto__" key is refused as a key (as everywhere in a document); its value is not looked at.
        if (round === PROTO_KEY) {
          push(round, [round], PROTO_KEY_EXPECTED, 'value')
          continue
        }
        if (round.length > maxStringLength) push(round, [round], tooLong, 'limit')
        else if (ctx.rounds !== null && !ctx.rounds.has(round)) push(round, [round], roundExpected, 'reference')
        const raw = u[round]
        if (!isRecordLike(raw)) {
          push(raw, [round], 'ratings keyed by standard or criterion id (an object)', 'shape')
          continue
        }
        const targets = Object.keys(raw)
        if (targets.length > maxItems) {
          push(raw, [round], `at most ${maxItems} keys`, 'limit')
          continue
        }
        const ratings: Record<string, Rating> = Object.create(null)
        const layout = ctx.layout
        const codes = ctx.codes === null || layout === null ? null : ctx.allocCodes(layout.slots).fill(layout.unrated)
        for (const target of targets) {
          if (target === PROTO_KEY) {
            push(target, [round, target], PROTO_KEY_EXPECTED, 'value')
            continue
          }
          const r = raw[target]
          const slot = layout?.slotOf.get(target)
          if (target.length > maxStringLength) push(target, [round, target], tooLong, 'limit')
          else if (layout !== null && slot === undefined) push(target, [round, target], targetExpected, 'reference')
          if (!isRecordLike(r)) {
            push(r, [round, target], 'a rating (an object with a level)', 'shape')
            continue
          }
          const level = r.level
          // codeOf holds the scale's levels and "na".
          const code = typeof level === 'string' ? layout?.codeOf.get(level) : undefined
          if (typeof level !== 'string') push(level, [round, target, 'level'], levelExpected || 'a level id', 'shape')
          else if (layout !== null && code === undefined) push(level, [round, target, 'level'], levelExpected, 'value')
          if (codes !== null && slot !== undefined) codes[slot] = code ?? CODE_INVALID
          // The other fields, known or not, in one for…in (no array per rating).
          let levelOnly = true
          const pushedBefore = pushes.n
          for (const field in r)
            if (field === PROTO_KEY) push(field, [round, target, field], PROTO_KEY_EXPECTED, 'value')
            else if (field !== 'level') {
              levelOnly = false
              checkField(r[field], field, fieldDepth, ctx, push, round, target)
            }
          // A rating that is only a level is replaced by the shared frozen one for that level:
          // a million ratings then share a handful of objects (about 30 MB less).
          // Any other rating is copied, so the decoded document shares nothing with the input (a rating
          // with a problem is not: the decoding fails, and its fields may be too deep to copy).
          const shared = levelOnly && typeof level === 'string' ? ctx.sharedRatings.get(level) : undefined
          ratings[target] = shared ?? (pushes.n === pushedBefore ? copyRating(r) : (r as unknown as Rating))
        }
        if (codes !== null) ctx.codes?.set(ratings, codes)
        out[round] = Object.freeze(ratings)
      }
      return errors.length > 0 ? t.failures(errors) : t.success(Object.freeze(out) as Unit['ratings'])
    },
    encodeRatings,
  )
}

/**
 * A copy of a rating that shares nothing with the input: a spread (which
 * defines keys, so no setter runs), its evidence list copied, and unknown
 * object fields copied deeply. Cheaper than a generic deep copy, which matters
 * at a million ratings.
 */
const copyRating = (r: Record<string, unknown>): Rating => {
  const out: Record<string, unknown> = { ...r }
  for (const field in out) {
    const v = out[field]
    if (typeof v === 'object' && v !== null && field !== PROTO_KEY)
      out[field] = Array.isArray(v) && field === 'evidence' ? v.slice() : copyData(v)
  }
  return out as unknown as Rating
}

type Push = (value: unknown, path: readonly (string | number)[], expected: string, code: ProblemCode) => void

/**
 * The error sink of one record of ratings (counting every push in `pushes`,
 * when given): reference and value problems go
 * to `ctx.deferred` when there is one; past the error budget errors are only
 * counted, but a record that fails keeps one error of its own, so it still fails.
 */
const pusher =
  (ctx: RatingContext, c: t.Context, errors: CodedValidationError[], pushes?: { n: number }): Push =>
  (value, path, expected, code) => {
    if (pushes !== undefined) pushes.n++
    const soft = ctx.deferred !== undefined && (code === 'reference' || code === 'value')
    const budget = ctx.budget
    if (budget !== undefined) {
      if (budget.built >= budget.max && (soft || errors.length > 0)) return void budget.omitted++
      budget.built++
    }
    let context = c
    // `actual: []` before an index makes problemsFromErrors read it as a number.
    for (let i = 0; i < path.length; i++)
      context = t.appendContext(context, String(path[i]), t.unknown, typeof path[i + 1] === 'number' ? [] : undefined)
    ;(soft ? ctx.deferred! : errors).push({ value, context, message: expected, code })
  }

/** The fields of a rating; any other is refused (users' own data goes under `extensions`). */
export const RATING_FIELDS: readonly string[] = ['level', 'date', 'rater', 'evidence', 'note', 'extensions']

/**
 * Check one field of a rating other than `level`: type, length, evidence
 * references, limits of unknown fields. Paths are built only for a problem.
 * `depth` is the field value's nesting depth in the document: 9 for a unit's
 * counted rating (document, sites, site, units, unit, ratings, round, rating,
 * value), 12 at most (a rater's rating of a unit on a further instrument);
 * `resolveLimits` keeps maxDepth ≥ 16, so known fields never exceed it and
 * users' own data (`extensions`) gets the depth that is left.
 */
const checkField = (
  v: unknown,
  field: string,
  depth: number,
  ctx: RatingContext,
  push: Push,
  round: string,
  target: string,
  rater?: string,
): void => {
  const { maxStringLength, maxItems, maxDepth } = ctx.limits
  // The path to the field: round, target, (rater,) field; built only for a problem.
  const at = (...rest: (string | number)[]): (string | number)[] =>
    rater === undefined ? [round, target, ...rest] : [round, target, rater, ...rest]
  if (field === 'date' || field === 'rater' || field === 'note') {
    if (typeof v !== 'string') push(v, at(field), 'a string', 'shape')
    else if (v.length > maxStringLength)
      push(v, at(field), `a string of at most ${maxStringLength} characters`, 'limit')
  } else if (field === 'evidence') {
    if (!Array.isArray(v)) return push(v, at(field), 'a list of excerpt ids', 'shape')
    if (v.length > maxItems) return push(v, at(field), `at most ${maxItems} items`, 'limit')
    for (let i = 0; i < v.length; i++) {
      const id: unknown = v[i]
      if (typeof id !== 'string') push(id, at(field, i), 'an excerpt id', 'shape')
      else if (id.length > maxStringLength)
        push(id, at(field, i), `a string of at most ${maxStringLength} characters`, 'limit')
      else if (ctx.excerpts !== null && !ctx.excerpts.has(id))
        push(id, at(field, i), 'the id of an excerpt of this evaluation', 'reference')
    }
  } else if (field === 'extensions') {
    if (!isRecordLike(v)) return push(v, at(field), 'an object of your own data (extensions)', 'shape')
    // Users' own data is kept as it is, so it must be within the limits like the rest of the document.
    // limitProblems counts `v` itself as depth 1.
    for (const p of limitProblems(v, { maxStringLength, maxItems, maxDepth: maxDepth - depth + 1 }))
      push(valueAt(v, p.path), at(field, ...p.path), p.expected, 'limit')
  } else push(showName(field), at(field), unknownKeyMessage(field, RATING_FIELDS, 'a rating'), 'shape')
}

/** The value at a path (for a problem's `found`). */
const valueAt = (root: unknown, path: readonly (string | number)[]): unknown =>
  path.reduce<unknown>(
    (v, k) => (typeof v === 'object' && v !== null ? (v as Record<string | number, unknown>)[k] : undefined),
    root,
  )

/**
 * Ratings as plain JSON objects (ordinary prototypes), for `encodeEvaluation`.
 * @param ratings - a unit's (or a site's) counted ratings, by round and target.
 * @returns the same ratings as plain objects, none shared with the input.
 * @example
 * // ev's Primary care: 1.1 and 1.2 met in r1; 1.1 met, 1.2 partly, 2.4 not met in r2
 * const ratings = encodeRatings(ev.sites[1].units[1].ratings)
 * ratings //=> { r1: { '1.1': { level: 'met' }, '1.2': { level: 'met' } },
 * //             r2: { '1.1': { level: 'met' }, '1.2': { level: 'partly' }, '2.4': { level: 'not-met' } } }
 * Object.getPrototypeOf(ratings.r1) === Object.prototype //=> true
 */
export const encodeRatings = (ratings: Unit['ratings']): Record<string, Record<string, Rating>> => {
  const out: Record<string, Record<string, Rating>> = {}
  for (const round of Object.keys(ratings)) {
    const byTarget: Record<string, Rating> = {}
    const from = ratings[round as keyof typeof ratings]!
    for (const target of Object.keys(from)) byTarget[target] = { ...from[target as keyof typeof from]! }
    out[round] = byTarget
  }
  return out
}

const BY_RATER = 'ratings by rater (an object keyed by round id, then by standard or criterion id, then by rater id)'

/**
 * The codec of each rater's own ratings of one rated entity on one instrument
 * (`round id → target id → rater id → rating`), checked as `unitRatingsC`
 * checks the counted ratings (rounds, targets, levels, evidence, fields,
 * limits, `__proto__` keys), and every rater id against the evaluation's
 * raters. An item whose raters' ratings are all level-only is the shared,
 * frozen record of its raters and levels (see `RatingContext.raterRecords`).
 * @param ctx - from `ratingContext`, for the instrument rated.
 * @param raters - the declared rater ids, or `null` when unknown (not checked).
 * @param depth - the nesting depth of the record in its document (see
 *   `unitRatingsC`); default `UNIT_RATINGS_DEPTH` (6, a unit's `byRater`).
 * @returns the codec, decoding to null-prototype records.
 * @example
 * const C = raterRatingsC(ratingContext(emhipFramework, ['r1'], []), new Set(['ann']))
 * isRight(C.decode({ r1: { '2.4': { ann: { level: 'met' } } } })) //=> true
 * const bob = C.decode({ r1: { '2.4': { bob: { level: 'met' } } } })
 * isLeft(bob) && problemsFromErrors(bob.left, {})
 * //=> [{ path: ['r1', '2.4', 'bob'], expected: 'a rater id of this evaluation (ann)', found: '"bob"', code: 'reference', … }]
 */
export const raterRatingsC = (
  ctx: RatingContext,
  raters: ReadonlySet<string> | null,
  depth: number = UNIT_RATINGS_DEPTH,
): t.Type<RatingsByRater, unknown, unknown> => {
  const levelExpected =
    ctx.levels === null ? 'a level id' : `a level of scale ${ctx.scaleId} (${list(ctx.levels)}) or "${NOT_APPLICABLE}"`
  const targetExpected = `a standard or criterion id of framework ${ctx.frameworkId}`
  const roundExpected =
    ctx.rounds === null
      ? ''
      : `a round id of this evaluation (${ctx.rounds.size === 0 ? 'none defined' : list(ctx.rounds)})`
  const raterExpected =
    raters === null
      ? ''
      : `a rater id of this evaluation (${raters.size === 0 ? 'none declared in "raters"' : list(raters)})`
  const { maxItems, maxStringLength } = ctx.limits
  const tooLong = `a key of at most ${maxStringLength} characters`
  // A rater's rating's fields sit four below the record (round, target, rater, rating).
  const fieldDepth = depth + 4
  return new t.Type<RatingsByRater, unknown, unknown>(
    BY_RATER,
    (u): u is RatingsByRater => isRecordLike(u),
    (u, c) => {
      if (!isRecordLike(u)) return fail(u, c, BY_RATER)
      const errors: CodedValidationError[] = []
      const pushes = { n: 0 }
      const push = pusher(ctx, c, errors, pushes)
      const keys = (o: Record<string, unknown>, path: string[]): string[] | null => {
        const ks = Object.keys(o)
        if (ks.length <= maxItems) return ks
        push(o, path, `at most ${maxItems} keys`, 'limit')
        return null
      }
      /**
       * Check a key: too long, or not in `known` (`null`: not checked). False for `__proto__`, which
       * is refused as a key (as everywhere in a document) and whose value is not looked at.
       */
      const checkKey = (key: string, path: string[], known: ReadonlySet<string> | null, expected: string): boolean => {
        if (key === PROTO_KEY) {
          push(key, path, PROTO_KEY_EXPECTED, 'value')
          return false
        }
        if (key.length > maxStringLength) push(key, path, tooLong, 'limit')
        else if (known !== null && !known.has(key)) push(key, path, expected, 'reference')
        return true
      }
      /**
       * One rater's rating: checked, then the shared `{ level }` when it is only a level,
       * else a copy (or, with a problem, the input itself: the decoding fails).
       */
      const rating = (r: unknown, round: string, target: string, rater: string): Rating | undefined => {
        if (!isRecordLike(r)) {
          push(r, [round, target, rater], 'a rating (an object with a level)', 'shape')
          return undefined
        }
        const level = r.level
        if (typeof level !== 'string') push(level, [round, target, rater, 'level'], levelExpected, 'shape')
        else if (ctx.layout !== null && !ctx.layout.codeOf.has(level))
          push(level, [round, target, rater, 'level'], levelExpected, 'value')
        let levelOnly = true
        const before = pushes.n
        for (const field in r)
          if (field === PROTO_KEY) push(field, [round, target, rater, field], PROTO_KEY_EXPECTED, 'value')
          else if (field !== 'level') {
            levelOnly = false
            checkField(r[field], field, fieldDepth, ctx, push, round, target, rater)
          }
        // As for the counted ratings: shared when only a level, else a copy (nothing shared with the input).
        const shared = levelOnly && typeof level === 'string' ? ctx.sharedRatings.get(level) : undefined
        return shared ?? (pushes.n === before ? copyRating(r) : (r as unknown as Rating))
      }
      const rounds = keys(u, []) ?? []
      const out = emptyRecord<Record<string, Readonly<Record<string, Rating>>>>(rounds.length)
      for (const round of rounds) {
        if (!checkKey(round, [round], ctx.rounds, roundExpected)) continue
        const byTarget = u[round]
        if (!isRecordLike(byTarget)) {
          push(byTarget, [round], 'ratings keyed by standard or criterion id, then by rater id (an object)', 'shape')
          continue
        }
        // Keyed by target: keys that differ from record to record, so a hash-table record.
        const targetsOut: Record<string, Readonly<Record<string, Rating>>> = Object.create(null)
        for (const target of keys(byTarget, [round]) ?? []) {
          if (!checkKey(target, [round, target], ctx.targets, targetExpected)) continue
          const byRater = byTarget[target]
          if (!isRecordLike(byRater)) {
            push(byRater, [round, target], 'ratings keyed by rater id (an object)', 'shape')
            continue
          }
          const ids = keys(byRater, [round, target]) ?? []
          // Walk the trie of shared records while every rating so far is a shared one; the first
          // that is not (a note, a date, a problem) starts a record of this item's own.
          let node: RaterRecordNode | null = ctx.raterRecords
          let own: Record<string, Rating> | null = null
          // Not a rating, or a refused key: the decoding fails, and this item needs no record
          // (the other raters' ratings are still checked, for their problems).
          let failed = false
          for (let i = 0; i < ids.length; i++) {
            const rater = ids[i]!
            const r = checkKey(rater, [round, target, rater], raters, raterExpected)
              ? rating(byRater[rater], round, target, rater)
              : undefined
            if (r === undefined) failed = true
            if (r === undefined || failed) continue
            if (node !== null && ctx.sharedRatings.get(r.level) === r) {
              node = raterRecordStep(node, rater, r)
              continue
            }
            if (own === null) {
              own = emptyRecord(ids.length)
              // The raters before this one gave shared ratings: the trie's path holds them.
              for (let j = 0; j < i; j++) {
                const before = byRater[ids[j]!] as { level: string }
                own[ids[j]!] = ctx.sharedRatings.get(before.level)!
              }
            }
            node = null
            own[rater] = r
          }
          if (failed) continue
          if (own !== null) targetsOut[target] = Object.freeze(own)
          else if (node !== null) targetsOut[target] = node.record ??= sharedRaterRecord(ids, byRater, ctx)
        }
        out[round] = Object.freeze(targetsOut)
      }
      return errors.length > 0 ? t.failures(errors) : t.success(Object.freeze(out) as RatingsByRater)
    },
    encodeByRater,
  )
}

/** The frozen record of an item whose raters' ratings are all shared ones, in the input's order. */
const sharedRaterRecord = (
  ids: readonly string[],
  byRater: Record<string, unknown>,
  ctx: RatingContext,
): Readonly<Record<string, Rating>> => {
  const record = emptyRecord<Rating>(ids.length)
  for (const rater of ids) record[rater] = ctx.sharedRatings.get((byRater[rater] as { level: string }).level)!
  return Object.freeze(record)
}

/**
 * Rater-keyed ratings as plain JSON objects, for `encodeEvaluation`.
 * @param byRater - the rater-keyed ratings: round → target → rater → rating.
 * @returns the same ratings as plain objects, none shared with the input.
 * @example
 * // ev's Acute care: both raters rated criterion 2.4.1 in r1
 * encodeByRater(ev.sites[0].units[0].byRater) //=> { r1: { '2.4.1': { ann: { level: 'met' }, bob: { level: 'partly' } } } }
 */
export const encodeByRater = (byRater: RatingsByRater): Record<string, Record<string, Record<string, Rating>>> => {
  const out: Record<string, Record<string, Record<string, Rating>>> = {}
  for (const [round, targets] of Object.entries(byRater)) {
    const t2: Record<string, Record<string, Rating>> = {}
    for (const [target, raters] of Object.entries(targets)) {
      const r2: Record<string, Rating> = {}
      for (const [rater, rating] of Object.entries(raters)) r2[rater] = { ...rating }
      t2[target] = r2
    }
    out[round] = t2
  }
  return out
}
