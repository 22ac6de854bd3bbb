/**
 * Import ratings from a CSV file, long (one rating per row) or wide (one
 * column per standard or criterion), onto a base evaluation.
 * @module
 */
import * as E from 'fp-ts/lib/Either.js'
import type { Evaluation } from '../../model/evaluation.js'
import type { RoundId, TargetId } from '../../model/ids.js'
import { orThrow, type Result } from '../../model/problem.js'
import type { Rating } from '../../model/ratings.js'
import { BoundedProblems, csvProblem, inFileOrder, type CsvProblem } from '../csv/problem.js'
import { DEFAULT_MAX_CSV_PROBLEMS, headerProblems, visitCsvRecords, type CsvTable } from '../csv/read.js'
import { SpanMap } from '../csv/span-map.js'
import { applyWrites, type RatingRecordWrite, type RatingWrite } from './apply.js'
import { Catalog } from './catalog.js'
import { resolveColumnsEither, type ColumnIndex, type FieldSpec } from './columns.js'
import { evidenceReader, levelReader, readExtensions, targetReader } from './cell-values.js'
import { ratingsGate } from './gate.js'
import { NoteKeeper } from './notes.js'
import { csvOptions, importArgProblems, type RatingsImportOptions } from './options.js'
import type { UnitRef } from './catalog.js'
import type { EntityRef } from '../../model/attribute-values.js'
import { codeAllocator, frameworkLayout, viewAllocator, type FrameworkLayout } from '../../model/rating-codes.js'
import {
  cellAt,
  cellOf,
  dateOf,
  eachRow,
  entityOf,
  exactTextOf,
  onHeader,
  prepare,
  take,
  textOf,
  type Row,
} from './rows.js'
import type { Framework } from '../../model/framework.js'
import { instrumentsOf } from '../../model/instruments.js'
import { problem } from '../../model/problem.js'
import { normaliseWording } from '../../standards/lookup.js'

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
  { field: 'instrument', required: false, names: ['framework', 'instrument id'] },
  { field: 'by', required: false, names: ['rater id', 'declared rater', 'rated as'] },
  { field: 'evidence', required: false, names: ['excerpts', 'evidence ids'] },
  { field: 'extensions', required: false, names: ['own data', 'extension'] },
]

/** The identifying columns of a wide ratings table; every other column is a standard or criterion. */
export const WIDE_RATING_FIELDS: readonly FieldSpec[] = LONG_RATING_FIELDS.filter(
  (f) =>
    f.field !== 'target' &&
    f.field !== 'level' &&
    f.field !== 'instrument' &&
    f.field !== 'evidence' &&
    f.field !== 'extensions',
)

/** Options of {@link importRatingsWideEither}: those of the long import, and which columns are rated. */
export interface WideRatingsImportOptions extends RatingsImportOptions {
  /** Columns holding ratings, by header name [every column not mapped to a field and not ignored]. */
  readonly targets?: readonly string[]
  /** Columns to leave alone, by header name [none]. */
  readonly ignore?: readonly string[]
}

/** The readers of one instrument's cells. */
interface InstrumentCells {
  /** The instrument as stored: `null` for the default instrument (`ev.framework`), else its id. */
  readonly id: string | null
  readonly level: ReturnType<typeof levelReader>
  readonly target: ReturnType<typeof targetReader>
}

interface Reader {
  readonly catalog: Catalog
  /** The instrument of rows with no instrument cell (the `instrument` option, else the default one); undefined when the option names none. */
  readonly fallback: InstrumentCells | undefined
  /** An instrument cell (id or title) → its readers, resolved once per distinct text. */
  readonly instrument: (text: string) => Result<InstrumentCells>
  /** A rater cell (declared rater id or name) → the rater id. */
  readonly rater: (text: string) => Result<string>
  readonly level: ReturnType<typeof levelReader>
  readonly target: ReturnType<typeof targetReader>
  readonly evidence: ReturnType<typeof evidenceReader>
  readonly writes: RatingWrite[]
  /** unit × round × target → line of its first rating, to refuse a second. */
  readonly seen: Map<string, number>
  /** Rows with a note and no level, kept as observations (or refused). */
  readonly notes: NoteKeeper
}

const memo = <A>(resolve: (text: string) => Result<A>): ((text: string) => Result<A>) => {
  const cache = new Map<string, Result<A>>()
  return (text) => {
    let hit = cache.get(text)
    if (hit === undefined) cache.set(text, (hit = resolve(text)))
    return hit
  }
}

