/**
 * The agreement table: one line per group and coefficient, with the value,
 * its interval, the test and the units and raters behind it.
 * @module
 */
import { AGREEMENT_FIGURE_KEYS, type AgreementRow } from '../agreement/from-ratings.js'
import { NO_VALUE } from './format.js'
import type { Table, TableColumn } from './table.js'

/** Options of {@link agreementTable}. */
export interface AgreementTableOptions {
  /** Decimals of coefficients, SEs and interval ends. Default 3. */
  readonly digits?: number
  /** The caption. Default "Inter-rater agreement". */
  readonly caption?: string
}

const NAMES: Readonly<Record<string, string>> = {
  'percent-agreement': 'Percent agreement',
  'cohen-kappa': 'Cohen’s κ',
  'fleiss-kappa': 'Fleiss’ κ',
  'krippendorff-alpha': 'Krippendorff’s α',
  'gwet-ac1': 'Gwet’s AC1',
  'gwet-ac2': 'Gwet’s AC2',
  'brennan-prediger': 'Brennan–Prediger',
}

/**
 * The name of a coefficient as a table shows it, with its weights or level of
 * measurement when they matter.
 * @param row - the row's coefficient, and its metric and weights.
 * @returns the coefficient's name as a table shows it.
 * @example
 * coefficientLabel({ coefficient: 'krippendorff-alpha', metric: 'ordinal', weights: 'identity' }) //=> 'Krippendorff’s α (ordinal)'
 * coefficientLabel({ coefficient: 'cohen-kappa', metric: null, weights: 'quadratic' })            //=> 'Cohen’s κ (quadratic weights)'
 */
export const coefficientLabel = (row: Pick<AgreementRow, 'coefficient' | 'metric' | 'weights'>): string => {
  const name = NAMES[row.coefficient] ?? row.coefficient
  if (row.metric !== null) return `${name} (${row.metric})`
  return row.weights === 'identity' ? name : `${name} (${row.weights} weights)`
}

const fixed = (v: number | null, digits: number): string =>
  v === null ? NO_VALUE : v.toFixed(digits).replace(/^-/, '−')

const pText = (p: number | null): string => (p === null ? NO_VALUE : p < 0.001 ? '< 0.001' : p.toFixed(3))

/**
 * The agreement rows as a table for {@link renderMarkdown}, {@link renderHtml}
 * or the CLI: the group columns, then coefficient, value, interval, SE, z and
 * p, and the items, pairable items, raters and ratings behind the figure. An
 * undefined coefficient shows `–` and its reason in the last column.
 * Coefficients are shown to 3 decimals (they are not percentages).
 * @param rows the rows of `agreementFromRatings` or `agreement`
 * @param options `digits` [3], `caption`
 * @returns a table
 * @example
 * // reliabilityEv: Krippendorff's (2011) reliability data on criterion a.1, nominal α 0.743;
 * // on a.2 every rating is the same level, so α is undefined and the note says why
 * const rows = agreement(reliabilityEv, { by: ['target'], level: 'nominal', replicates: 0 })
 * renderMarkdown(agreementTable(rows)).split('\n').slice(2, 5)
 * //=> ['| target | Coefficient | Value | 95% CI | SE | z | p | Items | Pairable | Raters | Ratings | Note |', '| :-- | :-- | --: | …',
 * //    '| a.1 | Krippendorff’s α (nominal) | 0.743 | – | – | – | – | 12 | 11 | 4 | 40 |  |']
 */
export const agreementTable = (
  rows: readonly AgreementRow[],
  options: AgreementTableOptions = {},
): Table<AgreementRow> => {
  const digits = options.digits ?? 3
  const groupKeys: string[] = []
  for (const r of rows)
    for (const k of Object.keys(r)) if (!AGREEMENT_FIGURE_KEYS.has(k) && !groupKeys.includes(k)) groupKeys.push(k)
  const confidence = rows[0]?.confidence ?? 0.95
  const columns: TableColumn<AgreementRow>[] = [
    ...groupKeys.map((key) => ({
      key,
      align: 'left' as const,
      format: (v: unknown) => (v === null || v === undefined ? NO_VALUE : String(v)),
    })),
    { key: 'coefficient', header: 'Coefficient', align: 'left', format: (_, r) => coefficientLabel(r) },
    { key: 'value', header: 'Value', align: 'right', format: (_, r) => fixed(r.value, digits) },
    {
      key: 'lo',
      header: `${Math.round(confidence * 100)}% CI`,
      align: 'right',
      format: (_, r) =>
        r.lo === null || r.hi === null ? NO_VALUE : `${fixed(r.lo, digits)} to ${fixed(r.hi, digits)}`,
    },
    { key: 'se', header: 'SE', align: 'right', format: (_, r) => fixed(r.se, digits) },
    { key: 'z', header: 'z', align: 'right', format: (_, r) => fixed(r.z, 2) },
    { key: 'p', header: 'p', align: 'right', format: (_, r) => pText(r.p) },
    { key: 'units', header: 'Items', align: 'right' },
    { key: 'pairableUnits', header: 'Pairable', align: 'right' },
    { key: 'raters', header: 'Raters', align: 'right' },
    { key: 'ratings', header: 'Ratings', align: 'right' },
    { key: 'reason', header: 'Note', align: 'left', format: (_, r) => r.reason ?? '' },
  ]
  return {
    rows,
    columns,
    caption: options.caption ?? 'Inter-rater agreement',
    note:
      'Items are targets of a rated entity in a round; pairable items have ratings from two or more raters. ' +
      'A coefficient that cannot be computed shows – and its reason.',
  }
}
