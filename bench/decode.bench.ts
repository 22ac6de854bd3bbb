/**
 * Decoding throughput: decoding and fully validating the generated
 * national document (990,000 slots, about 940,000 criterion ratings), with
 * every referential check, takes at most 2.5 × `JSON.parse` of the same text.
 *
 * Both tasks run in one tinybench run, so they share the machine's load:
 * - `JSON.parse` of the text;
 * - `JSON.parse` + `decodeEvaluation` (limits pre-check, shape, ratings against
 *   the framework/scale/rounds/excerpts, duplicate ids, objectives, evidence,
 *   theories).
 * The figure is the ratio of their medians.
 * @module
 */
import * as E from 'fp-ts/lib/Either.js'
import { decodeEvaluation } from '../src/document/decode.js'
import { isUnitRatingsPath, limitProblems } from '../src/model/codec-limits.js'
import type { BenchContext, BenchReport } from './harness.js'
import { measure, median } from './harness.js'

const TARGET_RATIO = 2.5

export const run = async (ctx: BenchContext): Promise<BenchReport> => {
  const text = ctx.json()
  const parsed = JSON.parse(text)
  const first = decodeEvaluation(parsed)
  if (E.isLeft(first)) throw new Error(`the generated document does not decode: ${first.left[0]?.where}`)
  const ratings = first.right.sites.reduce(
    (n, s) =>
      n + s.units.reduce((m, u) => m + Object.values(u.ratings).reduce((k, r) => k + Object.keys(r).length, 0), 0),
    0,
  )

  const measurements = await measure(
    {
      'JSON.parse': () => JSON.parse(text),
      'JSON.parse + decodeEvaluation (full validation)': () => {
        if (E.isLeft(decodeEvaluation(JSON.parse(text)))) throw new Error('refused')
      },
      'limits pre-check alone, as decodeEvaluation runs it (ratings skipped)': () =>
        limitProblems(parsed, {}, isUnitRatingsPath),
    },
    { time: ctx.quick ? 500 : 4000, iterations: ctx.quick ? 5 : 12, warmupIterations: 2 },
  )
  const parse = median(measurements, 'JSON.parse')
  const both = median(measurements, 'JSON.parse + decodeEvaluation (full validation)')
  const ratio = both / parse
  return {
    title: 'Decoding and validating the national document',
    measurements,
    checks: [
      {
        label: '(parse + decode) / parse',
        value: ratio,
        unit: '×',
        target: `≤ ${TARGET_RATIO}`,
        pass: ratio <= TARGET_RATIO,
      },
    ],
    notes: [
      `Text: ${(text.length / 1e6).toFixed(1)} MB, ${ratings.toLocaleString('en')} ratings (${first.right.sites.length} sites).`,
      'decodeEvaluation checks every rating against the framework, the scale, the rounds and the excerpts in one pass (src/model/codec-ratings.ts), then duplicate ids and the objective/evidence/theory checks.',
      'Decode alone = (parse + decode) − parse. The limits inside ratings are checked by the ratings codec, in its own pass.',
    ],
  }
}