const newReader = (base: Evaluation, options: RatingsImportOptions): Reader => {
  const exact = options.exactIds === true
  const cells = new Map<Framework, InstrumentCells>()
  const cellsOf = (f: Framework): InstrumentCells => {
    let hit = cells.get(f)
    if (hit === undefined)
      cells.set(
        f,
        (hit = {
          id: f === base.framework ? null : f.id,
          level: levelReader(f, options.naLabels, exact),
          target: targetReader(f, exact),
        }),
      )
    return hit
  }
  const all = instrumentsOf(base)
  const instrument = memo((text: string): Result<InstrumentCells> => {
    const key = normaliseWording(text)
    const found = exact
      ? all.find((f) => f.id === text)
      : (all.find((f) => normaliseWording(f.id) === key) ?? all.find((f) => normaliseWording(f.title) === key))
    if (found !== undefined) return E.right(cellsOf(found))
    return E.left([
      problem(
        [],
        `an instrument of this evaluation, by id or title (${all.map((f) => f.id).join(' | ')})`,
        text,
        'reference',
        'instrument',
      ),
    ])
  })
  const raters = base.raters ?? []
  const rater = memo((text: string): Result<string> => {
    const key = normaliseWording(text)
    const found = exact
      ? raters.find((r) => r.id === text)
      : (raters.find((r) => normaliseWording(r.id) === key) ?? raters.find((r) => normaliseWording(r.name) === key))
    if (found !== undefined) return E.right(found.id)
    const known =
      raters.length === 0
        ? 'none is declared: declare raters first (declareRater)'
        : raters.map((r) => r.id).join(' | ')
    return E.left([problem([], `a declared rater, by id or name (${known})`, text, 'reference', 'by')])
  })
  const fallback =
    options.instrument === undefined
      ? cellsOf(base.framework)
      : E.isRight(instrument(options.instrument))
        ? (instrument(options.instrument) as E.Right<InstrumentCells>).right
        : undefined
  const cellsForText = fallback ?? cellsOf(base.framework)
  return {
    catalog: new Catalog(base, options.create === true, exact),
    fallback,
    instrument,
    rater,
    level: cellsForText.level,
    target: cellsForText.target,
    evidence: evidenceReader(new Set(base.excerpts.map((x) => x.id))),
    writes: [],
    seen: new Map(),
    notes: new NoteKeeper(base, options.notes),
  }
}

/** Problems of the `instrument` option (unknown instrument), placed on the header line. */
const instrumentOptionProblems = (reader: Reader, options: RatingsImportOptions): CsvProblem[] => {
  if (options.instrument === undefined || reader.fallback !== undefined) return []
  const r = reader.instrument(options.instrument)
  return E.isLeft(r) ? onHeader(r.left.map((p) => ({ ...p, where: 'options › instrument' }))) : []
}

/** The instrument of a row: its instrument cell, or the import's default. */
const instrumentOf = (row: Row, reader: Reader): InstrumentCells | undefined => {
  const text = cellOf(row, 'instrument')
  if (text === undefined || text === '') return reader.fallback
  return take(row, 'instrument', reader.instrument(text))
}

/** The declared rater of a row (whose own rating it is), or undefined for the counted rating; `null` when the cell is bad. */
const raterOf = (row: Row, reader: Reader): string | undefined | null => {
  const text = cellOf(row, 'by')
  if (text === undefined || text === '') return undefined
  return take(row, 'by', reader.rater(text)) ?? null
}

/** The round of a row: its round cell, or the import's default round. */
const roundOf = (row: Row, reader: Reader, fallback: RoundId | undefined): RoundId | undefined => {
  const text = cellOf(row, 'round')
  if (text === undefined || text === '') return fallback
  return take(row, 'round', reader.catalog.round(text))
}

const NO_EXTRAS: Omit<Rating, 'level'> = {}

/**
 * The shared parts of a rating (rater, date, note, evidence), rater and note
 * exactly as written; one shared empty object when there are none, as in big
 * machine-written files.
 */
const ratingExtras = (row: Row, reader: Reader): Omit<Rating, 'level'> => {
  const rater = exactTextOf(row, 'rater')
  const date = dateOf(row, 'date')
  const note = exactTextOf(row, 'note')
  const evidenceText = cellOf(row, 'evidence')
  const evidence =
    evidenceText === undefined || evidenceText === '' ? undefined : take(row, 'evidence', reader.evidence(evidenceText))
  const ownText = cellOf(row, 'extensions')
  const extensions =
    ownText === undefined || ownText === '' ? undefined : take(row, 'extensions', readExtensions(ownText))
  if (
    rater === undefined &&
    date === undefined &&
    note === undefined &&
    evidence === undefined &&
    extensions === undefined
  )
    return NO_EXTRAS
  return {
    ...(date === undefined ? {} : { date }),
    ...(rater === undefined ? {} : { rater }),
    ...(evidence === undefined ? {} : { evidence }),
    ...(note === undefined ? {} : { note }),
    ...(extensions === undefined ? {} : { extensions }),
  }
}

