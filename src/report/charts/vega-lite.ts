/**
 * Vega-Lite specifications (v6) of the report's charts, as plain JSON data:
 * a tool renders them with vega-embed, a notebook with its Vega-Lite MIME
 * renderer. Every spec is valid under the Vega-Lite JSON schema (checked in
 * the tests against `vega-lite/build/vega-lite-schema.json`).
 *
 * In a notebook a spec displays as the chart: it carries a non-enumerable
 * `[Symbol.for('Jupyter.display')]()` whose bundle holds the spec under
 * `application/vnd.vegalite.v5+json` with the v5 schema URL
 * ({@link VEGA_LITE_V5_SCHEMA}), the newest Vega-Lite MIME type that Deno's
 * kernel and JupyterLab render. The specs use nothing that v6 added, so they
 * compile under Vega-Lite 5 unchanged. The spec itself (its keys, its JSON)
 * keeps the v6 schema.
 * @module
 */
import * as E from 'fp-ts/lib/Either.js'
import type { Evaluation } from '../../model/evaluation.js'
import { orThrow, type Result } from '../../model/problem.js'
import type { HeatmapData } from './heatmap-data.js'
import { NO_DATA_FILL, textColour, viridis } from './palette.js'
import { xmlSafe } from '../escape.js'
import { withDisplay, type MimeBundle } from '../../model/display.js'
import { OKABE_ITO } from './palette.js'
import { xyPlotDataEither, type XyPlotData } from './xy-svg.js'
import type { QcaRow } from '../../qca/data.js'
import { objectiveBarRowsEither, OBJECTIVE_STATUSES_SHOWN, STATUS_COLOURS } from './objective-bars-data.js'

/** The Vega-Lite schema version the specs are written for. */
export const VEGA_LITE_SCHEMA = 'https://vega.github.io/schema/vega-lite/v6.json'

/**
 * The schema URL of the Vega-Lite 5 specs in notebook bundles
 * (`application/vnd.vegalite.v5+json`).
 */
export const VEGA_LITE_V5_SCHEMA = 'https://vega.github.io/schema/vega-lite/v5.json'

/** A Vega-Lite specification: plain JSON. */
export type VegaLiteSpec = { readonly $schema: string } & Readonly<Record<string, unknown>>

/**
 * Every string of a spec made safe for Vega: U+2028 and U+2029 become spaces, because Vega-Lite writes
 * labels (a custom sort order, for one) into Vega expressions as string literals, where Vega's expression
 * parser takes them for line breaks and refuses the spec ("Unexpected token ILLEGAL"); characters XML does
 * not allow become U+FFFD (`xmlSafe`), so Vega's SVG output stays well-formed. Keys are treated alike.
 * @param spec - a Vega-Lite spec.
 * @returns a copy of the spec with the separators replaced, which displays itself in a notebook.
 * @example
 * safeSpec({ $schema: VEGA_LITE_SCHEMA, title: 'a\u2028b' }).title //=> 'a b'
 */
export const safeSpec = <S extends VegaLiteSpec>(spec: S): S => withDisplay(walkStrings(spec) as S, vegaLiteBundle)

/**
 * The notebook bundle of a spec: the spec with the v5 schema URL under
 * `application/vnd.vegalite.v5+json`, and its title as `text/plain`.
 * @param spec a spec of this module
 * @returns the bundle
 * @example
 * vegaLiteBundle({ $schema: VEGA_LITE_SCHEMA, title: 'Heatmap', mark: 'rect' })
 * //=> { 'application/vnd.vegalite.v5+json': { $schema: 'https://vega.github.io/schema/vega-lite/v5.json', title: 'Heatmap', mark: 'rect' }, 'text/plain': 'Heatmap (Vega-Lite chart)' }
 */
export const vegaLiteBundle = (spec: VegaLiteSpec): MimeBundle => {
  const title = typeof spec['title'] === 'string' ? spec['title'] : undefined
  return {
    'application/vnd.vegalite.v5+json': { ...spec, $schema: VEGA_LITE_V5_SCHEMA },
    'text/plain': title === undefined ? 'Vega-Lite chart' : `${title} (Vega-Lite chart)`,
  }
}

