/**
 * Set data for QCA from plain rows: one object per case, with a case name
 * and a membership in [0, 1] per condition and for the outcome. Shared by the
 * truth table and the sufficiency / necessity measures.
 * @module
 */
import { problem, showName, type Problem } from '../model/problem.js'
import { isConditionName } from './expression.js'

/** One case as plain data: `{ case: 'BE', DEV: 0.99, URB: 0.89, …, SURV: 0.95 }`. */
export type QcaRow = Readonly<Record<string, unknown>>

/** The most conditions a truth table may have (2^20 configurations). */
export const MAX_CONDITIONS = 20

/** The outcome named in options: `'SURV'`, or `'~SURV'` for its negation. */
export interface OutcomeRef {
  readonly name: string
  readonly negated: boolean
  /** As written back: `SURV` or `~SURV`. */
  readonly label: string
}

/**
 * Read an outcome reference, or say what is wrong with it.
 * @param outcome - the outcome as given (`"SURV"`, or `"~SURV"` for its negation).
 * @param where - the place in words, for the problem's `where`.
 * @returns the outcome's name and whether it is negated, or a problem.
 */
export const parseOutcome = (outcome: unknown, where: string): OutcomeRef | Problem => {
  if (typeof outcome !== 'string')
    return problem(['outcome'], 'an outcome name such as "SURV" or "~SURV"', outcome, 'shape', where)
  const s = outcome.trim()
  const negated = s.startsWith('~')
  const name = negated ? s.slice(1).trim() : s
  if (!isConditionName(name))
    return problem(['outcome'], 'an outcome name such as "SURV" or "~SURV"', outcome, 'value', where)
  return { name, negated, label: (negated ? '~' : '') + name }
}

/** Cases read from rows: names, and memberships by set name (condition or outcome), per case. */
export interface SetData {
  readonly cases: readonly string[]
  /** Membership per set name, one number per case (the outcome not negated). */
  readonly sets: ReadonlyMap<string, Float64Array>
}

const isMembership = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0 && v <= 1

/**
 * Read set memberships from rows: each named column must hold a membership
 * in [0, 1] in every row; the case name is `row[caseKey]` (a string or a
 * number), or the row's 1-based position when the key is absent. Names must
 * be unique.
 * @param rows - the rows as given.
 * @param names - the set columns to read.
 * @param caseKey - the column naming each case.
 * @param fn - the calling function's name, for `where`.
 * @returns the cases and a membership vector per set, or the problems.
 */
export const readSetData = (
  rows: unknown,
  names: readonly string[],
  caseKey: string,
  fn: string,
): SetData | Problem[] => {
  if (!Array.isArray(rows))
    return [problem(['rows'], 'an array of rows (plain objects)', rows, 'shape', `${fn} › rows`)]
  const problems: Problem[] = []
  const cases: string[] = []
  const seen = new Map<string, number>()
  const sets = new Map<string, Float64Array>(names.map((n) => [n, new Float64Array(rows.length)]))
  rows.forEach((row: unknown, i) => {
    if (typeof row !== 'object' || row === null || Array.isArray(row)) {
      problems.push(problem(['rows', i], 'a plain object (one case)', row, 'shape', `${fn} › rows[${i}]`))
      cases.push(String(i + 1))
      return
    }
    const r = row as Record<string, unknown>
    const key = Object.prototype.hasOwnProperty.call(r, caseKey) ? r[caseKey] : undefined
    let name: string
    if (key === undefined) name = String(i + 1)
    else if (typeof key === 'string' && key !== '') name = key
    else if (typeof key === 'number' && Number.isFinite(key)) name = String(key)
    else {
      problems.push(
        problem(
          ['rows', i, caseKey],
          'a case name (a non-empty string or a number)',
          key,
          'shape',
          `${fn} › rows[${i}] › ${caseKey}`,
        ),
      )
      name = String(i + 1)
    }
    const first = seen.get(name)
    if (first !== undefined)
      problems.push(
        problem(
          ['rows', i, caseKey],
          `a case name not used before (row ${first} has it)`,
          name,
          'duplicate',
          `${fn} › rows[${i}] › ${caseKey}`,
        ),
      )
    else seen.set(name, i)
    cases.push(name)
    for (const n of names) {
      const v = Object.prototype.hasOwnProperty.call(r, n) ? r[n] : undefined
      if (!isMembership(v))
        problems.push(
          problem(
            ['rows', i, n],
            'a set membership in [0, 1]',
            v,
            'value',
            `${fn} › case ${showName(name)} › ${showName(n)}`,
          ),
        )
      else sets.get(n)![i] = v
    }
  })
  return problems.length > 0 ? problems : { cases, sets }
}

/**
 * The outcome's memberships, negated (1 − y) when the reference says so.
 * @param data - the set data.
 * @param outcome - the outcome's name and whether it is negated.
 * @returns a membership per case.
 */
export const outcomeMemberships = (data: SetData, outcome: OutcomeRef): Float64Array => {
  const y = data.sets.get(outcome.name)!
  return outcome.negated ? y.map((v) => 1 - v) : y
}
