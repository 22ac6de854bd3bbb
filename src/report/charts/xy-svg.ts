/**
 * The XY plot of sufficiency (Ragin 2008, ch. 3; Schneider & Wagemann 2012,
 * ch. 3) as a standalone SVG string: each case at (membership in the
 * expression, membership in the outcome), the diagonal y = x, and the
 * expression's consistency and coverage. Cases on or above the diagonal are
 * consistent with sufficiency; those below it are not.
 * @module
 */
import * as E from '../../model/either.js'
import { orThrow, type Result } from '../../model/problem.js'
import { parseExpressionEither, expressionConditions } from '../../qca/expression.js'
import { outcomeMemberships, parseOutcome, readSetData, type QcaRow, type SetData } from '../../qca/data.js'
import { expressionVector, sufficiencyEither } from '../../qca/measures.js'
import { escapeHtml } from '../escape.js'
import { OKABE_ITO } from './palette.js'

/** Options of `qcaXyPlotSvgEither`. */
export interface XyPlotSvgOptions {
  /** Side of the square plot area in px [320]. */
  readonly size?: number
  /** Font size in px [12]. */
  readonly fontSize?: number
  /** Write each case's name beside its point [true]. */
  readonly labels?: boolean
  /** The key of the case name in each row ['case']. */
  readonly caseKey?: string
}

const f3 = (x: number | null) => (x === null ? 'undefined' : x.toFixed(3))
const px = (n: number) => String(Math.round(n * 10) / 10)

/** The points of an XY plot of sufficiency, and the expression's fit (for the SVG and the Vega-Lite plot). */
export interface XyPlotData {
  readonly expression: string
  readonly outcome: string
  readonly inclS: number | null
  readonly covS: number | null
  /** One point per case: x = membership in the expression, y = membership in the outcome. */
  readonly points: readonly { readonly case: string; readonly x: number; readonly y: number }[]
}

/**
 * The points and fit of an XY plot of sufficiency: each case's membership in the expression (x) and in
 * the outcome (y), with the expression's inclS and covS (`sufficiencyEither`).
 * @param rows plain rows with the memberships
 * @param expression the sufficient expression, e.g. `'DEV*STB'`
 * @param outcome the outcome column, or `~column`
 * @param caseKey the key of the case name in each row ['case']
 * @returns `Right` of the points and fit, or the problems of `sufficiency`
 * @example
 * xyPlotDataEither([{ case: 'a', A: 0.8, Y: 0.9 }], 'A', 'Y')
 * //=> right({ expression: 'A', outcome: 'Y', inclS: 1, covS: 0.8888888888888888, points: [{ case: 'a', x: 0.8, y: 0.9 }] })
 */
export const xyPlotDataEither = (
  rows: readonly QcaRow[],
  expression: string,
  outcome: string,
  caseKey = 'case',
): Result<XyPlotData> => {
  const fit = sufficiencyEither(rows, expression, outcome, { caseKey })
  if (E.isLeft(fit)) return fit
  const sop = parseExpressionEither(expression)
  const out = parseOutcome(outcome, 'qcaXyPlot › outcome')
  if (E.isLeft(sop) || !('name' in out)) return E.left([])
  const data = readSetData(rows, [...expressionConditions(sop.right), out.name], caseKey, 'qcaXyPlot') as SetData
  const xs = expressionVector(sop.right, data)
  const ys = outcomeMemberships(data, out)
  return E.right({
    expression: fit.right.expression,
    outcome: fit.right.outcome,
    inclS: fit.right.inclS,
    covS: fit.right.covS,
    points: data.cases.map((c, i) => ({ case: c, x: xs[i]!, y: ys[i]! })),
  })
}

/**
 * Draw the XY plot of an expression's sufficiency for an outcome: a point
 * per case (blue on or above the diagonal, orange below it: Okabe–Ito
 * colours), the diagonal, axes from 0 to 1, and inclS and covS in the
 * heading. Accessible: `role="img"`, `aria-label`, `<title>` and `<desc>`,
 * and a `<title>` on every point with the case and its two memberships. All
 * data text is escaped.
 * @param rows plain rows with the memberships
 * @param expression the sufficient expression, e.g. `'DEV*STB'`
 * @param outcome the outcome column, or `~column`
 * @param opts `{ size? [320], fontSize? [12], labels? [true], caseKey? ['case'] }`
 * @returns `Right` of the SVG text, or the problems of `sufficiency`
 * @example
 * // inclS = Σ min(x, y) / Σ x = (0.8 + 0.2) / (0.8 + 0.3) = 0.909; covS = Σ min(x, y) / Σ y = 1.0 / 1.1 = 0.909
 * qcaXyPlotSvgEither([{ case: 'a', A: 0.8, Y: 0.9 }, { case: 'b', A: 0.3, Y: 0.2 }], 'A', 'Y')
 * //=> right('<svg … aria-label="XY plot of A (x) against Y (y): inclS 0.909, covS 0.909, 2 cases"…</svg>')
 */