const walkStrings = (v: unknown): unknown => {
  if (typeof v === 'string') return xmlSafe(v.replace(/[\u2028\u2029]/g, ' '))
  if (Array.isArray(v)) return v.map(walkStrings)
  if (typeof v !== 'object' || v === null) return v
  const out: Record<string, unknown> = {}
  for (const [k, x] of Object.entries(v)) out[walkStrings(k) as string] = walkStrings(x)
  return out
}

/**
 * A Vega-Lite heatmap of heatmap data (e.g. `attainmentHeatmapData`), drawn
 * like `heatmapSvg`: viridis colour on [0, 1] (Vega's `viridis` scheme),
 * grey where there is no value, the cell text in black or white by contrast,
 * the cell title as tooltip. Rows and columns keep their order.
 *
 * Degenerate input: no cells gives a valid spec with empty data.
 * @param data - rows, columns and cells (e.g. from `attainmentHeatmapData`).
 * @returns the Vega-Lite spec.
 * @example
 * const spec = heatmapVegaLite(attainmentHeatmapData(attainment(ev), ev))
 * spec.$schema //=> 'https://vega.github.io/schema/vega-lite/v6.json'
 * spec.data.values[0] //=> { row: '1.1', column: 'South Staffordshire', value: 0.75, text: '75%', … }
 */
export const heatmapVegaLite = (data: HeatmapData): VegaLiteSpec => {
  const rowLabel = new Map(data.rows.map((r) => [r.id, r.label]))
  const columnLabel = new Map(data.columns.map((c) => [c.id, c.label]))
  const values = data.cells.map((c) => ({
    row: rowLabel.get(c.row) ?? c.row,
    column: columnLabel.get(c.column) ?? c.column,
    value: c.value,
    text: c.text,
    title: c.title,
    ink: textColour(viridis(c.value)),
  }))
  return safeSpec({
    $schema: VEGA_LITE_SCHEMA,
    title: data.title,
    description: data.description,
    data: { values },
    encoding: {
      x: {
        field: 'column',
        type: 'nominal',
        sort: data.columns.map((c) => c.label),
        title: null,
        axis: { orient: 'top', labelAngle: 0 },
      },
      y: { field: 'row', type: 'nominal', sort: data.rows.map((r) => r.label), title: null },
      tooltip: [{ field: 'title', type: 'nominal', title: data.valueLabel }],
    },
    layer: [
      // Grey under every cell: cells with no value (null) are filtered out of the colour layer.
      { mark: { type: 'rect', color: NO_DATA_FILL } },
      {
        mark: { type: 'rect' },
        encoding: {
          color: {
            field: 'value',
            type: 'quantitative',
            scale: { scheme: 'viridis', domain: [0, 1] },
            legend: { title: data.valueLabel, format: '.0%' },
          },
        },
      },
      {
        mark: { type: 'text' },
        encoding: { text: { field: 'text', type: 'nominal' }, color: { field: 'ink', type: 'nominal', scale: null } },
      },
    ],
    // The text layer's colour is the ink itself (scale: null), not the value scale: without an
    // independent colour scale Vega-Lite tries to merge the two and fails to compile the spec
    // (found by rendering it with Vega; the JSON schema alone accepts it).
    resolve: { scale: { color: 'independent' } },
    config: { view: { stroke: null }, axis: { domain: false, ticks: false } },
  })
}

/**
 * A Vega-Lite bar chart of objectives by type, one panel per site: each bar
 * is a site × type, stacked attained / unknown / not attained in Okabe–Ito
 * colours (blue, orange, grey), so an unknown attained count stays visible.
 *
 * Degenerate input: invalid objectives give a `Left`; no objectives gives a
 * valid spec with zero-height bars.
 * @param ev the evaluation
 * @returns `Right` with the Vega-Lite spec, or `Left` with the problems of the objectives.
 * @example
 * // E-MHIP Table 7, South Staffordshire, analysis & planning: 1 of 2 attained
 * objectivesBarVegaLiteEither(mhipEvaluation)
 * //=> right({ $schema: 'https://vega.github.io/schema/vega-lite/v6.json', title: 'Objectives attained by type and site',
 * //     data: { values: [{ siteName: 'South Staffordshire', typeLabel: 'Analysis & planning', total: 2, status: 'attained', count: 1, … }, …] }, … })
 */
