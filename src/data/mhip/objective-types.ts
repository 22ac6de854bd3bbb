import { asId } from '../../model/ids.js'
import type { SourceRef } from '../../model/framework.js'
import type { ObjectiveType } from '../../model/objectives.js'

export const MHIP_DOCUMENT = 'E-MHIP final report (2008)'
/**
 * A reference to lines of the E-MHIP report's reference text.
 * @param lines - the line or range, as `L1887` or `L1883-L1906`.
 * @returns the source reference: the report, and the lines.
 * @example
 * mhipRef('L1887') //=> { document: 'E-MHIP final report (2008)', lines: 'L1887' }
 */
export const mhipRef = (lines: string): SourceRef => ({ document: MHIP_DOCUMENT, lines })

/** Ids of the three MHIP objective types, for code that names them. */
export const MHIP_TYPE = {
  analysisPlanning: asId<'ObjectiveTypeId'>('analysis-planning'),
  process: asId<'ObjectiveTypeId'>('process'),
  outcome: asId<'ObjectiveTypeId'>('outcome'),
} as const

/**
 * The three types of local objectives in the MHIP plans (L1875-L1879), in
 * Table 7's column order. They are data: an evaluation may add its own types
 * (see `addObjectiveType`).
 * @example
 * mhipObjectiveTypes.map((t) => t.id) //=> ['analysis-planning', 'process', 'outcome']
 */
export const mhipObjectiveTypes: readonly ObjectiveType[] = [
  {
    id: MHIP_TYPE.analysisPlanning,
    label: 'Analysis & planning',
    description: 'Initial work, e.g. consulting stakeholders, measuring demand and capacity, developing plans.',
    ref: mhipRef('L1877'),
  },
  {
    id: MHIP_TYPE.process,
    label: 'Process changes',
    description:
      'Changes in the way organisations work, e.g. setting up new structures and services, creating new partnerships.',
    ref: mhipRef('L1878'),
  },
  {
    id: MHIP_TYPE.outcome,
    label: 'Outcome changes',
    description:
      'Actual changes in service quality, e.g. providing more efficient services, improving service user outcomes and satisfaction.',
    ref: mhipRef('L1879'),
  },
]