/** Record one rating, refusing a second rating of the same entity × instrument × rater × round × target. */
const addRating = (row: Row, reader: Reader, w: RatingWrite, field: string, col?: number): void => {
  const entity = w.at.unit === null ? `${w.at.site}\u0001` : `${w.at.site}\u0000${w.at.unit}`
  const key = `${entity}\u0000${w.instrument ?? ''}\u0000${w.by ?? ''}\u0000${w.round}\u0000${w.target}`
  const first = reader.seen.get(key)
  if (first !== undefined) {
    const at =
      col === undefined
        ? cellAt(row, field)
        : { line: row.record.line, column: col + 1, columnName: row.header[col] ?? '' }
    const what = [
      w.at.unit ?? `${w.at.site} (the site as a whole)`,
      ...(w.instrument === null ? [] : [`instrument ${w.instrument}`]),
      ...(w.by === undefined ? [] : [`rater ${w.by}`]),
      w.round,
      w.target,
    ].join(' › ')
    row.problems.push(
      csvProblem(
        at,
        `one rating per unit, round and standard or criterion (${what} is already rated on line ${first})`,
        row.record.cells[col ?? row.columns[field] ?? 0],
        'duplicate',
      ),
    )
    return
  }
  reader.seen.set(key, row.record.line)
  reader.writes.push(w)
}

const finish = (
  base: Evaluation,
  reader: Reader,
  problems: readonly CsvProblem[],
  longestCell: number,
): Result<Evaluation> =>
  problems.length > 0
    ? E.left(inFileOrder(problems))
    : E.chain((built: Evaluation) =>
        ratingsGate(base, built, { longestCell, observations: reader.notes.observations.length }),
      )(
        applyWrites(base, reader.catalog.additions, {
          ratings: reader.writes,
          observations: reader.notes.observations,
        }),
      )

/**
 * Import ratings from a long table, one rating per row: site (optional when
 * unit names are unique), unit, standard or criterion, level, and optionally
 * round, rater, date, note and evidence (excerpt ids: `q1; q2` or a JSON
 * list). Rater and note are kept exactly as written (`""` is an empty text, a
 * blank cell none). Column names are found by their usual names
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
 * copy of the base (a rating already there is replaced), and the result is a
 * valid document: every value written was checked as it was read, so onto a
 * base that came out of `decodeEvaluation` (or out of an import) the result
 * is not decoded again; onto any other base it must pass `decodeEvaluation`
 * whole, so an import can never produce an invalid document.
 * @param base the evaluation to add ratings to (never mutated)
 * @param csv the file's text or bytes
 * @param options column mapping, `create` for new sites/units/rounds, default round, progress
 * @returns `Right` with the evaluation holding the ratings, or `Left` with every problem, at its
 * line and column.
 * @example
 * const r = importRatingsLongEither(mhipEvaluation, 'site,workstream,standard,rating\nSSHT,Acute care,2.4,Partly-met\n')
 * isRight(r) && r.right.sites[0].units[0].ratings['mhip-2008'] //=> { '2.4': { level: 'partly' } } // SSHT is South Staffordshire
 * importRatingsLongEither(mhipEvaluation, 'site,workstream,standard,rating\nSSHT,Acute care,9.9,sort of\n')
 * //=> left([{ where: 'line 2, column 3 (standard)', … }, { where: 'line 2, column 4 (rating)', … }])
 */
export const importRatingsLongEither = (
  base: Evaluation,
  csv: string | Uint8Array,
  options: RatingsImportOptions = {},
): Result<Evaluation> => importRatingsLongVia(base, csv, options, { plain: true })

/**
 * How {@link importRatingsLongVia} reads records: `plain: false` reads every
 * record as cells (the general path the plain one is tested against);
 * `counted`, when given, counts the records written by the plain path.
 * @internal
 */
export interface LongImportPaths {
  readonly plain: boolean
  readonly counted?: { plain: number }
}

/**
 * {@link importRatingsLongEither}, with the plain records' path on or off
 * (the results are the same; a property test compares them).
 * @internal
 * @param base the evaluation to add ratings to (never mutated)
 * @param csv the file's text or bytes
 * @param options as {@link importRatingsLongEither}
 * @param paths whether plain records are resolved by their positions in the text
 * @returns as {@link importRatingsLongEither}
 * @example
 * const csv = 'site,workstream,standard,rating\nSSHT,Acute care,2.4,PM\nSSHT,Acute care,2.3,met\n'
 * const counted = { plain: 0 }
 * const r = importRatingsLongVia(mhipEvaluation, csv, {}, { plain: true, counted })
 * counted.plain //=> 1 // the second row: its unit was learnt from the first
 * isRight(r) && r.right.sites[0].units[0].ratings['mhip-2008']['2.3'] //=> { level: 'met' }
 */
