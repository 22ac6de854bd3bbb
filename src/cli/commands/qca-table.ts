/**
 * The QCA tables of `realist-eval report --table qca-truth-table|qca-solution`:
 * a spec (JSON text or a file) names the sets and their sources, the
 * conditions, the outcome, the cut-offs and the solution.
 * @module
 */
import * as E from '../../model/either.js'
import { toCsv } from '../../io/csv/write.js'
import type { Evaluation } from '../../model/evaluation.js'
import { problem, type Result } from '../../model/problem.js'
import { minimiseEither, type MinimiseOptions } from '../../qca/minimise.js'
import { solutionRows, truthTableRows } from '../../qca/rows.js'
import { qcaRowsEither, type QcaRowsOptions } from '../../qca/sources.js'
import { truthTableEither, type TruthTableOptions } from '../../qca/truth-table.js'
import { qcaSolutionTable, qcaTruthTableTable } from '../../report/qca-tables.js'
import { renderHtml, renderMarkdown } from '../../report/table.js'
import type { AttainmentOptions } from '../../standards/attainment.js'
import { UsageError } from '../args.js'
import { readInput } from '../document.js'
import type { CliEnv } from '../env.js'

/** The QCA tables `report --table` renders: the truth table and the minimised solution. */
export const QCA_TABLES = ['qca-truth-table', 'qca-solution'] as const
/** A QCA table's name, as `--table` takes it. */
export type QcaTableName = (typeof QCA_TABLES)[number]

/** The spec given with --qca: sets for `qcaRows`, the truth-table options and the minimisation options. */
export type QcaSpec = Pick<QcaRowsOptions, 'sets' | 'cases'> &
  Omit<TruthTableOptions, 'caseKey'> &
  Pick<MinimiseOptions, 'solution' | 'directions'>

/**
 * Read `--qca`: inline JSON (starting with `{`) or a file holding it.
 * @param env the CLI's environment, to read the file
 * @param arg the option's value; `undefined` when not given
 * @returns the spec, as given (the QCA functions check it)
 * @throws {UsageError} when the option is missing or is not a JSON object
 * @example
 * const printed = []
 * const env = { stdout: (t) => printed.push(t), stderr: (t) => printed.push(t), readFile: () => new Uint8Array(),
 *   writeFile: () => {}, stderrIsTTY: false, now: () => 0 }
 * readQcaSpec(env, '{"sets": {}}') //=> { sets: {} }
 */
export const readQcaSpec = (env: CliEnv, arg: string | undefined): QcaSpec => {
  if (arg === undefined)
    throw new UsageError(
      '--table qca-… needs --qca <spec.json or JSON text> (sets, conditions, outcome, cut-offs, solution)',
    )
  const text = arg.trimStart().startsWith('{') ? arg : new TextDecoder().decode(readInput(env, arg))
  try {
    const spec = JSON.parse(text) as unknown
    if (typeof spec !== 'object' || spec === null || Array.isArray(spec)) throw new Error('not an object')
    return spec as QcaSpec
  } catch (e) {
    throw new UsageError(`--qca is not a JSON object (${e instanceof Error ? e.message : String(e)})`)
  }
}

/**
 * The QCA table asked for, in the format asked for.
 * @param ev the evaluation
 * @param table which table: the truth table or the solution
 * @param spec the `--qca` spec: the sets (conditions and outcome), cases, cut-offs and solution type
 * @param format `md`, `html` or `csv`
 * @param round the round to read ratings from; `null` for the only one
 * @param policy the attainment policy the sets are computed under
 * @returns `Right` of the rendered table, or `Left` of the spec's or the data's problems
 * @example
 * qcaTable(mhipEvaluation, 'qca-truth-table', { sets: 42 }, 'csv', null, {}) //=> left([…])
 */
export const qcaTable = (
  ev: Evaluation,
  table: QcaTableName,
  spec: QcaSpec,
  format: 'md' | 'html' | 'csv',
  round: string | null,
  policy: AttainmentOptions,
): Result<string> => {
  const rows = qcaRowsEither(ev, {
    sets: spec.sets,
    round,
    policy,
    ...(spec.cases === undefined ? {} : { cases: spec.cases }),
  })
  if (E.isLeft(rows)) return rows
  if (!Array.isArray(spec.conditions))
    return E.left([
      problem(['qca', 'conditions'], 'a list of condition names', spec.conditions, 'shape', '--qca › conditions'),
    ])
  const tt = truthTableEither(rows.right.rows, {
    conditions: spec.conditions,
    outcome: spec.outcome,
    ...(spec.inclusionCut === undefined ? {} : { inclusionCut: spec.inclusionCut }),
    ...(spec.contradictionCut === undefined ? {} : { contradictionCut: spec.contradictionCut }),
    ...(spec.frequencyCut === undefined ? {} : { frequencyCut: spec.frequencyCut }),
    ...(spec.priCut === undefined ? {} : { priCut: spec.priCut }),
  })
  if (E.isLeft(tt)) return tt
  if (table === 'qca-truth-table') {
    if (format === 'csv') return E.right(toCsv(truthTableRows(tt.right)))
    const t = qcaTruthTableTable(tt.right)
    return E.right(format === 'md' ? renderMarkdown(t) : renderHtml(t))
  }
  const sol = minimiseEither(tt.right, {
    ...(spec.solution === undefined ? {} : { solution: spec.solution }),
    ...(spec.directions === undefined ? {} : { directions: spec.directions }),
  })
  if (E.isLeft(sol)) return sol
  if (format === 'csv') return E.right(toCsv(solutionRows(sol.right)))
  const t = qcaSolutionTable(sol.right)
  return E.right(format === 'md' ? renderMarkdown(t) : renderHtml(t))
}
