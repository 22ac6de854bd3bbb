/**
 * An evaluation's own data as tidy rows in the layouts the importers read, so
 * that export → CSV → import gives back the same ratings, objective cells and
 * listed objectives.
 * @module
 */
import type { Evaluation, Site } from '../../model/evaluation.js'
import type { RatingsByRater } from '../../model/instruments.js'
import type { Rating, RoundRatings } from '../../model/ratings.js'
import type { Attribution } from '../../model/objectives.js'
import type { SourceRef } from '../../model/framework.js'

/**
 * A list of excerpt ids as one cell: `q1; q2` when every id can be read back
 * from that form (not empty, no `;`, no edge whitespace, not starting with
 * `[`), else the JSON array; the empty list is `[]`. The ratings import reads
 * both forms.
 * @param ids - excerpt ids.
 * @returns the cell's text.
 * @example
 * evidenceCell(['q1', 'q2']) //=> 'q1; q2'
 * evidenceCell(['a;b'])      //=> '["a;b"]'
 * evidenceCell([])           //=> '[]'
 */
export const evidenceCell = (ids: readonly string[]): string =>
  ids.length > 0 && ids.every((id) => id !== '' && !id.includes(';') && !/^\s|\s$/.test(id) && !id.startsWith('['))
    ? ids.join('; ')
    : JSON.stringify(ids)

/**
 * A source reference as one cell: its JSON (`{"document":"…","lines":"…"}`),
 * which keeps every field exactly; `null` when there is none.
 * @param ref - a source reference, if any.
 * @returns the cell's text, or `null`.
 * @example
 * refCell({ document: 'E-MHIP final report', lines: 'L1226' }) //=> '{"document":"E-MHIP final report","lines":"L1226"}'
 */
export const refCell = (ref: SourceRef | undefined): string | null => (ref === undefined ? null : JSON.stringify(ref))

/** One rating as a row of the long ratings layout (`importRatingsLong`). */
export interface RatingRow {
  readonly site: string
  /** The unit, or `null` for a rating of the site as a whole (a blank unit cell in CSV). */
  readonly unit: string | null
  readonly round: string
  /** A standard or criterion id of the instrument. */
  readonly target: string
  /** A level id of the instrument's scale, or `na`. */
  readonly level: string
  /** Free text naming who rated, as recorded on the rating. */
  readonly rater: string | null
  readonly date: string | null
  readonly note: string | null
  /** The instrument's id (the default instrument's is `ev.framework.id`). */
  readonly instrument: string
  /** The declared rater whose own rating this is; `null` for the counted rating (the consensus, where raters differ). */
  readonly by: string | null
  /** The supporting excerpt ids (`evidenceCell`); null when the rating has none. */
  readonly evidence: string | null
  /** The rating's own data (`extensions`) as JSON text; null when it has none. */
  readonly extensions: string | null
}

type Rated = Pick<Site, 'ratings' | 'byRater' | 'instrumentRatings'>

/**
 * Every rating of an evaluation as a tidy row, in document order: for each
 * site, the site as a whole (`unit: null`) and then its units; for each,
 * every instrument (the default first), its counted ratings and then each
 * declared rater's own (`by`), by round and target. This is the long layout
 * `importRatingsLong` reads (a blank unit is the site as a whole; `by`
 * names the rater), so `toCsv(ratingRows(ev))` imported onto the same
 * document without ratings gives back the same ratings: levels, raters,
 * dates, notes (rater and note exactly as written: an empty text is written
 * as `""`, a blank cell is absent) and evidence (excerpt ids, `evidenceCell`).
 * Read the file back with `{ exactIds: true, stripFormulaGuard: true }` for
 * an exact round trip. A rating's own data (`extensions`) is written as JSON
 * text in the `extensions` column, which the import reads back.
 *
 * Degenerate input: an evaluation without ratings gives `[]`.
 * @param ev the evaluation
 * @returns one row per rating.
 * @example
 * // ev: Acute care's first rating is 1.1 met in r1
 * ratingRows(ev)[0]
 * //=> { site: 'ss', unit: 'acute', round: 'r1', target: '1.1', level: 'met', rater: null,
 * //     date: null, note: null, instrument: 'emhip', by: null, evidence: null, extensions: null }
 * ratingRows(ev).filter((r) => r.by !== null).map((r) => [r.target, r.by, r.level]) //=> [['2.4.1', 'ann', 'met'], ['2.4.1', 'bob', 'partly']]
 */
export const ratingRows = (ev: Evaluation): RatingRow[] => {
  const out: RatingRow[] = []
  const others = ev.instruments ?? []
  const push = (
    site: string,
    unit: string | null,
    instrument: string,
    ratings: Readonly<Record<string, RoundRatings>> | undefined,
    byRater: RatingsByRater | undefined,
  ): void => {
    if (ratings !== undefined)
      for (const round of Object.keys(ratings)) {
        const targets = ratings[round as keyof typeof ratings]!
        for (const target of Object.keys(targets))
          out.push(row(site, unit, round, target, targets[target as keyof typeof targets]!, instrument, null))
      }
    if (byRater !== undefined)
      for (const round of Object.keys(byRater)) {
        const targets = byRater[round as keyof typeof byRater]!
        for (const target of Object.keys(targets)) {
          const raters = targets[target as keyof typeof targets]!
          for (const rater of Object.keys(raters))
            out.push(row(site, unit, round, target, raters[rater as keyof typeof raters]!, instrument, rater))
        }
      }
  }
  const entity = (site: string, unit: string | null, e: Rated): void => {
    push(site, unit, ev.framework.id, e.ratings, e.byRater)
    for (const f of others) {
      const r = e.instrumentRatings?.[f.id as keyof NonNullable<Rated['instrumentRatings']>]
      if (r !== undefined) push(site, unit, f.id, r.ratings, r.byRater)
    }
  }
  for (const site of ev.sites) {
    entity(site.id, null, site)
    for (const unit of site.units) entity(site.id, unit.id, unit)
  }
  return out
}

