/**
 * Options shared by every CSV import.
 * @module
 */
import type { ReadCsvOptions } from '../csv/read.js'
import type { ColumnMapping } from './columns.js'

/** Where an import has got to, for a progress bar on large files. */
export interface ImportProgress {
  /** `parse`: reading CSV records; `rows`: checking and resolving them. */
  readonly phase: 'parse' | 'rows'
  /** Records done so far in this phase. */
  readonly done: number
  /** Records in all, when known (always in phase `rows`). */
  readonly total?: number
}

/** Options of every import. Defaults are in brackets. */
export interface ImportOptions {
  /** Field → header name in the file [each field found by its usual names]. */
  readonly mapping?: ColumnMapping
  /**
   * Create the sites, units and rounds the file names but the base document
   * lacks [`false`: such a name is a row error, so a typo cannot create a site].
   */
  readonly create?: boolean
  /**
   * Read every site, unit, round, standard, criterion, level and objective
   * type cell as an exact id, never as a name [`false`: ids, names and
   * aliases, ignoring case and punctuation; a cell that could mean two
   * things is a problem]. For files written by the library's exports.
   */
  readonly exactIds?: boolean
  /** Field delimiter [`","`]. */
  readonly delimiter?: string
  /** Remove the formula guard `toCsv` adds (`'=x` → `=x`) [`false`]. */
  readonly stripFormulaGuard?: boolean
  /** Called every `progressEvery` records in each phase, and once at the end of each. */
  readonly onProgress?: (progress: ImportProgress) => void
  /** [10 000] */
  readonly progressEvery?: number
}

/** Options of the ratings imports (long and wide). */
export interface RatingsImportOptions extends ImportOptions {
  /**
   * The round of every rating when the file has no round column [the base's
   * only round; with `create` and no rounds, a new round `baseline`].
   */
  readonly round?: string
  /** Spellings of not applicable [`na`, `n/a`, `not applicable`]. */
  readonly naLabels?: readonly string[]
  /**
   * A row with a note but a blank level [`'observations'`: the note becomes an
   * observation about the row's unit (and its standard and round, when
   * given), with the date, and the file line and rater as its source;
   * `'error'`: the row is refused at its level cell]. Never dropped.
   */
  readonly notes?: 'observations' | 'error'
  /**
   * The instrument (id or title) of rows whose instrument cell is blank or
   * missing, and of every column of a wide file [the default instrument].
   */
  readonly instrument?: string
}

/** The CSV reading options of an import: delimiter, formula guard, `parse` progress. */
export const csvOptions = (options: ImportOptions): ReadCsvOptions => ({
  ...(options.delimiter === undefined ? {} : { delimiter: options.delimiter }),
  stripFormulaGuard: options.stripFormulaGuard === true,
  ...(options.progressEvery === undefined ? {} : { progressEvery: options.progressEvery }),
  ...(options.onProgress === undefined ? {} : { onProgress: (done: number) => options.onProgress!({ phase: 'parse', done }) }),
})
