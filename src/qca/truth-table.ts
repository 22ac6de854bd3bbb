/**
 * The truth table (Ragin 1987, 2008; Schneider & Wagemann 2012, ch. 7): one
 * row per combination of conditions. A case belongs to the row of the corner
 * where its membership is above 0.5 (Ragin 2008, ch. 7); per row, the cases,
 * their number n, the row's sufficiency consistency inclS and PRI over all
 * cases, and the output value OUT.
 * @module
 */
import * as E from '../model/either.js'
import { orThrow, problem, type Problem, type Result } from '../model/problem.js'
import { isConditionName } from './expression.js'
import {
  MAX_CONDITIONS,
  outcomeMemberships,
  parseOutcome,
  readSetData,
  type OutcomeRef,
  type QcaRow,
  type SetData,
} from './data.js'
import { sufficiencyFit } from './measures.js'

/** Options of `truthTable`. */
export interface TruthTableOptions {
  /** The condition columns, in order (the first is the most significant digit of the row number). */
  readonly conditions: readonly string[]
  /** The outcome column, or `~column` for the negated outcome. */
  readonly outcome: string
  /** The key holding each row's case name. Default `'case'`. */
  readonly caseKey?: string
  /** A row with inclS at or above this (and PRI at or above `priCut`) is positive (OUT 1). Default 1. */
  readonly inclusionCut?: number
  /**
   * A row below `inclusionCut` but with inclS at or above this is a
   * contradiction (OUT C). Default: equal to `inclusionCut`, so there are no
   * contradictions unless asked for (the QCA package's `incl.cut` default).
   */
  readonly contradictionCut?: number
  /** Rows with fewer cases than this are remainders (OUT ?). Default 1. */
  readonly frequencyCut?: number
  /** A row whose PRI is below this is negative, whatever its inclS. Default 0. */
  readonly priCut?: number
}

/** A row's output value: positive, negative, contradiction, or remainder. */
export type OutputValue = 1 | 0 | 'C' | '?'

/** One observed truth-table row. */
export interface TruthTableRow {
  /** 1-based row number: 1 + the binary number of its condition values (first condition most significant). */
  readonly id: number
  /** The configuration: 0 or 1 per condition, in the conditions' order. */
  readonly values: readonly (0 | 1)[]
  readonly out: OutputValue
  /** Cases with membership above 0.5 in this configuration. */
  readonly n: number
  readonly cases: readonly string[]
  /** Sufficiency consistency of the configuration over all cases. */
  readonly inclS: number | null
  readonly pri: number | null
}

/** A case with a membership of exactly 0.5 in some condition: it belongs to no row. */
export interface UnassignedCase {
  readonly case: string
  readonly conditions: readonly string[]
}

/** A truth table: its observed rows, how many configurations are remainders, and the data it came from. */
export interface TruthTable {
  readonly conditions: readonly string[]
  /** The outcome as given, e.g. `SURV` or `~SURV`. */
  readonly outcome: string
  readonly options: Required<Omit<TruthTableOptions, 'conditions' | 'outcome'>>
  /** Rows with at least one case, by row number. Configurations not listed are remainders without cases. */
  readonly rows: readonly TruthTableRow[]
  /** Configurations with OUT ?: those without cases and those below the frequency cut. */
  readonly remainderCount: number
  /** Cases in no row (a membership of exactly 0.5), reported rather than dropped silently. */
  readonly unassigned: readonly UnassignedCase[]
  /** The memberships the table was built from (used for parameters of fit). */
  readonly data: SetData
  /** The outcome's memberships, negated when the outcome is. */
  readonly y: Float64Array
}

const isCut = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0 && v <= 1

