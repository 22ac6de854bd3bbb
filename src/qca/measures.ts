/**
 * Parameters of fit for set relations (Ragin 2006, 2008; Schneider &
 * Wagemann 2012, ch. 5), for crisp and fuzzy sets alike. With X the
 * membership in a condition or expression and Y in the outcome, summed over
 * cases:
 *
 * - sufficiency consistency `inclS = Σmin(X,Y) / ΣX`;
 * - proportional reduction in inconsistency
 *   `PRI = (Σmin(X,Y) − Σmin(X,Y,1−Y)) / (ΣX − Σmin(X,Y,1−Y))`;
 * - sufficiency coverage `covS = Σmin(X,Y) / ΣY`;
 * - unique coverage of a term: the coverage of the whole expression less the
 *   coverage of the expression without that term;
 * - necessity consistency `inclN = Σmin(X,Y) / ΣY`;
 * - relevance of necessity `RoN = Σ(1−X) / Σ(1−min(X,Y))` (Schneider &
 *   Wagemann 2012, p. 236);
 * - necessity coverage `covN = Σmin(X,Y) / ΣX`.
 *
 * A ratio whose denominator is 0 is `null` (undefined), never NaN.
 * @module
 */
import * as E from '../model/either.js'
import { orThrow, type Result } from '../model/problem.js'
import {
  formatExpression,
  formatTerm,
  parseExpressionEither,
  sopMembership,
  expressionConditions,
  type Sop,
  type Term,
} from './expression.js'
import { outcomeMemberships, parseOutcome, readSetData, type QcaRow, type SetData } from './data.js'

/** Sufficiency fit of one expression or term. */
export interface SufficiencyFit {
  readonly inclS: number | null
  readonly pri: number | null
  readonly covS: number | null
}

/** Necessity fit of one expression or term. */
export interface NecessityFit {
  readonly inclN: number | null
  readonly ron: number | null
  readonly covN: number | null
}

const ratio = (a: number, b: number): number | null => (b > 0 ? a / b : null)

/**
 * Sufficiency fit of memberships `x` for outcome memberships `y`.
 * @param x - the memberships of the cases in the condition or expression.
 * @param y - the memberships of the same cases in the outcome.
 * @returns inclS, PRI and covS (null where a denominator is 0).
 * @example
 * sufficiencyFit([1, 1, 0], [1, 0, 1]) //=> { inclS: 0.5, pri: 0.5, covS: 0.5 }
 */
export const sufficiencyFit = (x: ArrayLike<number>, y: ArrayLike<number>): SufficiencyFit => {
  let sx = 0
  let sy = 0
  let sxy = 0
  let sxyny = 0
  for (let i = 0; i < x.length; i++) {
    const a = x[i]!
    const b = y[i]!
    const m = a < b ? a : b
    sx += a
    sy += b
    sxy += m
    sxyny += m < 1 - b ? m : 1 - b
  }
  return { inclS: ratio(sxy, sx), pri: ratio(sxy - sxyny, sx - sxyny), covS: ratio(sxy, sy) }
}

/**
 * Necessity fit of memberships `x` for outcome memberships `y`.
 * @param x - the memberships of the cases in the condition or expression.
 * @param y - the memberships of the same cases in the outcome.
 * @returns inclN, RoN and covN (null where a denominator is 0).
 * @example
 * necessityFit([1, 1, 0], [1, 0, 0]) //=> { inclN: 1, ron: 0.5, covN: 0.5 }
 */
export const necessityFit = (x: ArrayLike<number>, y: ArrayLike<number>): NecessityFit => {
  let sx = 0
  let sy = 0
  let sxy = 0
  let snx = 0
  let snxy = 0
  for (let i = 0; i < x.length; i++) {
    const a = x[i]!
    const b = y[i]!
    const m = a < b ? a : b
    sx += a
    sy += b
    sxy += m
    snx += 1 - a
    snxy += 1 - m
  }
  return { inclN: ratio(sxy, sy), ron: ratio(snx, snxy), covN: ratio(sxy, sx) }
}

/**
 * Memberships of every case in a term, from set data.
 * @param term - the literals of a term.
 * @param data - the set data.
 * @returns a membership per case.
 */
export const termVector = (term: Term, data: SetData): Float64Array => {
  const n = data.cases.length
  const out = new Float64Array(n)
  const cols = term.map((l) => ({ v: data.sets.get(l.condition)!, neg: l.negated }))
  for (let i = 0; i < n; i++) {
    let m = 1
    for (const c of cols) {
      const x = c.neg ? 1 - c.v[i]! : c.v[i]!
      if (x < m) m = x
    }
    out[i] = m
  }
  return out
}