export const importRatingsLongVia = (
  base: Evaluation,
  csv: string | Uint8Array,
  options: RatingsImportOptions,
  paths: LongImportPaths,
): Result<Evaluation> => {
  const bad = importArgProblems('importRatingsLong', base, csv, options)
  if (bad.length > 0) return E.left(bad)
  let run: LongRun | undefined
  const counted = paths.counted
  const read = visitCsvRecords(csv, csvOptions(options), () => {
    run = undefined
    if (counted !== undefined) counted.plain = 0
    const cells = (cells: string[], line: number, quotedEmpty?: number[]): void => {
      if (run === undefined) run = startLong(base, options, cells, line)
      else longRecord(run, cells, line, quotedEmpty)
    }
    if (!paths.plain) return { cells }
    return {
      cells,
      plain: (text, starts, ends, count, line) => {
        if (run === undefined) run = startLong(base, options, slices(text, starts, ends, count), line)
        else if (plainRecord(run, text, starts, ends, count, line) && counted !== undefined) counted.plain++
      },
    }
  })
  // csv-parse stopped (an unclosed quote): the file's records are not all there.
  if (read.stopped) return E.left(read.problems)
  if (run === undefined)
    return E.left([...read.problems, csvProblem({ line: 1 }, 'a header row', 'an empty file', 'shape')])
  const r: LongRun = run
  options.onProgress?.({ phase: 'rows', done: r.rows, total: r.rows })
  const max = options.maxProblems ?? DEFAULT_MAX_CSV_PROBLEMS
  if (r.columns === undefined)
    return E.left(inFileOrder(BoundedProblems.merge(max, [read.problems, r.fileProblems, r.columnProblems])))
  const problems = BoundedProblems.merge(max, [read.problems, r.fileProblems, r.problems])
  if (r.unchecked > 0) problems.stopAt(r.stoppedAt, r.unchecked)
  if (problems.length > 0) return E.left(inFileOrder(problems))
  const { reader } = r
  return E.chain((built: Evaluation) =>
    ratingsGate(base, built, { longestCell: r.longestCell, observations: reader.notes.observations.length }),
  )(
    applyWrites(base, reader.catalog.additions, {
      ratings: reader.writes,
      ratingRecords: r.records,
      observations: reader.notes.observations,
    }),
  )
}

/**
 * One reading of a long ratings file: the columns found in its header, then
 * each record resolved as it is read (no record is kept): entity, round,
 * instrument, rater, target and level through the readers' maps of distinct
 * texts. The counted ratings of a unit on the default instrument (what a
 * large file mostly holds) are gathered per unit × round straight into the
 * records the document will hold, with the line of each kept by the
 * target's slot (for a second rating of the same item); any other rating is
 * a write of its own.
 */
interface LongRun {
  readonly reader: Reader
  readonly header: readonly string[]
  readonly columns: ColumnIndex | undefined
  readonly columnProblems: readonly CsvProblem[]
  /** Header problems and records with the wrong number of fields (as `parseCsv` reports them). */
  readonly fileProblems: CsvProblem[]
  /** Problems of the cells of good records (and of the options, on the header line). */
  readonly problems: CsvProblem[]
  readonly fallback: RoundId | undefined
  /** Where each target of the default instrument sits in a record's lines and codes. */
  readonly layout: FrameworkLayout
  /** The column of each field read on every row (-1: the file has none), looked up once. */
  readonly at: LongColumns
  /** Unit → round → what the file rates there (counted ratings on the default instrument). */
  readonly records: Map<UnitRef, Map<RoundId, RatingRecordWrite>>
  readonly every: number
  readonly onProgress: RatingsImportOptions['onProgress']
  /** The problem bound: past it, records are counted, not checked. */
  readonly max: number
  /** Records left unchecked at the bound, and the line of the first. */
  unchecked: number
  stoppedAt: number
  rows: number
  /** The longest cell of the records read (see `RatingsWritten`). */
  longestCell: number
  /** The last record's site and unit texts and where they led (rows of a unit usually come together). */
  lastSite: string | undefined
  lastUnit: string | undefined
  lastAt: EntityRef | undefined
  /** The lines and codes arrays of the records (views of shared buffers). */
  readonly lineArrays: (slots: number) => Int32Array
  readonly codeArrays: (slots: number) => Uint8Array
  /** What the plain records' path has learnt (undefined when it cannot be taken: see {@link plainRating}). */
  readonly learnt: Learnt | undefined
}

/**
 * The distinct texts of a file's columns the plain records' path has seen,
 * each with what the import resolved it to (the same resolvers, called once
 * per text): a unit by its site and unit texts, a round, a target's slot and
 * a level's code on the default instrument.
 */
interface Learnt {
  readonly instrument: InstrumentCells
  /** Site text → the index of its units' map (one map for the whole file when it has no site column). */
  readonly sites: SpanMap<number>
  readonly units: SpanMap<UnitRef>[]
  readonly rounds: SpanMap<RoundId>
  /** Target text → the target and its slot in the layout. */
  readonly targets: SpanMap<{ readonly id: TargetId; readonly slot: number }>
  readonly levels: SpanMap<Rating['level']>
  /** The columns that must be blank for a row to be only a counted level (instrument, declared rater, rater, date, note, evidence, extensions). */
  readonly blank: readonly number[]
}

