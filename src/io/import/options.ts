/**
 * Options shared by every CSV import.
 * @module
 */
import type { ReadCsvOptions } from '../csv/read.js'
import type { ColumnMapping } from './columns.js'
import { evaluationArgProblems, integerAtLeast, optionProblems, type OptionRule } from '../../model/options.js'
import { problem, type Problem } from '../../model/problem.js'

/** Where an import has got to, for a progress bar on large files. */
export interface ImportProgress {
  /** `parse`: reading CSV records; `rows`: checking and resolving them. */
  readonly phase: 'parse' | 'rows'
  /** Records done so far in this phase. */
  readonly done: number
  /**
   * Records in all, when known: at the end of phase `rows` (a long ratings
   * file is resolved as it is read, so its count is known at its end), and
   * throughout phase `rows` of the other imports.
   */
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
  /**
   * The encoding of byte input [`'utf-8'`, checked: bytes that are not UTF-8
   * are a problem at their line and offset]; e.g. `'windows-1252'`.
   */
  readonly encoding?: string
  /** The most problems listed; past it they are counted and checking stops [1,000]. */
  readonly maxProblems?: number
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

const isBoolean: OptionRule = (v) => (typeof v === 'boolean' ? undefined : 'true or false')
const isText: OptionRule = (v) => (typeof v === 'string' ? undefined : 'a string')
const isTextList: OptionRule = (v) =>
  Array.isArray(v) && v.every((x) => typeof x === 'string') ? undefined : 'a list of strings'
const isFunction: OptionRule = (v) => (typeof v === 'function' ? undefined : 'a function')
const isMapping: OptionRule = (v) =>
  typeof v === 'object' &&
  v !== null &&
  !Array.isArray(v) &&
  Object.values(v).every((x) => x === undefined || typeof x === 'string')
    ? undefined
    : 'an object of field → header name (strings)'
const isDelimiter: OptionRule = (v) =>
  typeof v === 'string' && v.length > 0 && !/["\r\n]/.test(v)
    ? undefined
    : 'a non-empty delimiter without a quote or line break'

/** The rules of every import's options (a rule only applies to the options an import has). */
const IMPORT_OPTION_RULES: Readonly<Record<string, OptionRule>> = {
  mapping: isMapping,
  create: isBoolean,
  exactIds: isBoolean,
  delimiter: isDelimiter,
  stripFormulaGuard: isBoolean,
  onProgress: isFunction,
  progressEvery: integerAtLeast(1),
  encoding: isText,
  maxProblems: integerAtLeast(1),
  round: isText,
  instrument: isText,
  naLabels: isTextList,
  notes: (v) => (v === 'observations' || v === 'error' ? undefined : "'observations' or 'error'"),
  unknownMarkers: isTextList,
  noneMarkers: isTextList,
  targets: isTextList,
  ignore: isTextList,
}

/**
 * The problems of an import's arguments: the base must be an evaluation, the file text or bytes, and
 * each option must suit its rule (a bad option is a problem naming it, never
 * a silent default).
 * @internal
 * @example
 * importArgProblems('importObjectives', mhipEvaluation, 'a,b\n', { maxProblems: NaN })
 * //=> [{ where: 'importObjectives › options › maxProblems', expected: 'an integer of at least 1', found: 'NaN', … }]
 */
export const importArgProblems = (fn: string, base: unknown, csv: unknown, options: unknown): Problem[] => [
  ...evaluationArgProblems(fn, base),
  ...(typeof csv === 'string' || csv instanceof Uint8Array
    ? []
    : [problem(['csv'], "the file's text (a string) or bytes (a Uint8Array)", csv, 'shape', `${fn} › csv`)]),
  ...optionProblems(fn, options, IMPORT_OPTION_RULES),
]

/**
 * The CSV reading options of an import: delimiter, formula guard, `parse` progress.
 * @param options - the import's options.
 * @returns the options for the CSV reader.
 */
export const csvOptions = (options: ImportOptions): ReadCsvOptions => ({
  ...(options.delimiter === undefined ? {} : { delimiter: options.delimiter }),
  stripFormulaGuard: options.stripFormulaGuard === true,
  ...(options.encoding === undefined ? {} : { encoding: options.encoding }),
  ...(options.maxProblems === undefined ? {} : { maxProblems: options.maxProblems }),
  ...(options.progressEvery === undefined ? {} : { progressEvery: options.progressEvery }),
  ...(options.onProgress === undefined
    ? {}
    : { onProgress: (done: number) => options.onProgress!({ phase: 'parse', done }) }),
})
