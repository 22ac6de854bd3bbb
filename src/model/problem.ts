import * as E from './either.js'

/**
 * One thing wrong with an input, as data. Every failure in the library is a
 * list of these: a `Left<Problem[]>` in the fp-ts API, or a `RealistError`
 * carrying the same list (and the same message) from the throwing conveniences.
 */
export interface Problem {
  /** JSON path of the offending value, e.g. `["sites", 0, "units", 2, "name"]`. */
  readonly path: readonly (string | number)[]
  /** The same place in domain terms, e.g. `site south-staffs › unit acute › rating 2.4`. */
  readonly where: string
  /** What was expected there, e.g. `a level of scale emhip (met | partly | not-met) or "na"`. */
  readonly expected: string
  /** What was found, rendered by `showValue` (NaN, Infinity and long strings are explicit). */
  readonly found: string
  /** Machine-readable kind, for tools that filter problems. */
  readonly code: ProblemCode
}

/**
 * The kind of a problem: `shape`, `value`, `reference`, `duplicate`, `limit`, `consistency` or
 * `policy` (each explained beside it).
 */
export type ProblemCode =
  | 'shape' // wrong type, missing field
  | 'value' // a value outside its allowed set or range
  | 'reference' // a dangling id
  | 'duplicate' // a duplicate id or key
  | 'limit' // a resource limit (depth, size) exceeded
  | 'consistency' // a rule between fields (attained > total, ...)
  | 'policy' // a counting policy refused the data (e.g. unrated = error)

const MAX_SHOWN = 60

/**
 * Render any value for an error message: strings quoted and cut at 60
 * characters (with the full length given), NaN and ±Infinity spelled out,
 * objects summarised instead of dumped.
 * @param v - any value.
 * @returns the value, short, as a message shows it.
 * @example
 * showValue(NaN)            //=> 'NaN'
 * showValue('x'.repeat(1e7)) //=> '"xxxx…" (10000000 characters)'
 */
export const showValue = (v: unknown): string => {
  if (typeof v === 'string') {
    if (v.length > MAX_SHOWN) return `${JSON.stringify(v.slice(0, MAX_SHOWN)).slice(0, -1)}…" (${v.length} characters)`
    return JSON.stringify(v)
  }
  if (typeof v === 'number') {
    if (Number.isNaN(v)) return 'NaN'
    if (v === Infinity) return 'Infinity'
    if (v === -Infinity) return '-Infinity'
    return String(v)
  }
  if (v === undefined) return 'nothing (missing)'
  if (v === null) return 'null'
  if (Array.isArray(v)) return `an array of ${v.length}`
  if (typeof v === 'object') {
    const keys = Object.keys(v as object)
    return keys.length === 0
      ? 'an empty object'
      : `an object with keys ${keys.slice(0, 5).join(', ')}${keys.length > 5 ? ', …' : ''}`
  }
  return String(v)
}

/**
 * Render an id or key inside a message: as it is when it is short, and cut
 * like `showValue` when it is longer than 60 characters, so a 10 MB id makes
 * a short message (`"xxxx…" (10000000 characters)`).
 * @param name - an id or key.
 * @returns the name, cut when long.
 * @example
 * showName('acute')          //=> 'acute'
 * showName('x'.repeat(1e7)) //=> '"xxxx…" (10000000 characters)' // 60 x's
 */
export const showName = (name: string): string => (name.length > MAX_SHOWN ? showValue(name) : name)

/**
 * Render a JSON path as `$.sites[0].units[2].name`; keys that are not plain
 * identifiers are quoted (`$.ratings["2.4"]`), and keys longer than 60
 * characters are cut as `showValue` cuts strings.
 * @param path - a JSON path.
 * @returns the path written from `$`.
 * @example
 * showPath(['sites', 0, 'ratings', '2.4']) //=> '$.sites[0].ratings["2.4"]'
 */
export const showPath = (path: readonly (string | number)[]): string =>
  '$' +
  path
    .map((p) =>
      typeof p === 'number'
        ? `[${p}]`
        : p.length > MAX_SHOWN
          ? `[${showValue(p)}]`
          : /^[A-Za-z_$][\w$]*$/.test(p)
            ? `.${p}`
            : `[${JSON.stringify(p)}]`,
    )
    .join('')