/** The columns of the fields a long file's rows are read by (-1 when absent). */
interface LongColumns {
  readonly site: number
  readonly unit: number
  readonly target: number
  readonly level: number
  readonly round: number
  readonly instrument: number
  readonly by: number
  /** Whether the file has a rater, date, note or evidence column (else every rating is only a level). */
  readonly extras: boolean
}

const longColumns = (columns: ColumnIndex | undefined): LongColumns => {
  const at = (field: string): number => columns?.[field] ?? -1
  return {
    site: at('site'),
    unit: at('unit'),
    target: at('target'),
    level: at('level'),
    round: at('round'),
    instrument: at('instrument'),
    by: at('by'),
    extras: ['rater', 'date', 'note', 'evidence', 'extensions'].some((f) => at(f) >= 0),
  }
}

const startLong = (base: Evaluation, options: RatingsImportOptions, header: string[], line: number): LongRun => {
  const fileProblems = headerProblems(header, line)
  const cols = resolveColumnsEither(header, LONG_RATING_FIELDS, options.mapping)
  const reader = newReader(base, options)
  const max = options.maxProblems ?? DEFAULT_MAX_CSV_PROBLEMS
  const problems: CsvProblem[] = new BoundedProblems(max)
  const columns = E.isRight(cols) ? cols.right : undefined
  let fallback: RoundId | undefined
  if (columns !== undefined) {
    problems.push(...instrumentOptionProblems(reader, options))
    fallback = defaultRound(reader, columns, options, problems)
  }
  const layout = frameworkLayout(base.framework)
  return {
    reader,
    header,
    columns,
    columnProblems: E.isLeft(cols) ? cols.left : [],
    fileProblems: new BoundedProblems(max, fileProblems),
    problems,
    fallback,
    layout,
    at: longColumns(columns),
    records: new Map(),
    every: Math.max(1, options.progressEvery ?? 10_000),
    onProgress: options.onProgress,
    max,
    unchecked: 0,
    stoppedAt: 0,
    rows: 0,
    longestCell: 0,
    lastSite: undefined,
    lastUnit: undefined,
    lastAt: undefined,
    lineArrays: linesAllocator(),
    codeArrays: codeAllocator(),
    learnt: columns === undefined ? undefined : learner(reader, columns),
  }
}

const learner = (reader: Reader, columns: ColumnIndex): Learnt | undefined => {
  const instrument = reader.fallback
  if (instrument === undefined || instrument.id !== null) return undefined
  const blank = ['instrument', 'by', 'rater', 'date', 'note', 'evidence', 'extensions']
    .map((f) => columns[f])
    .filter((c): c is number => c !== undefined)
  return {
    instrument,
    sites: new SpanMap(),
    units: [],
    rounds: new SpanMap(),
    targets: new SpanMap(),
    levels: new SpanMap(),
    blank,
  }
}

/** Count a record (and report progress); false when it is past the problem bound (counted, not checked). */
const admit = (r: LongRun, line: number): boolean => {
  const rowsSoFar = ++r.rows
  if (r.onProgress !== undefined && rowsSoFar % r.every === 0) r.onProgress({ phase: 'rows', done: rowsSoFar })
  // Past the problem bound nothing more would be listed: the rest are counted, not checked.
  if (r.problems.length + r.fileProblems.length >= r.max) {
    if (r.unchecked++ === 0) r.stoppedAt = line
    return false
  }
  return true
}

const slices = (text: string, starts: Int32Array, ends: Int32Array, count: number): string[] => {
  const cells: string[] = []
  for (let k = 0; k < count; k++) cells.push(text.slice(starts[k], ends[k]))
  return cells
}

/**
 * A record with no quoted field, as positions in the text: a counted level
 * of a unit whose texts were all seen before is written here without making
 * a string (see {@link plainRating}); any other record is read as cells, as
 * every record is, and its unit is learnt. Returns whether the plain path
 * wrote it.
 */
const plainRecord = (
  r: LongRun,
  text: string,
  starts: Int32Array,
  ends: Int32Array,
  count: number,
  line: number,
): boolean => {
  if (r.columns === undefined || !admit(r, line)) return false
  const learnt = r.learnt
  if (learnt !== undefined && count === r.header.length && plainRating(r, learnt, text, starts, ends, line)) return true
  checkedRecord(r, r.columns, slices(text, starts, ends, count), line)
  if (learnt !== undefined && r.lastAt !== undefined && r.lastAt.unit !== null && r.lastUnit !== undefined)
    learnUnit(r, learnt, r.lastSite ?? '', r.lastUnit, r.lastAt as UnitRef)
  return false
}

