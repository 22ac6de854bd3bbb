/**
 * Observations as tidy rows, for reports and export.
 * @module
 */
import type { Evaluation } from '../model/evaluation.js'

/** One observation as a tidy row: every field, `null` where absent, with the site and unit names. */
export interface ObservationRow {
  readonly id: string
  readonly site: string
  readonly siteName: string
  readonly unit: string | null
  readonly unitName: string | null
  readonly target: string | null
  readonly round: string | null
  readonly date: string | null
  readonly source: string | null
  readonly text: string
}

/**
 * Every observation as a tidy row, in document order (optionally only those
 * about one site, unit, target or round). Observations carry no level and are
 * never counted: these rows are the only place they appear in figures.
 * @param ev - the evaluation.
 * @param filter - keep only rows with these `site`, `unit`, `target` or `round` values (each optional).
 * @returns the rows.
 * @example
 * observationRows(ev)[0] //=> { id: 'o1', site: 'ss', siteName: 'South Staffordshire', unit: null, unitName: null, target: null, round: null, date: '2007-03-01', source: null, text: 'Improvements noted' }
 */
export const observationRows = (
  ev: Evaluation,
  filter: { readonly site?: string; readonly unit?: string; readonly target?: string; readonly round?: string } = {},
): ObservationRow[] => {
  const sites = new Map(ev.sites.map((s) => [s.id as string, s]))
  const out: ObservationRow[] = []
  for (const o of ev.observations ?? []) {
    if (filter.site !== undefined && o.site !== filter.site) continue
    if (filter.unit !== undefined && o.unit !== filter.unit) continue
    if (filter.target !== undefined && o.target !== filter.target) continue
    if (filter.round !== undefined && o.round !== filter.round) continue
    const site = sites.get(o.site)
    out.push({
      id: o.id,
      site: o.site,
      siteName: site?.name ?? o.site,
      unit: o.unit ?? null,
      unitName: o.unit === undefined ? null : (site?.units.find((u) => u.id === o.unit)?.name ?? o.unit),
      target: o.target ?? null,
      round: o.round ?? null,
      date: o.date ?? null,
      source: o.source ?? null,
      text: o.text,
    })
  }
  return out
}
