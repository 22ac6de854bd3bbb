/**
 * The notebook display of an attainment result: a compact table of every
 * standard over all rounds and sites, with the total, instead of the whole
 * result object.
 * @module
 */
import type { Grid } from '../model/display.js'
import type { AttainmentResult } from './attainment.js'
import type { AttainmentCount } from './derive.js'
import { formatCount, formatInterval, formatPercent } from './format.js'

const figure = (label: string, a: AttainmentCount): string[] => [
  label,
  `${formatCount(a.k)}/${a.n}`,
  formatPercent(a.proportion),
  formatInterval(a.interval.lo, a.interval.hi),
]

/**
 * An attainment result as a compact grid: one row per standard over all rounds
 * and sites (attained k/n, percentage, interval), then the total; the caption
 * counts the scopes (round × site, each with "all") and the note states the policy. What an attainment result
 * shows in a notebook (`text/plain` and `text/html`); `attainmentTable` and
 * `attainmentRows` give every scope.
 * @param result from `attainment`
 * @returns the grid
 * @example
 * attainmentGrid(attainment(ev)).header //=> ['Standard', 'Attained', '%', '95% CI']
 */
export const attainmentGrid = (result: AttainmentResult): Grid => {
  const p = result.policy
  const overall = result.overall
  return {
    caption: `Attainment, all rounds and sites (${result.scopes.length} scopes: see attainmentTable, attainmentRows)`,
    header: ['Standard', 'Attained', '%', `${Math.round(p.confidence * 1000) / 10}% CI`],
    rows: [
      ...overall.standards.map((s) => figure(s.standard, s)),
      figure(`Total (${overall.total.method})`, overall.total),
    ],
    align: ['left', 'right', 'right', 'right'],
    note: `Policy: attained ${typeof p.attained === 'string' ? p.attained : 'custom'}, n/a ${p.notApplicable}, unrated ${p.unrated}, count ${p.count}, ${p.interval}`,
  }
}
