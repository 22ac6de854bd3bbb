/**
 * Import objective counts, attribution and impact (E-MHIP Table 7 style) from
 * a CSV file, one row per unit × objective type.
 * @module
 */
import * as E from 'fp-ts/lib/Either.js'
import type { Evaluation } from '../../model/evaluation.js'
import type { ObjectiveTypeId } from '../../model/ids.js'
import {
  ATTRIBUTION_LEVELS,
  IMPACT_LEVELS,
  type Attribution,
  type Impact,
  type ObjectiveCell,
  type ObjectiveType,
} from '../../model/objectives.js'
import { ambiguousName, NameIndex } from '../../model/names.js'
import { orThrow, problem, showList, type Result } from '../../model/problem.js'
import { cellProblems, impactProblems } from '../../objectives/validate.js'
import { normaliseWording } from '../../standards/lookup.js'
import { csvProblem, inFileOrder } from '../csv/problem.js'
import { applyWrites, type CellWrite, type ImpactWrite } from './apply.js'
import { Catalog } from './catalog.js'
import { resolveColumnsEither, type FieldSpec } from './columns.js'
import { DEFAULT_NA_LABELS, readRef } from './cell-values.js'
import { gate } from './gate.js'
import { importArgProblems, type ImportOptions } from './options.js'
import { cellAt, cellOf, eachRow, exactTextOf, prepare, take, unitOf, type Row } from './rows.js'

/** The columns of an objectives table, and the header names each is found by. */
export const OBJECTIVE_FIELDS: readonly FieldSpec[] = [
  { field: 'site', required: false, names: ['pilot site', 'trust'] },
  { field: 'unit', required: true, names: ['workstream', 'unit name', 'team'] },
  { field: 'type', required: true, names: ['objective type', 'objective'] },
  { field: 'attained', required: true, names: ['achieved', 'met'] },
  { field: 'total', required: true, names: ['objectives', 'of', 'out of'] },
  {
    field: 'attribution',
    required: false,
    names: ['due to mhip', 'due to programme', 'due to the programme', 'attributable'],
  },
  { field: 'impact', required: false, names: ['impact on service quality'] },
  { field: 'ref', required: false, names: ['source ref', 'source reference'] },
  { field: 'impactQualifier', required: false, names: ['impact qualifier'] },
  { field: 'impactRef', required: false, names: ['impact ref', 'impact source ref'] },
]

/** Options of {@link importObjectivesEither}. */
export interface ObjectivesImportOptions extends ImportOptions {
  /** Cell texts meaning an unknown attained count [`?`]. */
  readonly unknownMarkers?: readonly string[]
  /** Cell texts meaning "no objectives of this type" in the count columns [`-`, `–`, `—`, blank]. */
  readonly noneMarkers?: readonly string[]
}

const COUNT = /^[+-]?\d+$/

const isNa = (text: string): boolean => DEFAULT_NA_LABELS.some((l) => normaliseWording(l) === normaliseWording(text))

/**
 * The objective type named by id or label (ignoring case and punctuation, `&` = "and");
 * a cell that could name two types is a problem naming both; with `exactIds`, an id exactly.
 * @internal
 * @example
 * typeReader(mhipEvaluation)('Analysis & planning') //=> right('analysis-planning')
 */
export const typeReader = (ev: Evaluation, exactIds = false) => {
  const index = new NameIndex<ObjectiveType>(normaliseWording)
  for (const t of ev.objectiveTypes) index.add(t.id, t, [t.label])
  const expected = `an objective type of the evaluation (${showList(
    ev.objectiveTypes.map((t) => (exactIds ? t.id : t.label)),
    8,
    ' | ',
  )})`
  return (text: string): Result<ObjectiveTypeId> => {
    const found = exactIds ? index.findId(text) : index.find(text)
    if (found.kind === 'one') return E.right(found.item.id)
    if (found.kind === 'many') return E.left([{ ...ambiguousName('objective type', text, found.items), where: '' }])
    return E.left([problem([], expected, text, 'reference', '')])
  }
}

/**
 * An attribution ("due to the programme?") from its cell: blank is not
 * recorded (`undefined`), NA spellings are `"na"`, else a level of
 * high | medium | low | no in any case.
 * @param text - the cell's text.
 * @returns `Right` with the attribution (`undefined` for a blank cell), or `Left` with one problem.
 * @example
 * readAttributionEither('Medium') //=> right('medium')
 * readAttributionEither('')       //=> right(undefined)
 */
