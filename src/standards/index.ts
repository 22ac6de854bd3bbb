/**
 * Standards attainment: the E-MHIP framework, lookups, roll-up rules,
 * attainment with an explicit denominator policy, intervals, rounding,
 * published-figure consistency and comparison between rounds.
 * @module
 */
export { emhipFramework, emhipScale } from '../data/emhip-framework.js'
export * from './lookup.js'
export * from './levels.js'
export * from './intervals/index.js'
