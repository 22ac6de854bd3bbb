/**
 * Import attribute values from a CSV file: one row per site or unit, one
 * column per declared attribute.
 * @module
 */
import * as E from 'fp-ts/lib/Either.js'
import type { Evaluation } from '../../model/evaluation.js'
import { expectedValue, isIsoDate, type AttributeDefinition, type AttributeValue } from '../../model/attributes.js'
import { orThrow, type Result } from '../../model/problem.js'
import { normaliseWording } from '../../standards/lookup.js'
import { resolveSite } from '../../objectives/resolve-site.js'
import { applyEdits } from '../../edit/define.js'
import { setAttribute } from '../../attributes/edits.js'
import { atCell, csvProblem, inFileOrder, type CsvProblem } from '../csv/problem.js'
import { ambiguousName, NameIndex } from '../../model/names.js'
import type { CsvTable } from '../csv/read.js'
import { Catalog } from './catalog.js'
import { resolveColumnsEither, type FieldSpec } from './columns.js'
import { gate } from './gate.js'
import { importArgProblems, type ImportOptions } from './options.js'
import { cellAt, cellOf, eachRow, prepare, take, unitOf } from './rows.js'

/** The identifying columns of an attributes table; every other column is an attribute. */
export const ATTRIBUTE_FIELDS: readonly FieldSpec[] = [
  { field: 'site', required: false, names: ['pilot site', 'trust', 'organisation', 'organization'] },
  { field: 'unit', required: false, names: ['workstream', 'unit name', 'team'] },
]

/** Options of {@link importAttributesEither}: those of every import, and columns to leave alone. */
export interface AttributesImportOptions extends Omit<ImportOptions, 'create'> {
  /** Columns to leave alone, by header name [none]. */
  readonly ignore?: readonly string[]
}

/**
 * Read one cell as a value of an attribute: a category by its exact spelling
 * or ignoring case and punctuation; a number (a decimal point, no thousands
 * separators); a `YYYY-MM-DD` date.
 */
const readValue = (def: AttributeDefinition, text: string): AttributeValue | undefined => {
  switch (def.kind) {
    case 'categorical':
    case 'ordinal': {
      const values = def.kind === 'categorical' ? def.categories : def.order
      return values.find((v) => v === text) ?? values.find((v) => normaliseWording(v) === normaliseWording(text))
    }
    case 'numeric': {
      if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(text)) return undefined
      const n = Number(text)
      return Number.isFinite(n) ? n : undefined
    }
    case 'date':
      return isIsoDate(text) ? text : undefined
  }
}

interface AttributeColumns {
  readonly fields: Readonly<Record<string, number | undefined>>
  readonly attributes: readonly (readonly [number, AttributeDefinition])[]
}

const attributeColumns = (
  base: Evaluation,
  table: CsvTable,
  options: AttributesImportOptions,
): E.Either<readonly CsvProblem[], AttributeColumns> => {
  const fields = resolveColumnsEither(table.header, ATTRIBUTE_FIELDS, options.mapping)
  if (E.isLeft(fields)) return fields
  const problems: CsvProblem[] = []
  if (fields.right['site'] === undefined && fields.right['unit'] === undefined)
    problems.push(
      csvProblem({ line: 1 }, 'a site column or a unit column (or both)', table.header.join(','), 'reference'),
    )
  const used = new Set(Object.values(fields.right).filter((c): c is number => c !== undefined))
  const ignore = new Set((options.ignore ?? []).map(normaliseWording))
  const defs = base.attributes ?? []
  const byName = new NameIndex<AttributeDefinition>(normaliseWording)
  for (const d of defs) byName.add(d.id, d, [d.label])
  const attributes: [number, AttributeDefinition][] = []
  table.header.forEach((name, col) => {
    const key = normaliseWording(name)
    if (used.has(col) || ignore.has(key)) return
    const found = byName.find(name)
    if (found.kind === 'many') {
      problems.push(
        atCell({ line: 1, column: col + 1, columnName: name }, ambiguousName('attribute', name, found.items)),
      )
      return
    }
    const def = found.kind === 'one' ? found.item : undefined
    if (def === undefined) {
      const known = defs.map((d) => d.id).join(', ') || 'none is declared'
      problems.push(
        csvProblem(
          { line: 1, column: col + 1, columnName: name },
          `a declared attribute's id or label (${known}), or a site or unit column`,
          name,
          'reference',
        ),
      )
      return
    }
    if (attributes.some(([, d]) => d.id === def.id))
      problems.push(
        csvProblem(
          { line: 1, column: col + 1, columnName: name },
          `one column per attribute (${def.id} has a column already)`,
          name,
          'duplicate',
        ),
      )
    else attributes.push([col, def])
  })
  if (attributes.length === 0 && problems.length === 0)
    problems.push(csvProblem({ line: 1 }, 'at least one attribute column', table.header.join(','), 'shape'))
  return problems.length > 0 ? E.left(problems) : E.right({ fields: fields.right, attributes })
}

