/**
 * The three input shapes of the agreement functions, each named for what it
 * is, and their checks:
 * - a **rating matrix**: one row per unit, one column per rater, a level id
 *   or `null` (missing) in each cell;
 * - a **count table**: one row per unit, one column per level of the scale
 *   (in the scale's order), the number of raters who chose that level;
 * - a **contingency table**: two raters' cross-tabulation, rows rater A's
 *   levels, columns rater B's, both in the scale's order.
 *
 * A shape that cannot be right is refused with a problem that says what was
 * expected there.
 * @module
 */
import * as E from '../model/either.js'
import { problem, showValue, type Problem, type Result } from '../model/problem.js'
import type { LevelKey, ResolvedScale } from './scale.js'

/** Units × raters: `matrix[unit][rater]` is a level id of the scale, or `null` when that rater did not rate that unit. */
export type RatingMatrix = readonly (readonly (LevelKey | null)[])[]

/** Units × levels: `counts[unit][level]` raters put that unit in that level (columns in the scale's order). */
export type CountTable = readonly (readonly number[])[]

/** Rater A × rater B: `table[a][b]` units rated level a by A and level b by B (both in the scale's order). */
export type ContingencyTable = readonly (readonly number[])[]

/** Problems listed before the rest are only counted. */
export const MAX_INPUT_PROBLEMS = 50

/**
 * Counts per unit and level, the form every multi-rater coefficient works on.
 * Units no rater rated are kept in `n` but have a zero total.
 * @internal
 */
export interface Counts {
  /** Units (rows). */
  readonly n: number
  /** Levels. */
  readonly q: number
  /** `counts[u * q + k]`. */
  readonly counts: Float64Array
  /** Ratings per unit. */
  readonly totals: Float64Array
  /** Raters (matrix columns), or the largest unit total for a count table. */
  readonly raters: number
}

const capped = (problems: Problem[], extra: number, fn: string): Problem[] =>
  extra > 0
    ? [
        ...problems,
        problem([], `at most ${MAX_INPUT_PROBLEMS} problems are listed`, `${extra} more`, 'limit', `${fn} › input`),
      ]
    : problems

const levelList = (scale: ResolvedScale): string => {
  const shown = scale.ids
    .slice(0, 8)
    .map((id) => showValue(id))
    .join(' | ')
  return scale.q > 8 ? `${shown} | … (${scale.q} levels)` : shown
}

/**
 * Check a rating matrix against the scale and count it per unit and level.
 * @internal
 * @param matrix units × raters, a level id or null in each cell
 * @param scale the resolved scale the levels must be on
 * @param fn the calling function's name, for the problems' `where`
 * @returns `Right` of the counts per unit and level, or `Left` of problems (at most {@link MAX_INPUT_PROBLEMS} listed)
 * @example
 * const scale = { ids: ['a', 'b'], scores: new Float64Array([1, 2]), index: new Map([['a', 0], ['b', 1]]), q: 2 }
 * countMatrixEither([['a', 'b'], ['a', null]], scale, 'fleissKappa') //=> right({ n: 2, q: 2, counts: new Float64Array([1, 1, 1, 0]), … })
 */
export const countMatrixEither = (matrix: unknown, scale: ResolvedScale, fn: string): Result<Counts> => {
  const where = `${fn} › ratings`
  if (!Array.isArray(matrix))
    return E.left([
      problem(
        ['ratings'],
        'a rating matrix: an array of units, each an array of one level id (or null) per rater',
        matrix,
        'shape',
        where,
      ),
    ])
  const n = matrix.length
  const q = scale.q
  const counts = new Float64Array(n * q)
  const totals = new Float64Array(n)
  const problems: Problem[] = []
  let extra = 0
  const report = (p: Problem) => (problems.length < MAX_INPUT_PROBLEMS ? problems.push(p) : extra++)
  let raters = -1
  for (let u = 0; u < n; u++) {
    const row: unknown = matrix[u]
    if (!Array.isArray(row)) {
      report(
        problem(
          ['ratings', u],
          'a unit: an array of one level id (or null) per rater',
          row,
          'shape',
          `${where} › unit ${u}`,
        ),
      )
      continue
    }
    if (raters < 0) raters = row.length
    else if (row.length !== raters) {
      report(
        problem(
          ['ratings', u],
          `${raters} ratings, one per rater as in unit 0 (null where a rater did not rate)`,
          row,
          'shape',
          `${where} › unit ${u}`,
        ),
      )
      continue
    }
    for (let r = 0; r < row.length; r++) {
      const v: unknown = row[r]
      if (v === null) continue
      const k = scale.index.get(v as LevelKey)
      if (k === undefined) {
        report(
          problem(
            ['ratings', u, r],
            `a level of the scale (${levelList(scale)}) or null`,
            v,
            v === undefined ? 'shape' : 'value',
            `${where} › unit ${u} › rater ${r}`,
          ),
        )
        continue
      }
      counts[u * q + k]! += 1
      totals[u]! += 1
    }
  }
  if (problems.length > 0) return E.left(capped(problems, extra, fn))
  return E.right({ n, q, counts, totals, raters: Math.max(raters, 0) })
}