/**
 * The union (maximum) of membership vectors; all zeros for none.
 * @param vectors - membership vectors of the same cases.
 * @param n - the number of cases.
 * @returns the maximum per case.
 */
export const unionVector = (vectors: readonly Float64Array[], n: number): Float64Array => {
  const out = new Float64Array(n)
  for (const v of vectors) for (let i = 0; i < n; i++) if (v[i]! > out[i]!) out[i] = v[i]!
  return out
}

/** Fit of one term inside a sufficiency expression. */
export interface TermSufficiency extends SufficiencyFit {
  /** The term in notation, e.g. `DEV*~URB`. */
  readonly term: string
  /** Coverage of the expression less that of the expression without this term. */
  readonly covU: number | null
}

/** `sufficiency`'s result: the expression's fit, and each term's. */
export interface Sufficiency extends SufficiencyFit {
  readonly expression: string
  readonly outcome: string
  readonly terms: readonly TermSufficiency[]
}

/**
 * Fit of each term and of the whole sum (shared with the minimisation's solutions).
 * @param sop - the terms of a sum of products.
 * @param data - the set data.
 * @param y - the outcome memberships.
 * @returns the fit of the sum and of each term (with unique coverage).
 */
export const sopSufficiency = (
  sop: Sop,
  data: SetData,
  y: ArrayLike<number>,
): { fit: SufficiencyFit; terms: TermSufficiency[] } => {
  const n = data.cases.length
  const vecs = sop.map((t) => termVector(t, data))
  const whole = unionVector(vecs, n)
  const fit = sufficiencyFit(whole, y)
  const terms = sop.map((t, i) => {
    const f = sufficiencyFit(vecs[i]!, y)
    const others = sufficiencyFit(
      unionVector(
        vecs.filter((_, j) => j !== i),
        n,
      ),
      y,
    )
    const covU = fit.covS === null ? null : fit.covS - (others.covS ?? 0)
    return { term: formatTerm(t), ...f, covU: covU === null ? null : Math.max(0, covU) }
  })
  return { fit, terms }
}

/** Options of `sufficiency` and `necessity`. */
export interface FitOptions {
  /** The key holding each row's case name. Default `'case'`. */
  readonly caseKey?: string
}

const prepare = (
  rows: readonly QcaRow[],
  expression: string,
  outcome: string,
  options: FitOptions | null | undefined,
  fn: string,
) => {
  const caseKey = typeof options?.caseKey === 'string' ? options.caseKey : 'case'
  const sop = parseExpressionEither(expression)
  const out = parseOutcome(outcome, `${fn} › outcome`)
  const problems = [
    ...(E.isLeft(sop) ? sop.left.map((p) => ({ ...p, where: `${fn} › ${p.where}` })) : []),
    ...('name' in out ? [] : [out]),
  ]
  if (E.isLeft(sop) || !('name' in out)) return E.left(problems)
  const names = [...expressionConditions(sop.right), out.name]
  const data = readSetData(rows, names, caseKey, fn)
  if (Array.isArray(data)) return E.left(data)
  return E.right({ sop: sop.right, outcome: out, data: data as SetData })
}

/**
 * Sufficiency of an expression for an outcome (Ragin 2008; Schneider &
 * Wagemann 2012, ch. 5): inclS, PRI and covS of the whole expression, and of
 * each term with its unique coverage covU. `outcome` may be negated (`~Y`).
 * @param rows plain rows, `{ case, <condition>: membership, <outcome>: membership }`
 * @param expression a sum of products, e.g. `'WS + ES*WM'`
 * @param outcome the outcome's column, or `~column` for its negation
 * @param options `{ caseKey }` [`'case'`]
 * @returns `Right` of the fit, or `Left` naming each missing or out-of-range membership
 * @example
 * sufficiencyEither([{ case: 'a', A: 1, Y: 1 }, { case: 'b', A: 1, Y: 0 }, { case: 'c', A: 0, Y: 1 }], 'A', 'Y')
 * //=> right({ expression: 'A', outcome: 'Y', inclS: 0.5, pri: 0.5, covS: 0.5, terms: [{ term: 'A', …, covU: 0.5 }] })
 */
export const sufficiencyEither = (
  rows: readonly QcaRow[],
  expression: string,
  outcome: string,
  options: FitOptions = {},
): Result<Sufficiency> => {
  const ready = prepare(rows, expression, outcome, options, 'sufficiency')
  if (E.isLeft(ready)) return ready
  const { sop, data } = ready.right
  const y = outcomeMemberships(data, ready.right.outcome)
  const { fit, terms } = sopSufficiency(sop, data, y)
  return E.right({ expression: formatExpression(sop), outcome: ready.right.outcome.label, ...fit, terms })
}

