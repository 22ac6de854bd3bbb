/**
 * The XY plot of sufficiency as Vega-Lite: valid under the Vega-Lite JSON schema (the one vega-lite ships),
 * rendered by Vega itself (headless) with one point per case where the memberships say, coloured by side
 * of the diagonal, and the fit Dusa's QCA prints for the same expression in its title.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import * as E from 'fp-ts/lib/Either.js'
import { Ajv } from 'ajv'
import * as vega from 'vega'
import { compile } from 'vega-lite'
import { qcaXyPlotVegaLite, qcaXyPlotVegaLiteEither, type VegaLiteSpec } from '../../../src/report/charts/vega-lite.js'
import { LF } from '../../qca/fixtures/lipset-fuzzy.js'

const schema = JSON.parse(
  readFileSync(join(__dirname, '../../../node_modules/vega-lite/build/vega-lite-schema.json'), 'utf8'),
)
const ajv = new Ajv({ allErrors: true, strict: false })
ajv.addFormat('color-hex', /^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i)
ajv.addFormat('uri', (s: string) => URL.canParse(s))
ajv.addFormat('uri-reference', true)
const validate = ajv.compile(schema)
const errorsOf = (spec: unknown) =>
  validate(spec) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`)

interface Item {
  readonly datum: Record<string, unknown>
  readonly x: number
  readonly y: number
  readonly fill?: string
  readonly text?: string
}
const render = async (spec: VegaLiteSpec) => {
  const view = new vega.View(vega.parse(compile(spec as never).spec), { renderer: 'none' })
  await view.runAsync()
  const marks: Record<string, Item[]> = {}
  const walk = (node: { marktype?: string; role?: string; items?: unknown[] }): void => {
    if (node.role === 'mark' && node.marktype !== undefined)
      (marks[node.marktype] ??= []).push(...((node.items ?? []) as Item[]))
    for (const child of node.items ?? []) walk(child as typeof node)
  }
  walk((view.scenegraph() as unknown as { root: never }).root)
  const svg = await view.toSVG()
  view.finalize()
  return { marks, svg }
}

describe('qcaXyPlotVegaLite', () => {
  // Lipset fuzzy data (R package QCA, data(LF)): DEV*STB is the parsimonious solution for SURV at inclusion
  // cut 0.7, printed by the package's test snapshot (minimize.md, ttLF) with inclS 0.869, covS 0.824.
  const spec = qcaXyPlotVegaLite(LF, 'DEV*STB', 'SURV', { size: 300 })

  it('is valid under the Vega-Lite schema, with the published fit in its title', () => {
    expect(errorsOf(spec)).toEqual([])
    expect(spec['title']).toBe('DEV*STB → SURV: inclS 0.869, covS 0.824')
    expect(errorsOf(qcaXyPlotVegaLite(LF, '~DEV', '~SURV', { labels: false }))).toEqual([])
  })

  it('renders in Vega: a point per case at (min(DEV, STB), SURV), blue on or above the diagonal, orange below', async () => {
    const { marks, svg } = await render(spec)
    expect(svg.startsWith('<svg')).toBe(true)
    const points = marks['symbol']!
    expect(points).toHaveLength(18)
    for (const p of points) {
      const row = LF.find((r) => r.case === p.datum['case'])!
      const x = Math.min(row.DEV, row.STB)
      // The plot is 300 px square, [0, 1] on both axes; y grows downwards.
      expect(p.x).toBeCloseTo(x * 300, 6)
      expect(p.y).toBeCloseTo((1 - row.SURV) * 300, 6)
      expect(p.fill, String(p.datum['case'])).toBe(row.SURV >= x ? '#0072B2' : '#D55E00')
    }
    // Below the diagonal, by hand (x = min(DEV, STB) > SURV): AU 0.43 > 0.05, BE 0.98 > 0.95, DE 0.31 > 0.05,
    // EE 0.16 > 0.12, IT 0.34 > 0.05, NL 0.98 > 0.95, UK 0.98 > 0.95; FR (0.95 = 0.95) is on it.
    expect(
      points
        .filter((p) => p.fill === '#D55E00')
        .map((p) => p.datum['case'])
        .sort(),
    ).toEqual(['AU', 'BE', 'DE', 'EE', 'IT', 'NL', 'UK'])
    expect(marks['text']!.map((t) => t.text).sort()).toEqual(LF.map((r) => r.case).sort())
    // The diagonal: one line from (0, 300) to (300, 0).
    const line = marks['line']!
    expect(line.map((p) => [p.x, p.y])).toEqual([
      [0, 300],
      [300, 0],
    ])
  })

  it('gives the problems of sufficiency for a bad expression or a missing membership', () => {
    const bad = qcaXyPlotVegaLiteEither(LF, 'DEV*', 'SURV')
    expect(E.isLeft(bad)).toBe(true)
    const missing = qcaXyPlotVegaLiteEither([{ case: 'a', A: 0.5 }], 'A', 'Y')
    expect(E.isLeft(missing) && missing.left.length).toBeGreaterThan(0)
    expect(() => qcaXyPlotVegaLite([{ case: 'a', A: 2, Y: 1 }], 'A', 'Y')).toThrow(/qcaXyPlotVegaLite/)
  })
})