const learnUnit = (r: LongRun, learnt: Learnt, site: string, unit: string, at: UnitRef): void => {
  let i = r.at.site < 0 ? 0 : learnt.sites.get(site, 0, site.length)
  if (i === undefined) {
    i = learnt.units.length
    if (!learnt.sites.set(site, i)) return
  }
  ;(learnt.units[i] ??= new SpanMap(1 << 20)).set(unit, at)
}

/**
 * Write a plain record that is a counted level of a unit on the default
 * instrument, every text of it (site and unit, round, target, level) one the
 * import has resolved before: the same writes as {@link checkedRecord}, found
 * through the learnt texts. Returns false, having written nothing, for any
 * other record (a blank level, an instrument or rater cell, a text not
 * learnt or not resolving, a second rating of the same item): the record is
 * then read as cells, and any problem reported there.
 */
const plainRating = (
  r: LongRun,
  learnt: Learnt,
  text: string,
  starts: Int32Array,
  ends: Int32Array,
  line: number,
): boolean => {
  const col = r.at
  if (starts[col.level] === ends[col.level]) return false
  for (const c of learnt.blank) if (starts[c] !== ends[c]) return false
  const site = col.site < 0 ? 0 : learnt.sites.get(text, starts[col.site]!, ends[col.site]!)
  if (site === undefined) return false
  const at = learnt.units[site]?.get(text, starts[col.unit]!, ends[col.unit]!)
  if (at === undefined) return false
  let round: RoundId | undefined
  if (col.round < 0 || starts[col.round] === ends[col.round]) round = r.fallback
  else {
    round = learnt.rounds.get(text, starts[col.round]!, ends[col.round]!)
    if (round === undefined) {
      const t = text.slice(starts[col.round], ends[col.round])
      const found = r.reader.catalog.round(t)
      if (E.isLeft(found)) return false
      learnt.rounds.set(t, (round = found.right))
    }
  }
  if (round === undefined) return false
  let target = learnt.targets.get(text, starts[col.target]!, ends[col.target]!)
  if (target === undefined) {
    const t = text.slice(starts[col.target], ends[col.target])
    const found = learnt.instrument.target(t)
    if (E.isLeft(found)) return false
    learnt.targets.set(t, (target = { id: found.right, slot: r.layout.slotOf.get(found.right)! }))
  }
  const slot = target.slot
  let level = learnt.levels.get(text, starts[col.level]!, ends[col.level]!)
  if (level === undefined) {
    const t = text.slice(starts[col.level], ends[col.level])
    const found = learnt.instrument.level(t)
    if (E.isLeft(found)) return false
    learnt.levels.set(t, (level = found.right))
  }
  let byRound = r.records.get(at)
  let rec = byRound?.get(round)
  // A second rating of the item: the record is read as cells, where the problem is placed.
  if (rec !== undefined && rec.lines[slot] !== 0) return false
  for (let k = 0; k < r.header.length; k++)
    if (ends[k]! - starts[k]! > r.longestCell) r.longestCell = ends[k]! - starts[k]!
  if (byRound === undefined) r.records.set(at, (byRound = new Map()))
  if (rec === undefined) byRound.set(round, (rec = newRecordWrite(r)))
  const layout = r.layout
  rec.lines[slot] = line
  rec.codes[slot] = layout.codeOf.get(level)!
  rec.ratings[target.id] = sharedRating(level)
  return true
}

/** A unit × round's record of what the file rates, its lines and codes views of the run's shared buffers. */
const newRecordWrite = (r: LongRun): RatingRecordWrite => {
  const layout = r.layout
  return {
    ratings: Object.create(null) as Record<TargetId, Rating>,
    lines: r.lineArrays(layout.slots),
    codes: r.codeArrays(layout.slots).fill(layout.unrated),
  }
}

/** Bytes per shared buffer of the lines arrays. */
const LINES_CHUNK = 256 * 1024

const linesAllocator = (): ((slots: number) => Int32Array) => viewAllocator(Int32Array, LINES_CHUNK)

const longRecord = (r: LongRun, cells: string[], line: number, quotedEmpty?: number[]): void => {
  if (r.columns === undefined || !admit(r, line)) return
  checkedRecord(r, r.columns, cells, line, quotedEmpty)
}