export const objectivesBarVegaLiteEither = (ev: Evaluation): Result<VegaLiteSpec> =>
  E.map((rows: readonly object[]): VegaLiteSpec =>
    safeSpec({
      $schema: VEGA_LITE_SCHEMA,
      title: 'Objectives attained by type and site',
      description: 'Bars of objectives per type at each site, stacked by status: attained, unknown, not attained.',
      data: {
        values: rows.map((r) => ({
          ...r,
          order: OBJECTIVE_STATUSES_SHOWN.indexOf((r as { status: (typeof OBJECTIVE_STATUSES_SHOWN)[number] }).status),
        })),
      },
      mark: { type: 'bar' },
      encoding: {
        column: {
          field: 'siteName',
          type: 'nominal',
          sort: ev.sites.map((s) => s.name),
          title: null,
          header: { labelFontWeight: 'bold' },
        },
        x: {
          field: 'typeLabel',
          type: 'nominal',
          sort: ev.objectiveTypes.map((t) => t.label),
          title: null,
          axis: { labelAngle: -30 },
        },
        y: { field: 'count', type: 'quantitative', stack: 'zero', title: 'Objectives' },
        color: {
          field: 'status',
          type: 'nominal',
          title: 'Status',
          scale: {
            domain: [...OBJECTIVE_STATUSES_SHOWN],
            range: OBJECTIVE_STATUSES_SHOWN.map((s) => STATUS_COLOURS[s]),
          },
        },
        order: { field: 'order', type: 'quantitative' },
        tooltip: [
          { field: 'siteName', type: 'nominal', title: 'Site' },
          { field: 'typeLabel', type: 'nominal', title: 'Type' },
          { field: 'status', type: 'nominal', title: 'Status' },
          { field: 'count', type: 'quantitative', title: 'Objectives' },
          { field: 'total', type: 'quantitative', title: 'Of' },
        ],
      },
    }),
  )(objectiveBarRowsEither(ev))

/**
 * A Vega-Lite bar chart of objectives by type, one panel per site: each bar
 * is a site × type, stacked attained / unknown / not attained in Okabe–Ito
 * colours (blue, orange, grey), so an unknown attained count stays visible.
 *
 * The throwing form of {@link objectivesBarVegaLiteEither}: the same result, returned directly,
 * for notebooks and scripts.
 *
 * Degenerate input: invalid objectives throws; no objectives gives a
 * valid spec with zero-height bars.
 * @param ev the evaluation
 * @returns the result (`VegaLiteSpec`), as {@link objectivesBarVegaLiteEither}
 * gives it in its `Right`.
 * @throws {RealistError} when {@link objectivesBarVegaLiteEither} gives `Left`: the error's
 * `problems` are those problems, and its message lists them (`[realist-eval] objectivesBarVegaLite: …`).
 * @example
 * objectivesBarVegaLite(mhipEvaluation).mark //=> { type: 'bar' }
 */
export const objectivesBarVegaLite = (ev: Evaluation): VegaLiteSpec =>
  orThrow('objectivesBarVegaLite', objectivesBarVegaLiteEither(ev))

/** Options of {@link qcaXyPlotVegaLiteEither}. */
export interface XyPlotVegaLiteOptions {
  /** Width and height of the plot in px [320]. */
  readonly size?: number
  /** Write each case's name beside its point [true]. */
  readonly labels?: boolean
  /** The key of the case name in each row ['case']. */
  readonly caseKey?: string
}

const f3 = (x: number | null): string => (x === null ? 'undefined' : x.toFixed(3))
const ABOVE = 'on or above the diagonal'
const BELOW = 'below the diagonal'

