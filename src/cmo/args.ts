import * as t from 'io-ts'
import { BooleanC, CountC, StringC, problemsFromErrors } from '../model/codec-kit.js'
import { problem, type Problem } from '../model/problem.js'

/**
 * Shape problems of a query's argument (options, a condition, a reference),
 * named `name › field`. Queries are called from notebooks, so a `null` or a
 * number where a list belongs is refused as data, not met with a crash.
 * `undefined` passes when `optional`. Internal.
 * @param value the argument given
 * @param name the argument's name, first part of each problem's path
 * @param codec the argument's shape; default any object
 * @param optional whether `undefined` is accepted; default `false`
 * @returns the shape problems; none when the argument fits
 * @example
 * argShapeProblems(null, 'options') //=> [{ path: ['options'], expected: 'an object', code: 'shape', … }]
 * argShapeProblems(undefined, 'options', undefined, true) //=> []
 */
export const argShapeProblems = (
  value: unknown,
  name: string,
  codec: t.Mixed = t.UnknownRecord,
  optional = false,
): Problem[] => {
  if (value === undefined && optional) return []
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return [problem([name], 'an object', value, 'shape', name)]
  const r = codec.decode(value)
  return r._tag === 'Right' ? [] : problemsFromErrors(r.left, { [name]: value }, [name])
}

/** Codecs for argument fields. Internal. */
export const ARG_FIELD = {
  text: StringC,
  texts: t.readonlyArray(StringC, 'a list of strings'),
  flag: BooleanC,
  count: CountC,
  rows: t.readonlyArray(t.UnknownRecord, 'a list of rows (objects)'),
  /** A roll-up rule from the standards module: a name and a compile function. */
  rule: t.type({ name: StringC, compile: t.Function }, 'a roll-up rule (name, compile)'),
  columns: t.record(t.string, StringC, 'column names (strings)'),
} as const
