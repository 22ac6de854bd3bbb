/**
 * Import individual objectives from a CSV file, one row per objective: the
 * form evaluators keep in a spreadsheet while a programme runs, before (or
 * instead of) summarising them as Table 7 counts.
 * @module
 */
import * as E from 'fp-ts/lib/Either.js'
import type { Evaluation } from '../../model/evaluation.js'
import type { ObjectiveId } from '../../model/ids.js'
import { OBJECTIVE_STATUSES, type Objective, type ObjectiveStatus } from '../../model/objectives.js'
import { orThrow, problem, type Result } from '../../model/problem.js'
import { RESERVED_KEYS } from '../../model/codec-kit.js'
import { normaliseWording } from '../../standards/lookup.js'
import { csvProblem, inFileOrder } from '../csv/problem.js'
import { applyWrites, type ObjectiveWrite } from './apply.js'
import { Catalog } from './catalog.js'
import { resolveColumnsEither, type FieldSpec } from './columns.js'
import { gate } from './gate.js'
import { readAttributionEither, typeReader } from './objectives.js'
import { importArgProblems, type ImportOptions } from './options.js'
import { cellAt, cellOf, eachRow, exactTextOf, prepare, take, unitOf } from './rows.js'
import { readRef } from './cell-values.js'

/** The columns of an objective list, and the header names each is found by. */
export const OBJECTIVE_LIST_FIELDS: readonly FieldSpec[] = [
  { field: 'site', required: false, names: ['pilot site', 'trust'] },
  { field: 'unit', required: true, names: ['workstream', 'unit name', 'team'] },
  { field: 'id', required: true, names: ['objective id', 'ref', 'reference', 'no', 'number'] },
  { field: 'type', required: true, names: ['objective type', 'kind'] },
  { field: 'status', required: true, names: ['attained', 'achieved', 'met', 'outcome'] },
  { field: 'text', required: false, names: ['objective', 'description', 'wording'] },
  {
    field: 'attribution',
    required: false,
    names: ['due to mhip', 'due to programme', 'due to the programme', 'attributable'],
  },
  { field: 'ref', required: false, names: ['source ref', 'source reference'] },
]

/** Cell texts for each status, compared after `normaliseWording` (case and punctuation ignored). */
const STATUS_WORDS: Readonly<Record<ObjectiveStatus, readonly string[]>> = {
  attained: ['attained', 'achieved', 'met', 'yes', 'y', 'done'],
  'not-attained': ['not attained', 'not achieved', 'not met', 'no', 'n'],
  unknown: ['unknown', '?', 'not known', "don't know"],
}

// "?" normalises to "" (punctuation is dropped), so it is matched as it is, and "" never means a status.
const statusByWord = new Map<string, ObjectiveStatus>(
  OBJECTIVE_STATUSES.flatMap((status) =>
    STATUS_WORDS[status].filter((w) => w !== '?').map((w): [string, ObjectiveStatus] => [normaliseWording(w), status]),
  ),
)

/**
 * An objective's status from its cell: attained (achieved, met, yes),
 * not-attained (not achieved, not met, no) or unknown (?, not known), in any
 * case and spelling of the punctuation.
 * @param text - the cell's text.
 * @returns `Right` with the status, or `Left` with one problem listing the spellings.
 * @example
 * readObjectiveStatusEither('Achieved') //=> right('attained')
 * readObjectiveStatusEither('?')        //=> right('unknown')
 * readObjectiveStatusEither('maybe')    //=> left([{ expected: 'an objective status: attained (achieved, met, yes) | …', found: '"maybe"', … }])
 */
export const readObjectiveStatusEither = (text: string): Result<ObjectiveStatus> => {
  const status = text.trim() === '?' ? 'unknown' : statusByWord.get(normaliseWording(text))
  if (status !== undefined) return E.right(status)
  const expected = `an objective status: ${OBJECTIVE_STATUSES.map(
    (s) =>
      `${s} (${STATUS_WORDS[s]
        .filter((w) => w !== s)
        .slice(0, 3)
        .join(', ')})`,
  ).join(' | ')}`
  return E.left([problem([], expected, text, text === '' ? 'shape' : 'value', '')])
}

