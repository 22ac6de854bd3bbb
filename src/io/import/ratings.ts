/**
 * Import ratings from a CSV file, long (one rating per row) or wide (one
 * column per standard or criterion), onto a base evaluation.
 * @module
 */
import * as E from 'fp-ts/lib/Either.js'
import type { Evaluation } from '../../model/evaluation.js'
import type { RoundId } from '../../model/ids.js'
import { orThrow, type Result } from '../../model/problem.js'
import type { Rating } from '../../model/ratings.js'
import { csvProblem, inFileOrder, type CsvProblem } from '../csv/problem.js'
import type { CsvTable } from '../csv/read.js'
import { applyWrites, type RatingWrite } from './apply.js'
import { Catalog } from './catalog.js'
import { resolveColumns, type ColumnIndex, type FieldSpec } from './columns.js'
import { levelReader, targetReader } from './cell-values.js'
import { gate } from './gate.js'
import { NoteKeeper } from './notes.js'
import type { RatingsImportOptions } from './options.js'
import { cellAt, cellOf, dateOf, eachRow, onHeader, prepare, take, textOf, unitOf, type Row } from './rows.js'

/** The columns of a long ratings table, and the header names each is found by. */
export const LONG_RATING_FIELDS: readonly FieldSpec[] = [
  { field: 'site', required: false, names: ['site', 'pilot site', 'trust'] },
  { field: 'unit', required: true, names: ['workstream', 'unit name', 'team'] },
  { field: 'target', required: true, names: ['standard', 'criterion', 'standard or criterion', 'item'] },
  { field: 'level', required: true, names: ['rating', 'rated', 'level met'] },
  { field: 'round', required: false, names: ['wave', 'audit'] },
  { field: 'rater', required: false, names: ['rated by', 'assessor'] },
  { field: 'date', required: false, names: ['rating date'] },
  { field: 'note', required: false, names: ['notes', 'comment', 'comments'] },
]

/** The identifying columns of a wide ratings table; every other column is a standard or criterion. */
export const WIDE_RATING_FIELDS: readonly FieldSpec[] = LONG_RATING_FIELDS.filter((f) => f.field !== 'target' && f.field !== 'level')

/** Options of {@link importRatingsWideEither}: those of the long import, and which columns are rated. */
export interface WideRatingsImportOptions extends RatingsImportOptions {
  /** Columns holding ratings, by header name [every column not mapped to a field and not ignored]. */
  readonly targets?: readonly string[]
  /** Columns to leave alone, by header name [none]. */
  readonly ignore?: readonly string[]
}

interface Reader {
  readonly catalog: Catalog
  readonly level: ReturnType<typeof levelReader>
  readonly target: ReturnType<typeof targetReader>
  readonly writes: RatingWrite[]
  /** unit × round × target → line of its first rating, to refuse a second. */
  readonly seen: Map<string, number>
  /** Rows with a note and no level, kept as observations (or refused). */
  readonly notes: NoteKeeper
}

const newReader = (base: Evaluation, options: RatingsImportOptions): Reader => ({
  catalog: new Catalog(base, options.create === true, options.exactIds === true),
  level: levelReader(base.framework, options.naLabels, options.exactIds === true),
  target: targetReader(base.framework, options.exactIds === true),
  writes: [],
  seen: new Map(),
  notes: new NoteKeeper(base, options.notes),
})

/** The round of a row: its round cell, or the import's default round. */
const roundOf = (row: Row, reader: Reader, fallback: RoundId | undefined): RoundId | undefined => {
  const text = cellOf(row, 'round')
  if (text === undefined || text === '') return fallback
  return take(row, 'round', reader.catalog.round(text))
}

const NO_EXTRAS: Omit<Rating, 'level'> = {}

/** The shared parts of a rating (rater, date, note); one shared empty object when there are none, as in big machine-written files. */
const ratingExtras = (row: Row): Omit<Rating, 'level'> => {
  const rater = textOf(row, 'rater')
  const date = dateOf(row, 'date')
  const note = textOf(row, 'note')
  if (rater === undefined && date === undefined && note === undefined) return NO_EXTRAS
  return { ...(date === undefined ? {} : { date }), ...(rater === undefined ? {} : { rater }), ...(note === undefined ? {} : { note }) }
}