/** Read a record as cells: every check, every problem placed at its cell. */
const checkedRecord = (
  r: LongRun,
  columns: ColumnIndex,
  cells: string[],
  line: number,
  quotedEmpty?: number[],
): void => {
  if (cells.length !== r.header.length) {
    r.fileProblems.push(csvProblem({ line }, `${r.header.length} fields, as in the header`, cells.length, 'shape'))
    return
  }
  for (let i = 0; i < cells.length; i++) if (cells[i]!.length > r.longestCell) r.longestCell = cells[i]!.length
  const row: Row = {
    record: quotedEmpty === undefined ? { line, cells } : { line, cells, quotedEmpty },
    header: r.header,
    columns,
    problems: r.problems,
  }
  const reader = r.reader
  const col = r.at
  const levelText = cells[col.level] ?? ''
  const instrument = col.instrument < 0 ? reader.fallback : instrumentOf(row, reader)
  if (levelText === '') {
    if (textOf(row, 'note') !== undefined) {
      // An observation's target is an id of the default instrument; on another, the item is named in its source.
      const onDefault = instrument === undefined || instrument.id === null
      const about = onDefault
        ? undefined
        : `instrument ${instrument.id}${textOf(row, 'target') === undefined ? '' : `, item ${textOf(row, 'target')}`}`
      reader.notes.keep(
        row,
        entityOf(row, reader.catalog),
        roundOf(row, reader, r.fallback),
        onDefault ? reader.target : null,
        about,
      )
    }
    return
  }
  const siteText = col.site < 0 ? undefined : cells[col.site]
  const unitText = cells[col.unit]
  let at: EntityRef | undefined
  if (r.lastAt !== undefined && siteText === r.lastSite && unitText === r.lastUnit) at = r.lastAt
  else {
    at = entityOf(row, reader.catalog)
    r.lastSite = siteText
    r.lastUnit = unitText
    r.lastAt = at
  }
  const round = col.round < 0 ? r.fallback : roundOf(row, reader, r.fallback)
  const by = col.by < 0 ? undefined : raterOf(row, reader)
  const target = instrument === undefined ? undefined : take(row, 'target', instrument.target(cells[col.target] ?? ''))
  const level = instrument === undefined ? undefined : take(row, 'level', instrument.level(levelText))
  const extras = col.extras ? ratingExtras(row, reader) : NO_EXTRAS
  if (
    at === undefined ||
    round === undefined ||
    target === undefined ||
    level === undefined ||
    instrument === undefined ||
    by === null
  )
    return
  const rating = extras === NO_EXTRAS ? sharedRating(level) : { level, ...extras }
  if (instrument.id !== null || by !== undefined || at.unit === null) {
    addRating(
      row,
      reader,
      { at, instrument: instrument.id, ...(by !== undefined && { by }), round, target, rating },
      'target',
    )
    return
  }
  const unit = at as UnitRef
  let byRound = r.records.get(unit)
  if (byRound === undefined) r.records.set(unit, (byRound = new Map()))
  let rec = byRound.get(round)
  const layout = r.layout
  if (rec === undefined) byRound.set(round, (rec = newRecordWrite(r)))
  const slot = layout.slotOf.get(target)!
  const first = rec.lines[slot]!
  if (first !== 0) {
    const what = `${unit.unit} › ${round} › ${target}`
    row.problems.push(
      csvProblem(
        cellAt(row, 'target'),
        `one rating per unit, round and standard or criterion (${what} is already rated on line ${first})`,
        cells[columns['target']!],
        'duplicate',
      ),
    )
    return
  }
  rec.lines[slot] = line
  rec.codes[slot] = layout.codeOf.get(level)!
  rec.ratings[target] = rating
}

/** One frozen `{ level }` per level, shared by every rating that is only a level (as the decoder shares them). */
const SHARED_RATINGS = new Map<string, Rating>()
const sharedRating = (level: Rating['level']): Rating => {
  let r = SHARED_RATINGS.get(level)
  if (r === undefined) SHARED_RATINGS.set(level, (r = Object.freeze({ level })))
  return r
}