const optionProblems = (options: TruthTableOptions, fn: string): Problem[] => {
  if (typeof options !== 'object' || options === null)
    return [problem(['options'], 'options { conditions, outcome, … }', options, 'shape', `${fn} › options`)]
  const out: Problem[] = []
  const cs = options.conditions
  if (!Array.isArray(cs) || cs.length === 0)
    out.push(
      problem(['options', 'conditions'], 'a non-empty list of condition names', cs, 'shape', `${fn} › conditions`),
    )
  else {
    if (cs.length > MAX_CONDITIONS)
      out.push(
        problem(
          ['options', 'conditions'],
          `at most ${MAX_CONDITIONS} conditions`,
          `${cs.length} conditions`,
          'limit',
          `${fn} › conditions`,
        ),
      )
    cs.forEach((c, i) => {
      if (!isConditionName(c))
        out.push(
          problem(
            ['options', 'conditions', i],
            'a condition name (letters, digits, _ or .)',
            c,
            'value',
            `${fn} › conditions[${i}]`,
          ),
        )
      else if (cs.indexOf(c) !== i)
        out.push(
          problem(
            ['options', 'conditions', i],
            'a condition not listed before',
            c,
            'duplicate',
            `${fn} › conditions[${i}]`,
          ),
        )
    })
  }
  const o = parseOutcome(options.outcome, `${fn} › outcome`)
  if (!('name' in o)) out.push({ ...o, path: ['options', 'outcome'] })
  else if (Array.isArray(cs) && cs.includes(o.name))
    out.push(
      problem(
        ['options', 'outcome'],
        'an outcome that is not also a condition',
        options.outcome,
        'value',
        `${fn} › outcome`,
      ),
    )
  for (const k of ['inclusionCut', 'contradictionCut', 'priCut'] as const)
    if (options[k] !== undefined && !isCut(options[k]))
      out.push(problem(['options', k], 'a number in [0, 1]', options[k], 'value', `${fn} › ${k}`))
  const f = options.frequencyCut
  if (f !== undefined && !(typeof f === 'number' && Number.isInteger(f) && f >= 1))
    out.push(problem(['options', 'frequencyCut'], 'a whole number ≥ 1', f, 'value', `${fn} › frequencyCut`))
  const inc = options.inclusionCut ?? 1
  if (isCut(options.contradictionCut) && isCut(inc) && options.contradictionCut > inc)
    out.push(
      problem(
        ['options', 'contradictionCut'],
        `a contradiction cut no higher than the inclusion cut (${inc})`,
        options.contradictionCut,
        'value',
        `${fn} › contradictionCut`,
      ),
    )
  return out
}

/**
 * Build a truth table from plain rows (Ragin 2008, ch. 7; Schneider &
 * Wagemann 2012, ch. 7). Each case goes to the configuration in which its
 * membership exceeds 0.5; a case with a membership of exactly 0.5 in some
 * condition goes nowhere and is listed in `unassigned`. Per row: the cases,
 * n, inclS and PRI over all cases, and OUT: 1 when inclS ≥ `inclusionCut`
 * and PRI ≥ `priCut`, C when inclS ≥ `contradictionCut` otherwise, 0
 * otherwise, and ? for rows with fewer than `frequencyCut` cases.
 *
 * @param rows plain rows, `{ case: 'BE', DEV: 1, URB: 0.3, …, SURV: 1 }`
 * @param options `{ conditions, outcome, caseKey?, inclusionCut? [1], contradictionCut? [= inclusionCut], frequencyCut? [1], priCut? [0] }`
 * @returns `Right` of the table, or `Left` naming each bad option or membership
 * @example
 * const tt = truthTableEither([{ case: 'a', A: 1, B: 0, Y: 1 }, { case: 'b', A: 0, B: 0, Y: 0 }], { conditions: ['A', 'B'], outcome: 'Y' })
 * // right: rows [{ id: 1, values: [0, 0], out: 0, cases: ['b'] }, { id: 3, values: [1, 0], out: 1, cases: ['a'] }], remainderCount 2
 */
