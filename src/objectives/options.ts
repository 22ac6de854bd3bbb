import * as E from '../model/either.js'
import type { Evaluation } from '../model/evaluation.js'
import { problem, type Problem, type Result } from '../model/problem.js'
import { UNKNOWN_POLICIES, type UnknownPolicy } from './policy.js'
import { objectiveProblems } from './validate.js'

/** A grouping of objectives: by site, by unit (within its site), by objective type. */
export type ObjectiveGroup = 'site' | 'unit' | 'type'
export const OBJECTIVE_GROUPS: readonly ObjectiveGroup[] = ['site', 'unit', 'type']

/** Options shared by the objectives aggregates. */
export type ObjectiveOptions = {
  /** Group by any of site, unit, type; `[]` (the default) is one overall group. Order does not matter. */
  readonly by?: readonly ObjectiveGroup[]
  /** What an unknown attainment counts as. Default `"bounds"` (see `UnknownPolicy`). */
  readonly unknown?: UnknownPolicy
}

/**
 * Problems with an options object: an unknown grouping or policy.
 * @param options - the options as given.
 * @returns one problem per invalid option; empty when they are valid.
 * @example
 * objectiveOptionProblems({ unknown: 'zero' }) //=> [{ where: 'options › unknown', expected: 'one of "bounds" | "not-attained" | "exclude"', found: '"zero"', … }]
 */
export const objectiveOptionProblems = (options: ObjectiveOptions): Problem[] => {
  const out: Problem[] = []
  if (options.unknown !== undefined && !UNKNOWN_POLICIES.includes(options.unknown))
    out.push(
      problem(
        ['unknown'],
        `one of ${UNKNOWN_POLICIES.map((p) => `"${p}"`).join(' | ')}`,
        options.unknown,
        'value',
        'options › unknown',
      ),
    )
  if (options.by !== undefined) {
    if (!Array.isArray(options.by))
      out.push(problem(['by'], 'an array of "site" | "unit" | "type"', options.by, 'shape', 'options › by'))
    else
      options.by.forEach((g, i) => {
        if (!OBJECTIVE_GROUPS.includes(g))
          out.push(problem(['by', i], 'one of "site" | "unit" | "type"', g, 'value', `options › by[${i}]`))
      })
  }
  return out
}

/**
 * Run an aggregate only on sound input: the evaluation's objective problems
 * and the options' problems come back as a `Left`, never as odd figures.
 * @internal
 */
export const checked = <A>(ev: Evaluation, options: ObjectiveOptions, compute: () => A): Result<A> => {
  const problems = [...objectiveOptionProblems(options), ...objectiveProblems(ev)]
  return problems.length > 0 ? E.left(problems) : E.right(compute())
}