export const qcaXyPlotSvgEither = (
  rows: readonly QcaRow[],
  expression: string,
  outcome: string,
  opts: XyPlotSvgOptions = {},
): Result<string> => {
  const options = opts ?? {}
  const xy = xyPlotDataEither(rows, expression, outcome, options.caseKey ?? 'case')
  if (E.isLeft(xy)) return xy
  const fit = { right: xy.right }
  const data = { cases: xy.right.points.map((p) => p.case) }
  const xs = xy.right.points.map((p) => p.x)
  const ys = xy.right.points.map((p) => p.y)
  const size = options.size ?? 320
  const fs = options.fontSize ?? 12
  const left = fs * 4
  const top = fs * 3
  const w = left + size + fs * 6
  const h = top + size + fs * 4
  const X = (v: number) => left + v * size
  const Y = (v: number) => top + (1 - v) * size
  const label = `XY plot of ${fit.right.expression} (x) against ${fit.right.outcome} (y): inclS ${f3(fit.right.inclS)}, covS ${f3(fit.right.covS)}, ${data.cases.length} case${data.cases.length === 1 ? '' : 's'}`
  const desc =
    'Each point is a case. Points on or above the diagonal are consistent with the expression being sufficient for the outcome.'
  const ticks = [0, 0.25, 0.5, 0.75, 1]
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${px(w)}" height="${px(h)}" viewBox="0 0 ${px(w)} ${px(h)}" role="img" aria-label="${escapeHtml(label)}" font-family="sans-serif" font-size="${fs}">`,
    `<title>${escapeHtml(label)}</title>`,
    `<desc>${escapeHtml(desc)}</desc>`,
    `<text x="${px(left)}" y="${px(fs * 1.5)}" font-weight="bold">${escapeHtml(`${fit.right.expression} → ${fit.right.outcome}: inclS ${f3(fit.right.inclS)}, covS ${f3(fit.right.covS)}`)}</text>`,
    `<rect x="${px(left)}" y="${px(top)}" width="${px(size)}" height="${px(size)}" fill="none" stroke="#333"/>`,
    `<line x1="${px(X(0))}" y1="${px(Y(0))}" x2="${px(X(1))}" y2="${px(Y(1))}" stroke="#999" stroke-dasharray="4 3"/>`,
    ...ticks.flatMap((t) => [
      `<text x="${px(X(t))}" y="${px(top + size + fs * 1.3)}" text-anchor="middle">${t}</text>`,
      `<text x="${px(left - 4)}" y="${px(Y(t) + fs / 3)}" text-anchor="end">${t}</text>`,
    ]),
    `<text x="${px(left + size / 2)}" y="${px(top + size + fs * 2.8)}" text-anchor="middle">${escapeHtml(fit.right.expression)}</text>`,
    `<text x="${px(fs)}" y="${px(top + size / 2)}" text-anchor="middle" transform="rotate(-90 ${px(fs)} ${px(top + size / 2)})">${escapeHtml(fit.right.outcome)}</text>`,
  ]
  data.cases.forEach((c, i) => {
    const x = xs[i]!
    const y = ys[i]!
    const colour = y >= x ? OKABE_ITO[4]! : OKABE_ITO[5]!
    parts.push(
      `<circle cx="${px(X(x))}" cy="${px(Y(y))}" r="${px(fs / 3)}" fill="${colour}"><title>${escapeHtml(`${c}: x ${x.toFixed(2)}, y ${y.toFixed(2)}`)}</title></circle>`,
    )
    if (options.labels ?? true)
      parts.push(
        `<text x="${px(X(x) + fs / 2)}" y="${px(Y(y) - fs / 3)}" font-size="${px(fs * 0.85)}">${escapeHtml(c)}</text>`,
      )
  })
  parts.push('</svg>')
  return E.right(parts.join(''))
}

/**
 * Draw the XY plot of an expression's sufficiency for an outcome as SVG
 * (throwing form of `qcaXyPlotSvgEither`).
 * @param rows plain rows with the memberships
 * @param expression the sufficient expression
 * @param outcome the outcome column, or `~column`
 * @param options `{ size?, fontSize?, labels?, caseKey? }`
 * @returns the SVG document as a string.
 * @throws {RealistError} on a bad expression or a missing or out-of-range membership
 * @example
 * qcaXyPlotSvg([{ case: 'a', A: 1, Y: 1 }], 'A', 'Y').startsWith('<svg') //=> true
 */
export const qcaXyPlotSvg = (
  rows: readonly QcaRow[],
  expression: string,
  outcome: string,
  options?: XyPlotSvgOptions,
): string => orThrow('qcaXyPlotSvg', qcaXyPlotSvgEither(rows, expression, outcome, options))
