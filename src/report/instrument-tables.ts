/**
 * The report tables of what lies beyond one instrument and one rater: each
 * further instrument's attainment, the raters and which of their ratings
 * counted, and the ratings of sites rated as a whole.
 * @module
 */
import * as E from '../model/either.js'
import type { Evaluation } from '../model/evaluation.js'
import type { Framework } from '../model/framework.js'
import { raterRatingRows } from '../model/rater-rows.js'
import type { RatingsByRater } from '../model/instruments.js'
import type { RoundRatings } from '../model/ratings.js'
import { formatProblem, type Problem } from '../model/problem.js'
import { attainmentEither } from '../standards/attainment.js'
import type { DenominatorPolicy } from '../standards/policy.js'
import type { RaterRule } from '../standards/raters.js'
import { attainmentTable, type AttainmentTableRow } from './attainment-table.js'
import type { Table } from './table.js'

/** One further instrument's part of a report: its attainment table, or why there is none. */
export interface InstrumentSection {
  readonly instrument: Framework
  /** The attainment table on the instrument, or the problems that prevent it (e.g. an attained rule for another scale). */
  readonly table: Table<AttainmentTableRow> | null
  readonly problems: readonly Problem[]
}

/**
 * The attainment of each further instrument (`ev.instruments`) under the
 * report's policy, in the round shown: a table per instrument in the layout
 * of `attainmentTable`, or the problems that make it impossible (an attained
 * rule naming another scale's levels is refused on this one).
 *
 * Degenerate input: an evaluation with no further instrument gives `[]`.
 * @param ev - the evaluation.
 * @param options - the denominator policy and the round (`null`: all rounds).
 * @returns one section per further instrument, in document order.
 * @example
 * instrumentSections(mhipEvaluation, { round: null }) //=> []
 */
export const instrumentSections = (
  ev: Evaluation,
  options: { readonly policy?: DenominatorPolicy; readonly round: string | null },
): InstrumentSection[] =>
  (ev.instruments ?? []).map((instrument) => {
    const result = attainmentEither(ev, { ...options.policy, instrument: instrument.id })
    if (E.isLeft(result)) return { instrument, table: null, problems: result.left }
    const on = { ...ev, framework: instrument }
    return { instrument, table: attainmentTable(result.right, on, { round: options.round }), problems: [] }
  })

/**
 * A section's problems as one line of text.
 * @param s - a further instrument's section of a report.
 * @returns the line of text.
 * @example
 * sectionProblemText({ instrument: { title: 'Quality review' }, table: null, problems: [] })
 * //=> 'Attainment on Quality review could not be computed under this policy: '
 */
export const sectionProblemText = (s: InstrumentSection): string =>
  `Attainment on ${s.instrument.title} could not be computed under this policy: ${s.problems.map((p) => formatProblem(p)).join('; ')}`

/** One row of {@link ratersTable}. */
export interface RaterTableRow {
  readonly rater: string
  readonly name: string
  readonly role: string
  /** Ratings of the rater's own (`byRater`), on every instrument. */
  readonly ratings: number
  /** Of those, items that also have a counted (consensus) rating: that one counts. */
  readonly withConsensus: number
  /** Of those with a consensus rating, how many differ from it. */
  readonly differ: number
}

const levelAt = (
  byRound: Readonly<Record<string, RoundRatings>> | undefined,
  round: string,
  target: string,
): string | undefined => (byRound?.[round] as Readonly<Record<string, { level: string }>> | undefined)?.[target]?.level

/** The counted ratings of an entity on an instrument, for comparing a rater's own. */
const countedOf = (
  ev: Evaluation,
  siteId: string,
  unitId: string | null,
  instrument: string,
): Readonly<Record<string, RoundRatings>> | undefined => {
  const site = ev.sites.find((s) => s.id === siteId)
  const entity = unitId === null ? site : site?.units.find((u) => u.id === unitId)
  if (entity === undefined) return undefined
  const own = entity as {
    ratings?: Readonly<Record<string, RoundRatings>>
    instrumentRatings?: Readonly<
      Record<string, { ratings: Readonly<Record<string, RoundRatings>>; byRater?: RatingsByRater }>
    >
  }
  return instrument === ev.framework.id ? own.ratings : own.instrumentRatings?.[instrument]?.ratings
}

