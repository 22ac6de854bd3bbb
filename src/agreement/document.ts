/**
 * Agreement on the document: each rater's own ratings (`byRater`) of an
 * instrument, grouped by site, unit, round, target, standard, section or any
 * site or unit attribute.
 * @module
 */
import * as E from '../model/either.js'
import type { Evaluation } from '../model/evaluation.js'
import { instrumentsOf } from '../model/instruments.js'
import { bandOf } from '../model/bands.js'
import { raterRatingRowsEither } from '../model/rater-rows.js'
import { orThrow, problem, type Result, showChoices } from '../model/problem.js'
import {
  agreementFromRatingsEither,
  type AgreementFromRatingsOptions,
  type AgreementRow,
  type RaterRating,
} from './from-ratings.js'

/**
 * Options of {@link agreementEither}: the coefficient options of `agreementFromRatings`,
 * with the scale taken from the instrument.
 */
export interface AgreementOptions extends Omit<AgreementFromRatingsOptions, 'scale' | 'by'> {
  /** The instrument whose ratings are compared (by id). Default: the default instrument (`ev.framework`). */
  readonly instrument?: string
  /**
   * Group by, one row per group: `'site'`, `'unit'`, `'round'`, `'target'`,
   * `'standard'` (a criterion's standard), `'section'`, or the id of a site or
   * unit attribute. Default `[]`: one row for the whole instrument.
   */
  readonly by?: readonly string[]
  /** Only this round. Default: every round (items of different rounds are different items). */
  readonly round?: string
}

const BUILT_IN = ['instrument', 'site', 'unit', 'round', 'target', 'standard', 'section'] as const

/**
 * Inter-rater agreement on the document: every rater's own rating of the
 * instrument (`byRater`, beside the counted ratings) becomes one rating of an
 * item (target × rated entity × round), the items are grouped by `by`, and
 * each coefficient is computed per group on the instrument's declared scale
 * (levels in order, scores from the scale), as {@link agreementFromRatingsEither}.
 * A site rated as a whole is an item too (`unit: null`).
 *
 * Degenerate input: a document without rater-keyed ratings gives one row per
 * coefficient, undefined with "no units"; a group where a coefficient does not
 * fit gives an undefined row with the reason.
 * @param ev a decoded evaluation
 * @param options `instrument` [default instrument], `by` [none], `round` [all],
 *   `coefficient` [`'krippendorff-alpha'`], `weights`, `level` [`'ordinal'`], `replicates` [1000],
 *   `seed` [1], `confidence` [0.95]
 * @returns `Right` of tidy rows (group columns, then the figures with units, raters and ratings),
 *   or `Left` of problems (an unknown instrument, round or `by` key, bad options)
 * @example
 * // reliabilityEv: four raters' own ratings of criterion a.1 on twelve units are
 * // Krippendorff's (2011) reliability data, whose nominal alpha he gives as 0.743
 * const rows = agreementEither(reliabilityEv, { by: ['target'], level: 'nominal', replicates: 0 })
 * isRight(rows) && rows.right[0].value.toFixed(3) //=> '0.743'
 * agreementEither(reliabilityEv, { instrument: 'nope' }) //=> left([{ path: ['instrument'], code: 'reference', … }])
 */