/**
 * Render the values a place allows, for a message: each as JSON, joined by
 * ` | ` (`"exclude" | "not-met"`).
 * @param values - the allowed values.
 * @returns the values in one line.
 * @internal
 * @example
 * showChoices(['exclude', 'not-met']) //=> '"exclude" | "not-met"'
 */
export const showChoices = (values: readonly unknown[]): string => values.map((v) => JSON.stringify(v)).join(' | ')

/**
 * How many problems a check lists at most, unless told otherwise. A hostile
 * input (a million duplicate excerpts, a CSV file of two million bad cells)
 * would otherwise build millions of problem objects (gigabytes) that nobody
 * reads; past the bound, checking stops and one `limit` problem says so.
 */
export const MAX_LISTED_PROBLEMS = 1000

/** How many items `showList` names before it counts the rest. */
export const MAX_LISTED_NAMES = 5

/**
 * Render a list of names inside a message: distinct names only, at most `max`
 * of them (default 5), then how many more, so a message never grows with the
 * input (a scope of 100,000 sites makes a short message, not a 1 MB one).
 * Every message that names a list of input values goes through this.
 * @param names - the names (repeats shown once).
 * @param max - the most names shown (default 5).
 * @param sep - the separator (default `', '`).
 * @returns the list in words, `'none'` when empty.
 * @example
 * showList(['a', 'b', 'a'])                     //=> 'a, b'
 * showList(['s1', 's2', 's3', 's4'], 2)         //=> 's1, s2, … (4 in all)'
 * showList([])                                   //=> 'none'
 */
export const showList = (names: Iterable<string>, max = MAX_LISTED_NAMES, sep = ', '): string => {
  const shown: string[] = []
  const seen = new Set<string>()
  for (const n of names) {
    if (seen.has(n)) continue
    seen.add(n)
    if (shown.length < max) shown.push(showName(n))
  }
  if (shown.length === 0) return 'none'
  return seen.size > max ? `${shown.join(sep)}${sep}… (${seen.size} in all)` : shown.join(sep)
}

/**
 * Build a problem. `where` defaults to the JSON path.
 * @param path - the JSON path of the place.
 * @param expected - what was expected there, in words.
 * @param found - the value found (rendered by {@link showValue}).
 * @param code - the kind of problem.
 * @param where - the place in domain terms (default: the path, from `$`).
 * @returns the problem.
 * @example
 * problem(['sites', 0, 'name'], 'a non-empty string', '', 'shape')
 * //=> { path: ['sites', 0, 'name'], where: '$.sites[0].name', expected: 'a non-empty string', found: '""', code: 'shape' }
 */
export const problem = (
  path: readonly (string | number)[],
  expected: string,
  found: unknown,
  code: ProblemCode = 'shape',
  where?: string,
): Problem => ({ path, where: where ?? showPath(path), expected, found: showValue(found), code })

/**
 * Build a problem whose `where` is its path in words, the steps joined by
 * ` › `, for options and arguments (whose path names them as a reader does).
 * @param path - the path of the place, e.g. `['policy', 'raters', 'rater']`.
 * @param expected - what was expected there, in words.
 * @param found - the value found (rendered by {@link showValue}).
 * @param code - the kind of problem.
 * @returns the problem.
 * @internal
 * @example
 * problemAt(['policy', 'raters', 'rater'], 'a rater id', 'zoe', 'reference').where //=> 'policy › raters › rater'
 */
export const problemAt = (
  path: readonly (string | number)[],
  expected: string,
  found: unknown,
  code: ProblemCode = 'shape',
): Problem => problem(path, expected, found, code, path.join(' › '))

/**
 * One line per problem: `where: expected …, found …`.
 * @param p - a problem.
 * @returns the problem on one line.
 * @example
 * formatProblem(problem(['title'], 'a string', 3))
 * //=> '$.title: expected a string, found 3'
 */
export const formatProblem = (p: Problem): string => `${p.where}: expected ${p.expected}, found ${p.found}`

/**
 * The message of a `RealistError`: the prefix, the function, the count, then
 * one problem per line (at most `max`, default 50, with the rest counted).
 * @param fn - the name of the function that failed.
 * @param problems - the problems.
 * @param max - the most problems listed (default 50).
 * @returns the message.
 * @example
 * formatProblems('decodeEvaluation', [problem(['title'], 'a string', 3)])
 * //=> '[realist-eval] decodeEvaluation: 1 problem\n  - $.title: expected a string, found 3'
 */
