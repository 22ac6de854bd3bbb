/**
 * Checks of edit arguments. Edits are called by hand from notebooks and by
 * forms, so arguments are checked at run time and refused with a problem
 * named after the edit and the argument (`rate › level`).
 * @module
 */
import { problem, type Problem, type ProblemCode } from '../model/problem.js'
import type * as t from 'io-ts'
import { problemsFromErrors, RESERVED_KEYS } from '../model/codec-kit.js'
import { protoKeyPath } from '../model/own.js'
import { DEFAULT_LIMITS } from '../model/codec-limits.js'

/**
 * A problem with one argument of one edit. Its path is the argument's name;
 * its `where` is `op › argument`.
 * @param op the edit's name (`rate`), first part of `where`
 * @param arg the argument's name, the problem's path and second part of `where`
 * @param expected what the argument should be, in words
 * @param found the value given (shown in the message as JSON)
 * @param code the problem's kind; default `"value"`
 * @returns the problem
 * @example
 * argProblem('rate', 'unit', 'the id of a unit of this evaluation', 'nope', 'reference')
 * //=> { path: ['unit'], where: 'rate › unit', expected: 'the id of a unit of this evaluation', found: '"nope"', code: 'reference' }
 */
export const argProblem = (
  op: string,
  arg: string,
  expected: string,
  found: unknown,
  code: ProblemCode = 'value',
): Problem => problem([arg], expected, found, code, `${op} › ${arg}`)

/**
 * Problems of an argument that must be a string (optionally non-empty), or may be left out.
 * @param op the edit's name (`rate`), first part of `where`
 * @param arg the argument's name, the problem's path and second part of `where`
 * @param value the value given
 * @param options `optional` (default false): `undefined` is accepted; `nonEmpty` (default true): `''` is refused
 * @returns one problem, or none when the value is acceptable
 * @example
 * stringArg('renameUnit', 'name', 3) //=> [{ where: 'renameUnit › name', expected: 'a non-empty string', found: '3', … }]
 */
export const stringArg = (
  op: string,
  arg: string,
  value: unknown,
  options: { optional?: boolean; nonEmpty?: boolean } = {},
): Problem[] => {
  if (value === undefined && options.optional === true) return []
  const expected = options.nonEmpty === false ? 'a string' : 'a non-empty string'
  if (typeof value !== 'string') return [argProblem(op, arg, expected, value, 'shape')]
  if (value.length === 0 && options.nonEmpty !== false) return [argProblem(op, arg, expected, value)]
  return []
}

/**
 * Problems of a new id: a non-empty string, not a reserved name, not taken.
 * @param op the edit's name (`rate`), first part of `where`
 * @param arg the argument's name, the problem's path and second part of `where`
 * @param value the id given
 * @param kind what the id names, for the message (`unit`, `site`)
 * @param taken - whether the id is already used in its namespace.
 * @returns one problem, or none when the id is new and well formed
 * @example
 * newIdArg('addUnit', 'id', 'acute', 'unit', (id) => id === 'acute')
 * //=> [{ path: ['id'], where: 'addUnit › id', expected: 'a unit id not used yet', found: '"acute"', code: 'duplicate' }]
 * newIdArg('addUnit', 'id', 'crisis', 'unit', (id) => id === 'acute') //=> []
 */
export const newIdArg = (
  op: string,
  arg: string,
  value: unknown,
  kind: string,
  taken: (id: string) => boolean,
): Problem[] => {
  const bad = stringArg(op, arg, value)
  if (bad.length > 0) return bad
  const id = value as string
  if (RESERVED_KEYS.has(id)) return [argProblem(op, arg, `a ${kind} id (not __proto__, constructor or prototype)`, id)]
  if (taken(id)) return [argProblem(op, arg, `a ${kind} id not used yet`, id, 'duplicate')]
  return []
}

/**
 * Problems of an optional list of strings (aliases, names).
 * @param op the edit's name (`rate`), first part of `where`
 * @param arg the argument's name, the problem's path and second part of `where`
 * @param value the value given; `undefined` is accepted
 * @returns one problem, or none
 * @example
 * stringsArg('addSite', 'aliases', ['SSHT', 3]) //=> [{ where: 'addSite › aliases', expected: 'a list of strings', … }]
 */
export const stringsArg = (op: string, arg: string, value: unknown): Problem[] =>
  value === undefined || (Array.isArray(value) && value.every((v) => typeof v === 'string'))
    ? []
    : [argProblem(op, arg, 'a list of strings', value, 'shape')]

