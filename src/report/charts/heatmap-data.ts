/**
 * The data of a heatmap, independent of how it is drawn (SVG or Vega-Lite):
 * labelled rows and columns and one cell per row × column.
 * @module
 */
import type { Evaluation } from '../../model/evaluation.js'
import type { AttainmentResult } from '../../standards/attainment.js'
import type { AttainmentCount } from '../../standards/derive.js'
import { formatCount, formatInterval, formatPercent } from '../format.js'
import { findScope } from '../attainment-table.js'

/** A row or column of a heatmap. */
export interface HeatmapAxisItem {
  readonly id: string
  /** Short label drawn on the axis. */
  readonly label: string
  /** Long description for tooltips (e.g. a standard's wording) [the label]. */
  readonly description?: string
}

/** One cell. */
export interface HeatmapCell {
  readonly row: string
  readonly column: string
  /** The value in [0, 1], or `null` when there is none (n = 0). */
  readonly value: number | null
  /** Text drawn in the cell, e.g. `20%`. */
  readonly text: string
  /** The accessible description, e.g. `South Staffordshire × 1.1: 20% attained (1 of 5), 95% CI 4–62%`. */
  readonly title: string
  /** Numerator and denominator, for tooltips and tidy rows. */
  readonly k?: number
  readonly n?: number
}

/** A heatmap's data. */
export interface HeatmapData {
  readonly title: string
  /** One sentence for screen readers summarising what the chart shows. */
  readonly description: string
  /** What the colour encodes, for the legend, e.g. `% attained`. */
  readonly valueLabel: string
  readonly rows: readonly HeatmapAxisItem[]
  readonly columns: readonly HeatmapAxisItem[]
  readonly cells: readonly HeatmapCell[]
}

/** Options of {@link attainmentHeatmapData}. */
export interface AttainmentHeatmapOptions {
  /** A round id, or `null` for all rounds together [`null`]. */
  readonly round?: string | null
  /** Add an "All sites" column [`true`]. */
  readonly allSites?: boolean
  /** Add a "Total" row [`true`]. */
  readonly total?: boolean
}

/**
 * The standards × site heatmap data of an attainment result: rows are the
 * standards (and the total), columns the sites (and all sites), each cell
 * the share attained with its k, n and interval in the cell's title.
 *
 * Degenerate input: a cell with n = 0 has value `null`, text `–` and a title
 * saying there is nothing to estimate.
 * @param result an attainment result
 * @param ev the evaluation (standard wordings, site names)
 * @param options round, all-sites column, total row
 * @returns the rows, columns and cells, ready for `heatmapSvg` or `heatmapVegaLite`.
 * @example
 * // ev, South Staffordshire, 1.1: Acute care met in both rounds, Access partly then met: 3 of 4
 * // (Wilson 95% by hand: 0.3006 to 0.9544)
 * attainmentHeatmapData(attainment(ev), ev).cells[0]
 * //=> { row: '1.1', column: 'ss', value: 0.75, text: '75%', k: 3, n: 4,
 * //     title: 'South Staffordshire × 1.1 The organisation is ready for change: 75% attained (3 of 4), 95% CI 30–95%' }
 */
export const attainmentHeatmapData = (
  result: AttainmentResult,
  ev: Evaluation,
  options: AttainmentHeatmapOptions = {},
): HeatmapData => {
  const round = options.round ?? null
  const titles = new Map(ev.framework.sections.flatMap((s) => s.standards.map((st) => [st.id as string, st.title])))
  const columns: HeatmapAxisItem[] = [
    ...ev.sites.map((s) => ({ id: s.id as string, label: s.name })),
    ...(options.allSites === false ? [] : [{ id: '*', label: 'All sites' }]),
  ]
  const overall = findScope(result, { round, site: null })
  const rowIds = overall?.standards.map((s) => s.standard as string) ?? []
  const rows: HeatmapAxisItem[] = [
    ...rowIds.map((id) => ({ id, label: id, description: `${id} ${titles.get(id) ?? ''}`.trim() })),
    ...(options.total === false
      ? []
      : [
          {
            id: 'total',
            label: 'Total',
            description: `Total (${result.policy.total === 'pooled' ? 'pooled' : 'mean of standards'})`,
          },
        ]),
  ]
  const ci = `${Math.round(result.policy.confidence * 1000) / 10}% CI`
  const cells: HeatmapCell[] = []
  for (const col of columns) {
    const scope = findScope(result, { round, site: col.id === '*' ? null : col.id })
    for (const row of rows) {
      const a: AttainmentCount | undefined =
        row.id === 'total' ? scope?.total : scope?.standards.find((s) => s.standard === row.id)
      const value = a?.proportion ?? null
      const what = `${col.label} × ${row.description ?? row.label}`
      const title =
        a === undefined || a.n === 0
          ? `${what}: no estimate (nothing counted, n = 0)`
          : `${what}: ${formatPercent(value)} attained (${formatCount(a.k)} of ${a.n})${a.interval.lo === null ? '' : `, ${ci} ${formatInterval(a.interval.lo, a.interval.hi)}`}`
      cells.push({
        row: row.id,
        column: col.id,
        value,
        text: value === null ? '–' : formatPercent(value),
        title,
        ...(a === undefined ? {} : { k: a.k, n: a.n }),
      })
    }
  }
  return {
    title: `Standards attained by site${round === null ? '' : `, round ${round}`}`,
    description: `Heatmap of the share of units attaining each of ${rowIds.length} standards at each of ${ev.sites.length} sites; darker purple is lower, yellow is higher, grey is no estimate.`,
    valueLabel: '% attained',
    rows,
    columns,
    cells,
  }
}