export const formatProblems = (fn: string, problems: readonly Problem[], max = 50): string => {
  const head = `[realist-eval] ${fn}: ${problems.length} problem${problems.length === 1 ? '' : 's'}`
  const lines = problems.slice(0, max).map((p) => `  - ${formatProblem(p)}`)
  if (problems.length > max) lines.push(`  … and ${problems.length - max} more`)
  return [head, ...lines].join('\n')
}

/**
 * The brand of a `RealistError`, registered globally (`Symbol.for`), so that two
 * copies of the library (its ESM and CommonJS builds, or two versions in one
 * application) recognise each other's errors.
 */
const REALIST_ERROR: unique symbol = /*#__PURE__*/ Symbol.for('realist-eval.RealistError') as never

/**
 * The one error class the library throws, from its throwing conveniences only.
 * It carries the function's name (`fn`) and the same `problems` the `Either`
 * form returns.
 *
 * `err instanceof RealistError` holds for an error thrown by any copy of the
 * library (ESM or CommonJS build, another installed version): the check reads a
 * brand registered with `Symbol.for('realist-eval.RealistError')`, not the class
 * identity. {@link isRealistError} is the same check as a type guard.
 * @example
 * const caught = (f: () => unknown): unknown => { try { f() } catch (e) { return e } }
 * caught(() => wilson(5, 3)) instanceof RealistError //=> true // k = 5 > n = 3
 * wilson(5, 3) //=> throws 'wilson › k: expected k: a finite number from 0 to n (3), found 5'
 */
export class RealistError extends Error {
  override readonly name = 'RealistError'
  declare readonly [REALIST_ERROR]: true
  constructor(
    readonly fn: string,
    readonly problems: readonly Problem[],
  ) {
    super(formatProblems(fn, problems))
    Object.defineProperty(this, REALIST_ERROR, { value: true })
  }

  /** `instanceof` by brand, so that errors from another copy of the library are recognised. */
  static override [Symbol.hasInstance](value: unknown): boolean {
    return isRealistError(value)
  }
}

/**
 * Whether a value is a `RealistError` thrown by any copy of the library (the
 * ESM or CommonJS build, or another installed version): it reads the brand
 * registered with `Symbol.for('realist-eval.RealistError')`, not the class
 * identity, so it holds where `instanceof` of one copy's class would not.
 * Never throws.
 * @param value - anything, typically a caught error.
 * @returns true (and narrows to `RealistError`, with its `problems`) for a
 * library error; false for anything else.
 * @example
 * const caught = (f: () => unknown): unknown => { try { f() } catch (e) { return e } }
 * const e = caught(() => wilson(5, 3)) // k = 5 > n = 3
 * isRealistError(e) && e.problems.length //=> 1
 * isRealistError(new Error('x')) //=> false
 */
export const isRealistError = (value: unknown): value is RealistError =>
  typeof value === 'object' && value !== null && (value as { [REALIST_ERROR]?: unknown })[REALIST_ERROR] === true

/**
 * Unwrap an `Either` from the fp-ts API, throwing a `RealistError` with the
 * same problems on `Left`. This is how every throwing convenience is built, so
 * the two styles always carry the same data.
 * @param fn - the name of the throwing function, for the message.
 * @param result - the result of its `Either` twin.
 * @returns the `Right` value.
 * @throws {RealistError} on `Left`, with its problems.
 * @example
 * orThrow('wilson', wilsonEither(3, 15)).estimate //=> 0.2
 * orThrow('wilson', wilsonEither(5, 3)) //=> throws '[realist-eval] wilson: 1 problem'
 */
export const orThrow = <A>(fn: string, result: E.Either<readonly Problem[], A>): A => {
  if (E.isLeft(result)) throw new RealistError(fn, result.left)
  return result.right
}

/** The failure type of the fp-ts API. */
export type Result<A> = E.Either<readonly Problem[], A>

/**
 * Append every item of `xs` to `out`, without spreading: `out.push(...xs)`
 * passes each item as a call argument and overflows the stack once `xs` holds
 * about 10^5 items, which hostile input (a million duplicate ids) reaches.
 * @param out - the array to extend (changed in place).
 * @param xs - the items to append.
 * @returns nothing: `out` now ends with the items of `xs`.
 * @example
 * const out = [1]
 * appendAll(out, [2, 3]) // out is now [1, 2, 3]
 */
export const appendAll = <A>(out: A[], xs: readonly A[]): void => {
  for (const x of xs) out.push(x)
}