/**
 * How a rater rule picks the rating that counts, in words.
 * @param rule the rater rule
 * @returns one sentence
 * @example
 * raterRuleText('worst')
 * //=> 'Which rating counts (rater rule worst): the recorded consensus rating where there is one; otherwise the worst of the raters’ levels counts.'
 */
export const raterRuleText = (rule: RaterRule): string => {
  const fallback =
    rule === 'consensus'
      ? 'an item with raters\u2019 ratings but no recorded consensus is not counted'
      : typeof rule === 'object'
        ? `otherwise rater ${rule.rater}\u2019s own rating counts`
        : `otherwise the ${rule} of the raters\u2019 levels counts${rule === 'median' ? ' (an even count takes the worse middle level)' : ''}`
  return `Which rating counts (rater rule ${typeof rule === 'object' ? `rater:${rule.rater}` : rule}): the recorded consensus rating where there is one; ${fallback}.`
}

/**
 * The declared raters with their own ratings: how many each gave, how many
 * of those items also have a recorded consensus rating (which is the one
 * that counts), and how many differ from it.
 *
 * Degenerate input: an evaluation with no declared raters gives no rows.
 * @param ev - the evaluation.
 * @returns a table, one row per declared rater.
 * @example
 * ratersTable(mhipEvaluation).rows //=> []
 */
export const ratersTable = (ev: Evaluation): Table<RaterTableRow> => {
  const counts = new Map<string, { ratings: number; withConsensus: number; differ: number }>()
  for (const r of ev.raters ?? []) counts.set(r.id, { ratings: 0, withConsensus: 0, differ: 0 })
  for (const row of raterRatingRows(ev)) {
    const c = counts.get(row.rater)
    if (c === undefined) continue
    c.ratings++
    const counted = levelAt(countedOf(ev, row.site, row.unit, row.instrument), row.round, row.target)
    if (counted === undefined) continue
    c.withConsensus++
    if (counted !== row.level) c.differ++
  }
  return {
    rows: (ev.raters ?? []).map((r) => ({ rater: r.id, name: r.name, role: r.role ?? '', ...counts.get(r.id)! })),
    columns: [
      { key: 'rater', header: 'Rater' },
      { key: 'name', header: 'Name' },
      { key: 'role', header: 'Role' },
      { key: 'ratings', header: 'Own ratings', align: 'right' },
      { key: 'withConsensus', header: 'With a consensus rating', align: 'right' },
      { key: 'differ', header: 'Differ from it', align: 'right' },
    ],
    caption: 'Raters (their own ratings are kept beside the counted one)',
  }
}

/** One row of {@link siteRatingsTable}. */
export interface SiteRatingRow {
  readonly site: string
  readonly instrument: string
  readonly round: string
  readonly target: string
  /** The level's label (or "not applicable"). */
  readonly level: string
}

/**
 * The counted ratings of sites rated as a whole (not one of their units),
 * on every instrument, in document order.
 *
 * Degenerate input: an evaluation with no site rated as a whole gives no rows.
 * @param ev - the evaluation.
 * @returns a table, one row per rating.
 * @example
 * siteRatingsTable(mhipEvaluation).rows //=> []
 */
export const siteRatingsTable = (ev: Evaluation): Table<SiteRatingRow> => {
  const rows: SiteRatingRow[] = []
  const roundLabel = new Map(ev.rounds.map((r) => [r.id as string, r.label]))
  const instruments = [ev.framework, ...(ev.instruments ?? [])]
  for (const site of ev.sites)
    for (const f of instruments) {
      const byRound = countedOf(ev, site.id, null, f.id)
      if (byRound === undefined) continue
      const label = new Map(f.scale.levels.map((l) => [l.id as string, l.label]))
      for (const round of Object.keys(byRound)) {
        const targets = byRound[round as keyof typeof byRound]!
        for (const target of Object.keys(targets)) {
          const level = targets[target as keyof typeof targets]!.level
          rows.push({
            site: site.name,
            instrument: f.title,
            round: roundLabel.get(round) ?? round,
            target,
            level: label.get(level) ?? 'not applicable',
          })
        }
      }
    }
  return {
    rows,
    columns: [
      { key: 'site', header: 'Site' },
      { key: 'instrument', header: 'Instrument' },
      { key: 'round', header: 'Round' },
      { key: 'target', header: 'Standard' },
      { key: 'level', header: 'Level' },
    ],
    caption: 'Sites rated as a whole (counted as one more rated entity of the site)',
  }
}