/**
 * Check a count table (units × levels, non-negative integers, one column per
 * level of the scale) and read it.
 * @internal
 * @param table units × levels, the number of raters who chose each level
 * @param scale the resolved scale (one column per level)
 * @param fn the calling function's name, for the problems' `where`
 * @returns `Right` of the counts, or `Left` of problems
 * @example
 * const scale = { ids: ['a', 'b'], scores: new Float64Array([1, 2]), index: new Map([['a', 0], ['b', 1]]), q: 2 }
 * readCountsEither([[2, 0], [1, 1]], scale, 'fleissKappaCounts') //=> right({ n: 2, q: 2, … })
 * readCountsEither([[2, -1]], scale, 'fleissKappaCounts') //=> left([{ where: 'fleissKappaCounts › counts › unit 0 › level b', … }])
 */
export const readCountsEither = (table: unknown, scale: ResolvedScale, fn: string): Result<Counts> => {
  const where = `${fn} › counts`
  if (!Array.isArray(table))
    return E.left([
      problem(
        ['counts'],
        `a count table: an array of units, each an array of ${scale.q} counts (one per level)`,
        table,
        'shape',
        where,
      ),
    ])
  const n = table.length
  const q = scale.q
  const counts = new Float64Array(n * q)
  const totals = new Float64Array(n)
  const problems: Problem[] = []
  let extra = 0
  const report = (p: Problem) => (problems.length < MAX_INPUT_PROBLEMS ? problems.push(p) : extra++)
  let raters = 0
  for (let u = 0; u < n; u++) {
    const row: unknown = table[u]
    if (!Array.isArray(row) || row.length !== q) {
      report(
        problem(
          ['counts', u],
          `${q} counts, one per level of the scale (${levelList(scale)})`,
          row,
          'shape',
          `${where} › unit ${u}`,
        ),
      )
      continue
    }
    for (let k = 0; k < q; k++) {
      const c: unknown = row[k]
      if (typeof c !== 'number' || !Number.isInteger(c) || c < 0) {
        report(
          problem(
            ['counts', u, k],
            'a count: a non-negative integer',
            c,
            'value',
            `${where} › unit ${u} › level ${String(scale.ids[k])}`,
          ),
        )
        continue
      }
      counts[u * q + k] = c
      totals[u]! += c
    }
    raters = Math.max(raters, totals[u]!)
  }
  if (problems.length > 0) return E.left(capped(problems, extra, fn))
  return E.right({ n, q, counts, totals, raters })
}

/** A contingency table read into a flat array. @internal */
export interface Contingency {
  readonly q: number
  /** `cells[a * q + b]`. */
  readonly cells: Float64Array
  readonly total: number
}

/**
 * Check a contingency table: square, one row and one column per level of the
 * scale, non-negative integer cells.
 * @internal
 * @param table q × q counts, rater A's levels in rows and rater B's in columns
 * @param scale the resolved scale (its order is the rows' and columns')
 * @param fn the calling function's name, for the problems' `where`
 * @returns `Right` of the table, flattened row by row, or `Left` of problems
 * @example
 * const scale = { ids: ['a', 'b'], scores: new Float64Array([1, 2]), index: new Map([['a', 0], ['b', 1]]), q: 2 }
 * readContingencyEither([[3, 1], [0, 4]], scale, 'cohenKappaTable') //=> right({ q: 2, total: 8, cells: new Float64Array([3, 1, 0, 4]) })
 */
