/**
 * Number formatting for text (reports, notebook displays): percentages and intervals, with `null`
 * (no estimate) shown as an en dash rather than `NaN%`.
 * @module
 */
import { roundHalfUp } from './rounding.js'

/** The text shown where there is no number (n = 0, nothing to estimate). */
export const NO_VALUE = '–'

/**
 * A proportion (0..1) as a percentage to `digits` decimals, rounded half away
 * from zero by the standards module's `roundHalfUp`, which reads the number
 * as the decimal it prints as (0.0705 → 7.1%, not the 7.0% binary floating
 * point would give).
 *
 * Degenerate input: `null`, `undefined` and non-finite numbers give `–`.
 * @param p the proportion, 0..1
 * @param digits decimals of the percentage [0]
 * @returns the percentage with its `%` sign, or `–`
 * @example
 * formatPercent(0.2121)    //=> '21%'
 * formatPercent(0.2121, 1) //=> '21.2%'
 * formatPercent(0.0705, 1) //=> '7.1%'
 * formatPercent(null)      //=> '–'
 */
export const formatPercent = (p: number | null | undefined, digits = 0): string =>
  p === null || p === undefined || !Number.isFinite(p)
    ? NO_VALUE
    : `${(roundHalfUp(p, digits + 2) * 100).toFixed(digits)}%`

/**
 * An interval of proportions as percentages: `7–45%`.
 *
 * Degenerate input: a missing end gives `–`.
 * @param lo the lower limit, 0..1
 * @param hi the upper limit, 0..1
 * @param digits decimals of the percentages [0]
 * @returns the interval as text, or `–`
 * @example
 * formatInterval(0.0705, 0.4519) //=> '7–45%'
 * formatInterval(null, null)     //=> '–'
 */
export const formatInterval = (lo: number | null | undefined, hi: number | null | undefined, digits = 0): string =>
  lo === null || lo === undefined || hi === null || hi === undefined || !Number.isFinite(lo) || !Number.isFinite(hi)
    ? NO_VALUE
    : `${formatPercent(lo, digits).slice(0, -1)}–${formatPercent(hi, digits)}`

/**
 * A count that may be fractional (partly met counted as half): whole numbers
 * as they are, others to one decimal.
 * @param k the count
 * @returns the count as text
 * @example
 * formatCount(3)   //=> '3'
 * formatCount(4.5) //=> '4.5'
 */
export const formatCount = (k: number): string => (Number.isInteger(k) ? String(k) : k.toFixed(1))
