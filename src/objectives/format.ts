import type { CountedAttainment } from './policy.js'
import type { ObjectiveTally } from './tally.js'
import type { Attribution } from '../model/objectives.js'

/**
 * Attainment as text that keeps the unknowns visible: `"2–4 of 5"` for a
 * bound, `"2 of 5"` for a single figure, `"-"` when nothing was counted.
 * @param a - the low and high attained counts and the denominator.
 * @returns the text.
 * @example
 * formatObjectiveAttainment({ low: 2, high: 4, denominator: 5 }) //=> '2–4 of 5'
 * formatObjectiveAttainment({ low: 2, high: 2, denominator: 5 }) //=> '2 of 5'
 */
export const formatObjectiveAttainment = (a: Pick<CountedAttainment, 'low' | 'high' | 'denominator'>): string =>
  a.denominator === 0 ? '-' : `${a.low === a.high ? a.low : `${a.low}–${a.high}`} of ${a.denominator}`

/**
 * A count cell as Table 7 prints it: `"1/2"`, `"?/2"` when the numerator is
 * unknown, `"-"` for no objectives. Only an all-unknown tally prints `?`.
 * @param t - a tally of objectives.
 * @returns the cell's text.
 * @example
 * formatObjectiveCount({ attained: 0, notAttained: 0, unknown: 2, total: 2 }) //=> '?/2'
 * formatObjectiveCount({ attained: 1, notAttained: 1, unknown: 0, total: 2 }) //=> '1/2'
 */
export const formatObjectiveCount = (t: ObjectiveTally): string =>
  t.total === 0
    ? '-'
    : t.unknown === t.total
      ? `?/${t.total}`
      : t.unknown === 0
        ? `${t.attained}/${t.total}`
        : `${t.attained}+?${t.unknown}/${t.total}`

/**
 * A share (0..1, or a [low, high] pair) as whole percent: `"40%"`, `"40–80%"`, `"-"` for null.
 * @param low - the share, or the low end of a range (`null`: nothing counted).
 * @param high - the high end (default `low`: a single share).
 * @returns the text.
 * @example
 * formatShareRange(0.369)     //=> '37%'
 * formatShareRange(0.4, 0.8)  //=> '40–80%'
 */
export const formatShareRange = (low: number | null, high: number | null = low): string => {
  if (low === null || high === null) return '-'
  const [a, b] = [Math.round(100 * low), Math.round(100 * high)]
  return a === b ? `${a}%` : `${a}–${b}%`
}

const LABELS: Readonly<Record<Attribution | 'blank', string>> = {
  high: 'High',
  medium: 'Medium',
  low: 'Low',
  no: 'No',
  na: 'NA',
  blank: '',
}

/**
 * An attribution as the report prints it: `High`, `NA`, and `''` for blank (not recorded).
 * @param a - an attribution, `'blank'` or `undefined` (not recorded).
 * @returns the label as Table 7 prints it.
 * @example
 * formatAttribution('na') //=> 'NA'
 * formatAttribution(undefined) //=> ''
 */
export const formatAttribution = (a: Attribution | 'blank' | undefined): string => LABELS[a ?? 'blank']
