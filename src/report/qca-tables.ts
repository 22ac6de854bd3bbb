/**
 * QCA results as report tables (Markdown and HTML through `renderMarkdown` /
 * `renderHtml`): the truth table and a solution with its parameters of fit.
 * @module
 */
import type { QcaSolution } from '../qca/minimise.js'
import { solutionRows, truthTableRows, type SolutionTidyRow, type TruthTableTidyRow } from '../qca/rows.js'
import type { TruthTable } from '../qca/truth-table.js'
import type { Table, TableColumn } from './table.js'

const f3 = (v: unknown): string => (typeof v === 'number' && Number.isFinite(v) ? v.toFixed(3) : '–')

/**
 * The truth table as a report table: row number, the conditions, OUT, n,
 * inclS, PRI (three decimals, as the QCA literature prints them) and cases;
 * a note gives the cut-offs and the remainder count.
 * @param tt the truth table
 * @param options `{ complete? }`: list configurations without cases too
 * @returns the table (rows, columns, caption, note).
 * @example
 * // Lipset's crisp data: row 1 is 00000, GR, PT and ES, none survived (R package QCA, ttLC)
 * const tt = truthTable(LC, { conditions: ['DEV', 'URB', 'LIT', 'IND', 'STB'], outcome: 'SURV' })
 * const lines = renderMarkdown(qcaTruthTableTable(tt)).split('\n')
 * lines[2] //=> '| row | DEV | URB | LIT | IND | STB | OUT | n | inclS | PRI | cases |' // after the caption
 * lines[4] //=> '| 1 | 0 | 0 | 0 | 0 | 0 | 0 | 3 | 0.000 | 0.000 | GR,PT,ES |'
 */
export const qcaTruthTableTable = (
  tt: TruthTable,
  options: { readonly complete?: boolean } = {},
): Table<TruthTableTidyRow> => {
  const columns: TableColumn<TruthTableTidyRow>[] = [
    { key: 'row', header: 'row' },
    ...tt.conditions.map((c) => ({ key: c, header: c, align: 'center' as const })),
    { key: 'OUT', header: 'OUT', align: 'center' },
    { key: 'n', header: 'n' },
    { key: 'inclS', header: 'inclS', format: f3, align: 'right' },
    { key: 'PRI', header: 'PRI', format: f3, align: 'right' },
    { key: 'cases', header: 'cases', align: 'left' },
  ]
  const o = tt.options
  const unassigned =
    tt.unassigned.length === 0
      ? ''
      : ` Cases in no row (a membership of exactly 0.5): ${tt.unassigned.map((u) => u.case).join(', ')}.`
  return {
    rows: truthTableRows(tt, options),
    columns,
    caption: `Truth table for ${tt.outcome}`,
    note:
      `OUT 1 at inclS ≥ ${o.inclusionCut}${o.priCut > 0 ? ` and PRI ≥ ${o.priCut}` : ''}` +
      `${o.contradictionCut < o.inclusionCut ? `, C at inclS ≥ ${o.contradictionCut}` : ''}; ? for fewer than ${o.frequencyCut} case(s). ` +
      `${tt.remainderCount} of ${2 ** tt.conditions.length} configurations are remainders.${unassigned}`,
  }
}

/**
 * A solution as a report table: each model's terms with inclS, PRI, covS,
 * covU and cases, then a line per model with its formula and fit. The note
 * names the solution and, for the intermediate one, the expectations.
 * @param solution from `minimise`
 * @returns the table (rows, columns, caption, note).
 * @example
 * // Lipset's crisp data: DEV*~URB*LIT*STB + DEV*LIT*IND*STB (R package QCA, minimize(ttLC))
 * const tt = truthTable(LC, { conditions: ['DEV', 'URB', 'LIT', 'IND', 'STB'], outcome: 'SURV' })
 * renderMarkdown(qcaSolutionTable(minimise(tt))).split('\n').slice(0, 5)
 * //=> ['**Conservative solution for SURV**', '', '| model | term | inclS | PRI | covS | covU | cases |', '| --: | …',
 * //    '| 1 | DEV\\*\\~URB\\*LIT\\*STB | 1.000 | 1.000 | 0.500 | 0.250 | FI,IE,FR,SE |']
 */
export const qcaSolutionTable = (solution: QcaSolution): Table<SolutionTidyRow & { readonly label: string }> => {
  const rows = solutionRows(solution)
  const out: (SolutionTidyRow & { label: string })[] = []
  solution.models.forEach((m, i) => {
    for (const r of rows.filter((x) => x.model === i + 1))
      out.push({ ...r, label: r.essential ? r.term : `(${r.term})` })
    out.push({
      ...rows.find((x) => x.model === i + 1)!,
      label: `M${i + 1}: ${m.expression}`,
      term: '',
      inclS: m.inclS,
      PRI: m.pri,
      covS: m.covS,
      covU: null,
      cases: '',
    })
  })
  const kind = solution.solution[0]!.toUpperCase() + solution.solution.slice(1)
  const dirs =
    solution.directions === undefined
      ? ''
      : ` Directional expectations: ${Object.entries(solution.directions)
          .map(([c, d]) => `${c} ${d}`)
          .join(', ')}.`
  return {
    rows: out,
    columns: [
      { key: 'model', header: 'model' },
      { key: 'label', header: 'term', align: 'left' },
      { key: 'inclS', header: 'inclS', format: f3, align: 'right' },
      { key: 'PRI', header: 'PRI', format: f3, align: 'right' },
      { key: 'covS', header: 'covS', format: f3, align: 'right' },
      { key: 'covU', header: 'covU', format: f3, align: 'right' },
      { key: 'cases', header: 'cases', align: 'left' },
    ],
    caption: `${kind} solution for ${solution.outcome}`,
    note:
      `${solution.models.length} model(s); terms in parentheses differ between models.` +
      ` Simplifying assumptions (remainder rows): ${solution.models.map((m, i) => `M${i + 1} ${m.simplifyingAssumptions.length}`).join(', ')}.${dirs}`,
  }
}
