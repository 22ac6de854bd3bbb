/**
 * The ratings codec: the hot path of decoding. A national document holds a
 * million ratings, so this is one hand-written loop instead of io-ts's generic
 * `t.record`/`t.type`: it walks each round's ratings once, checks every key
 * against sets built once from the framework and the rounds, checks the level
 * against the scale, and allocates nothing per rating unless something is
 * wrong (contexts for error paths are built only on failure). Rating objects
 * that pass are kept as they are; the records holding them are new
 * null-prototype objects, so a `__proto__` key cannot reach `Object.prototype`.
 * @module
 */
import * as t from 'io-ts'
import type { Unit } from './evaluation.js'
import type { Framework } from './framework.js'
import type { Rating } from './ratings.js'
import { NOT_APPLICABLE } from './scale.js'
import { fail, type CodedValidationError } from './codec-kit.js'
import type { ProblemCode } from './problem.js'

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
  /** The framework and scale ids, for messages. */
  readonly frameworkId: string
  readonly scaleId: string
}

/**
 * Build the rating context of a framework, rounds and excerpts once.
 * @example
 * ratingContext(framework, ['r1'], []).targets.has('2.4') //=> true
 */
export const ratingContext = (
  framework: Framework | null,
  rounds: readonly string[] | null,
  excerpts: readonly string[] | null,
): RatingContext => {
  const targets = framework === null ? null : new Set<string>()
  if (framework !== null)
    for (const section of framework.sections)
      for (const standard of section.standards) {
        targets!.add(standard.id)
        for (const criterion of standard.criteria) targets!.add(criterion.id)
      }
  return {
    targets,
    levels: framework === null ? null : new Set(framework.scale.levels.map((l) => l.id)),
    rounds: rounds === null ? null : new Set(rounds),
    excerpts: excerpts === null ? null : new Set(excerpts),
    frameworkId: framework?.id ?? '?',
    scaleId: framework?.scale.id ?? '?',
  }
}

const isRecordLike = (u: unknown): u is Record<string, unknown> => typeof u === 'object' && u !== null && !Array.isArray(u)

const list = (set: ReadonlySet<string>, max = 8): string => {
  const all = [...set]
  return all.slice(0, max).join(' | ') + (all.length > max ? ` | … (${all.length} in all)` : '')
}

/**
 * The codec of one unit's ratings (`round id → target id → rating`) for a
 * given context. It checks shape and references in one pass: an unknown
 * round, a target outside the framework, a level outside the scale, evidence
 * naming an unknown excerpt.
 * @param ctx - from `ratingContext`; built once per document.
 * @example
 * const C = unitRatingsC(ratingContext(framework, ['r1'], []))
 * C.decode({ r1: { '2.4': { level: 'met' } } }) //=> right({ r1: { '2.4': { level: 'met' } } }) (null-prototype records)
 * C.decode({ r1: { '9.9': { level: 'met' } } })
 * //=> left(… expected a standard or criterion id of framework emhip, found "9.9")
 */
export const unitRatingsC = (ctx: RatingContext): t.Type<Unit['ratings'], unknown, unknown> => {
  const levelExpected = ctx.levels === null ? '' : `a level of scale ${ctx.scaleId} (${list(ctx.levels)}) or "${NOT_APPLICABLE}"`
  const targetExpected = `a standard or criterion id of framework ${ctx.frameworkId}`
  const roundExpected = ctx.rounds === null ? '' : `a round id of this evaluation (${ctx.rounds.size === 0 ? 'none defined' : list(ctx.rounds)})`
  const name = 'ratings by round (an object keyed by round id, then by standard or criterion id)'

  return new t.Type<Unit['ratings'], unknown, unknown>(
    name,
    (u): u is Unit['ratings'] => isRecordLike(u),
    (u, c) => {
      if (!isRecordLike(u)) return fail(u, c, name)
      const errors: CodedValidationError[] = []
      const push: Push = (value, path, expected, code) => {
        let context = c
        // `actual: []` before an index makes problemsFromErrors read it as a number.
        for (let i = 0; i < path.length; i++) context = t.appendContext(context, String(path[i]), t.unknown, typeof path[i + 1] === 'number' ? [] : undefined)
        errors.push({ value, context, message: expected, code })
      }
      const out: Record<string, Record<string, Rating>> = Object.create(null)
      for (const round of Object.keys(u)) {
        if (ctx.rounds !== null && !ctx.rounds.has(round)) push(round, [round], roundExpected, 'reference')
        const raw = u[round]
        if (!isRecordLike(raw)) {
          push(raw, [round], 'ratings keyed by standard or criterion id (an object)', 'shape')
          continue
        }
        const ratings: Record<string, Rating> = Object.create(null)
        for (const target of Object.keys(raw)) {
          const r = raw[target]
          if (ctx.targets !== null && !ctx.targets.has(target)) push(target, [round, target], targetExpected, 'reference')
          if (!isRecordLike(r)) {
            push(r, [round, target], 'a rating (an object with a level)', 'shape')
            continue
          }
          const level = r.level
          if (typeof level !== 'string') push(level, [round, target, 'level'], levelExpected || 'a level id', 'shape')
          else if (ctx.levels !== null && level !== NOT_APPLICABLE && !ctx.levels.has(level)) push(level, [round, target, 'level'], levelExpected, 'value')
          if (r.date !== undefined && typeof r.date !== 'string') push(r.date, [round, target, 'date'], 'a string', 'shape')
          if (r.rater !== undefined && typeof r.rater !== 'string') push(r.rater, [round, target, 'rater'], 'a string', 'shape')
          if (r.note !== undefined && typeof r.note !== 'string') push(r.note, [round, target, 'note'], 'a string', 'shape')
          if (r.evidence !== undefined) checkEvidence(r.evidence, [round, target, 'evidence'], ctx.excerpts, push)
          ratings[target] = r as unknown as Rating
        }
        out[round] = ratings
      }
      return errors.length > 0 ? t.failures(errors) : t.success(out as Unit['ratings'])
    },
    encodeRatings,
  )
}

type Push = (value: unknown, path: readonly (string | number)[], expected: string, code: ProblemCode) => void

const checkEvidence = (evidence: unknown, path: readonly string[], excerpts: ReadonlySet<string> | null, push: Push): void => {
  if (!Array.isArray(evidence)) return push(evidence, path, 'a list of excerpt ids', 'shape')
  evidence.forEach((id: unknown, i) => {
    if (typeof id !== 'string') push(id, [...path, i], 'an excerpt id', 'shape')
    else if (excerpts !== null && !excerpts.has(id)) push(id, [...path, i], 'the id of an excerpt of this evaluation', 'reference')
  })
}

/**
 * Ratings as plain JSON objects (ordinary prototypes), for `encodeEvaluation`.
 * @example
 * encodeRatings(unit.ratings) //=> { r1: { '2.4': { level: 'met' } } }
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
