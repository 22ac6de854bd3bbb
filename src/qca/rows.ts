/**
 * Tidy rows of QCA results: one flat object per truth-table row, per model
 * term, and per simplifying assumption, for data frames, CSV and tables.
 * Proportions stay 0–1.
 * @module
 */
import type { QcaSolution } from './minimise.js'
import { configurationText, type OutputValue, type TruthTable } from './truth-table.js'

/** One truth-table row as a flat record: the condition values as columns. */
export type TruthTableTidyRow = Readonly<Record<string, string | number | null>> & {
  readonly row: number
  readonly OUT: string
  readonly n: number
  readonly inclS: number | null
  readonly PRI: number | null
  readonly cases: string
}

/** Options of `truthTableRows`. */
export interface TruthTableRowsOptions {
  /** Also list the configurations without cases (remainders), up to 4,096 rows. Default false. */
  readonly complete?: boolean
}

const MAX_COMPLETE = 4096

/**
 * The truth table as tidy rows: `row`, one column per condition (0/1), `OUT`
 * (`1`, `0`, `C`, `?`), `n`, `inclS`, `PRI`, and the `cases` joined by commas.
 * With `complete`, the configurations without cases are listed too (OUT `?`,
 * n 0), for tables of up to 12 conditions.
 * @param tt the truth table
 * @param options `{ complete? [false] }`
 * @returns one row per configuration, in row order.
 * @example
 * truthTableRows(truthTable([{ case: 'a', A: 1, Y: 1 }], { conditions: ['A'], outcome: 'Y' }), { complete: true })
 * //=> [{ row: 1, A: 0, OUT: '?', n: 0, inclS: null, PRI: null, cases: '' }, { row: 2, A: 1, OUT: '1', n: 1, inclS: 1, PRI: 1, cases: 'a' }]
 */
export const truthTableRows = (tt: TruthTable, options: TruthTableRowsOptions = {}): TruthTableTidyRow[] => {
  const k = tt.conditions.length
  const make = (
    id: number,
    out: OutputValue,
    n: number,
    inclS: number | null,
    pri: number | null,
    cases: readonly string[],
  ) =>
    ({
      row: id,
      ...Object.fromEntries(tt.conditions.map((c, j) => [c, ((id - 1) >> (k - 1 - j)) & 1])),
      OUT: String(out),
      n,
      inclS,
      PRI: pri,
      cases: cases.join(','),
    }) as TruthTableTidyRow
  if (!options.complete || 2 ** k > MAX_COMPLETE)
    return tt.rows.map((r) => make(r.id, r.out, r.n, r.inclS, r.pri, r.cases))
  const byId = new Map(tt.rows.map((r) => [r.id, r]))
  const out: TruthTableTidyRow[] = []
  for (let id = 1; id <= 2 ** k; id++) {
    const r = byId.get(id)
    out.push(r === undefined ? make(id, '?', 0, null, null, []) : make(r.id, r.out, r.n, r.inclS, r.pri, r.cases))
  }
  return out
}

/** One term of one model, with its fit; the model's own fit repeated on each of its rows. */
export interface SolutionTidyRow {
  readonly solution: string
  readonly outcome: string
  readonly model: number
  readonly term: string
  readonly essential: boolean
  readonly inclS: number | null
  readonly PRI: number | null
  readonly covS: number | null
  readonly covU: number | null
  readonly cases: string
  readonly modelExpression: string
  readonly modelInclS: number | null
  readonly modelPRI: number | null
  readonly modelCovS: number | null
}

/**
 * A solution as tidy rows: one per term per model, with the term's inclS,
 * PRI, covS, covU and cases, and the model's formula and fit.
 * @param solution from `minimise`
 * @returns one row per term of each model, models in order.
 * @example
 * // Lipset's crisp data: conservative solution DEV*~URB*LIT*STB + DEV*LIT*IND*STB, the first term
 * // with covS 0.5 and covU 0.25 (R package QCA, minimize(ttLC, details = TRUE))
 * const tt = truthTable(LC, { conditions: ['DEV', 'URB', 'LIT', 'IND', 'STB'], outcome: 'SURV' })
 * solutionRows(minimise(tt))[0]
 * //=> { solution: 'conservative', outcome: 'SURV', model: 1, term: 'DEV*~URB*LIT*STB', essential: true, inclS: 1, PRI: 1, covS: 0.5, covU: 0.25,
 * //     cases: 'FI,IE,FR,SE', modelExpression: 'DEV*~URB*LIT*STB + DEV*LIT*IND*STB', modelInclS: 1, modelPRI: 1, modelCovS: 1 }
 */
export const solutionRows = (solution: QcaSolution): SolutionTidyRow[] =>
  solution.models.flatMap((m, i) =>
    m.terms.map((t) => ({
      solution: solution.solution,
      outcome: solution.outcome,
      model: i + 1,
      term: t.term,
      essential: t.essential,
      inclS: t.inclS,
      PRI: t.pri,
      covS: t.covS,
      covU: t.covU,
      cases: t.cases.join(','),
      modelExpression: m.expression,
      modelInclS: m.inclS,
      modelPRI: m.pri,
      modelCovS: m.covS,
    })),
  )

/** One simplifying assumption of one model: a remainder row assumed positive. */
export interface AssumptionTidyRow {
  readonly solution: string
  readonly model: number
  readonly row: number
  readonly configuration: string
}

/**
 * The simplifying assumptions of a solution as tidy rows: per model, each
 * remainder row it assumes positive, with the configuration in notation.
 * @param solution from `minimise`
 * @returns one row per simplifying assumption of each model.
 * @example
 * // Lipset's crisp data: the parsimonious solution DEV*STB rests on remainder rows 18, 20, 26, 28 and 30
 * // (R package QCA, pLC$SA)
 * const tt = truthTable(LC, { conditions: ['DEV', 'URB', 'LIT', 'IND', 'STB'], outcome: 'SURV' })
 * const rows = assumptionRows(minimise(tt, { solution: 'parsimonious' }))
 * rows.map((r) => r.row) //=> [18, 20, 26, 28, 30]
 * rows[0] //=> { solution: 'parsimonious', model: 1, row: 18, configuration: 'DEV*~URB*~LIT*~IND*STB' }
 */
export const assumptionRows = (solution: QcaSolution): AssumptionTidyRow[] =>
  solution.models.flatMap((m, i) =>
    m.simplifyingAssumptions.map((row) => ({
      solution: solution.solution,
      model: i + 1,
      row,
      configuration: configurationText(solution.conditions, row),
    })),
  )
