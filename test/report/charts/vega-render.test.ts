/**
 * The Vega-Lite specs rendered by Vega itself (headless, in Node): the schema
 * test shows they are well-formed; this shows they draw the right thing. The
 * bar chart must draw E-MHIP Table 7's counts (reference L1892-L1906) at one
 * shared scale; the heatmap one cell per site × standard, coloured by value.
 * The rendered SVGs are saved to test/artifacts/ for a person to look at.
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import * as vega from 'vega'
import { compile } from 'vega-lite'
import { mhipEvaluation } from '../../../src/data/mhip/index.js'
import { attainment } from '../../../src/standards/attainment.js'
import { attainmentHeatmapData } from '../../../src/report/charts/heatmap-data.js'
import { heatmapVegaLite, objectivesBarVegaLite, type VegaLiteSpec } from '../../../src/report/charts/vega-lite.js'
import { illustrative } from '../fixture.js'

interface Item {
  readonly datum: Record<string, unknown>
  readonly x: number
  readonly y: number
  readonly width: number
  readonly height: number
  readonly fill: string
  readonly text?: string
}

/** Render a spec headlessly; its mark items by mark type, and the SVG. */
const render = async (spec: VegaLiteSpec, name: string) => {
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
  const dir = join(__dirname, '../../artifacts')
  mkdirSync(dir, { recursive: true })
  writeFileSync(join(dir, `${name}.svg`), svg)
  view.finalize()
  return { marks, svg }
}

// Table 7 totals per site × type (L1892-L1905): attained, total; the report counts "?" as not attained.
const TABLE7: Readonly<Record<string, Readonly<Record<string, readonly [number, number]>>>> = {
  'South Staffordshire': { 'Analysis & planning': [1, 2], 'Process changes': [4, 15], 'Outcome changes': [2, 5] },
  Leicestershire: { 'Analysis & planning': [5, 11], 'Process changes': [3, 6], 'Outcome changes': [1, 5] },
  'South West Yorkshire': { 'Process changes': [0, 9] },
  'South West London': { 'Analysis & planning': [19, 29], 'Process changes': [1, 1], 'Outcome changes': [1, 1] },
}

describe('Vega renders the Vega-Lite specs', () => {
  it('the objectives bars draw Table 7: each site × type bar as tall as its total, attained at the bottom in blue, one scale for all sites', async () => {
    const { marks, svg } = await render(objectivesBarVegaLite(mhipEvaluation), 'objectives-bars.vega')
    expect(svg.startsWith('<svg')).toBe(true)
    const bars = marks['rect']!
    // 4 sites × 3 types × 3 statuses.
    expect(bars).toHaveLength(36)
    const drawn = bars.filter((b) => (b.datum['count'] as number) > 0)
    const pxPerObjective = drawn[0]!.height / (drawn[0]!.datum['count'] as number)
    expect(pxPerObjective).toBeGreaterThan(0)
    for (const b of bars) expect(b.height).toBeCloseTo((b.datum['count'] as number) * pxPerObjective, 6)
    for (const [site, types] of Object.entries(TABLE7))
      for (const [type, [attained, total]] of Object.entries(types)) {
        const stack = bars.filter((b) => b.datum['siteName'] === site && b.datum['typeLabel'] === type)
        const height = stack.reduce((h, b) => h + b.height, 0)
        expect(height / pxPerObjective, `${site} × ${type}`).toBeCloseTo(total, 6)
        const blue = stack.find((b) => b.datum['status'] === 'attained')!
        expect(blue.fill).toBe('#0072B2')
        expect(blue.height / pxPerObjective).toBeCloseTo(attained, 6)
        // Attained sits at the bottom of the stack (largest y on screen).
        for (const other of stack) expect(blue.y + blue.height).toBeGreaterThanOrEqual(other.y + other.height - 1e-9)
      }
    // South Staffordshire's two outcome objectives of unknown attainment show in orange.
    const unknown = bars.find(
      (b) =>
        b.datum['siteName'] === 'South Staffordshire' &&
        b.datum['typeLabel'] === 'Outcome changes' &&
        b.datum['status'] === 'unknown',
    )!
    expect([unknown.fill, unknown.height / pxPerObjective]).toEqual(['#E69F00', 2])
  })

  it("the heatmap draws one cell per standard × site, coloured on viridis from 0 to 1, with each cell's text", async () => {
    const data = attainmentHeatmapData(attainment(illustrative), illustrative)
    const { marks } = await render(heatmapVegaLite(data), 'attainment-heatmap.vega')
    const rects = marks['rect']!
    const valued = data.cells.filter((c) => c.value !== null)
    // The grey layer under every cell, then the colour layer for cells with a value.
    expect(rects).toHaveLength(data.cells.length + valued.length)
    const coloured = rects.filter((r) => typeof r.datum['value'] === 'number' && r.fill !== rects[0]!.fill)
    expect(coloured.length).toBeGreaterThan(0)
    const fillOf = (v: number) => coloured.find((r) => r.datum['value'] === v)?.fill
    // The illustrative ratings give cells at both ends of the scale.
    expect(valued.some((c) => c.value === 0) && valued.some((c) => c.value === 1)).toBe(true)
    expect(fillOf(0)).toBe('rgb(68, 1, 84)') // viridis at 0, #440154
    expect(fillOf(1)).toBe('rgb(253, 231, 37)') // viridis at 1, #fde725
    const texts = marks['text']!
    expect(texts.map((t) => t.text).sort()).toEqual(data.cells.map((c) => c.text).sort())
    // Text in black or white, whichever contrasts with the cell (the spec's ink), never on the value scale.
    for (const t of texts) expect(t.fill).toBe(t.datum['ink'])
    expect(new Set(texts.map((t) => t.fill))).toEqual(new Set(['#000000', '#ffffff']))
    // Every cell the same size: a grid.
    const sizes = new Set(rects.map((r) => `${r.width.toFixed(3)}×${r.height.toFixed(3)}`))
    expect(sizes.size).toBe(1)
  })
})
