/**
 * A ratings row with a note but no level: kept as an observation (a statement
 * with no level), or refused, never dropped.
 * @module
 */
import type { Evaluation } from '../../model/evaluation.js'
import type { RoundId, TargetId } from '../../model/ids.js'
import type { Observation, ObservationId } from '../../model/observations.js'
import type { Result } from '../../model/problem.js'
import { csvProblem } from '../csv/problem.js'
import type { EntityRef } from '../../model/attribute-values.js'
import { cellAt, dateOf, take, textOf, type Row } from './rows.js'

/** What a ratings import does with a row that has a note but a blank level. */
export type BlankLevelNotes = 'observations' | 'error'

/** Turns noted rows without a level into observations with fresh ids. */
export class NoteKeeper {
  readonly observations: Observation[] = []
  private readonly used: Set<string>
  constructor(
    base: Evaluation,
    readonly mode: BlankLevelNotes = 'observations',
  ) {
    this.used = new Set((base.observations ?? []).map((o) => o.id as string))
  }

  private freshId(line: number): ObservationId {
    let id = `note-line-${line}`
    for (let k = 2; this.used.has(id); k++) id = `note-line-${line}-${k}`
    this.used.add(id)
    return id as ObservationId
  }

  /**
   * Keep the row's note as an observation about its unit, or its site as a whole (and target and
   * round, when given), or file a problem at the note cell when notes
   * without a level are refused. A row with neither note nor level adds
   * nothing (it is unrated). `target` resolves the target cell, if any.
   */
  keep(
    row: Row,
    at: EntityRef | undefined,
    round: RoundId | undefined,
    target: ((text: string) => Result<TargetId>) | null,
    about?: string,
  ): void {
    const text = textOf(row, 'note')
    if (text === undefined) return
    if (this.mode === 'error') {
      row.problems.push(
        csvProblem(
          cellAt(row, 'note'),
          'a level beside this note (notes: "error" refuses a note with no level; "observations" keeps it as an observation)',
          text,
          'value',
        ),
      )
      return
    }
    const targetText = target === null ? undefined : textOf(row, 'target')
    const resolved = targetText === undefined || target === null ? undefined : take(row, 'target', target(targetText))
    const date = dateOf(row, 'date')
    const rater = textOf(row, 'rater')
    if (at === undefined || (targetText !== undefined && resolved === undefined)) return
    this.observations.push({
      id: this.freshId(row.record.line),
      site: at.site,
      ...(at.unit === null ? {} : { unit: at.unit }),
      ...(resolved === undefined ? {} : { target: resolved }),
      ...(round === undefined ? {} : { round }),
      ...(date === undefined ? {} : { date: date.slice(0, 10) }),
      source: `ratings file, line ${row.record.line}${rater === undefined ? '' : `, rater ${rater}`}${about === undefined ? '' : `, ${about}`}`,
      text,
    })
  }
}
