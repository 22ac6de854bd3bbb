/**
 * Import cost-ledger entries from a CSV file, one row per entry, and export
 * the ledger in the same layout (`costEntryRows`), so a ledger kept in a
 * spreadsheet round-trips.
 * @module
 */
import * as E from '../../model/either.js'
import type { Evaluation } from '../../model/evaluation.js'
import type { SiteId } from '../../model/ids.js'
import { COST_KINDS, type CostAmount, type CostEntry, type CostKind } from '../../model/costs.js'
import { orThrow, problem, type Result } from '../../model/problem.js'
import { RESERVED_KEYS } from '../../model/codec-kit.js'
import { resolveSite } from '../../objectives/resolve-site.js'
import { knownAreas, knownFunders } from '../../economics/validate.js'
import { csvProblem, inFileOrder } from '../csv/problem.js'
import { resolveColumnsEither, type FieldSpec } from './columns.js'
import { gate } from './gate.js'
import { importArgProblems, type ImportOptions } from './options.js'
import { cellAt, cellOf, eachRow, prepare, take, textOf } from './rows.js'

/** The columns of a cost ledger file, and the header names each is found by. */
export const COST_ENTRY_FIELDS: readonly FieldSpec[] = [
  { field: 'id', required: true, names: ['entry', 'entry id', 'ref'] },
  { field: 'site', required: true, names: ['pilot site', 'trust'] },
  { field: 'funder', required: true, names: ['funded by', 'source of funds'] },
  { field: 'area', required: true, names: ['area of spend', 'spent on'] },
  { field: 'kind', required: true, names: ['type', 'cost type'] },
  { field: 'amount', required: true, names: ['cost', 'value'] },
  { field: 'currency', required: true, names: [] },
  { field: 'priceYear', required: true, names: ['price year', 'price_year', 'year'] },
  { field: 'source', required: false, names: ['reference', 'source reference', 'lines'] },
  { field: 'note', required: false, names: ['notes', 'comment'] },
]