/** Record one rating, refusing a second rating of the same unit × round × target. */
const addRating = (row: Row, reader: Reader, w: RatingWrite, field: string, col?: number): void => {
  const key = `${w.at.site}\u0000${w.at.unit}\u0000${w.round}\u0000${w.target}`
  const first = reader.seen.get(key)
  if (first !== undefined) {
    const at = col === undefined ? cellAt(row, field) : { line: row.record.line, column: col + 1, columnName: row.header[col] ?? '' }
    row.problems.push(csvProblem(at, `one rating per unit, round and standard or criterion (${w.at.unit} › ${w.round} › ${w.target} is already rated on line ${first})`, row.record.cells[col ?? row.columns[field] ?? 0], 'duplicate'))
    return
  }
  reader.seen.set(key, row.record.line)
  reader.writes.push(w)
}

const finish = (base: Evaluation, reader: Reader, problems: readonly CsvProblem[]): Result<Evaluation> =>
  problems.length > 0
    ? E.left(inFileOrder(problems))
    : E.chain(gate)(applyWrites(base, reader.catalog.additions, { ratings: reader.writes, observations: reader.notes.observations }))

/**
 * Import ratings from a long table, one rating per row: site (optional when
 * unit names are unique), unit, standard or criterion, level, and optionally
 * round, rater, date and note. Column names are found by their usual names
 * (`workstream` for unit, `standard` or `criterion` for the target, `rating`
 * for the level, …) or given by `options.mapping`.
 *
 * Cells are read with the framework's own data: a level by its id, label or
 * alias, ignoring case and punctuation ("Met", "partly met", "Partly-met",
 * "PM"); not applicable as `na`, `n/a` or `not applicable`; a target by id
 * (`2.4`, `Standard 2.4`, `2.4.1`) or any wording. A blank level is unrated:
 * the row adds no rating; if it has a note, the note becomes an observation
 * (a statement with no level, never counted) about the row's unit, standard
 * and round, or the row is refused (option `notes: 'error'`). Sites and units
 * are matched by id, name or alias.
 *
 * All or nothing: every problem in the file (broken CSV, unknown column,
 * unknown site, unit, round, standard or level, a bad date, the same unit ×
 * round × target rated twice) is returned with its line and column, and the
 * base is not changed. When every row is good, the ratings are written onto a
 * copy of the base (a rating already there is replaced) and the result must
 * pass `decodeEvaluation`, so an import can never produce an invalid document.
 * @param base the evaluation to add ratings to (never mutated)
 * @param csv the file's text or bytes
 * @param options column mapping, `create` for new sites/units/rounds, default round, progress
 * @example
 * importRatingsLongEither(mhipEvaluation, 'site,workstream,standard,rating\nSSHT,Acute care,2.4,Partly-met\n')
 * //=> right(…) // evaluation where acute-care is rated partly on 2.4 in round mhip-2008
 * importRatingsLongEither(mhipEvaluation, 'site,workstream,standard,rating\nSSHT,Acute care,9.9,sort of\n')
 * //=> left([{ where: 'line 2, column 3 (standard)', … }, { where: 'line 2, column 4 (rating)', … }])
 */
export const importRatingsLongEither = (base: Evaluation, csv: string | Uint8Array, options: RatingsImportOptions = {}): Result<Evaluation> => {
  const prepared = prepare(csv, options, (t) => resolveColumns(t.header, LONG_RATING_FIELDS, options.mapping))
  if (E.isLeft(prepared)) return prepared
  const { table, columns, problems } = prepared.right
  const reader = newReader(base, options)
  const fallback = defaultRound(reader, columns, options, problems)
  eachRow(table.records, table.header, columns, options, problems, (row) => {
    const levelText = cellOf(row, 'level') ?? ''
    if (levelText === '') {
      if (textOf(row, 'note') !== undefined) reader.notes.keep(row, unitOf(row, reader.catalog), roundOf(row, reader, fallback), reader.target)
      return
    }
    const at = unitOf(row, reader.catalog)
    const round = roundOf(row, reader, fallback)
    const target = take(row, 'target', reader.target(cellOf(row, 'target') ?? ''))
    const level = take(row, 'level', reader.level(levelText))
    const extras = ratingExtras(row)
    if (at === undefined || round === undefined || target === undefined || level === undefined) return
    addRating(row, reader, { at, round, target, rating: { level, ...extras } }, 'target')
  })
  return finish(base, reader, problems)
}