/**
 * The XY plot of sufficiency (Ragin 2008, ch. 3; Schneider & Wagemann 2012, ch. 3) as a Vega-Lite spec,
 * drawn like `qcaXyPlotSvg`: a point per case at (membership in the expression, membership in the
 * outcome) on [0, 1] × [0, 1], blue on or above the diagonal y = x (consistent with sufficiency) and
 * orange below it (Okabe–Ito), the dashed diagonal, the case names, and the expression's inclS and covS
 * in the title; a tooltip gives each case and its two memberships.
 *
 * Degenerate input: a bad expression, a missing or out-of-range membership gives the `Left` of
 * `sufficiency`; an undefined inclS or covS (no membership at all) is written "undefined" in the title.
 * @param rows plain rows with the memberships
 * @param expression the sufficient expression, e.g. `'DEV*STB'`
 * @param outcome the outcome column, or `~column`
 * @param options `{ size? [320], labels? [true], caseKey? ['case'] }`
 * @returns `Right` of the spec, or the problems of `sufficiency`
 * @example
 * qcaXyPlotVegaLiteEither([{ case: 'a', A: 0.8, Y: 0.9 }], 'A', 'Y')
 * //=> right({ $schema: '…/v6.json', title: 'A → Y: inclS 1.000, covS 0.889', data: { values: [{ case: 'a', x: 0.8, y: 0.9, side: 'on or above the diagonal' }] }, … })
 */
export const qcaXyPlotVegaLiteEither = (
  rows: readonly QcaRow[],
  expression: string,
  outcome: string,
  options: XyPlotVegaLiteOptions = {},
): Result<VegaLiteSpec> => {
  const o = options ?? {}
  const size = o.size ?? 320
  const axis = (field: 'x' | 'y', title: string) => ({ field, type: 'quantitative', title, scale: { domain: [0, 1] } })
  return E.map((d: XyPlotData): VegaLiteSpec =>
    safeSpec({
      $schema: VEGA_LITE_SCHEMA,
      title: `${d.expression} → ${d.outcome}: inclS ${f3(d.inclS)}, covS ${f3(d.covS)}`,
      description:
        `XY plot of ${d.expression} (x) against ${d.outcome} (y), ${d.points.length} case${d.points.length === 1 ? '' : 's'}. ` +
        'Points on or above the diagonal are consistent with the expression being sufficient for the outcome.',
      width: size,
      height: size,
      data: { values: d.points.map((p) => ({ case: p.case, x: p.x, y: p.y, side: p.y >= p.x ? ABOVE : BELOW })) },
      encoding: { x: axis('x', d.expression), y: axis('y', d.outcome) },
      layer: [
        {
          data: {
            values: [
              { x: 0, y: 0 },
              { x: 1, y: 1 },
            ],
          },
          mark: { type: 'line', color: '#999999', strokeDash: [4, 3] },
        },
        {
          mark: { type: 'point', filled: true, size: 60, opacity: 1 },
          encoding: {
            color: {
              field: 'side',
              type: 'nominal',
              title: null,
              scale: { domain: [ABOVE, BELOW], range: [OKABE_ITO[4]!, OKABE_ITO[5]!] },
            },
            tooltip: [
              { field: 'case', type: 'nominal', title: 'Case' },
              { field: 'x', type: 'quantitative', title: d.expression, format: '.2f' },
              { field: 'y', type: 'quantitative', title: d.outcome, format: '.2f' },
            ],
          },
        },
        ...((o.labels ?? true)
          ? [
              {
                mark: { type: 'text', align: 'left', dx: 6, dy: -6 },
                encoding: { text: { field: 'case', type: 'nominal' } },
              },
            ]
          : []),
      ],
    }),
  )(xyPlotDataEither(rows, expression, outcome, o.caseKey ?? 'case'))
}

/**
 * The XY plot of sufficiency as a Vega-Lite spec (throwing form of {@link qcaXyPlotVegaLiteEither}): a
 * point per case, the diagonal, and inclS and covS in the title.
 * @param rows plain rows with the memberships
 * @param expression the sufficient expression
 * @param outcome the outcome column, or `~column`
 * @param options `{ size?, labels?, caseKey? }`
 * @returns the Vega-Lite spec.
 * @throws {RealistError} on a bad expression or a missing or out-of-range membership
 * @example
 * qcaXyPlotVegaLite([{ case: 'a', A: 0.8, Y: 0.9 }], 'A', 'Y').title //=> 'A → Y: inclS 1.000, covS 0.889'
 */
export const qcaXyPlotVegaLite = (
  rows: readonly QcaRow[],
  expression: string,
  outcome: string,
  options?: XyPlotVegaLiteOptions,
): VegaLiteSpec => orThrow('qcaXyPlotVegaLite', qcaXyPlotVegaLiteEither(rows, expression, outcome, options))
