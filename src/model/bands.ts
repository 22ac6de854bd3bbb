/**
 * Bands of a numeric quantity (an engagement index cut into low / middle /
 * high): their type, their codec, the checks that make a list of bands
 * unambiguous, and the lookup of a value's band.
 * @module
 */
import * as t from 'io-ts'
import { BooleanC, FiniteNumberC, StringC, idC, withOptional } from './codec-kit.js'
import type { Id } from './ids.js'
import { problem, showName, showValue, type Problem } from './problem.js'

/** The id of a band (unique within its list). */
export type BandId = Id<'BandId'>

/** One end of a band: its value, and whether the value itself is inside the band. */
export interface BandEnd {
  readonly value: number
  /** `true`: the end value belongs to the band (≤ or ≥); `false`: it does not (< or >). Never implied. */
  readonly closed: boolean
}

/**
 * A band of a numeric quantity. A missing end is unbounded: `{ lower: { value: 60, closed: true } }`
 * is "60 and above".
 */
export interface Band {
  readonly id: BandId
  readonly label: string
  readonly lower?: BandEnd
  readonly upper?: BandEnd
}

const BandEndC = withOptional({ value: FiniteNumberC, closed: BooleanC }, {}, 'a band end ({ value, closed })')

/**
 * Codec of a {@link Band}: an id, a label, and optional ends, each a finite
 * value with an explicit `closed` flag. (Order and overlaps are checked by
 * {@link bandProblems}.)
 * @example
 * BandC.decode({ id: 'high', label: '60 and above', lower: { value: 60, closed: true } }) //=> right(…)
 * BandC.decode({ id: 'high', label: 'x', lower: { value: 60 } })
 * //=> left(…) // … lower › closed: expected true or false, found nothing (missing)
 */
export const BandC: t.Type<Band, unknown, unknown> = withOptional(
  { id: idC<'BandId'>('band id'), label: StringC },
  { lower: BandEndC, upper: BandEndC },
  'a band',
)

const lowOf = (b: Band): number => b.lower?.value ?? -Infinity
const highOf = (b: Band): number => b.upper?.value ?? Infinity

/**
 * Whether a value falls in a band (its ends' `closed` flags respected; a
 * missing end is unbounded).
 * @param value - the number to place.
 * @param band - the band, with optional lower and upper ends.
 * @returns true when the value lies within both ends.
 * @example
 * inBand(60, { id: 'high', label: '60+', lower: { value: 60, closed: true } }) //=> true
 * inBand(60, { id: 'mid', label: '50-60', lower: { value: 50, closed: true }, upper: { value: 60, closed: false } }) //=> false
 */
export const inBand = (value: number, band: Band): boolean => {
  const { lower, upper } = band
  if (lower !== undefined && (lower.closed ? value < lower.value : value <= lower.value)) return false
  if (upper !== undefined && (upper.closed ? value > upper.value : value >= upper.value)) return false
  return true
}

/**
 * The band a value falls in, or `null` when it falls in none (a gap between
 * bands, or outside them). Bands checked by {@link bandProblems} never share a
 * value, so the answer is unique.
 * @param value - the number to place.
 * @param bands - the attribute's bands, lowest first.
 * @returns the first band holding the value, or `null`.
 * @example
 * const bands = [{ id: 'low', label: 'below 50', upper: { value: 50, closed: false } }, { id: 'high', label: '50+', lower: { value: 50, closed: true } }]
 * bandOf(50, bands)?.id //=> 'high'
 * bandOf(49.9, bands)?.id //=> 'low'
 */
export const bandOf = (value: number, bands: readonly Band[]): Band | null => {
  for (const b of bands) if (inBand(value, b)) return b
  return null
}

/** A value that lies in both bands, or `null` when they share none. */
const sharedValue = (a: Band, b: Band): number | null => {
  const lo = Math.max(lowOf(a), lowOf(b))
  const hi = Math.min(highOf(a), highOf(b))
  if (lo > hi) return null
  const candidates = [lo, hi]
  if (Number.isFinite(lo) && Number.isFinite(hi)) candidates.push((lo + hi) / 2)
  else if (Number.isFinite(lo)) candidates.push(lo + 1)
  else if (Number.isFinite(hi)) candidates.push(hi - 1)
  else candidates.push(0)
  for (const v of candidates) if (Number.isFinite(v) && inBand(v, a) && inBand(v, b)) return v
  return null
}

const describeBand = (b: Band): string => {
  const lo = b.lower === undefined ? '(-∞' : `${b.lower.closed ? '[' : '('}${b.lower.value}`
  const hi = b.upper === undefined ? '∞)' : `${b.upper.value}${b.upper.closed ? ']' : ')'}`
  return `${showName(b.id)} ${lo}, ${hi}`
}

/**
 * The problems of a list of bands: each band has lower < upper (no zero-width
 * or empty band, so `[5, 5]` is refused); bands are listed in strictly
 * increasing order; no two bands share a value (the problem names the value
 * that falls in both, e.g. 60 for "50–60" closed and "60 and above"); ids are
 * unique. Gaps between bands are allowed (a value in a gap has no band). Ends
 * are finite and `closed` is explicit by the codec ({@link BandC}).
 * @param bands - decoded bands.
 * @param path - the JSON path of the list, for the problems.
 * @param where - the list in domain terms (`attribute engagement › bands`).
 * @returns the problems (empty when the bands are sound).
 * @example
 * bandProblems([
 *   { id: 'mid', label: '50-60', lower: { value: 50, closed: true }, upper: { value: 60, closed: true } },
 *   { id: 'high', label: '60+', lower: { value: 60, closed: true } },
 * ], ['bands'], 'bands')
 * //=> [{ where: 'bands › band high', expected: 'bands that share no value (band mid [50, 60] and band high [60, ∞) both hold 60)', found: '60', code: 'value', … }]
 */
export const bandProblems = (bands: readonly Band[], path: readonly (string | number)[], where: string): Problem[] => {
  const out: Problem[] = []
  const ids = new Set<string>()
  bands.forEach((b, i) => {
    const at = `${where} › band ${showName(b.id)}`
    if (ids.has(b.id))
      out.push(problem([...path, i, 'id'], 'a band id not used before in this list', b.id, 'duplicate', at))
    ids.add(b.id)
    if (b.lower !== undefined && b.upper !== undefined && !(b.lower.value < b.upper.value))
      out.push(
        problem(
          [...path, i],
          `a band whose lower end is below its upper end (no zero-width band)`,
          `lower ${showValue(b.lower.value)}, upper ${showValue(b.upper.value)}`,
          'value',
          at,
        ),
      )
  })
  if (out.length > 0) return out
  for (let i = 0; i < bands.length; i++)
    for (let j = i + 1; j < bands.length; j++) {
      const a = bands[i]!
      const b = bands[j]!
      const shared = sharedValue(a, b)
      const at = `${where} › band ${showName(b.id)}`
      if (shared !== null) {
        out.push(
          problem(
            [...path, j],
            `bands that share no value (band ${describeBand(a)} and band ${describeBand(b)} both hold ${shared})`,
            shared,
            'value',
            at,
          ),
        )
      } else if (lowOf(b) < lowOf(a)) {
        out.push(
          problem(
            [...path, j],
            `bands in strictly increasing order (band ${describeBand(b)} is listed after band ${describeBand(a)})`,
            b.id,
            'value',
            at,
          ),
        )
      }
    }
  return out
}