export const truthTableEither = (rows: readonly QcaRow[], options: TruthTableOptions): Result<TruthTable> => {
  const fn = 'truthTable'
  const optProblems = optionProblems(options, fn)
  if (optProblems.length > 0) return E.left(optProblems)
  const conditions = [...options.conditions]
  const outcome = parseOutcome(options.outcome, fn) as OutcomeRef
  const caseKey = options.caseKey ?? 'case'
  const read = readSetData(rows, [...conditions, outcome.name], caseKey, fn)
  if (Array.isArray(read)) return E.left(read)
  const data = read as SetData
  const inclusionCut = options.inclusionCut ?? 1
  const resolved = {
    caseKey,
    inclusionCut,
    contradictionCut: options.contradictionCut ?? inclusionCut,
    frequencyCut: options.frequencyCut ?? 1,
    priCut: options.priCut ?? 0,
  }
  const k = conditions.length
  const n = data.cases.length
  const cols = conditions.map((c) => data.sets.get(c)!)
  const y = outcomeMemberships(data, outcome)

  // Each case's corner (row index), or -1 when a membership is exactly 0.5.
  const byRow = new Map<number, number[]>()
  const unassigned: UnassignedCase[] = []
  let crisp = true
  for (let i = 0; i < n; i++) {
    let idx = 0
    const half: string[] = []
    for (let j = 0; j < k; j++) {
      const x = cols[j]![i]!
      if (x !== 0 && x !== 1) crisp = false
      if (x === 0.5) half.push(conditions[j]!)
      idx = idx * 2 + (x > 0.5 ? 1 : 0)
    }
    if (half.length > 0) {
      unassigned.push({ case: data.cases[i]!, conditions: half })
      continue
    }
    const list = byRow.get(idx)
    if (list === undefined) byRow.set(idx, [i])
    else list.push(i)
  }

  const ids = [...byRow.keys()].sort((a, b) => a - b)
  const x = new Float64Array(n)
  const out: TruthTableRow[] = ids.map((idx) => {
    const members = byRow.get(idx)!
    const values = conditions.map((_, j) => ((idx >> (k - 1 - j)) & 1) as 0 | 1)
    let fit
    if (crisp) {
      // Crisp data: only the row's own cases have membership (1) in its configuration.
      fit = sufficiencyFit(
        members.map(() => 1),
        members.map((i) => y[i]!),
      )
    } else {
      for (let i = 0; i < n; i++) {
        let m = 1
        for (let j = 0; j < k && m > 0; j++) {
          const v = cols[j]![i]!
          const w = values[j] === 1 ? v : 1 - v
          if (w < m) m = w
        }
        x[i] = m
      }
      fit = sufficiencyFit(x, y)
    }
    const count = members.length
    let value: OutputValue
    if (count < resolved.frequencyCut) value = '?'
    else if ((fit.inclS ?? 0) >= inclusionCut && (fit.pri ?? 0) >= resolved.priCut) value = 1
    else if ((fit.inclS ?? 0) >= resolved.contradictionCut && resolved.contradictionCut < inclusionCut) value = 'C'
    else value = 0
    return {
      id: idx + 1,
      values,
      out: value,
      n: count,
      cases: members.map((i) => data.cases[i]!),
      inclS: fit.inclS,
      pri: fit.pri,
    }
  })
  const observedPositive = out.filter((r) => r.out !== '?').length
  return E.right({
    conditions,
    outcome: outcome.label,
    options: resolved,
    rows: out,
    remainderCount: 2 ** k - observedPositive,
    unassigned,
    data,
    y,
  })
}

/**
 * Build a truth table from plain rows (throwing form of `truthTableEither`):
 * rows per configuration with cases, n, inclS, PRI and OUT (1 / 0 / C / ?).
 * @param rows plain rows, `{ case: 'BE', DEV: 1, URB: 0.3, …, SURV: 1 }`
 * @param options `{ conditions, outcome, caseKey?, inclusionCut? [1], contradictionCut?, frequencyCut? [1], priCut? [0] }`
 * @returns the truth table: its rows, the output assigned to each, and the cases behind them.
 * @throws {RealistError} naming each bad option, missing or out-of-range membership, or duplicate case
 * @example
 * truthTable([{ case: 'a', A: 1, Y: 1 }, { case: 'b', A: 1, Y: 0 }], { conditions: ['A'], outcome: 'Y', inclusionCut: 0.8, contradictionCut: 0.5 }).rows[0]!.out
 * //=> 'C'
 */
export const truthTable = (rows: readonly QcaRow[], options: TruthTableOptions): TruthTable =>
  orThrow('truthTable', truthTableEither(rows, options))

/**
 * The configuration of a row number in notation.
 * @param conditions - the condition names, in the truth table's order.
 * @param id - the row number (1-based).
 * @returns the configuration in notation.
 * @example
 * configurationText(['DEV', 'URB', 'LIT'], 6) //=> 'DEV*~URB*LIT'
 */
export const configurationText = (conditions: readonly string[], id: number): string => {
  const k = conditions.length
  return conditions.map((c, j) => ((((id - 1) >> (k - 1 - j)) & 1) === 1 ? c : `~${c}`)).join('*')
}
