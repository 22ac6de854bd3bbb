/**
 * The declared scale of an agreement study: its levels, their order and their
 * scores. Categories always come from here, never only from the observed
 * ratings, so a level nobody used is still a level (it changes weighted kappa,
 * AC2 and the chance terms that count categories).
 * @module
 */
import * as E from '../model/either.js'
import { problem, type Problem, type Result } from '../model/problem.js'

/** A level id as it appears in the ratings. */
export type LevelKey = string | number

/** One level of a declared scale. `score` is its numeric value for interval and ratio distances and weights. */
export interface AgreementLevel {
  readonly id: LevelKey
  /** Numeric value [the id itself when it is a number, else the level's position 1, 2, …]. */
  readonly score?: number
}

/**
 * A declared scale: either the level ids in order (`['met', 'partly', 'not-met']`,
 * `[1, 2, 3, 4, 5]`), or an object with `levels` (a model `RatingScale` fits).
 * The order is the ordinal order; scores give interval and ratio distances.
 */
export type AgreementScale = readonly LevelKey[] | { readonly levels: readonly AgreementLevel[] }

/** A scale checked and indexed: level i has id `ids[i]` and score `scores[i]`. */
export interface ResolvedScale {
  readonly ids: readonly LevelKey[]
  readonly scores: Float64Array
  readonly index: ReadonlyMap<LevelKey, number>
  readonly q: number
}

const isKey = (v: unknown): v is LevelKey => typeof v === 'string' || (typeof v === 'number' && Number.isFinite(v))

/**
 * Check a declared scale (at least two distinct levels, ids strings or finite
 * numbers, finite scores) and index it.
 * @internal
 * @example
 * resolveScaleEither(['a', 'b'], 'cohenKappa') //=> right({ ids: ['a', 'b'], scores: [1, 2], q: 2, … })
 */
export const resolveScaleEither = (scale: unknown, fn: string): Result<ResolvedScale> => {
  const where = `${fn} › scale`
  const levels: unknown = Array.isArray(scale)
    ? scale.map((id) => ({ id }))
    : scale !== null && typeof scale === 'object' && Array.isArray((scale as { levels?: unknown }).levels)
      ? (scale as { levels: unknown[] }).levels
      : undefined
  if (levels === undefined)
    return E.left([
      problem(
        ['scale'],
        'a declared scale: the level ids in order, or { levels: [{ id, score? }] }',
        scale,
        'shape',
        where,
      ),
    ])
  const list = levels as unknown[]
  const problems: Problem[] = []
  const ids: LevelKey[] = []
  const scores = new Float64Array(list.length)
  const index = new Map<LevelKey, number>()
  list.forEach((level, i) => {
    const path = ['scale', 'levels', i]
    const id = level !== null && typeof level === 'object' ? (level as { id?: unknown }).id : undefined
    if (!isKey(id)) {
      problems.push(
        problem([...path, 'id'], 'a level id (a string or a finite number)', id, 'shape', `${where} › level ${i}`),
      )
      return
    }
    if (index.has(id)) {
      problems.push(
        problem([...path, 'id'], 'a level id not used before on this scale', id, 'duplicate', `${where} › level ${i}`),
      )
      return
    }
    const score = (level as { score?: unknown }).score
    if (score !== undefined && (typeof score !== 'number' || !Number.isFinite(score))) {
      problems.push(
        problem([...path, 'score'], 'a finite number (or no score)', score, 'value', `${where} › level ${String(id)}`),
      )
      return
    }
    index.set(id, ids.length)
    scores[ids.length] = typeof score === 'number' ? score : typeof id === 'number' ? id : i + 1
    ids.push(id)
  })
  if (problems.length === 0 && ids.length < 2)
    problems.push(
      problem(
        ['scale'],
        'a scale of at least two levels (agreement on a one-level scale is not a question)',
        scale,
        'value',
        where,
      ),
    )
  if (problems.length > 0) return E.left(problems)
  return E.right({ ids, scores: scores.slice(0, ids.length), index, q: ids.length })
}