/** The default round, needed only when the file has no round column. */
const defaultRound = (reader: Reader, columns: ColumnIndex, options: RatingsImportOptions, problems: CsvProblem[]): RoundId | undefined => {
  const found = reader.catalog.defaultRound(options.round)
  if (E.isRight(found)) return found.right
  if (columns['round'] === undefined) problems.push(...onHeader(found.left))
  return undefined
}

/**
 * Import ratings from a wide table: one row per unit (and round), one column
 * per standard or criterion, each header an id (`2.4`) or a wording. The
 * identifying columns (site, unit, round, rater, date, note) are found as in
 * {@link importRatingsLongEither}; every other column is a target unless listed in
 * `options.ignore` (or left out of `options.targets`). Blank cells are
 * unrated; a row with no rated cell but a note keeps the note as an
 * observation about its unit (or is refused, option `notes: 'error'`).
 *
 * All or nothing, as {@link importRatingsLongEither}: an unknown header is a problem
 * on line 1 at its column; a bad level is a problem at its line and column.
 * @param base the evaluation to add ratings to (never mutated)
 * @param csv the file's text or bytes
 * @param options as the long import, plus `targets` and `ignore`
 * @example
 * importRatingsWideEither(mhipEvaluation, 'site,workstream,1.1,Standard 2.4\nLeics,Voluntary sector,met,PM\n')
 * //=> right(…) // evaluation where voluntary-sector is rated met on 1.1 and partly on 2.4
 */
export const importRatingsWideEither = (base: Evaluation, csv: string | Uint8Array, options: WideRatingsImportOptions = {}): Result<Evaluation> => {
  const reader = newReader(base, options)
  const prepared = prepare(csv, options, (t) => wideColumns(t, reader, options))
  if (E.isLeft(prepared)) return prepared
  const { table, columns, problems } = prepared.right
  const fallback = defaultRound(reader, columns.fields, options, problems)
  eachRow(table.records, table.header, columns.fields, options, problems, (row) => {
    const rated = columns.targets.filter(([col]) => (row.record.cells[col] ?? '') !== '')
    if (rated.length === 0) {
      if (textOf(row, 'note') !== undefined) reader.notes.keep(row, unitOf(row, reader.catalog), roundOf(row, reader, fallback), null)
      return
    }
    const at = unitOf(row, reader.catalog)
    const round = roundOf(row, reader, fallback)
    const extras = ratingExtras(row)
    for (const [col, target] of rated) {
      const text = row.record.cells[col] ?? ''
      const level = reader.level(text)
      if (E.isLeft(level)) {
        for (const p of level.left) problems.push(csvProblem({ line: row.record.line, column: col + 1, columnName: table.header[col] ?? '' }, p.expected, text, p.code))
        continue
      }
      if (at === undefined || round === undefined) continue
      addRating(row, reader, { at, round, target, rating: { level: level.right, ...extras } }, 'unit', col)
    }
  })
  return finish(base, reader, problems)
}

interface WideColumns {
  readonly fields: ColumnIndex
  /** [column index, target id] of each rated column. */
  readonly targets: readonly (readonly [number, RatingWrite['target']])[]
}