/**
 * Import attribute values from a wide table: a site column and/or a unit
 * column, then one column per declared attribute (its id or label as the
 * header). A row with a unit gives that unit's values of unit attributes; a
 * row with a site only gives the site's values of site attributes. Cells
 * are read by the attribute's kind: a category or ordinal value (exact, or
 * ignoring case and punctuation), a number (`72.5`; no thousands
 * separators), a `YYYY-MM-DD` date. A blank cell leaves the value as it was.
 * Attributes are declared in the document first (`declareAttribute`); this
 * import never declares one, so a misspelt header cannot create one.
 *
 * All or nothing: every problem (unknown column, site or unit, a value that
 * does not suit its attribute, a site attribute on a unit row, the same
 * place given twice) is returned with its line and column, and the base is
 * not changed. The result passes `decodeEvaluation`.
 * @param base - the evaluation, with its attributes declared (never mutated).
 * @param csv - the file's text or bytes.
 * @param options - column mapping (`site`, `unit`), delimiter, `ignore`.
 * @returns `right(evaluation)` or `left(problems)`.
 * @example
 * // ev declares engagement (points) on units
 * const r = importAttributesEither(ev, 'site,unit,engagement\nss,acute,45\n')
 * isRight(r) && r.right.sites[0].units[0].attributes //=> { engagement: 45 }
 * importAttributesEither(ev, 'site,unit,engagement\nss,acute,forty\n')
 * //=> left([{ where: 'line 2, column 3 (engagement)', expected: 'a finite number (in points of attribute engagement)', found: '"forty"', … }])
 */
export const importAttributesEither = (
  base: Evaluation,
  csv: string | Uint8Array,
  options: AttributesImportOptions = {},
): Result<Evaluation> => {
  const bad = importArgProblems('importAttributes', base, csv, options)
  if (bad.length > 0) return E.left(bad)
  const prepared = prepare(csv, options, (t) => attributeColumns(base, t, options))
  if (E.isLeft(prepared)) return prepared
  const { table, columns, problems } = prepared.right
  const catalog = new Catalog(base, false)
  const edits: ReturnType<typeof setAttribute>[] = []
  const seen = new Map<string, number>()
  eachRow(table.records, table.header, columns.fields, options, problems, (row) => {
    const unitText = cellOf(row, 'unit') ?? ''
    const siteText = cellOf(row, 'site') ?? ''
    let place: { site: string } | { unit: string } | undefined
    if (unitText !== '') {
      const at = unitOf(row, catalog)
      if (at !== undefined) place = { unit: at.unit }
    } else if (siteText !== '') {
      const site = take(row, 'site', resolveSite(base, siteText))
      if (site !== undefined) place = { site: site.id }
    } else {
      row.problems.push(
        csvProblem(
          cellAt(row, columns.fields['site'] !== undefined ? 'site' : 'unit'),
          'a site or a unit',
          '',
          'shape',
        ),
      )
      return
    }
    const level = unitText !== '' ? 'unit' : 'site'
    for (const [col, def] of columns.attributes) {
      const text = row.record.cells[col] ?? ''
      if (text === '') continue
      const at = { line: row.record.line, column: col + 1, columnName: table.header[col] ?? '' }
      if (def.on !== level) {
        row.problems.push(
          csvProblem(
            at,
            `a ${def.on} row (attribute ${def.id} is declared on ${def.on}s; this row names a ${level})`,
            text,
            'value',
          ),
        )
        continue
      }
      const value = readValue(def, text)
      if (value === undefined) {
        row.problems.push(csvProblem(at, expectedValue(def), text, 'value'))
        continue
      }
      if (place === undefined) continue
      const key = `${'unit' in place ? `unit:${place.unit}` : `site:${place.site}`}\u0000${def.id}`
      const first = seen.get(key)
      if (first !== undefined) {
        row.problems.push(
          csvProblem(at, `one value per ${level} and attribute (given on line ${first} already)`, text, 'duplicate'),
        )
        continue
      }
      seen.set(key, row.record.line)
      edits.push(setAttribute({ ...place, attribute: def.id, value }))
    }
  })
  if (problems.length > 0) return E.left(inFileOrder(problems))
  return E.chain(gate)(applyEdits(base, edits))
}

/**
 * Import attribute values from a wide table (the throwing twin of {@link importAttributesEither}).
 * @param base - the evaluation, with its attributes declared (never mutated).
 * @param csv - the file's text or bytes.
 * @param options - column mapping (`site`, `unit`), delimiter, `ignore`.
 * @returns the new evaluation.
 * @throws {RealistError} listing every row problem with its line and column.
 * @example
 * const next = importAttributes(ev, 'site,unit,engagement\nle,primary,35\n')
 * attributeValue(next, { unit: 'primary', attribute: 'engagement' }) //=> 35
 * attributeValue(ev, { unit: 'primary', attribute: 'engagement' }) //=> 30 // ev is unchanged
 * importAttributes(ev, 'site,unit,engagement\nss,acute,forty\n') //=> throws 'line 2, column 3 (engagement)'
 */
export const importAttributes = (
  base: Evaluation,
  csv: string | Uint8Array,
  options?: AttributesImportOptions,
): Evaluation => orThrow('importAttributes', importAttributesEither(base, csv, options))