/**
 * An objective's status from its cell: attained (achieved, met, yes),
 * not-attained (not achieved, not met, no) or unknown (?, not known), in any
 * case and spelling of the punctuation.
 *
 * The throwing form of {@link readObjectiveStatusEither}: the same result, returned directly,
 * for notebooks and scripts.
 * @param text
 * @returns the result (`ObjectiveStatus`), as {@link readObjectiveStatusEither}
 * gives it in its `Right`.
 * @throws {RealistError} when {@link readObjectiveStatusEither} gives `Left`: the error's
 * `problems` are those problems, and its message lists them (`[realist-eval] readObjectiveStatus: …`).
 * @example
 * readObjectiveStatus('?') //=> 'unknown'
 */
export const readObjectiveStatus = (text: string): ObjectiveStatus =>
  orThrow('readObjectiveStatus', readObjectiveStatusEither(text))

/** Options of {@link importObjectiveListEither}: the column mapping, `create`, progress and CSV options. */
export type ObjectiveListImportOptions = ImportOptions

/**
 * Import individual objectives from a CSV table with one row per objective:
 * site (optional when unit names are unique), unit, id, type (id or label),
 * status (attained | not-attained | unknown, with the usual spellings:
 * achieved, met, yes, no, ?), text (optional) and attribution (optional;
 * high | medium | low | no | na, blank = not recorded).
 *
 * An objective whose id the unit already has is replaced; any other is added
 * to its unit. Objective ids are unique across the evaluation, as the model
 * requires.
 *
 * All or nothing: every problem (broken CSV, a missing column, an unknown
 * site, unit or type, a status or attribution outside its scale, a blank or
 * reserved id, an id used twice in the file or by another unit, a unit whose
 * type is recorded as a count cell already) is returned with its line and
 * column, and the base is not changed. The result goes through
 * `decodeEvaluation` like every import.
 * @param base the evaluation to add objectives to (never mutated)
 * @param csv the file's text or bytes
 * @param options column mapping, `create`, progress
 * @returns `Right` with the evaluation holding the objectives, or `Left` with every problem, at its
 * line and column.
 * @example
 * // E-MHIP's Acute care records process and outcome as counts: a list of analysis & planning objectives is accepted
 * const r = importObjectiveListEither(mhipEvaluation, 'workstream,id,type,status,objective\nAcute care,ac-1,analysis-planning,Achieved,Weekly huddle\n')
 * isRight(r) && r.right.sites[0].units[0].objectives //=> [{ id: 'ac-1', type: 'analysis-planning', status: 'attained', text: 'Weekly huddle' }]
 * // … a list of process objectives is not: the unit has a process count cell already
 * importObjectiveListEither(mhipEvaluation, 'workstream,id,type,status,objective\nAcute care,ac-1,process,Achieved,Weekly huddle\n')
 * //=> left([{ where: 'line 2, column 3 (type)', code: 'consistency', … }])
 */
