/**
 * Find the columns an import needs in a CSV header, from an explicit column
 * mapping or else by the usual names (`site`, `unit` or `workstream`, …).
 * @module
 */
import * as E from '../../model/either.js'
import { normaliseWording } from '../../standards/lookup.js'
import { orThrow } from '../../model/problem.js'
import { csvProblem, type CsvProblem } from '../csv/problem.js'

/** A field an import reads, and the header names it answers to by default. */
export interface FieldSpec {
  readonly field: string
  readonly required: boolean
  /** Header names recognised when the mapping does not name the column (matched ignoring case and punctuation). */
  readonly names: readonly string[]
}

/** Field → header name in the file. Fields left out are found by their usual names. */
export type ColumnMapping = Readonly<Record<string, string | undefined>>

/** Field → 0-based column index; absent optional fields are left out. */
export type ColumnIndex = Readonly<Record<string, number | undefined>>

/**
 * Locate each field's column in the header. A mapped name must exist in the
 * header; an unmapped field is looked up by its usual names; a required field
 * found neither way is a problem on line 1.
 *
 * Degenerate input: a mapping key that is not a field of `specs` is a
 * problem too (it is almost always a typo in a mapping file).
 * @param header - the file's header cells.
 * @param specs - each field: its name, whether it is required, its usual headers.
 * @param mapping - field → header, for headers the usual names miss (default none).
 * @param headerLine - the line of the header, for problems (default 1).
 * @returns `Right` with each field's column index, or `Left` with the problems.
 * @example
 * const specs = [{ field: 'site', required: true, names: ['site'] }, { field: 'target', required: true, names: ['standard'] }]
 * resolveColumnsEither(['Trust', 'Std', 'Rating'], specs, { site: 'Trust', target: 'Std' }) //=> right({ site: 0, target: 1 })
 * resolveColumnsEither(['Trust', 'Rating'], specs, { site: 'Trust' }) //=> left([{ where: …, … }])
 */
export const resolveColumnsEither = (
  header: readonly string[],
  specs: readonly FieldSpec[],
  mapping: ColumnMapping = {},
  headerLine = 1,
): E.Either<readonly CsvProblem[], ColumnIndex> => {
  const problems: CsvProblem[] = []
  const byName = new Map<string, number>()
  header.forEach((h, i) => {
    const key = normaliseWording(h)
    if (!byName.has(key)) byName.set(key, i)
  })
  const known = new Set(specs.map((s) => s.field))
  for (const key of Object.keys(mapping)) {
    if (!known.has(key))
      problems.push(
        csvProblem({ line: headerLine }, `a mapping for one of the fields ${[...known].join(', ')}`, key, 'value'),
      )
  }
  const index: Record<string, number | undefined> = {}
  const used = new Map<number, string>()
  for (const spec of specs) {
    const mapped = mapping[spec.field]
    let col: number | undefined
    if (mapped !== undefined) {
      col = byName.get(normaliseWording(mapped))
      if (col === undefined)
        problems.push(
          csvProblem(
            { line: headerLine },
            `a column named ${JSON.stringify(mapped)} for field ${spec.field} (the header has ${header.join(', ')})`,
            mapped,
            'reference',
          ),
        )
    } else {
      for (const name of [spec.field, ...spec.names]) {
        col = byName.get(normaliseWording(name))
        if (col !== undefined && !used.has(col)) break
        col = undefined
      }
      if (col === undefined && spec.required)
        problems.push(
          csvProblem(
            { line: headerLine },
            `a column for field ${spec.field} (a header named one of ${[...new Set([spec.field, ...spec.names])].map((n) => JSON.stringify(n)).join(', ')}, or mapped)`,
            header.join(','),
            'reference',
          ),
        )
    }
    if (col !== undefined) {
      const other = used.get(col)
      if (other !== undefined)
        problems.push(
          csvProblem(
            { line: headerLine, column: col + 1, columnName: header[col] },
            `one field per column (already used for ${other})`,
            spec.field,
            'duplicate',
          ),
        )
      used.set(col, spec.field)
      index[spec.field] = col
    }
  }
  return problems.length > 0 ? E.left(problems) : E.right(index)
}

/**
 * Locate each field's column in the header. A mapped name must exist in the
 * header; an unmapped field is looked up by its usual names; a required field
 * found neither way is a problem on line 1.
 *
 * The throwing form of {@link resolveColumnsEither}: the same result, returned directly,
 * for notebooks and scripts.
 *
 * Degenerate input: a mapping key that is not a field of `specs` is a
 * problem too (it is almost always a typo in a mapping file).
 * @param header
 * @param specs
 * @param mapping
 * @param headerLine
 * @returns the result (`ColumnIndex`), as {@link resolveColumnsEither}
 * gives it in its `Right`.
 * @throws {RealistError} when {@link resolveColumnsEither} gives `Left`: the error's
 * `problems` are those problems, and its message lists them (`[realist-eval] resolveColumns: …`).
 * @example
 * const specs = [{ field: 'site', required: true, names: ['site'] }, { field: 'target', required: true, names: ['standard'] }]
 * resolveColumns(['Site', 'Standard', 'Rating'], specs) //=> { site: 0, target: 1 }
 */
export const resolveColumns = (
  header: readonly string[],
  specs: readonly FieldSpec[],
  mapping: ColumnMapping = {},
  headerLine = 1,
): ColumnIndex => orThrow('resolveColumns', resolveColumnsEither(header, specs, mapping, headerLine))
