import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { Ajv } from 'ajv'
import { mhipEvaluation } from '../../../src/data/mhip/index.js'
import { attainment } from '../../../src/standards/attainment.js'
import { attainmentHeatmapData } from '../../../src/report/charts/heatmap-data.js'
import { heatmapVegaLite, objectivesBarVegaLite } from '../../../src/report/charts/vega-lite.js'
import { illustrative } from '../fixture.js'

// Validate against the JSON schema that ships with vega-lite itself
// (node_modules/vega-lite/build/vega-lite-schema.json, draft-07).
const schema = JSON.parse(
  readFileSync(join(__dirname, '../../../node_modules/vega-lite/build/vega-lite-schema.json'), 'utf8'),
)
const ajv = new Ajv({ allErrors: true, strict: false })
// The schema uses these formats; ajv core knows none of them.
ajv.addFormat('color-hex', /^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i)
ajv.addFormat('uri', (s: string) => URL.canParse(s))
ajv.addFormat('uri-reference', true)
const validate = ajv.compile(schema)
const errorsOf = (spec: unknown) =>
  validate(spec) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`)

describe('Vega-Lite specs', () => {
  const heat = heatmapVegaLite(attainmentHeatmapData(attainment(illustrative), illustrative))
  const bars = objectivesBarVegaLite(mhipEvaluation)

  it('the heatmap spec is valid under the Vega-Lite schema', () => {
    expect(errorsOf(heat)).toEqual([])
  })

  it('the objectives bar chart spec is valid under the Vega-Lite schema', () => {
    expect(errorsOf(bars)).toEqual([])
  })

  it('the schema check is not vacuous: a broken spec fails', () => {
    expect(errorsOf({ ...heat, mark: 'rectangle' }).length).toBeGreaterThan(0)
    expect(
      errorsOf({ ...bars, encoding: { ...(bars['encoding'] as object), y: { field: 'count', type: 'numeric' } } })
        .length,
    ).toBeGreaterThan(0)
  })

  it('uses viridis on [0, 1] and keeps the row and column order', () => {
    const layer = heat['layer'] as { encoding?: { color?: { scale?: unknown } } }[]
    expect(layer[1]!.encoding!.color!.scale).toEqual({ scheme: 'viridis', domain: [0, 1] })
    const enc = heat['encoding'] as { x: { sort: string[] }; y: { sort: string[] } }
    expect(enc.x.sort).toEqual([
      'South Staffordshire',
      'Leicestershire',
      'South West Yorkshire',
      'South West London',
      'All sites',
    ])
    expect(enc.y.sort[0]).toBe('1.1')
  })

  it("the bars carry Table 7's site × type counts, unknowns apart (South Staffordshire outcome: 2 attained, 2 unknown, 1 not)", () => {
    const values = (bars['data'] as { values: { site: string; type: string; status: string; count: number }[] }).values
    const ss = values
      .filter((v) => v.site === 'south-staffordshire' && v.type === 'outcome')
      .map((v) => [v.status, v.count])
    expect(ss).toEqual([
      ['attained', 2],
      ['unknown', 2],
      ['not attained', 1],
    ])
    // 4 sites × 3 types × 3 statuses
    expect(values).toHaveLength(36)
    expect(values.reduce((n, v) => n + v.count, 0)).toBe(84)
  })

  it('is plain JSON', () => {
    expect(JSON.parse(JSON.stringify(heat))).toEqual(heat)
  })
})
