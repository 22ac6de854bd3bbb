/**
 * The objectives chart as a standalone SVG string: horizontal bars per site ×
 * objective type, stacked attained / unknown / not attained.
 * @module
 */
import * as E from 'fp-ts/lib/Either.js'
import type { Evaluation } from '../../model/evaluation.js'
import { orThrow, type Result } from '../../model/problem.js'
import { escapeHtml } from '../escape.js'
import {
  objectiveBarRowsEither,
  OBJECTIVE_STATUSES_SHOWN,
  STATUS_COLOURS,
  type ObjectiveBarRow,
} from './objective-bars-data.js'

/** Options of {@link objectivesBarSvgEither}. */
export interface ObjectiveBarsSvgOptions {
  /** Length in px of the longest bar [320]. */
  readonly barLength?: number
  /** Font size in px [12]. */
  readonly fontSize?: number
}

const fmt = (n: number): string => String(Math.round(n * 10) / 10)

/**
 * Draw the objectives of each site × type as horizontal stacked bars
 * (attained blue, unknown orange, not attained grey: Okabe–Ito colours, safe
 * for colour-blind readers), grouped by site, with the count at the end of
 * each bar (`1 of 2`, `2 + 2 unknown of 5`). Accessible as `heatmapSvg`:
 * `role="img"`, `aria-label`, `<title>`/`<desc>`, and a `<title>` on every
 * segment. All data text is escaped.
 *
 * Degenerate input: invalid objectives give a `Left`; a site × type with no
 * objectives is drawn as `none` with no bar.
 * @param ev the evaluation
 * @param options sizes
 * @returns `Right` with the SVG text, or `Left` with the problems of the objectives.
 * @example
 * objectivesBarSvgEither(mhipEvaluation)
 * //=> right('<svg … role="img" aria-label="Objectives attained by type and site. …">…<rect …><title>South Staffordshire × Outcome changes: 2 unknown of 5</title></rect>…</svg>')
 */
export const objectivesBarSvgEither = (ev: Evaluation, options: ObjectiveBarsSvgOptions = {}): Result<string> =>
  E.map((rows: readonly ObjectiveBarRow[]) => draw(ev, rows, options))(objectiveBarRowsEither(ev))

/**
 * Draw the objectives of each site × type as horizontal stacked bars
 * (attained blue, unknown orange, not attained grey: Okabe–Ito colours, safe
 * for colour-blind readers), grouped by site, with the count at the end of
 * each bar (`1 of 2`, `2 + 2 unknown of 5`). Accessible as `heatmapSvg`:
 * `role="img"`, `aria-label`, `<title>`/`<desc>`, and a `<title>` on every
 * segment. All data text is escaped.
 *
 * The throwing form of {@link objectivesBarSvgEither}: the same result, returned directly,
 * for notebooks and scripts.
 *
 * Degenerate input: invalid objectives throws; a site × type with no
 * objectives is drawn as `none` with no bar.
 * @param ev the evaluation
 * @param options sizes
 * @returns the result (`string`), as {@link objectivesBarSvgEither}
 * gives it in its `Right`.
 * @throws {RealistError} when {@link objectivesBarSvgEither} gives `Left`: the error's
 * `problems` are those problems, and its message lists them (`[realist-eval] objectivesBarSvg: …`).
 * @example
 * objectivesBarSvg(mhipEvaluation).startsWith('<svg') //=> true
 */
export const objectivesBarSvg = (ev: Evaluation, options?: ObjectiveBarsSvgOptions): string =>
  orThrow('objectivesBarSvg', objectivesBarSvgEither(ev, options))

const draw = (ev: Evaluation, rows: readonly ObjectiveBarRow[], options: ObjectiveBarsSvgOptions): string => {
  const fs = options.fontSize ?? 12
  const barLength = options.barLength ?? 320
  const barH = 16
  const gap = 6
  const title = 'Objectives attained by type and site'
  const description =
    'Horizontal bars of objectives per type at each site, stacked by status: attained (blue), unknown (orange), not attained (grey).'
  const maxTotal = Math.max(1, ...rows.map((r) => r.total))
  const scale = barLength / maxTotal
  const labelW = Math.max(60, ...ev.objectiveTypes.map((t) => t.label.length * fs * 0.58 + 16))
  const body: string[] = []
  let y = fs * 2 + 14
  for (const site of ev.sites) {
    y += fs + 6
    body.push(`<text x="0" y="${fmt(y)}" font-weight="bold">${escapeHtml(site.name)}</text>`)
    y += 6
    for (const type of ev.objectiveTypes) {
      const segs = rows.filter((r) => r.site === site.id && r.type === type.id)
      const total = segs[0]?.total ?? 0
      body.push(
        `<text x="${fmt(labelW - 8)}" y="${fmt(y + barH / 2 + fs * 0.35)}" text-anchor="end">${escapeHtml(type.label)}</text>`,
      )
      let x = labelW
      const what = `${site.name} × ${type.label}`
      for (const status of OBJECTIVE_STATUSES_SHOWN) {
        const seg = segs.find((s) => s.status === status)
        if (seg === undefined || seg.count === 0) continue
        const w = seg.count * scale
        body.push(
          `<rect x="${fmt(x)}" y="${fmt(y)}" width="${fmt(w)}" height="${barH}" fill="${STATUS_COLOURS[status]}" data-status="${status}"><title>${escapeHtml(`${what}: ${seg.count} ${status} of ${total}`)}</title></rect>`,
        )
        x += w
      }
      const count = (s: string) => segs.find((r) => r.status === s)?.count ?? 0
      const unknown = count('unknown')
      const text =
        total === 0 ? 'none' : `${count('attained')}${unknown > 0 ? ` + ${unknown} unknown` : ''} of ${total}`
      body.push(`<text x="${fmt(x + 6)}" y="${fmt(y + barH / 2 + fs * 0.35)}">${escapeHtml(text)}</text>`)
      y += barH + gap
    }
  }
  y += 14
  let lx = labelW
  const legend = OBJECTIVE_STATUSES_SHOWN.map((s) => {
    const item = `<rect x="${fmt(lx)}" y="${fmt(y)}" width="12" height="12" fill="${STATUS_COLOURS[s]}"><title>${s}</title></rect><text x="${fmt(lx + 16)}" y="${fmt(y + 10)}">${s}</text>`
    lx += 16 + s.length * fs * 0.58 + 18
    return item
  }).join('')
  const width = labelW + barLength + 130
  const height = y + 24
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="${escapeHtml(`${title}. ${description}`)}" width="${fmt(width)}" height="${fmt(height)}" viewBox="0 0 ${fmt(width)} ${fmt(height)}" font-family="system-ui, -apple-system, 'Segoe UI', Roboto, 'DejaVu Sans', Arial, sans-serif" font-size="${fs}">`,
    `<title>${escapeHtml(title)}</title><desc>${escapeHtml(description)}</desc>`,
    `<text x="0" y="${fs + 2}" font-weight="bold" font-size="${fs + 2}">${escapeHtml(title)}</text>`,
    ...body,
    `<g class="legend">${legend}</g>`,
    '</svg>',
  ].join('')
}
