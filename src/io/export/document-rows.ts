/**
 * An evaluation's own data as tidy rows in the layouts the importers read, so
 * that export → CSV → import gives back the same ratings, objective cells and
 * listed objectives.
 * @module
 */
import type { Evaluation } from '../../model/evaluation.js'
import type { Attribution, Impact } from '../../model/objectives.js'

/** One rating as a row of the long ratings layout (`importRatingsLong`). */
export interface RatingRow {
  readonly site: string
  readonly unit: string
  readonly round: string
  /** A standard or criterion id. */
  readonly target: string
  /** A level id, or `na`. */
  readonly level: string
  readonly rater: string | null
  readonly date: string | null
  readonly note: string | null
}

/**
 * Every rating of an evaluation as a tidy row, in document order (sites,
 * units, rounds, targets): the long layout `importRatingsLong` reads, so
 * `toCsv(ratingRows(ev))` imported onto the same document without ratings
 * gives back the same ratings.
 *
 * Degenerate input: an evaluation without ratings gives `[]`.
 * @param ev the evaluation
 * @example
 * ratingRows(ev)[0]
 * //=> { site: 'south-staffordshire', unit: 'acute-care', round: 'mhip-2008', target: '2.4', level: 'partly', rater: null, date: null, note: null }
 */
export const ratingRows = (ev: Evaluation): RatingRow[] => {
  const out: RatingRow[] = []
  for (const site of ev.sites)
    for (const unit of site.units)
      for (const round of Object.keys(unit.ratings)) {
        const ratings = unit.ratings[round as keyof typeof unit.ratings] ?? {}
        for (const target of Object.keys(ratings)) {
          const r = ratings[target as keyof typeof ratings]!
          out.push({ site: site.id, unit: unit.id, round, target, level: r.level, rater: r.rater ?? null, date: r.date ?? null, note: r.note ?? null })
        }
      }
  return out
}

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
  /** The unit's impact: its qualifier if any, else its level; null when not recorded. */
  readonly impact: string | null
}

const impactCell = (impact: Impact | undefined): string | null => (impact === undefined ? null : (impact.qualifier ?? impact.level))

/**
 * Every unit × type count cell as a tidy row in the layout
 * `importObjectives` reads (`?` for an unknown attained count); a unit with
 * an impact but no cells gets one row with `-` counts, as Table 7 prints it,
 * so the impact survives the round trip.
 *
 * Degenerate input: an evaluation without objectives or impacts gives `[]`.
 * Individual objectives are not part of this layout: see {@link objectiveListRows}.
 * @param ev the evaluation
 * @example
 * objectiveCellRows(mhipEvaluation)[1]
 * //=> { site: 'south-staffordshire', unit: 'acute-care', type: 'outcome', attained: '?', total: 2, attribution: 'low', impact: 'na' }
 */
export const objectiveCellRows = (ev: Evaluation): ObjectiveCellRow[] =>
  ev.sites.flatMap((site) =>
    site.units.flatMap((unit): ObjectiveCellRow[] => {
      const impact = impactCell(unit.impact)
      if (unit.objectiveCells.length === 0)
        return impact === null ? [] : [{ site: site.id, unit: unit.id, type: null, attained: '-' as const, total: '-' as const, attribution: null, impact }]
      return unit.objectiveCells.map((c) => ({
        site: site.id,
        unit: unit.id,
        type: c.type as string,
        attained: c.attained ?? ('?' as const),
        total: c.total,
        attribution: c.attribution ?? null,
        impact,
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
}

/**
 * Every individual objective (not count cells) as a tidy row in the layout
 * `importObjectiveList` reads, in document order, so `toCsv(objectiveListRows(ev))`
 * imported onto the same document without objectives gives them back.
 *
 * Degenerate input: an evaluation without listed objectives gives `[]`.
 * @param ev the evaluation
 * @example
 * objectiveListRows(ev)[0]
 * //=> { site: 'leicestershire', unit: 'voluntary-sector', id: 'v-1', type: 'process', status: 'attained', text: 'Weekly huddle', attribution: null }
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
      })),
    ),
  )