export const readAttributionEither = (text: string): Result<Attribution | undefined> => {
  if (text === '') return E.right(undefined)
  if (isNa(text)) return E.right('na')
  const key = normaliseWording(text)
  const level = ATTRIBUTION_LEVELS.find((l) => l === key)
  return level === undefined
    ? E.left([
        problem(
          [],
          `an attribution (${ATTRIBUTION_LEVELS.join(' | ')} | na), or blank when not recorded`,
          text,
          'value',
          '',
        ),
      ])
    : E.right(level)
}

/**
 * An attribution ("due to the programme?") from its cell: blank is not
 * recorded (`undefined`), NA spellings are `"na"`, else a level of
 * high | medium | low | no in any case.
 *
 * The throwing form of {@link readAttributionEither}: the same result, returned directly,
 * for notebooks and scripts.
 * @param text
 * @returns the result (`Attribution | undefined`), as {@link readAttributionEither}
 * gives it in its `Right`.
 * @throws {RealistError} when {@link readAttributionEither} gives `Left`: the error's
 * `problems` are those problems, and its message lists them (`[realist-eval] readAttribution: …`).
 * @example
 * readAttribution('Medium') //=> 'medium'
 * readAttribution('') //=> undefined
 */
export const readAttribution = (text: string): Attribution | undefined =>
  orThrow('readAttribution', readAttributionEither(text))

/**
 * An impact from its cell: blank is not recorded; NA spellings are
 * `{ level: 'na' }`; a level word (none | low | medium | high) alone is that
 * level; a level word followed by more text keeps the whole cell as the
 * qualifier ("None at time of MHIP; high potential" → level none).
 * @param text - the cell's text.
 * @returns `Right` with the impact (`undefined` for a blank cell), or `Left` with one problem.
 * @example
 * readImpactEither('Low')                                   //=> right({ level: 'low' })
 * readImpactEither('None at time of MHIP; high potential') //=> right({ level: 'none', qualifier: 'None at time of MHIP; high potential' })
 */
export const readImpactEither = (text: string): Result<Impact | undefined> => {
  if (text === '') return E.right(undefined)
  if (isNa(text)) return E.right({ level: 'na' })
  const words = normaliseWording(text).split(' ')
  const level = IMPACT_LEVELS.find((l) => l === words[0])
  if (level === undefined)
    return E.left([
      problem(
        [],
        `an impact (${IMPACT_LEVELS.join(' | ')} | na), optionally followed by a qualifier`,
        text,
        'value',
        '',
      ),
    ])
  return E.right(words.length === 1 ? { level } : { level, qualifier: text })
}

/**
 * An impact from its cell: blank is not recorded; NA spellings are
 * `{ level: 'na' }`; a level word (none | low | medium | high) alone is that
 * level; a level word followed by more text keeps the whole cell as the
 * qualifier ("None at time of MHIP; high potential" → level none).
 *
 * The throwing form of {@link readImpactEither}: the same result, returned directly,
 * for notebooks and scripts.
 * @param text
 * @returns the result (`Impact | undefined`), as {@link readImpactEither}
 * gives it in its `Right`.
 * @throws {RealistError} when {@link readImpactEither} gives `Left`: the error's
 * `problems` are those problems, and its message lists them (`[realist-eval] readImpact: …`).
 * @example
 * readImpact('NA') //=> { level: 'na' }
 */
export const readImpact = (text: string): Impact | undefined => orThrow('readImpact', readImpactEither(text))

/** A count cell as a number: digits only (a sign is kept so that the cell check names a negative count). */
const countOf = (row: Row, field: string, unknown: ReadonlySet<string>): number | null | undefined => {
  const text = cellOf(row, field) ?? ''
  if (unknown.has(text)) return null
  if (COUNT.test(text)) return Number(text)
  const also = field === 'attained' ? ` or ${[...unknown].join(' | ')} when unknown` : ''
  row.problems.push(csvProblem(cellAt(row, field), `a whole number${also}`, text, 'value'))
  return undefined
}