const NUMBER = /^[£$€]?\s*(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?$/
const toNumber = (text: string): number | undefined => {
  const m = NUMBER.exec(text.trim())
  return m === null ? undefined : Number(`${m[1]!.replace(/,/g, '')}${m[2] === undefined ? '' : `.${m[2]}`}`)
}

/**
 * An amount from its cell: `40000`, `£40,000`, a range `1,000-2,500` (or with
 * an en dash), a lower bound `960,000+`, or `unknown` (also `?` and `--`). A
 * blank cell is refused: an unknown amount is written as such.
 * @param text the cell's text
 * @returns `Right` with the amount (a number, a range, a lower bound or `'unknown'`), or `Left`
 * with one problem.
 * @example
 * readCostAmountEither('£40,000')     //=> right(40000)
 * readCostAmountEither('1,000–2,500') //=> right({ low: 1000, high: 2500 })
 * readCostAmountEither('960,000+')    //=> right({ atLeast: 960000 })
 * readCostAmountEither('--')          //=> right('unknown')
 */
export const readCostAmountEither = (text: string): Result<CostAmount> => {
  const s = text.trim()
  if (/^(unknown|\?|--|n\/k)$/i.test(s)) return E.right('unknown')
  const expected = 'an amount: 40000, £40,000, a range 1,000-2,500, a lower bound 960,000+, or unknown'
  if (s.endsWith('+')) {
    const x = toNumber(s.slice(0, -1))
    return x === undefined ? E.left([problem([], expected, text, 'value', '')]) : E.right({ atLeast: x })
  }
  const range = /^(.+?)\s*[-–—]\s*(.+)$/.exec(s)
  if (range !== null) {
    const low = toNumber(range[1]!)
    const high = toNumber(range[2]!)
    if (low !== undefined && high !== undefined) return E.right({ low, high })
  }
  const x = toNumber(s)
  return x === undefined ? E.left([problem([], expected, text, s === '' ? 'shape' : 'value', '')]) : E.right(x)
}

/**
 * An amount from its cell: `40000`, `£40,000`, a range `1,000-2,500` (or with
 * an en dash), a lower bound `960,000+`, or `unknown` (also `?` and `--`). A
 * blank cell is refused: an unknown amount is written as such.
 *
 * The throwing form of {@link readCostAmountEither}: the same result, returned directly,
 * for notebooks and scripts.
 * @param text the cell's text
 * @returns the result (`CostAmount`), as {@link readCostAmountEither}
 * gives it in its `Right`.
 * @throws {RealistError} when {@link readCostAmountEither} gives `Left`: the error's
 * `problems` are those problems, and its message lists them (`[realist-eval] readCostAmount: …`).
 * @example
 * readCostAmount('1,000-2,500') //=> { low: 1000, high: 2500 }
 */
export const readCostAmount = (text: string): CostAmount => orThrow('readCostAmount', readCostAmountEither(text))

/** Options of {@link importCostEntriesEither}: the column mapping, progress and CSV options (`create` is not used). */
export type CostImportOptions = ImportOptions

/**
 * Import cost entries from a CSV table with one row per entry: id, site (its
 * id, name or another name), funder and area (ids known to the ledger: the
 * built-in ones and those it declares), kind (cash | in-kind | staff-time),
 * amount (`readCostAmount`), currency, price year, and optionally the source
 * (line references, kept as `ref.lines`) and a note. An entry whose id the
 * ledger has is replaced; any other is added.
 *
 * All or nothing: every problem is returned with its line and column, and the
 * base is not changed; the result goes through `decodeEvaluation`.
 * @param base the evaluation (never mutated)
 * @param csv the file's text or bytes
 * @param options column mapping, progress, CSV options
 * @returns `Right` with the evaluation holding the entries, or `Left` with every problem, at its
 * line and column.
 * @example
 * const r = importCostEntriesEither(mhipEvaluation, 'id,site,funder,area,kind,amount,currency,price year\n' +
 *   'e1,Leicestershire,programme-grant,implementation-team,cash,"£40,000",GBP,2005\n')
 * isRight(r) && r.right.costs?.entries
 * //=> [{ id: 'e1', site: 'leicestershire', funder: 'programme-grant', area: 'implementation-team', kind: 'cash', amount: 40000, currency: 'GBP', priceYear: 2005 }]
 */
export const importCostEntriesEither = (
  base: Evaluation,
  csv: string | Uint8Array,
  options: CostImportOptions = {},
): Result<Evaluation> => {
  const bad = importArgProblems('importCostEntries', base, csv, options)
  if (bad.length > 0) return E.left(bad)
  const prepared = prepare(csv, options, (t) => resolveColumnsEither(t.header, COST_ENTRY_FIELDS, options.mapping))
  if (E.isLeft(prepared)) return prepared
  const {
    table: { header, records },
    columns,
    problems,
  } = prepared.right
  const ledger = base.costs ?? {}
  const funders = knownFunders(ledger)
  const areas = knownAreas(ledger)
  const entries: CostEntry[] = []
  const seen = new Map<string, number>()
  eachRow(records, header, columns, options, problems, (row) => {
    const id = cellOf(row, 'id') ?? ''
    if (id === '' || RESERVED_KEYS.has(id))
      row.problems.push(
        csvProblem(cellAt(row, 'id'), 'a cost entry id (not blank, __proto__, constructor or prototype)', id, 'value'),
      )
    else if (seen.has(id))
      row.problems.push(
        csvProblem(
          cellAt(row, 'id'),
          `a cost entry id not used before in the file (line ${seen.get(id)} has it)`,
          id,
          'duplicate',
        ),
      )
    else seen.set(id, row.record.line)
    const site = take(row, 'site', resolveSite(base, cellOf(row, 'site') ?? ''))
    const funder = cellOf(row, 'funder') ?? ''
    if (!funders.includes(funder))
      row.problems.push(
        csvProblem(cellAt(row, 'funder'), `a funder of the ledger (${funders.join(' | ')})`, funder, 'reference'),
      )
    const area = cellOf(row, 'area') ?? ''
    if (!areas.includes(area))
      row.problems.push(
        csvProblem(cellAt(row, 'area'), `an area of spend of the ledger (${areas.join(' | ')})`, area, 'reference'),
      )
    const kind = cellOf(row, 'kind') ?? ''
    if (!(COST_KINDS as readonly string[]).includes(kind))
      row.problems.push(csvProblem(cellAt(row, 'kind'), `a kind of cost (${COST_KINDS.join(' | ')})`, kind, 'value'))
    const amount = take(row, 'amount', readCostAmountEither(cellOf(row, 'amount') ?? ''))
    if (amount !== undefined && typeof amount === 'object' && 'low' in amount && amount.low > amount.high)
      row.problems.push(
        csvProblem(cellAt(row, 'amount'), 'a range with low ≤ high', cellOf(row, 'amount'), 'consistency'),
      )
    const currency = (cellOf(row, 'currency') ?? '').trim()
    if (!/^[A-Z]{3}$/.test(currency))
      row.problems.push(
        csvProblem(cellAt(row, 'currency'), 'a currency code (three capital letters, ISO 4217)', currency, 'value'),
      )
    const yearText = (cellOf(row, 'priceYear') ?? '').trim()
    const priceYear = /^\d{4}$/.test(yearText) ? Number(yearText) : NaN
    if (!(priceYear >= 1800 && priceYear <= 2200))
      row.problems.push(
        csvProblem(cellAt(row, 'priceYear'), 'a price year (a whole number from 1800 to 2200)', yearText, 'value'),
      )
    if (row.problems.length > 0 || site === undefined || amount === undefined) return
    const source = textOf(row, 'source')
    const note = textOf(row, 'note')
    entries.push({
      id,
      site: site.id as SiteId,
      funder,
      area,
      kind: kind as CostKind,
      amount,
      currency,
      priceYear,
      ...(source === undefined ? {} : { ref: { lines: source } }),
      ...(note === undefined ? {} : { note }),
    })
  })
  if (problems.length > 0) return E.left(inFileOrder(problems))
  const byId = new Map(entries.map((e) => [e.id, e]))
  const kept = (ledger.entries ?? []).map((e) => byId.get(e.id) ?? e)
  const added = entries.filter((e) => !(ledger.entries ?? []).some((x) => x.id === e.id))
  return gate({ ...base, costs: { ...ledger, entries: [...kept, ...added] } })
}

/**
 * Import cost entries from a CSV table with one row per entry: id, site (its
 * id, name or another name), funder and area (ids known to the ledger: the
 * built-in ones and those it declares), kind (cash | in-kind | staff-time),
 * amount (`readCostAmount`), currency, price year, and optionally the source
 * (line references, kept as `ref.lines`) and a note. An entry whose id the
 * ledger has is replaced; any other is added.
 *
 * The throwing form of {@link importCostEntriesEither}: the same result, returned directly,
 * for notebooks and scripts.
 * @param base the evaluation (never mutated)
 * @param csv the file's text or bytes
 * @param options column mapping, progress, CSV options
 * @returns the result (`Evaluation`), as {@link importCostEntriesEither}
 * gives it in its `Right`.
 * @throws {RealistError} when {@link importCostEntriesEither} gives `Left`: the error's
 * `problems` are those problems, and its message lists them (`[realist-eval] importCostEntries: …`).
 * @example
 * const csv = 'id,site,funder,area,kind,amount,currency,price year\ne1,Leicestershire,programme-grant,implementation-team,cash,"£40,000",GBP,2005\n'
 * const next = importCostEntries(mhipEvaluation, csv)
 * next.costs?.entries.map((e) => [e.id, e.site, e.amount]) //=> [['e1', 'leicestershire', 40000]]
 */
export const importCostEntries = (
  base: Evaluation,
  csv: string | Uint8Array,
  options?: CostImportOptions,
): Evaluation => orThrow('importCostEntries', importCostEntriesEither(base, csv, options))

/** One ledger entry as a CSV row, in the import's layout. */
export interface CostEntryRow {
  readonly id: string
  readonly site: string
  readonly funder: string
  readonly area: string
  readonly kind: string
  /** The amount as the import reads it: `40000`, `1000-2500`, `960000+`, `unknown`. */
  readonly amount: string
  readonly currency: string
  readonly priceYear: number
  readonly source: string | null
  readonly note: string | null
}

const amountText = (a: CostAmount): string =>
  typeof a === 'number'
    ? String(a)
    : a === 'unknown'
      ? 'unknown'
      : 'atLeast' in a
        ? `${a.atLeast}+`
        : `${a.low}-${a.high}`

/**
 * The ledger's entries as rows in the layout `importCostEntries` reads back
 * (write them with `toCsv`). A document without a ledger gives `[]`.
 * @param ev the evaluation
 * @returns one row per entry.
 * @example
 * const csv = 'id,site,funder,area,kind,amount,currency,price year\ne1,Leicestershire,programme-grant,implementation-team,cash,"1,000-2,500",GBP,2005\n'
 * costEntryRows(importCostEntries(mhipEvaluation, csv))
 * //=> [{ id: 'e1', site: 'leicestershire', funder: 'programme-grant', area: 'implementation-team', kind: 'cash',
 * //      amount: '1000-2500', currency: 'GBP', priceYear: 2005, source: null, note: null }]
 */
export const costEntryRows = (ev: Evaluation): CostEntryRow[] =>
  (ev.costs?.entries ?? []).map((e) => ({
    id: e.id,
    site: e.site,
    funder: e.funder,
    area: e.area,
    kind: e.kind,
    amount: amountText(e.amount),
    currency: e.currency,
    priceYear: e.priceYear,
    source: e.ref?.lines ?? null,
    note: e.note ?? null,
  }))