/**
 * Sufficiency of an expression for an outcome (throwing form of
 * `sufficiencyEither`): inclS, PRI, covS, and each term's fit with covU.
 * @param rows plain rows, `{ case, <condition>: membership, <outcome>: membership }`
 * @param expression a sum of products, e.g. `'WS + ES*WM'`
 * @param outcome the outcome's column, or `~column` for its negation
 * @param options `{ caseKey }` [`'case'`]
 * @returns the consistency (inclS), PRI and coverage (covS) of the expression as sufficient (`Sufficiency`).
 * @throws {RealistError} on a bad expression, or a membership missing or outside [0, 1]
 * @example
 * sufficiency([{ A: 1, Y: 1 }, { A: 0.4, Y: 0.2 }], 'A', 'Y').inclS!.toFixed(3) //=> '0.857'
 */
export const sufficiency = (
  rows: readonly QcaRow[],
  expression: string,
  outcome: string,
  options: FitOptions = {},
): Sufficiency => orThrow('sufficiency', sufficiencyEither(rows, expression, outcome, options))

/** `necessity`'s result: the expression's necessity fit, and each term's alone. */
export interface Necessity extends NecessityFit {
  readonly expression: string
  readonly outcome: string
  readonly terms: readonly (NecessityFit & { readonly term: string })[]
}

/**
 * Necessity of an expression for an outcome (Schneider & Wagemann 2012,
 * ch. 5): inclN, relevance of necessity RoN and covN for the whole
 * expression (for a disjunction, the union is what must be necessary) and
 * for each term alone.
 * @param rows plain rows, `{ case, <condition>: membership, <outcome>: membership }`
 * @param expression a sum of products, e.g. `'~NATPRIDE + GEOCON'`
 * @param outcome the outcome's column, or `~column` for its negation
 * @param options `{ caseKey }` [`'case'`]
 * @returns `Right` with the fit of the expression and of each term, or `Left` with the problems of
 * the rows, expression or outcome.
 * @example
 * necessityEither([{ A: 1, Y: 1 }, { A: 1, Y: 0 }, { A: 0, Y: 0 }], 'A', 'Y')
 * //=> right({ expression: 'A', outcome: 'Y', inclN: 1, ron: 0.5, covN: 0.5, terms: [{ term: 'A', inclN: 1, ron: 0.5, covN: 0.5 }] })
 */
export const necessityEither = (
  rows: readonly QcaRow[],
  expression: string,
  outcome: string,
  options: FitOptions = {},
): Result<Necessity> => {
  const ready = prepare(rows, expression, outcome, options, 'necessity')
  if (E.isLeft(ready)) return ready
  const { sop, data } = ready.right
  const y = outcomeMemberships(data, ready.right.outcome)
  const vecs = sop.map((t) => termVector(t, data))
  const whole = necessityFit(unionVector(vecs, data.cases.length), y)
  return E.right({
    expression: formatExpression(sop),
    outcome: ready.right.outcome.label,
    ...whole,
    terms: sop.map((t, i) => ({ term: formatTerm(t), ...necessityFit(vecs[i]!, y) })),
  })
}

/**
 * Necessity of an expression for an outcome (throwing form of
 * `necessityEither`): inclN, RoN and covN, for the expression and each term.
 * @param rows plain rows, `{ case, <condition>: membership, <outcome>: membership }`
 * @param expression a sum of products
 * @param outcome the outcome's column, or `~column` for its negation
 * @param options `{ caseKey }` [`'case'`]
 * @returns the consistency (inclN), relevance (RoN) and coverage (covN) of the expression as necessary (`Necessity`).
 * @throws {RealistError} on a bad expression, or a membership missing or outside [0, 1]
 * @example
 * necessity([{ A: 1, Y: 1 }, { A: 0, Y: 0 }], 'A', 'Y').inclN //=> 1
 */
export const necessity = (
  rows: readonly QcaRow[],
  expression: string,
  outcome: string,
  options: FitOptions = {},
): Necessity => orThrow('necessity', necessityEither(rows, expression, outcome, options))

/**
 * Membership of each case in an expression (for XY plots).
 * @param sop - the terms of a sum of products.
 * @param data - the set data.
 * @returns a membership per case.
 */
export const expressionVector = (sop: Sop, data: SetData): Float64Array => {
  const out = new Float64Array(data.cases.length)
  for (let i = 0; i < out.length; i++) out[i] = sopMembership(sop, (c) => data.sets.get(c)![i]!)
  return out
}
