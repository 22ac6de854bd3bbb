/**
 * A small seeded pseudo-random generator for reproducible bootstraps.
 * @module
 */

/**
 * Mulberry32 (Tommy Ettinger, 2017): a 32-bit state generator, fast and good
 * enough for resampling; the same seed gives the same sequence on every
 * platform. Returns a function giving numbers in [0, 1).
 * @internal
 * @example
 * const next = seededRandom(1)
 * next() //=> 0.6270739405881613
 */
export const seededRandom = (seed: number): (() => number) => {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) | 0
    let t = Math.imul(a ^ (a >>> 15), 1 | a)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}