/**
 * Import objective counts from a CSV table with one row per unit × objective
 * type: site (optional when unit names are unique), unit, type (id or label),
 * attained (a count, or `?` when unknown), total, attribution (optional;
 * high | medium | low | no | na, blank = not recorded) and impact (optional;
 * none | low | medium | high | na, with any further text kept as the
 * qualifier). The count columns may hold `-` (no objectives of the type): the
 * row then adds no cell but may still carry the unit's impact, so Table 7
 * rows with dashes import as they are.
 *
 * Each cell replaces the unit's cell of the same type; an impact replaces the
 * unit's impact. The unit's rows must agree on its impact.
 *
 * All or nothing: every problem (broken CSV, a missing column, an unknown
 * site, unit or type, a count that is not a whole number, attained > total, a
 * negative count, a total of 0, an attribution or impact outside its scale,
 * the same unit × type twice, two impacts for one unit) is returned with its
 * line and column, and the base is not changed. Count checks are the
 * objectives module's own (`cellProblems`), placed at the offending cell.
 * @param base the evaluation to add objectives to (never mutated)
 * @param csv the file's text or bytes
 * @param options column mapping, markers, `create`, progress
 * @returns `Right` with the evaluation holding the counts, or `Left` with every problem, at its
 * line and column.
 * @example
 * // Table 7's Acute care outcome cell, ?/2 with attribution Low, written again
 * const r = importObjectivesEither(mhipEvaluation, 'site,workstream,type,attained,total,attribution,impact\nSSHT,Acute care,outcome,?,2,Low,NA\n')
 * isRight(r) && r.right.sites[0].units[0].objectiveCells[1] //=> { type: 'outcome', attained: null, total: 2, attribution: 'low' }
 */
export const importObjectivesEither = (
  base: Evaluation,
  csv: string | Uint8Array,
  options: ObjectivesImportOptions = {},
): Result<Evaluation> => {
  const bad = importArgProblems('importObjectives', base, csv, options)
  if (bad.length > 0) return E.left(bad)
  const prepared = prepare(csv, options, (t) => resolveColumnsEither(t.header, OBJECTIVE_FIELDS, options.mapping))
  if (E.isLeft(prepared)) return prepared
  const {
    table: { header, records },
    columns,
    problems,
  } = prepared.right
  const catalog = new Catalog(base, options.create === true, options.exactIds === true)
  const readType = typeReader(base, options.exactIds === true)
  const unknown = new Set(options.unknownMarkers ?? ['?'])
  const none = new Set(options.noneMarkers ?? ['-', '–', '—', ''])
  const knownTypes = new Set<string>(base.objectiveTypes.map((t) => t.id))
  const cells: CellWrite[] = []
  const impacts = new Map<string, { write: ImpactWrite; line: number; text: string }>()
  const seenCells = new Map<string, number>()

  eachRow(records, header, columns, options, problems, (row) => {
    const at = unitOf(row, catalog)
    const typeText = cellOf(row, 'type') ?? ''
    const totalText = cellOf(row, 'total') ?? ''
    const attainedText = cellOf(row, 'attained') ?? ''
    const attribution = take(row, 'attribution', readAttributionEither(cellOf(row, 'attribution') ?? ''))
    const impactText = cellOf(row, 'impact') ?? ''
    const qualifier = exactTextOf(row, 'impactQualifier')
    const impactRef = take(row, 'impactRef', readRef(cellOf(row, 'impactRef') ?? ''))
    const ref = take(row, 'ref', readRef(cellOf(row, 'ref') ?? ''))
    const read = take(row, 'impact', readImpactEither(impactText))
    // A qualifier column gives the qualifier exactly; the impact cell is then the level alone.
    if (qualifier !== undefined && read?.qualifier !== undefined)
      row.problems.push(
        csvProblem(
          cellAt(row, 'impact'),
          'an impact level alone (none | low | medium | high | na) when the impactQualifier column gives the qualifier',
          impactText,
          'value',
        ),
      )
    if (impactText === '' && (qualifier !== undefined || impactRef !== undefined))
      row.problems.push(
        csvProblem(
          cellAt(row, 'impact'),
          'an impact level for the impact qualifier or source reference on this row',
          impactText,
          'shape',
        ),
      )
    const impact: Impact | undefined =
      read === undefined
        ? undefined
        : {
            ...read,
            ...(qualifier === undefined ? {} : { qualifier }),
            ...(impactRef === undefined ? {} : { ref: impactRef }),
          }
    const where = at === undefined ? 'unit' : `site ${at.site} › unit ${at.unit}`
    if (impact !== undefined && at !== undefined) {
      for (const p of impactProblems(impact, [], where))
        row.problems.push(csvProblem(cellAt(row, 'impact'), p.expected, impactText, p.code))
      const key = `${at.site}\u0000${at.unit}`
      const first = impacts.get(key)
      const same = first !== undefined && JSON.stringify(first.write.impact) === JSON.stringify(impact)
      if (first === undefined) impacts.set(key, { write: { at, impact }, line: row.record.line, text: impactText })
      else if (
        !same &&
        (qualifier !== undefined ||
          impactRef !== undefined ||
          normaliseWording(first.text) !== normaliseWording(impactText))
      )
        row.problems.push(
          csvProblem(
            cellAt(row, 'impact'),
            `the same impact as line ${first.line} (${JSON.stringify(first.text)}): one impact per unit`,
            impactText,
            'consistency',
          ),
        )
    }
    // No objectives of this type (Table 7's "-"): nothing more on this row.
    if (none.has(totalText) && none.has(attainedText)) return
    if (typeText === '') {
      row.problems.push(csvProblem(cellAt(row, 'type'), 'an objective type for a row with counts', typeText, 'shape'))
      return
    }
    const type = take(row, 'type', readType(typeText))
    const total = countOf(row, 'total', new Set())
    const attained = countOf(row, 'attained', unknown)
    if (at === undefined || type === undefined || total === undefined || total === null || attained === undefined)
      return
    const cell: ObjectiveCell = {
      type,
      attained,
      total,
      ...(attribution === undefined ? {} : { attribution }),
      ...(ref === undefined ? {} : { ref }),
    }
    const found = cellProblems(cell, knownTypes, [], where)
    for (const p of found) {
      const field = String(p.path[p.path.length - 1] ?? 'total')
      row.problems.push(csvProblem(cellAt(row, field), p.expected, cellOf(row, field), p.code))
    }
    if (found.length > 0) return
    const key = `${at.site}\u0000${at.unit}\u0000${type}`
    const first = seenCells.get(key)
    if (first !== undefined) {
      row.problems.push(
        csvProblem(
          cellAt(row, 'type'),
          `one row per unit × type (${at.unit} › ${type} is already on line ${first})`,
          typeText,
          'duplicate',
        ),
      )
      return
    }
    seenCells.set(key, row.record.line)
    cells.push({ at, cell })
  })
  if (problems.length > 0) return E.left(inFileOrder(problems))
  return E.chain(gate)(
    applyWrites(base, catalog.additions, { cells, impacts: [...impacts.values()].map((i) => i.write) }),
  )
}

