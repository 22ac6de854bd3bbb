/**
 * Any result as tidy rows: an array of flat objects with primitive values,
 * what Arquero (`aq.from(rows)`), Observable Plot (`Plot.dot(rows, …)`) and
 * pandas (`pd.read_csv` of `toCsv(rows)`) take.
 * @module
 */
import type { Evaluation } from '../model/evaluation.js'
import { attainmentRows } from '../standards/rows.js'
import type { AttainmentResult } from '../standards/attainment.js'
import { changeRows } from '../standards/rows.js'
import type { RoundComparison } from '../standards/compare.js'
import { ratingRows } from '../io/export/document-rows.js'
import type { Table } from './table.js'
import { cellText } from './table.js'
import type { HeatmapData } from './charts/heatmap-data.js'

/** A tidy row: a flat object of primitives. */
export type Row = Readonly<Record<string, string | number | boolean | null>>

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null
const isAttainmentResult = (v: Record<string, unknown>): v is AttainmentResult & Record<string, unknown> =>
  Array.isArray(v['scopes']) && isObject(v['policy']) && Array.isArray(v['levels'])
const isComparison = (v: Record<string, unknown>): v is RoundComparison & Record<string, unknown> =>
  Array.isArray(v['changes']) && typeof v['from'] === 'string' && typeof v['to'] === 'string'
const isEvaluation = (v: Record<string, unknown>): v is Evaluation & Record<string, unknown> =>
  typeof v['schemaVersion'] === 'number' && Array.isArray(v['sites']) && isObject(v['framework'])
const isTable = (v: Record<string, unknown>): v is Table<object> & Record<string, unknown> =>
  Array.isArray(v['rows']) && Array.isArray(v['columns'])
const isHeatmap = (v: Record<string, unknown>): v is HeatmapData & Record<string, unknown> =>
  Array.isArray(v['cells']) && Array.isArray(v['rows']) && Array.isArray(v['columns'])

/**
 * Flatten one value to a row: nested objects become dotted keys
 * (`interval.lo`), arrays become JSON text, functions are dropped, and a
 * primitive becomes `{ value }`.
 * @param value - any value.
 * @returns one flat row.
 * @example
 * flattenRow({ k: 3, interval: { lo: 0.07, hi: 0.45 }, ids: ['a'] }) //=> { k: 3, 'interval.lo': 0.07, 'interval.hi': 0.45, ids: '["a"]' }
 */
export const flattenRow = (value: unknown): Row => {
  if (!isObject(value)) return { value: value === undefined ? null : (value as string | number | boolean | null) }
  const out: Record<string, string | number | boolean | null> = {}
  const walk = (v: Record<string, unknown>, prefix: string): void => {
    for (const key of Object.keys(v)) {
      const x = v[key]
      const k = prefix === '' ? key : `${prefix}.${key}`
      if (typeof x === 'function' || x === undefined) continue
      if (Array.isArray(x)) out[k] = JSON.stringify(x)
      else if (isObject(x)) walk(x, k)
      else out[k] = x as string | number | boolean | null
    }
  }
  walk(value, '')
  return out
}

/**
 * The names of a table's columns in tidy rows, all different: each column's `name`, else its header,
 * else its key; a name that would still repeat is followed by the column's key in parentheses (and,
 * should that repeat too, by its position), so no column overwrites another.
 * @param columns - the table's columns.
 * @returns one name per column, in order.
 * @example
 * columnNames([{ key: 'a', header: 'x' }, { key: 'b', header: 'x' }, { key: 'c' }]) //=> ['x (a)', 'x (b)', 'c']
 */
export const columnNames = (
  columns: readonly { readonly key: string; readonly header?: string; readonly name?: string }[],
): string[] => {
  const base = columns.map((c) => c.name ?? c.header ?? c.key)
  const count = new Map<string, number>()
  for (const b of base) count.set(b, (count.get(b) ?? 0) + 1)
  const seen = new Set<string>()
  return base.map((b, i) => {
    let name = count.get(b)! > 1 ? `${b} (${columns[i]!.key})` : b
    if (seen.has(name)) name = `${name} (${i + 1})`
    seen.add(name)
    return name
  })
}

/**
 * Turn any result into tidy rows:
 * - an attainment result → the standards module's `attainmentRows` (one row
 *   per round × site × standard/section/total × level);
 * - a round comparison → `changeRows`;
 * - an evaluation → its ratings in the long layout (`ratingRows`, which
 *   `importRatingsLong` reads back);
 * - a report table → one row per table row, keyed by the column names
 *   (`columnNames`: the headers, made unique), values as shown;
 * - heatmap data → its cells;
 * - an array → each element flattened (`flattenRow`);
 * - any other object → one flattened row.
 *
 * Degenerate input: `null`/`undefined` give `[]`; a primitive gives
 * `[{ value }]`.
 * @param result any value the library returns
 * @returns the rows (none for `null` or `undefined`).
 * @example
 * // ev, 1.1 over all sites and rounds: 5 of 8 (Wilson 95%: 0.3057 to 0.8632)
 * toRows(attainment(ev)).filter((r) => r.level === 'attained' && r.site === null && r.round === null)
 * //=> [{ standard: '1.1', k: 5, n: 8, p: 0.625, lo: 0.3057, hi: 0.8632, … }, …]
 * toRows(mhipEvaluation) //=> [] // no ratings
 */
export const toRows = (result: unknown): Row[] => {
  if (result === null || result === undefined) return []
  if (Array.isArray(result)) return result.map(flattenRow)
  if (!isObject(result)) return [flattenRow(result)]
  if (isAttainmentResult(result)) return attainmentRows(result) as unknown as Row[]
  if (isComparison(result)) return changeRows(result) as unknown as Row[]
  if (isEvaluation(result)) return ratingRows(result) as unknown as Row[]
  if (isHeatmap(result)) return result.cells.map(flattenRow)
  if (isTable(result)) {
    const table = result as Table<object>
    const names = columnNames(table.columns)
    return table.rows.map((r) => Object.fromEntries(table.columns.map((c, i) => [names[i]!, cellText(r, c)])))
  }
  return [flattenRow(result)]
}