/**
 * A `limit` problem when a list is already at the decoder's `maxItems`
 * (`DEFAULT_LIMITS`): an edit must never make a document the decoder would
 * refuse, or a saved document could not be read back.
 * @param op the edit's name (`rate`), first part of `where`
 * @param arg the argument's name, the problem's path and second part of `where`
 * @param length - the list's length before the edit.
 * @param list - what the list is, for the message ("the units of site ss").
 * @returns one `limit` problem when the list is full, or none
 * @example
 * roomArg('addSite', 'id', 1_000_000, 'the sites')
 * //=> [{ where: 'addSite › id', expected: "room in the sites (at most 1,000,000 items, the decoder's maxItems)", found: '"1,000,000 already"', code: 'limit', … }]
 * roomArg('addSite', 'id', 4, 'the sites') //=> []
 */
export const roomArg = (op: string, arg: string, length: number, list: string): Problem[] =>
  length < DEFAULT_LIMITS.maxItems
    ? []
    : [
        argProblem(
          op,
          arg,
          `room in ${list} (at most ${DEFAULT_LIMITS.maxItems.toLocaleString('en')} items, the decoder's maxItems)`,
          `${length.toLocaleString('en')} already`,
          'limit',
        ),
      ]

/**
 * The first reason a value is not plain JSON data, which the document can
 * hold and write back unchanged: `null`, booleans, strings, finite numbers,
 * lists and plain objects. `undefined`, NaN, Infinity, functions, symbols,
 * big integers, dates, maps and class instances are refused (JSON would drop
 * or change them). The path names the part at fault.
 * @param op the edit's name (`rate`), first part of `where`
 * @param arg the argument's name, the problem's path and second part of `where`
 * @param value the value given
 * @returns the first problem found, or none
 * @example
 * jsonDataArg('setExtension', 'value', { score: NaN })
 * //=> [{ where: 'setExtension › value › score', expected: 'JSON data (null, true/false, a string, a finite number, a list or a plain object)', found: 'NaN', … }]
 */
export const jsonDataArg = (op: string, arg: string, value: unknown): Problem[] => {
  const expected = 'JSON data (null, true/false, a string, a finite number, a list or a plain object)'
  const seen = new Set<object>()
  const walk = (v: unknown, path: (string | number)[]): Problem | undefined => {
    if (v === null || typeof v === 'string' || typeof v === 'boolean') return undefined
    if (typeof v === 'number')
      return Number.isFinite(v) ? undefined : problem(path, expected, v, 'value', `${op} › ${path.join(' › ')}`)
    if (typeof v !== 'object') return problem(path, expected, v, 'shape', `${op} › ${path.join(' › ')}`)
    if (seen.has(v))
      return problem(path, `${expected}, without cycles`, '(a cycle)', 'shape', `${op} › ${path.join(' › ')}`)
    const proto = Object.getPrototypeOf(v) as unknown
    if (!Array.isArray(v) && proto !== Object.prototype && proto !== null)
      return problem(path, expected, v, 'shape', `${op} › ${path.join(' › ')}`)
    seen.add(v)
    for (const key of Object.keys(v)) {
      const bad = walk((v as Record<string, unknown>)[key], [...path, Array.isArray(v) ? Number(key) : key])
      if (bad !== undefined) return bad
    }
    seen.delete(v)
    return undefined
  }
  const bad = walk(value, [arg])
  return bad === undefined ? [] : [bad]
}

/**
 * Problems of an argument that becomes part of the document as it is (an
 * objective, a count cell, an impact, an objective type): it must decode
 * with the document's own codec for that part, so a field of the wrong type
 * (`ref: 'x'`, `text: 42`), an unknown field or a `__proto__` key is refused
 * here rather than written into a document the decoder would refuse.
 * @param op the edit's name (`rate`), first part of `where`
 * @param arg the argument's name, the problem's path and second part of `where`
 * @param codec the shape codec of the part (`ObjectiveC`, `ImpactC`, …)
 * @param value the value given
 * @returns the codec's problems, with paths under the argument's name; none when it decodes
 * @example
 * codecArg('addObjective', 'objective', ObjectiveC, { id: 'o1', type: 'process', status: 'attained', ref: 'p. 3' })
 * //=> [{ where: 'addObjective › objective › ref', expected: 'a source reference', found: '"p. 3"', code: 'shape', … }]
 */
export const codecArg = (op: string, arg: string, codec: t.Decoder<unknown, unknown>, value: unknown): Problem[] => {
  const proto = typeof value === 'object' && value !== null ? protoKeyPath(value) : undefined
  if (proto !== undefined)
    return [
      problem([arg, ...proto], 'data without a __proto__ key', '__proto__', 'value', [op, arg, ...proto].join(' › ')),
    ]
  const decoded = codec.decode(value)
  if (decoded._tag === 'Right') return []
  return problemsFromErrors(decoded.left, value).map((p) => ({
    ...p,
    path: [arg, ...p.path],
    where: [op, arg, ...p.path.map(String)].join(' › '),
  }))
}
