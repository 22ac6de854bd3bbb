/**
 * Amounts as intervals. A ledger amount is a number, a range, a lower bound
 * or unknown; as an interval it is [low, high] with `high: null` for "no
 * upper bound" (a lower bound such as "960,000+", or an unknown amount,
 * which is at least 0). Sums add the bounds (interval arithmetic, Moore 1966,
 * "Interval Analysis"), so a total is a range whenever one input is.
 * @module
 */
import type { CostAmount } from '../model/costs.js'

/** A closed interval of money or hours; `high: null` is unbounded above. */
export interface CostInterval {
  /** Lowest value, in the entry's currency. */
  readonly low: number
  /** Highest value; null when there is no upper bound. */
  readonly high: number | null
}

/**
 * The interval of a ledger amount.
 * @param amount a number, `{ low, high }`, `{ atLeast }` or `"unknown"`
 * @returns `[x, x]`, `[low, high]`, `[atLeast, ∞)` or `[0, ∞)` (`high: null` for ∞)
 * @example
 * costInterval(40000)                      //=> { low: 40000, high: 40000 }
 * costInterval({ low: 1000, high: 2500 })  //=> { low: 1000, high: 2500 }
 * costInterval({ atLeast: 960000 })        //=> { low: 960000, high: null }
 * costInterval('unknown')                  //=> { low: 0, high: null }
 */
export const costInterval = (amount: CostAmount): CostInterval => {
  if (typeof amount === 'number') return { low: amount, high: amount }
  if (amount === 'unknown') return { low: 0, high: null }
  if ('atLeast' in amount) return { low: amount.atLeast, high: null }
  return { low: amount.low, high: amount.high }
}

/**
 * The sum of intervals: lows added, highs added (unbounded if any is).
 * No intervals sum to [0, 0].
 * @param xs the intervals
 * @returns the interval sum; `high` is `null` (unbounded) when any interval's is
 * @example
 * sumIntervals([{ low: 1, high: 2 }, { low: 10, high: 10 }]) //=> { low: 11, high: 12 }
 * sumIntervals([{ low: 1, high: 2 }, { low: 5, high: null }]) //=> { low: 6, high: null }
 */
export const sumIntervals = (xs: readonly CostInterval[]): CostInterval => {
  let low = 0
  let high: number | null = 0
  for (const x of xs) {
    low += x.low
    high = high === null || x.high === null ? null : high + x.high
  }
  return { low, high }
}

/**
 * The share a part takes of a whole made of the part and the rest, as an
 * interval over every value the part and the rest may take independently:
 * lowest when the part is at its low and the rest at its high, highest the
 * other way round. Nothing spent at all (both [0, 0]) has no share (`null`);
 * an unbounded rest gives a low of 0, an unbounded part or a rest that may be 0
 * a high of 1.
 * @param part the category's interval
 * @param rest the interval of everything else at the site
 * @returns the share's interval as proportions 0-1, or `null` when nothing was spent at all
 * @example
 * shareInterval({ low: 10, high: 20 }, { low: 80, high: 80 }) //=> { low: 0.1111…, high: 0.2 }
 */
export const shareInterval = (part: CostInterval, rest: CostInterval): CostInterval | null => {
  if (part.high === 0 && rest.high === 0) return null
  // A rest of exactly 0 leaves the part the whole (its share is 1 whenever it is above 0).
  const low = rest.high === null ? 0 : rest.high === 0 ? 1 : part.low / (part.low + rest.high)
  const high = part.high === null ? 1 : rest.low === 0 ? (part.high > 0 ? 1 : 0) : part.high / (part.high + rest.low)
  return { low, high }
}