export const readContingencyEither = (table: unknown, scale: ResolvedScale, fn: string): Result<Contingency> => {
  const where = `${fn} › table`
  const q = scale.q
  const expected = `a square ${q} × ${q} contingency table (rater A's levels in rows, rater B's in columns, both in the scale's order: ${levelList(scale)})`
  if (!Array.isArray(table)) return E.left([problem(['table'], expected, table, 'shape', where)])
  if (table.length !== q) return E.left([problem(['table'], expected, `${table.length} rows`, 'shape', where)])
  const cells = new Float64Array(q * q)
  const problems: Problem[] = []
  let total = 0
  for (let a = 0; a < q; a++) {
    const row: unknown = table[a]
    if (!Array.isArray(row) || row.length !== q) {
      problems.push(
        problem(
          ['table', a],
          `${q} cells (the table must be square: ${q} × ${q})`,
          row,
          'shape',
          `${where} › row ${String(scale.ids[a])}`,
        ),
      )
      continue
    }
    for (let b = 0; b < q; b++) {
      const c: unknown = row[b]
      if (typeof c !== 'number' || !Number.isInteger(c) || c < 0) {
        if (problems.length < MAX_INPUT_PROBLEMS)
          problems.push(
            problem(
              ['table', a, b],
              'a count: a non-negative integer',
              c,
              'value',
              `${where} › ${String(scale.ids[a])} × ${String(scale.ids[b])}`,
            ),
          )
        continue
      }
      cells[a * q + b] = c
      total += c
    }
  }
  if (problems.length > 0) return E.left(problems)
  return E.right({ q, cells, total })
}

/**
 * Cross-tabulate two raters of a rating matrix (units where either is missing
 * are left out, listwise) after checking that the matrix has exactly two raters.
 * @internal
 * @param matrix units × 2 raters, a level id or null in each cell
 * @param scale the resolved scale
 * @param fn the calling function's name, for the problems' `where`
 * @returns `Right` of the two raters' contingency table, or `Left` of problems
 * @example
 * const scale = { ids: ['a', 'b'], scores: new Float64Array([1, 2]), index: new Map([['a', 0], ['b', 1]]), q: 2 }
 * crossTabulateEither([['a', 'a'], ['a', 'b'], [null, 'b']], scale, 'cohenKappa') //=> right({ q: 2, total: 2, cells: new Float64Array([1, 1, 0, 0]) })
 */
export const crossTabulateEither = (matrix: unknown, scale: ResolvedScale, fn: string): Result<Contingency> => {
  const where = `${fn} › ratings`
  if (!Array.isArray(matrix))
    return E.left([
      problem(
        ['ratings'],
        'a rating matrix: an array of units, each [rater A level, rater B level] (null where missing)',
        matrix,
        'shape',
        where,
      ),
    ])
  const q = scale.q
  const cells = new Float64Array(q * q)
  const problems: Problem[] = []
  let total = 0
  for (let u = 0; u < matrix.length; u++) {
    const row: unknown = matrix[u]
    if (!Array.isArray(row) || row.length !== 2) {
      if (problems.length < MAX_INPUT_PROBLEMS)
        problems.push(
          problem(
            ['ratings', u],
            "two ratings [rater A, rater B] (Cohen's kappa compares exactly two raters; null where missing)",
            row,
            'shape',
            `${where} › unit ${u}`,
          ),
        )
      continue
    }
    const ks: number[] = []
    for (let r = 0; r < 2; r++) {
      const v: unknown = row[r]
      if (v === null) continue
      const k = scale.index.get(v as LevelKey)
      if (k === undefined) {
        if (problems.length < MAX_INPUT_PROBLEMS)
          problems.push(
            problem(
              ['ratings', u, r],
              `a level of the scale (${levelList(scale)}) or null`,
              v,
              'value',
              `${where} › unit ${u} › rater ${r}`,
            ),
          )
        continue
      }
      ks.push(k)
    }
    if (ks.length === 2) {
      cells[ks[0]! * q + ks[1]!]! += 1
      total++
    }
  }
  if (problems.length > 0) return E.left(problems)
  return E.right({ q, cells, total })
}

/**
 * The count table of a contingency table: each unit in cell (a, b) has one
 * rating in level a and one in level b.
 * @internal
 * @example
 * countsFromContingency({ q: 2, cells: [1, 0, 0, 1], total: 2 }) //=> { n: 2, q: 2, counts: [2, 0, 0, 2], … }
 */
export const countsFromContingency = (t: Contingency): Counts => {
  const { q, cells, total } = t
  const counts = new Float64Array(total * q)
  const totals = new Float64Array(total).fill(2)
  let u = 0
  for (let a = 0; a < q; a++)
    for (let b = 0; b < q; b++)
      for (let c = 0; c < cells[a * q + b]!; c++, u++) {
        counts[u * q + a]! += 1
        counts[u * q + b]! += 1
      }
  return { n: total, q, counts, totals, raters: 2 }
}