/** The default round, needed only when the file has no round column. */
const defaultRound = (
  reader: Reader,
  columns: ColumnIndex,
  options: RatingsImportOptions,
  problems: CsvProblem[],
): RoundId | undefined => {
  // A round column names the rounds: a base without rounds gets no `baseline` beside them (blank cells are problems).
  if (columns['round'] !== undefined && options.round === undefined && reader.catalog.base.rounds.length === 0)
    return undefined
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
 * @returns `Right` with the evaluation holding the ratings, or `Left` with every problem, at its
 * line and column.
 * @example
 * const r = importRatingsWideEither(mhipEvaluation, 'site,workstream,1.1,Standard 2.4\nLeics,Voluntary sector,met,PM\n')
 * isRight(r) && r.right.sites[1].units.find((u) => u.id === 'voluntary-sector')?.ratings['mhip-2008']
 * //=> { '1.1': { level: 'met' }, '2.4': { level: 'partly' } }
 */
export const importRatingsWideEither = (
  base: Evaluation,
  csv: string | Uint8Array,
  options: WideRatingsImportOptions = {},
): Result<Evaluation> => {
  const bad = importArgProblems('importRatingsWide', base, csv, options)
  if (bad.length > 0) return E.left(bad)
  const reader = newReader(base, options)
  const badOption = instrumentOptionProblems(reader, options)
  if (badOption.length > 0) return E.left(badOption)
  const prepared = prepare(csv, options, (t) => wideColumns(t, reader, options))
  if (E.isLeft(prepared)) return prepared
  const { table, columns, problems } = prepared.right
  const fallback = defaultRound(reader, columns.fields, options, problems)
  const instrument = reader.fallback?.id ?? null
  eachRow(table.records, table.header, columns.fields, options, problems, (row) => {
    const rated = columns.targets.filter(([col]) => (row.record.cells[col] ?? '') !== '')
    if (rated.length === 0) {
      if (textOf(row, 'note') !== undefined)
        reader.notes.keep(row, entityOf(row, reader.catalog), roundOf(row, reader, fallback), null)
      return
    }
    const at = entityOf(row, reader.catalog)
    const round = roundOf(row, reader, fallback)
    const by = raterOf(row, reader)
    const extras = ratingExtras(row, reader)
    for (const [col, target] of rated) {
      const text = row.record.cells[col] ?? ''
      const level = reader.level(text)
      if (E.isLeft(level)) {
        for (const p of level.left)
          problems.push(
            csvProblem(
              { line: row.record.line, column: col + 1, columnName: table.header[col] ?? '' },
              p.expected,
              text,
              p.code,
            ),
          )
        continue
      }
      if (at === undefined || round === undefined || by === null) continue
      addRating(
        row,
        reader,
        { at, instrument, ...(by !== undefined && { by }), round, target, rating: { level: level.right, ...extras } },
        'unit',
        col,
      )
    }
  })
  let longest = 0
  for (const rec of table.records) for (const cell of rec.cells) if (cell.length > longest) longest = cell.length
  return finish(base, reader, problems, longest)
}

interface WideColumns {
  readonly fields: ColumnIndex
  /** [column index, target id] of each rated column. */
  readonly targets: readonly (readonly [number, RatingWrite['target']])[]
}

const wideColumns = (
  table: CsvTable,
  reader: Reader,
  options: WideRatingsImportOptions,
): E.Either<readonly CsvProblem[], WideColumns> => {
  const fields = resolveColumnsEither(table.header, WIDE_RATING_FIELDS, options.mapping)
  if (E.isLeft(fields)) return fields
  const used = new Set(Object.values(fields.right).filter((c): c is number => c !== undefined))
  const lower = (names: readonly string[] | undefined) =>
    names === undefined ? undefined : new Set(names.map((n) => n.trim().toLowerCase()))
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
      for (const p of target.left)
        problems.push(
          csvProblem(
            at,
            `${p.expected} as a column header, or a field column (${WIDE_RATING_FIELDS.map((f) => f.field).join(', ')})`,
            name,
            p.code,
          ),
        )
      return
    }
    const first = seen.get(target.right)
    if (first !== undefined)
      problems.push(
        csvProblem(at, `one column per standard or criterion (${target.right} is column ${first})`, name, 'duplicate'),
      )
    seen.set(target.right, col + 1)
    targets.push([col, target.right])
  })
  if (only !== undefined)
    for (const name of options.targets ?? [])
      if (!table.header.some((h) => h.trim().toLowerCase() === name.trim().toLowerCase()))
        problems.push(
          csvProblem({ line: 1 }, `a column named ${JSON.stringify(name)} (listed in targets)`, name, 'reference'),
        )
  if (targets.length === 0 && problems.length === 0)
    problems.push(csvProblem({ line: 1 }, 'at least one standard or criterion column', table.header.join(','), 'shape'))
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
 * const base = newEvaluation({ title: 'Audit', programme: { id: 'p', name: 'P' }, framework: emhipFramework, rounds: [{ id: 'r1', label: 'Baseline' }] })
 * // `create: true` adds the sites and units the file names
 * const next = importRatingsLong(base, 'site,unit,standard,rating\nNorth,Ward A,1.1,met\nNorth,Ward B,1.1,PM\n', { create: true })
 * next.sites.map((s) => [s.id, s.units.map((u) => [u.id, u.ratings.r1['1.1'].level])]) //=> [['north', [['ward-a', 'met'], ['ward-b', 'partly']]]]
 * importRatingsLong(base, 'site,unit,standard,rating\nNorth,Ward A,1.1,met\n') //=> throws 'line 2'
 */
export const importRatingsLong = (
  base: Evaluation,
  csv: string | Uint8Array,
  options?: RatingsImportOptions,
): Evaluation => orThrow('importRatingsLong', importRatingsLongEither(base, csv, options))

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
 * // one row per unit, one column per standard ("Standard 2.4" is read as 2.4, "PM" as partly)
 * const next = importRatingsWide(mhipEvaluation, 'site,workstream,1.1,Standard 2.4\nLeics,Voluntary sector,met,PM\n')
 * next.sites[1].units.find((u) => u.id === 'voluntary-sector')?.ratings['mhip-2008'] //=> { '1.1': { level: 'met' }, '2.4': { level: 'partly' } }
 */
export const importRatingsWide = (
  base: Evaluation,
  csv: string | Uint8Array,
  options?: WideRatingsImportOptions,
): Evaluation => orThrow('importRatingsWide', importRatingsWideEither(base, csv, options))
