/**
 * Options are validated like data: a bad option (NaN, a string where a count
 * belongs, an inherited name) is a problem naming the option, never a silent
 * default or a check that quietly stops working. Every function that takes a
 * count or a name in its options object checks it with these.
 * @module
 */
import { hasOwn } from './own.js'
import { problem, type Problem } from './problem.js'

/** What an option must be: `undefined` when the value is fine, else what was expected. */
export type OptionRule = (value: unknown) => string | undefined

/**
 * An integer of at least `min` (NaN, ±Infinity, fractions and strings fail).
 * @param min - the smallest integer allowed.
 * @returns an option rule: `undefined` for a valid value, else what was expected.
 * @example
 * integerAtLeast(1)(NaN) //=> 'an integer of at least 1'
 * integerAtLeast(1)(5)   //=> undefined
 */
export const integerAtLeast =
  (min: number): OptionRule =>
  (value) =>
    typeof value === 'number' && Number.isInteger(value) && value >= min ? undefined : `an integer of at least ${min}`

/**
 * The problems of an options object: not an object (when given), or an own
 * field that breaks its rule. Fields left out (or `undefined`) take their
 * defaults; fields not in `rules` are not looked at.
 * @param fn - the function's name, for `where` (`decodeEvaluation › options › maxProblems`).
 * @param options - the options as given (anything).
 * @param rules - the rule of each checked field.
 * @returns one problem per bad field, path `['options', name]`; `[]` when all is well.
 * @example
 * optionProblems('decodeEvaluation', { maxProblems: NaN }, { maxProblems: integerAtLeast(1) })
 * //=> [{ path: ['options', 'maxProblems'], where: 'decodeEvaluation › options › maxProblems',
 * //      expected: 'an integer of at least 1', found: 'NaN', code: 'value' }]
 */
export const optionProblems = (
  fn: string,
  options: unknown,
  rules: Readonly<Record<string, OptionRule>>,
): Problem[] => {
  if (options === undefined) return []
  if (typeof options !== 'object' || options === null || Array.isArray(options))
    return [problem(['options'], 'an options object (or nothing)', options, 'shape', `${fn} › options`)]
  const out: Problem[] = []
  for (const name of Object.keys(rules)) {
    if (!hasOwn(options, name)) continue
    const value = (options as Record<string, unknown>)[name]
    if (value === undefined) continue
    const expected = rules[name]!(value)
    if (expected !== undefined)
      out.push(problem(['options', name], expected, value, 'value', `${fn} › options › ${name}`))
  }
  return out
}

/**
 * The problem of an argument that should be an evaluation but is not one
 * (`undefined`, `{}`, a JSON string): one problem saying what was expected,
 * so a throwing convenience throws a `RealistError`, never a TypeError. A
 * cheap look at the top level only (framework with sections, sites, rounds);
 * decoding is what checks a document fully.
 * @param fn - the calling function's name, for `where`.
 * @param ev - the argument given.
 * @returns one problem when `ev` does not look like an evaluation; empty otherwise.
 * @example
 * evaluationArgProblems('attainment', undefined)
 * //=> [{ path: ['ev'], where: 'attainment › ev', expected: 'an evaluation (decode a document with decodeEvaluation)', found: 'nothing (missing)', code: 'shape' }]
 */
export const evaluationArgProblems = (fn: string, ev: unknown): Problem[] => {
  const e = ev as { framework?: { sections?: unknown }; sites?: unknown; rounds?: unknown } | null
  const ok =
    typeof e === 'object' &&
    e !== null &&
    typeof e.framework === 'object' &&
    e.framework !== null &&
    Array.isArray(e.framework.sections) &&
    Array.isArray(e.sites) &&
    Array.isArray(e.rounds)
  return ok
    ? []
    : [problem(['ev'], 'an evaluation (decode a document with decodeEvaluation)', ev, 'shape', `${fn} › ev`)]
}

/**
 * The problem of an argument that should be a list (rows of a table) but is not.
 * @param fn - the calling function's name, for `where`.
 * @param name - the argument's name, for the path.
 * @param value - the argument given.
 * @param what - what the list holds, in words (default `'rows'`).
 * @returns one problem when `value` is not an array; empty otherwise.
 * @example
 * listArgProblems('toCsv', 'rows', null) //=> [{ path: ['rows'], where: 'toCsv › rows', expected: 'a list of rows', found: 'null', code: 'shape' }]
 */
export const listArgProblems = (fn: string, name: string, value: unknown, what = 'rows'): Problem[] =>
  Array.isArray(value) ? [] : [problem([name], `a list of ${what}`, value, 'shape', `${fn} › ${name}`)]