export const importObjectiveListEither = (
  base: Evaluation,
  csv: string | Uint8Array,
  options: ObjectiveListImportOptions = {},
): Result<Evaluation> => {
  const bad = importArgProblems('importObjectiveList', base, csv, options)
  if (bad.length > 0) return E.left(bad)
  const prepared = prepare(csv, options, (t) => resolveColumnsEither(t.header, OBJECTIVE_LIST_FIELDS, options.mapping))
  if (E.isLeft(prepared)) return prepared
  const {
    table: { header, records },
    columns,
    problems,
  } = prepared.right
  const catalog = new Catalog(base, options.create === true, options.exactIds === true)
  const readType = typeReader(base, options.exactIds === true)
  // Where each objective id already lives (an id is kept by its own unit, refused to any other), and the count cells.
  const owner = new Map<string, string>()
  const countCells = new Set<string>()
  for (const site of base.sites)
    for (const unit of site.units) {
      const key = `${site.id}\u0000${unit.id}`
      for (const o of unit.objectives) owner.set(o.id, key)
      for (const c of unit.objectiveCells) countCells.add(`${key}\u0000${c.type}`)
    }
  const objectives: ObjectiveWrite[] = []
  const seen = new Map<string, number>()

  eachRow(records, header, columns, options, problems, (row) => {
    const at = unitOf(row, catalog)
    const idText = cellOf(row, 'id') ?? ''
    const typeText = cellOf(row, 'type') ?? ''
    const type = typeText === '' ? undefined : take(row, 'type', readType(typeText))
    if (typeText === '') row.problems.push(csvProblem(cellAt(row, 'type'), 'an objective type', typeText, 'shape'))
    const status = take(row, 'status', readObjectiveStatusEither(cellOf(row, 'status') ?? ''))
    const attribution = take(row, 'attribution', readAttributionEither(cellOf(row, 'attribution') ?? ''))
    const text = exactTextOf(row, 'text')
    const ref = take(row, 'ref', readRef(cellOf(row, 'ref') ?? ''))
    if (idText === '') row.problems.push(csvProblem(cellAt(row, 'id'), 'an objective id', idText, 'shape'))
    else if (RESERVED_KEYS.has(idText))
      row.problems.push(
        csvProblem(cellAt(row, 'id'), 'an objective id (not __proto__, constructor or prototype)', idText, 'value'),
      )
    else {
      const first = seen.get(idText)
      if (first !== undefined)
        row.problems.push(
          csvProblem(
            cellAt(row, 'id'),
            `an objective id not used before in the file (line ${first} has it)`,
            idText,
            'duplicate',
          ),
        )
      else seen.set(idText, row.record.line)
      const home = owner.get(idText)
      if (at !== undefined && home !== undefined && home !== `${at.site}\u0000${at.unit}`)
        row.problems.push(
          csvProblem(
            cellAt(row, 'id'),
            `an objective id not used by another unit (${home.replace('\u0000', ' › ')} has it)`,
            idText,
            'duplicate',
          ),
        )
    }
    if (at !== undefined && type !== undefined && countCells.has(`${at.site}\u0000${at.unit}\u0000${type}`))
      row.problems.push(
        csvProblem(
          cellAt(row, 'type'),
          `a type this unit does not record as a count cell (${at.unit} has a ${type} cell: either a cell or individual objectives, not both)`,
          typeText,
          'consistency',
        ),
      )
    if (row.problems.length > 0 || at === undefined || type === undefined || status === undefined) return
    const objective: Objective = {
      id: idText as ObjectiveId,
      type,
      status,
      ...(text === undefined ? {} : { text }),
      ...(attribution === undefined ? {} : { attribution }),
      ...(ref === undefined ? {} : { ref }),
    }
    objectives.push({ at, objective })
  })
  if (problems.length > 0) return E.left(inFileOrder(problems))
  return E.chain(gate)(applyWrites(base, catalog.additions, { objectives }))
}

/**
 * Import individual objectives from a CSV table with one row per objective:
 * site (optional when unit names are unique), unit, id, type (id or label),
 * status (attained | not-attained | unknown, with the usual spellings:
 * achieved, met, yes, no, ?), text (optional) and attribution (optional;
 * high | medium | low | no | na, blank = not recorded).
 *
 * The throwing form of {@link importObjectiveListEither}: the same result, returned directly,
 * for notebooks and scripts.
 * @param base the evaluation to add objectives to (never mutated)
 * @param csv the file's text or bytes
 * @param options column mapping, `create`, progress
 * @returns the result (`Evaluation`), as {@link importObjectiveListEither}
 * gives it in its `Right`.
 * @throws {RealistError} when {@link importObjectiveListEither} gives `Left`: the error's
 * `problems` are those problems, and its message lists them (`[realist-eval] importObjectiveList: …`).
 * @example
 * const next = importObjectiveList(mhipEvaluation, 'workstream,id,type,status,objective\nAcute care,ac-1,analysis-planning,?,Weekly huddle\n')
 * next.sites[0].units[0].objectives //=> [{ id: 'ac-1', type: 'analysis-planning', status: 'unknown', text: 'Weekly huddle' }]
 * importObjectiveList(mhipEvaluation, 'workstream,id,type,status\nAcute care,ac-1,analysis-planning,maybe\n') //=> throws 'line 2, column 4 (status)'
 */
export const importObjectiveList = (
  base: Evaluation,
  csv: string | Uint8Array,
  options?: ObjectiveListImportOptions,
): Evaluation => orThrow('importObjectiveList', importObjectiveListEither(base, csv, options))