const wideColumns = (table: CsvTable, reader: Reader, options: WideRatingsImportOptions): E.Either<readonly CsvProblem[], WideColumns> => {
  const fields = resolveColumns(table.header, WIDE_RATING_FIELDS, options.mapping)
  if (E.isLeft(fields)) return fields
  const used = new Set(Object.values(fields.right).filter((c): c is number => c !== undefined))
  const lower = (names: readonly string[] | undefined) => (names === undefined ? undefined : new Set(names.map((n) => n.trim().toLowerCase())))
  const only = lower(options.targets)
  const ignore = lower(options.ignore) ?? new Set()
  const problems: CsvProblem[] = []
  const targets: [number, RatingWrite['target']][] = []
  const seen = new Map<string, number>()
  table.header.forEach((name, col) => {
    const key = name.trim().toLowerCase()
    if (used.has(col) || ignore.has(key) || (only !== undefined && !only.has(key))) return
    const at = { line: 1, column: col + 1, columnName: name }
    const target = reader.target(name)
    if (E.isLeft(target)) {
      for (const p of target.left) problems.push(csvProblem(at, `${p.expected} as a column header, or a field column (${WIDE_RATING_FIELDS.map((f) => f.field).join(', ')})`, name, p.code))
      return
    }
    const first = seen.get(target.right)
    if (first !== undefined) problems.push(csvProblem(at, `one column per standard or criterion (${target.right} is column ${first})`, name, 'duplicate'))
    seen.set(target.right, col + 1)
    targets.push([col, target.right])
  })
  if (only !== undefined)
    for (const name of options.targets ?? [])
      if (!table.header.some((h) => h.trim().toLowerCase() === name.trim().toLowerCase()))
        problems.push(csvProblem({ line: 1 }, `a column named ${JSON.stringify(name)} (listed in targets)`, name, 'reference'))
  if (targets.length === 0 && problems.length === 0) problems.push(csvProblem({ line: 1 }, 'at least one standard or criterion column', table.header.join(','), 'shape'))
  return problems.length > 0 ? E.left(problems) : E.right({ fields: fields.right, targets })
}

/**
 * Import ratings from a long table, one rating per row: site (optional when
 * unit names are unique), unit, standard or criterion, level, and optionally
 * round, rater, date and note. Column names are found by their usual names
 * (`workstream` for unit, `standard` or `criterion` for the target, `rating`
 * for the level, …) or given by `options.mapping`.
 *
 * The throwing form of {@link importRatingsLongEither}: the same result, returned directly,
 * for notebooks and scripts.
 * @param base the evaluation to add ratings to (never mutated)
 * @param csv the file's text or bytes
 * @param options column mapping, `create` for new sites/units/rounds, default round, progress
 * @returns the result (`Evaluation`), as {@link importRatingsLongEither}
 * gives it in its `Right`.
 * @throws {RealistError} when {@link importRatingsLongEither} gives `Left`: the error's
 * `problems` are those problems, and its message lists them (`[realist-eval] importRatingsLong: …`).
 * @example
 * const ev = importRatingsLong(mhipEvaluation, csvText, { create: true })
 */
export const importRatingsLong = (base: Evaluation, csv: string | Uint8Array, options?: RatingsImportOptions): Evaluation =>
  orThrow('importRatingsLong', importRatingsLongEither(base, csv, options))

/**
 * Import ratings from a wide table: one row per unit (and round), one column
 * per standard or criterion, each header an id (`2.4`) or a wording. The
 * identifying columns (site, unit, round, rater, date, note) are found as in
 * {@link importRatingsLongEither}; every other column is a target unless listed in
 * `options.ignore` (or left out of `options.targets`). Blank cells are
 * unrated; a row with no rated cell but a note keeps the note as an
 * observation about its unit (or is refused, option `notes: 'error'`).
 *
 * The throwing form of {@link importRatingsWideEither}: the same result, returned directly,
 * for notebooks and scripts.
 * @param base the evaluation to add ratings to (never mutated)
 * @param csv the file's text or bytes
 * @param options as the long import, plus `targets` and `ignore`
 * @returns the result (`Evaluation`), as {@link importRatingsWideEither}
 * gives it in its `Right`.
 * @throws {RealistError} when {@link importRatingsWideEither} gives `Left`: the error's
 * `problems` are those problems, and its message lists them (`[realist-eval] importRatingsWide: …`).
 * @example
 * const ev = importRatingsWide(mhipEvaluation, csvText)
 */
export const importRatingsWide = (base: Evaluation, csv: string | Uint8Array, options?: WideRatingsImportOptions): Evaluation =>
  orThrow('importRatingsWide', importRatingsWideEither(base, csv, options))