const row = (
  site: string,
  unit: string | null,
  round: string,
  target: string,
  r: Rating,
  instrument: string,
  by: string | null,
): RatingRow => ({
  site,
  unit,
  round,
  target,
  level: r.level,
  rater: r.rater ?? null,
  date: r.date ?? null,
  note: r.note ?? null,
  instrument,
  by,
  evidence: r.evidence === undefined ? null : evidenceCell(r.evidence),
  extensions: r.extensions === undefined ? null : JSON.stringify(r.extensions),
})

/** One unit × type count cell as a row of the objectives layout (`importObjectives`). */
export interface ObjectiveCellRow {
  readonly site: string
  readonly unit: string
  /** The type id; null on a unit's impact-only row. */
  readonly type: string | null
  /** The attained count, `?` when unknown, `-` on an impact-only row. */
  readonly attained: number | '?' | '-'
  readonly total: number | '-'
  /** `high` … `no`, `na`, or null when not recorded. */
  readonly attribution: Attribution | null
  /** The cell's source reference (`refCell`), or null. */
  readonly ref: string | null
  /** The unit's impact level (`none` … `high`, `na`); null when not recorded. */
  readonly impact: string | null
  /** The unit's impact qualifier, exactly; null when there is none. */
  readonly impactQualifier: string | null
  /** The unit's impact source reference (`refCell`), or null. */
  readonly impactRef: string | null
}

/**
 * Every unit × type count cell as a tidy row in the layout
 * `importObjectives` reads (`?` for an unknown attained count); a unit with
 * an impact but no cells gets one row with `-` counts, as Table 7 prints it,
 * so the impact survives the round trip. The impact is written as its level,
 * with its qualifier and source reference in columns of their own, so a
 * qualifier that starts with another level's word ("high potential" on a low
 * impact) cannot change the level.
 *
 * Degenerate input: an evaluation without objectives or impacts gives `[]`.
 * Individual objectives are not part of this layout: see {@link objectiveListRows}.
 * @param ev the evaluation
 * @returns one row per count cell (and per unit with an impact and no cells).
 * @example
 * objectiveCellRows(mhipEvaluation)[1]
 * //=> { site: 'south-staffordshire', unit: 'acute-care', type: 'outcome', attained: '?', total: 2, attribution: 'low', ref: '{"document":…}', impact: 'na', impactQualifier: null, impactRef: '{"document":…}' }
 */
export const objectiveCellRows = (ev: Evaluation): ObjectiveCellRow[] =>
  ev.sites.flatMap((site) =>
    site.units.flatMap((unit): ObjectiveCellRow[] => {
      const i = unit.impact
      const impact = { impact: i?.level ?? null, impactQualifier: i?.qualifier ?? null, impactRef: refCell(i?.ref) }
      if (unit.objectiveCells.length === 0)
        return i === undefined
          ? []
          : [
              {
                site: site.id,
                unit: unit.id,
                type: null,
                attained: '-' as const,
                total: '-' as const,
                attribution: null,
                ref: null,
                ...impact,
              },
            ]
      return unit.objectiveCells.map((c) => ({
        site: site.id,
        unit: unit.id,
        type: c.type as string,
        attained: c.attained ?? ('?' as const),
        total: c.total,
        attribution: c.attribution ?? null,
        ref: refCell(c.ref),
        ...impact,
      }))
    }),
  )

/** One listed objective as a row of the objective-list layout (`importObjectiveList`). */
export interface ObjectiveListRow {
  readonly site: string
  readonly unit: string
  readonly id: string
  readonly type: string
  /** `attained`, `not-attained` or `unknown`. */
  readonly status: string
  readonly text: string | null
  /** `high` … `no`, `na`, or null when not recorded. */
  readonly attribution: Attribution | null
  /** The objective's source reference (`refCell`), or null. */
  readonly ref: string | null
}

/**
 * Every individual objective (not count cells) as a tidy row in the layout
 * `importObjectiveList` reads, in document order, so `toCsv(objectiveListRows(ev))`
 * imported onto the same document without objectives gives them back.
 *
 * Degenerate input: an evaluation without listed objectives gives `[]`.
 * @param ev the evaluation
 * @returns one row per individual objective.
 * @example
 * const withList = edit(mhipEvaluation, addObjective({ unit: 'access', objective: { id: 'o1', type: 'process', status: 'attained', text: 'Weekly huddle' } }))
 * objectiveListRows(withList)
 * //=> [{ site: 'south-west-london', unit: 'access', id: 'o1', type: 'process', status: 'attained', text: 'Weekly huddle', attribution: null, ref: null }]
 * objectiveListRows(mhipEvaluation) //=> [] // Table 7 gives counts only
 */
export const objectiveListRows = (ev: Evaluation): ObjectiveListRow[] =>
  ev.sites.flatMap((site) =>
    site.units.flatMap((unit) =>
      unit.objectives.map((o) => ({
        site: site.id,
        unit: unit.id,
        id: o.id as string,
        type: o.type as string,
        status: o.status,
        text: o.text ?? null,
        attribution: o.attribution ?? null,
        ref: refCell(o.ref),
      })),
    ),
  )
