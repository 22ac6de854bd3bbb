/**
 * Boolean expressions in sum-of-products form, written in the usual QCA
 * notation: `*` for AND, `+` for OR, `~` for NOT (`DEV*~URB + STB`).
 * Parsed into plain data, printed back in a canonical order, and evaluated
 * as fuzzy-set memberships (AND = minimum, OR = maximum, NOT = 1 − x;
 * Ragin 2008, ch. 2; Schneider & Wagemann 2012, ch. 2).
 * @module
 */
import * as E from '../model/either.js'
import { orThrow, problem, type Problem, type Result } from '../model/problem.js'

/** One condition, present (`A`) or negated (`~A`). */
export interface Literal {
  readonly condition: string
  readonly negated: boolean
}

/** A conjunction of literals (`A*~B`). An empty term is the constant true. */
export type Term = readonly Literal[]

/** A sum of products: a disjunction of terms (`A*~B + C`). */
export type Sop = readonly Term[]

const NAME = /^[A-Za-z_][A-Za-z0-9_.]*$/

/**
 * A condition name: a letter or `_`, then letters, digits, `_` or `.`.
 * @param s - anything.
 * @returns true for a valid condition name.
 */
export const isConditionName = (s: unknown): s is string => typeof s === 'string' && NAME.test(s)

/**
 * Parse an expression in sum-of-products notation. Spaces are ignored; a
 * literal may not repeat in a term, and a term may not hold a condition both
 * present and negated (that term is empty as a set). A term written `1` is
 * the empty conjunction (always true), the solution when every configuration
 * may be positive.
 *
 * @param text the expression, e.g. `'DEV*~URB + STB'`
 * @returns `Right` of the terms, in the order written
 * @example
 * parseExpressionEither('A*~B + C')
 * //=> right([[{ condition: 'A', negated: false }, { condition: 'B', negated: true }], [{ condition: 'C', negated: false }]])
 */
export const parseExpressionEither = (text: unknown): Result<Sop> => {
  const at = (expected: string, found: unknown): Result<Sop> =>
    E.left([problem([], expected, found, 'value', 'expression')])
  if (typeof text !== 'string') return at('an expression such as "A*~B + C"', text)
  if (text.trim() === '') return at('a non-empty expression such as "A*~B + C"', text)
  const terms: Term[] = []
  const problems: Problem[] = []
  text.split('+').forEach((rawTerm, ti) => {
    const term: Literal[] = []
    const seen = new Map<string, boolean>()
    // `1` alone is the empty term (always true), as `formatTerm` prints it.
    if (rawTerm.trim() === '1') {
      terms.push(term)
      return
    }
    rawTerm.split('*').forEach((rawLit) => {
      let s = rawLit.trim()
      let negated = false
      while (s.startsWith('~')) {
        negated = !negated
        s = s.slice(1).trim()
      }
      if (!isConditionName(s)) {
        problems.push(
          problem(
            [],
            `a condition name (letters, digits, _ or .) in term ${ti + 1}`,
            rawLit.trim(),
            'value',
            'expression',
          ),
        )
        return
      }
      const prev = seen.get(s)
      if (prev !== undefined) {
        const what = prev === negated ? 'no repeated condition' : 'no condition both present and negated'
        problems.push(problem([], `${what} in term ${ti + 1}`, rawTerm.trim(), 'value', 'expression'))
        return
      }
      seen.set(s, negated)
      term.push({ condition: s, negated })
    })
    terms.push(term)
  })
  return problems.length > 0 ? E.left(problems) : E.right(terms)
}

/**
 * Parse an expression in sum-of-products notation (throwing form).
 * @param text the expression, e.g. `'DEV*~URB + STB'`
 * @returns the terms, in the order written
 * @throws {RealistError} when the text is not an expression: an empty term, a bad name, a repeated condition
 * @example
 * parseExpression('~A').length //=> 1
 */
export const parseExpression = (text: unknown): Sop => orThrow('parseExpression', parseExpressionEither(text))

/**
 * Print a term: literals joined by `*`, negated ones with `~`.
 * @param term - the literals of a term.
 * @returns the term in notation; `'1'` for the empty term (constant true).
 * @example
 * formatTerm([{ condition: 'DEV', negated: false }, { condition: 'URB', negated: true }]) //=> 'DEV*~URB'
 */
export const formatTerm = (term: Term): string =>
  term.length === 0 ? '1' : term.map((l) => (l.negated ? '~' : '') + l.condition).join('*')

/**
 * Print a sum of products: terms joined by ` + `.
 * @param sop - the terms of a sum of products.
 * @returns the expression in notation; `'0'` for no term (constant false).
 * @example
 * formatExpression(parseExpression('A*~B+C')) //=> 'A*~B + C'
 */
export const formatExpression = (sop: Sop): string => (sop.length === 0 ? '0' : sop.map(formatTerm).join(' + '))

/**
 * Membership of one case in a term: the minimum over its literals, a negated
 * literal counting as 1 − x. A term with no literals has membership 1.
 * @param term the term
 * @param membership the case's membership in a condition
 * @returns the membership, in [0, 1].
 * @example
 * termMembership(parseExpression('A*~B')[0]!, (c) => ({ A: 0.8, B: 0.3 })[c]!) //=> 0.7
 */
export const termMembership = (term: Term, membership: (condition: string) => number): number => {
  let m = 1
  for (const l of term) {
    const x = membership(l.condition)
    const v = l.negated ? 1 - x : x
    if (v < m) m = v
  }
  return m
}

/**
 * Membership of one case in a sum of products: the maximum over its terms.
 * @param sop - the terms of a sum of products.
 * @param membership - the case's membership in a condition.
 * @returns the membership, in [0, 1].
 * @example
 * sopMembership(parseExpression('A + ~B'), (c) => ({ A: 0.2, B: 0.4 })[c]!) //=> 0.6
 */
export const sopMembership = (sop: Sop, membership: (condition: string) => number): number => {
  let m = 0
  for (const t of sop) {
    const v = termMembership(t, membership)
    if (v > m) m = v
  }
  return m
}

/**
 * Every condition an expression names, in first-seen order.
 * @param sop - the terms of a sum of products.
 * @returns the condition names.
 * @example
 * expressionConditions(parseExpression('B*~A + C*B')) //=> ['B', 'A', 'C']
 */
export const expressionConditions = (sop: Sop): string[] => {
  const out: string[] = []
  for (const t of sop) for (const l of t) if (!out.includes(l.condition)) out.push(l.condition)
  return out
}
