/**
 * Tables of a quote register's defects, counts and triangulation, for the
 * Markdown and HTML reports, notebooks and the CLI.
 * @module
 */
import type { RegisterCountRow, RegisterFinding, RegisterTriangulationRow } from '../evidence/index.js'
import { displayTable, type Displayable } from './display.js'
import type { Table } from './table.js'

const list = (xs: readonly string[]): string => xs.join(', ')

/**
 * The register's defects as a table: kind, label, line, every line involved, and what is wrong.
 * @param findings as `registerProblems` or `addRegister` return them
 * @returns a table (render with `renderMarkdown` / `renderHtml`; displays itself in notebooks)
 * @example
 * renderMarkdown(registerProblemsTable(registerProblems(register)))
 * //=> '**Quote register: defects**\n\n| Kind | Label | Line | Lines | Problem |\n| :-- | :-- | --: | :-- | :-- |\n\n_No defects found._'
 */
export const registerProblemsTable = (findings: readonly RegisterFinding[]): Table<RegisterFinding> & Displayable =>
  displayTable<RegisterFinding>({
    rows: findings,
    columns: [
      { key: 'kind', header: 'Kind' },
      { key: 'label', header: 'Label' },
      { key: 'line', header: 'Line', align: 'right' },
      { key: 'lines', header: 'Lines', format: (v) => list((v as readonly number[]).map(String)) },
      { key: 'message', header: 'Problem' },
    ],
    caption: 'Quote register: defects',
    note:
      findings.length === 0
        ? 'No defects found.'
        : `${findings.length} finding${findings.length === 1 ? '' : 's'}; lines are the register file's.`,
  })

/**
 * Register counts as a table: excerpts and distinct informants per site, group, section or theme, with the labels.
 * @param rows as `registerCounts` returns them
 * @returns a table
 * @example
 * // register: Trust A's manager gave LPT_1 and LPT_2; two Trust B nurses gave HPT_1 to HPT_3
 * renderMarkdown(registerCountsTable(registerCounts(register))).split('\n').slice(2)
 * //=> ['| Site | Excerpts | Informants | Labels |', '| :-- | --: | --: | :-- |',
 * //    '| trust a | 2 | 1 | LPT\\_1, LPT\\_2 |', '| trust b | 3 | 2 | HPT\\_1, HPT\\_2, HPT\\_3 |']
 */
export const registerCountsTable = (rows: readonly RegisterCountRow[]): Table<RegisterCountRow> & Displayable => {
  const by = rows[0]?.by ?? 'site'
  const name = by.charAt(0).toUpperCase() + by.slice(1)
  return displayTable<RegisterCountRow>({
    rows,
    columns: [
      { key: 'value', header: name, format: (v) => (v === null ? `(no ${by})` : String(v)) },
      { key: 'excerpts', header: 'Excerpts' },
      { key: 'informants', header: 'Informants' },
      { key: 'labels', header: 'Labels', format: (v) => list(v as readonly string[]) },
    ],
    caption: `Quote register: excerpts and informants by ${by}`,
  })
}

/**
 * Register triangulation as a table: per theme, the distinct sites or groups and the labels each contributes.
 * @param rows as `registerTriangulation` returns them
 * @returns a table
 * @example
 * // register: governance is quoted at two sites, training at one (the untagged HPT_3 is no theme)
 * registerTriangulationTable(registerTriangulation(register, { across: 'site' })).rows.map((r) => [r.value, r.distinct])
 * //=> [['governance', 2], ['training', 1]]
 */
export const registerTriangulationTable = (
  rows: readonly RegisterTriangulationRow[],
): Table<RegisterTriangulationRow> & Displayable => {
  const of = rows[0]?.of ?? 'theme'
  const across = rows[0]?.across ?? 'group'
  return displayTable<RegisterTriangulationRow>({
    rows,
    columns: [
      { key: 'value', header: of.charAt(0).toUpperCase() + of.slice(1) },
      { key: 'distinct', header: across === 'site' ? 'Sites' : 'Groups' },
      { key: 'robust', header: 'Robust', format: (v) => (v ? 'yes' : 'no') },
      {
        key: 'support',
        header: 'Support (labels)',
        format: (v) =>
          (v as RegisterTriangulationRow['support']).map((s) => `${s.value}: ${list(s.labels)}`).join('; '),
      },
      { key: 'unattributed', header: `No ${across}`, format: (v) => list(v as readonly string[]) },
    ],
    caption: `Quote register: triangulation of ${of}s across ${across}s`,
  })
}
