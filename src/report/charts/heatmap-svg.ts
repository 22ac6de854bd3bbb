/**
 * A heatmap as a standalone SVG string: no DOM, no script, no external
 * resource, so it can be written to a file, inlined in HTML or shown in a
 * notebook as it is.
 * @module
 */
import { escapeHtml } from '../escape.js'
import { NO_DATA_FILL, textColour, VIRIDIS, viridis } from './palette.js'
import type { HeatmapData } from './heatmap-data.js'

/** Options of {@link heatmapSvg}. */
export interface HeatmapSvgOptions {
  /** Cell height in px [26]. */
  readonly cellHeight?: number
  /** Smallest cell width in px [64]; columns widen to fit their labels up to `maxCellWidth`. */
  readonly minCellWidth?: number
  /** [150] */
  readonly maxCellWidth?: number
  /** Font size in px [12]. */
  readonly fontSize?: number
}

/** A rough text width for a sans-serif font, to size the layout without a DOM. */
const textWidth = (text: string, fontSize: number): number => text.length * fontSize * 0.58

const ellipsis = (text: string, maxWidth: number, fontSize: number): string => {
  const fits = Math.floor(maxWidth / (fontSize * 0.58))
  if (text.length <= fits) return text
  // Cut between code points, never inside a surrogate pair (half a pair is not a character XML allows).
  return `${Array.from(text)
    .slice(0, Math.max(1, fits - 1))
    .join('')}…`
}

const fmt = (n: number): string => String(Math.round(n * 10) / 10)

/**
 * Draw a heatmap as an accessible SVG string:
 * - the `<svg>` has `role="img"`, an `aria-label` and a `<title>` and
 *   `<desc>` from the data;
 * - every cell is a `<rect>` with its own `<title>` (the tooltip and spoken
 *   description: row, column, value, counts);
 * - colours are viridis (colour-blind safe, see `palette.ts`), with text in
 *   black or white by WCAG contrast, and grey for cells with no value;
 * - a legend shows the colour scale from 0% to 100% and the no-value grey.
 * All text from the data is escaped.
 *
 * Degenerate input: no rows or no columns gives an SVG with the title and a
 * "no data" line.
 * @param data rows, columns and cells (e.g. from `attainmentHeatmapData`)
 * @param options sizes
 * @returns the SVG text.
 * @example
 * heatmapSvg(attainmentHeatmapData(attainment(ev), ev))
 * //=> '<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="Standards attained by site. Heatmap of the share of units attaining each of 11 standards at each of 2 sites; …<title>South Staffordshire × 1.1 The organisation is ready for change: 75% attained (3 of 4), 95% CI 30–95%</title>…</svg>'
 */
export const heatmapSvg = (data: HeatmapData, options: HeatmapSvgOptions = {}): string => {
  const fs = options.fontSize ?? 12
  const ch = options.cellHeight ?? 26
  const maxW = options.maxCellWidth ?? 150
  const cw = Math.min(
    maxW,
    Math.max(options.minCellWidth ?? 64, ...data.columns.map((c) => textWidth(c.label, fs) + 12)),
  )
  const left = Math.max(40, ...data.rows.map((r) => textWidth(r.label, fs) + 14))
  const top = 34 + fs * 2
  const gridW = cw * data.columns.length
  const gridH = ch * data.rows.length
  const legendTop = top + gridH + 18
  const width = Math.max(left + gridW + 10, left + 260)
  const height = legendTop + 48
  const label = `${data.title}. ${data.description}`
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="${escapeHtml(label)}" width="${fmt(width)}" height="${fmt(height)}" viewBox="0 0 ${fmt(width)} ${fmt(height)}" font-family="system-ui, -apple-system, 'Segoe UI', Roboto, 'DejaVu Sans', Arial, sans-serif" font-size="${fs}">`,
    `<title>${escapeHtml(data.title)}</title>`,
    `<desc>${escapeHtml(data.description)}</desc>`,
    `<defs><linearGradient id="realist-eval-viridis" x1="0" x2="1" y1="0" y2="0">${VIRIDIS.map((c, i) => `<stop offset="${i / (VIRIDIS.length - 1)}" stop-color="${c}"/>`).join('')}</linearGradient></defs>`,
    `<text x="0" y="${fs + 2}" font-weight="bold" font-size="${fs + 2}">${escapeHtml(data.title)}</text>`,
  ]
  if (data.rows.length === 0 || data.columns.length === 0) {
    out.push(`<text x="0" y="${fs * 3 + 4}">No data to show.</text></svg>`)
    return out.join('')
  }
  const cells = new Map(data.cells.map((c) => [`${c.row}\u0000${c.column}`, c]))
  // Column labels, centred over their column; the full label is the title when cut.
  data.columns.forEach((c, j) => {
    const shown = ellipsis(c.label, cw - 6, fs)
    out.push(
      `<text x="${fmt(left + j * cw + cw / 2)}" y="${fmt(top - 8)}" text-anchor="middle">${shown === c.label ? '' : `<title>${escapeHtml(c.label)}</title>`}${escapeHtml(shown)}</text>`,
    )
  })
  data.rows.forEach((r, i) => {
    const y = top + i * ch
    out.push(
      `<text x="${fmt(left - 8)}" y="${fmt(y + ch / 2 + fs * 0.35)}" text-anchor="end"><title>${escapeHtml(r.description ?? r.label)}</title>${escapeHtml(r.label)}</text>`,
    )
    data.columns.forEach((c, j) => {
      const cell = cells.get(`${r.id}\u0000${c.id}`)
      const fill = viridis(cell?.value ?? null)
      const x = left + j * cw
      const title = cell?.title ?? `${c.label} × ${r.description ?? r.label}: no value`
      out.push(
        `<g class="cell"><rect x="${fmt(x)}" y="${fmt(y)}" width="${fmt(cw - 2)}" height="${fmt(ch - 2)}" fill="${fill}" data-row="${escapeHtml(r.id)}" data-column="${escapeHtml(c.id)}"><title>${escapeHtml(title)}</title></rect>` +
          `<text x="${fmt(x + (cw - 2) / 2)}" y="${fmt(y + ch / 2 + fs * 0.35)}" text-anchor="middle" fill="${textColour(fill)}" aria-hidden="true">${escapeHtml(cell?.text ?? '–')}</text></g>`,
      )
    })
  })
  // Legend: the colour ramp 0–100% and the no-value swatch.
  const lx = left
  out.push(
    `<g class="legend"><text x="${fmt(lx)}" y="${fmt(legendTop)}">${escapeHtml(data.valueLabel)}</text>`,
    `<rect x="${fmt(lx)}" y="${fmt(legendTop + 6)}" width="160" height="12" fill="url(#realist-eval-viridis)"><title>Colour scale: viridis, from 0% (dark purple) to 100% (yellow)</title></rect>`,
    `<text x="${fmt(lx)}" y="${fmt(legendTop + 32)}">0%</text><text x="${fmt(lx + 160)}" y="${fmt(legendTop + 32)}" text-anchor="end">100%</text>`,
    `<rect x="${fmt(lx + 180)}" y="${fmt(legendTop + 6)}" width="12" height="12" fill="${NO_DATA_FILL}"><title>Grey: no estimate (n = 0)</title></rect>`,
    `<text x="${fmt(lx + 196)}" y="${fmt(legendTop + 16)}">no estimate</text></g>`,
    '</svg>',
  )
  return out.join('')
}
