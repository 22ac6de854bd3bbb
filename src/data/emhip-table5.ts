/**
 * The published figures of E-MHIP Table 5 ("Percentage of fully met
 * standards in all 4 sites", reference L1226-L1242) as reference data: the
 * % of workstreams that fully met each standard, the Total row, and the
 * overall met / partly met / not met split stated under the table. The report
 * rated 15 workstreams (L1220) and says neither the denominators nor the
 * rounding rule.
 * @module
 */
import type { StandardId } from '../model/ids.js'
import { asId } from '../model/ids.js'
import type { SourceRef } from '../model/framework.js'
import type { PublishedFigure } from '../standards/consistency.js'

const DOCUMENT = 'E-MHIP final report (2008)'
const ref = (lines: string): SourceRef => ({ document: DOCUMENT, lines })

/** One row of Table 5. */
export interface Table5Row {
  readonly standard: StandardId
  /** The wording as printed in Table 5. */
  readonly wording: string
  /** "% fully met", as printed (whole percentages). */
  readonly percentFullyMet: number
  readonly ref: SourceRef
}

const row = (id: string, wording: string, percentFullyMet: number, line: number): Table5Row => ({
  standard: asId<'StandardId'>(id),
  wording,
  percentFullyMet,
  ref: ref(`L${line}`),
})

/** The 11 standard rows of Table 5 (L1229-L1239). */
export const emhipTable5: readonly Table5Row[] = [
  row('1.1', 'The organisation is ready for change', 19, 1229),
  row('1.2', 'The existing organisational structure is supportive of change', 23, 1230),
  row('2.1', 'The change programme is developed in consultation with all relevant parties', 44, 1231),
  row('2.2', 'The needs, goals and abilities to meet these goals are communicated to relevant parties', 43, 1232),
  row('2.3', 'The change programme uses methods that have been shown to be effective', 33, 1233),
  row('2.4', 'All resource and budget implications of the desired change have been considered', 13, 1234),
  row('3.1', 'The change programme includes effective change measurement and evaluation', 18, 1235),
  row('3.2', 'Responsibility is devolved to frontline staff', 29, 1236),
  row('3.3', 'Staff receive the training and support required to engage with the change programme', 22, 1237),
  row('3.4', 'Staff receive constructive feedback on the progress of the change programme', 30, 1238),
  row('4.1', 'The change programme is evaluated in terms of generating evidence & developing theory', 0, 1239),
]

/** The Total row of Table 5 (L1240): 21% fully met. Not the mean of the column (24.9). */
export const emhipTable5Total = { percentFullyMet: 21, ref: ref('L1240') } as const

/** "Overall 21% … fully met. Sixty two percent were partly met and 17% were not met." (L1242) */
export const emhipOverallSplit = { met: 21, partly: 62, 'not-met': 17, ref: ref('L1242') } as const

/** Workstreams rated: "for each of the 15 workstreams" (L1220). */
export const EMHIP_WORKSTREAMS = 15

/**
 * Every published percentage of Table 5 and L1242 as figures for
 * `checkPublishedFigures`: the 11 standards, the Total, and the overall split.
 */
export const emhipTable5Figures: readonly PublishedFigure[] = [
  ...emhipTable5.map((r) => ({
    id: r.standard as string,
    label: `${r.standard} % fully met (${r.ref.lines})`,
    percent: r.percentFullyMet,
  })),
  { id: 'total', label: 'Total % fully met (L1240)', percent: emhipTable5Total.percentFullyMet },
  { id: 'overall-met', label: 'Overall % fully met (L1242)', percent: emhipOverallSplit.met },
  { id: 'overall-partly', label: 'Overall % partly met (L1242)', percent: emhipOverallSplit.partly },
  { id: 'overall-not-met', label: 'Overall % not met (L1242)', percent: emhipOverallSplit['not-met'] },
]