export const agreementEither = (ev: Evaluation, options: AgreementOptions = {}): Result<AgreementRow[]> => {
  const fn = 'agreement'
  if (ev === null || typeof ev !== 'object' || !Array.isArray((ev as { sites?: unknown }).sites))
    return E.left([problem([], 'a decoded evaluation', ev, 'shape', `${fn} › evaluation`)])
  if (options === null || typeof options !== 'object')
    return E.left([problem([], 'an options object', options, 'shape', `${fn} › options`)])
  const instruments = instrumentsOf(ev)
  const wanted = options.instrument ?? ev.framework.id
  const instrument = instruments.find((f) => f.id === wanted)
  if (instrument === undefined)
    return E.left([
      problem(
        ['instrument'],
        `an instrument id of this evaluation (${showChoices(instruments.map((f) => f.id))})`,
        wanted,
        'reference',
        `${fn} › instrument`,
      ),
    ])
  const attributeIds = (ev.attributes ?? []).map((a) => a.id as string)
  const by = options.by ?? []
  if (!Array.isArray(by))
    return E.left([problem(['by'], 'an array of grouping keys, e.g. ["standard"]', by, 'shape', `${fn} › by`)])
  const allowed = [...BUILT_IN, ...attributeIds.filter((a) => !(BUILT_IN as readonly string[]).includes(a))]
  const badBy = by.flatMap((k, i) =>
    allowed.includes(k)
      ? []
      : [problem(['by', i], `a grouping key (${allowed.join(' | ')})`, k, 'reference', `${fn} › by`)],
  )
  const rounds = ev.rounds.map((r) => r.id as string)
  if (options.round !== undefined && !rounds.includes(options.round))
    badBy.push(
      problem(
        ['round'],
        `a round id of this evaluation (${rounds.join(' | ')})`,
        options.round,
        'reference',
        `${fn} › round`,
      ),
    )
  if (badBy.length > 0) return E.left(badBy)
  const rows = raterRatingRowsEither(ev, { instrument: instrument.id })
  if (E.isLeft(rows)) return rows

  // Where each target sits in the instrument: a standard is its own standard.
  const place = new Map<string, { standard: string; section: string }>()
  for (const section of instrument.sections)
    for (const standard of section.standards) {
      place.set(standard.id, { standard: standard.id, section: section.id })
      for (const criterion of standard.criteria) place.set(criterion.id, { standard: standard.id, section: section.id })
    }
  // Attribute groups: a site attribute from the item's site, a unit attribute from its unit
  // (none for a site rated as a whole); a numeric attribute with bands groups by band id.
  const defs = new Map((ev.attributes ?? []).map((d) => [d.id as string, d]))
  const wantedAttributes = by.filter((k) => !(BUILT_IN as readonly string[]).includes(k)).map((k) => defs.get(k)!)
  const sites = new Map(ev.sites.map((s) => [s.id as string, s]))
  const units = new Map(ev.sites.flatMap((s) => s.units.map((u) => [u.id as string, u] as const)))
  const ratings: RaterRating[] = []
  for (const r of rows.right) {
    if (options.round !== undefined && r.round !== options.round) continue
    const at = place.get(r.target)
    const extra: Record<string, string | number | null> = {}
    for (const def of wantedAttributes) {
      const holder = def.on === 'site' ? sites.get(r.site) : r.unit === null ? undefined : units.get(r.unit)
      const raw = (holder?.attributes as Record<string, string | number> | undefined)?.[def.id] ?? null
      extra[def.id] =
        def.kind === 'numeric' && def.bands !== undefined && typeof raw === 'number'
          ? (bandOf(raw, def.bands)?.id ?? null)
          : raw
    }
    ratings.push({
      ...extra,
      instrument: r.instrument,
      site: r.site,
      unit: r.unit,
      round: r.round,
      target: r.target,
      standard: at?.standard ?? null,
      section: at?.section ?? null,
      rater: r.rater,
      level: r.level,
    } as RaterRating)
  }
  const { instrument: _i, round: _r, ...rest } = options
  const result = agreementFromRatingsEither(ratings, { ...rest, scale: instrument.scale, by })
  return result
}

/**
 * Inter-rater agreement on the document: the throwing form of {@link agreementEither}.
 * @param ev a decoded evaluation
 * @param options `instrument`, `by`, `round`, `coefficient`, `weights`, `level`, `replicates`, `seed`,
 *   `confidence` (as {@link agreementEither})
 * @returns tidy rows, one per group and coefficient
 * @throws {RealistError} when the instrument, round or a `by` key is unknown, or an option is bad
 * @example
 * // reliabilityEv as in agreementEither's example: Krippendorff's (2011) data, units u1–u6 at site north, u7–u12 at south
 * const rows = agreement(reliabilityEv, { by: ['site', 'target'], coefficient: 'percent-agreement' })
 * rows.map((r) => [r['site'], r['target'], r.units])
 * //=> [['north', 'a.1', 6], ['north', 'a.2', 6], ['south', 'a.1', 6], ['south', 'a.2', 6]]
 */
export const agreement = (ev: Evaluation, options?: AgreementOptions): AgreementRow[] =>
  orThrow('agreement', agreementEither(ev, options))