/**
 * Import objective counts from a CSV table with one row per unit × objective
 * type: site (optional when unit names are unique), unit, type (id or label),
 * attained (a count, or `?` when unknown), total, attribution (optional;
 * high | medium | low | no | na, blank = not recorded) and impact (optional;
 * none | low | medium | high | na, with any further text kept as the
 * qualifier). The count columns may hold `-` (no objectives of the type): the
 * row then adds no cell but may still carry the unit's impact, so Table 7
 * rows with dashes import as they are.
 *
 * The throwing form of {@link importObjectivesEither}: the same result, returned directly,
 * for notebooks and scripts.
 * @param base the evaluation to add objectives to (never mutated)
 * @param csv the file's text or bytes
 * @param options column mapping, markers, `create`, progress
 * @returns the result (`Evaluation`), as {@link importObjectivesEither}
 * gives it in its `Right`.
 * @throws {RealistError} when {@link importObjectivesEither} gives `Left`: the error's
 * `problems` are those problems, and its message lists them (`[realist-eval] importObjectives: …`).
 * @example
 * // Two rows in Table 7's form: process 2 of 3 (medium attribution, impact low), outcome ?/2
 * const base = newEvaluation({ title: 'Audit', programme: { id: 'p', name: 'P' }, framework: emhipFramework, objectiveTypes: mhipObjectiveTypes })
 * const csv = 'site,unit,type,attained,total,attribution,impact\nNorth,Ward A,process,2,3,medium,low\nNorth,Ward A,outcome,?,2,,\n'
 * const next = importObjectives(base, csv, { create: true })
 * next.sites[0].units[0].objectiveCells
 * //=> [{ type: 'process', attained: 2, total: 3, attribution: 'medium' }, { type: 'outcome', attained: null, total: 2 }]
 * objectiveAttainment(next)[0] //=> { attained: 2, unknown: 2, total: 5, low: 2, high: 4, … } // 2 of 5, or 4 if both unknown were attained
 */
export const importObjectives = (
  base: Evaluation,
  csv: string | Uint8Array,
  options?: ObjectivesImportOptions,
): Evaluation => orThrow('importObjectives', importObjectivesEither(base, csv, options))
