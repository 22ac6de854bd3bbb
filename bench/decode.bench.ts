/**
 * Decoding throughput: decoding and fully validating a generated document,
 * with every referential check, takes at most 2.5 × `JSON.parse` of the same
 * text. Two documents, each against its own `JSON.parse`:
 *
 * - the national document (200 sites × 25 units × 198 criteria and
 *   standards, 1 round: 990,000 slots, about 920,000 criterion ratings);
 * - the same document with a second instrument and two raters
 *   (`TWO_INSTRUMENTS` in bench/generate.ts): every unit is also rated on a
 *   four-level compliance scale (E-MHIP's 40 rated targets), a third of those
 *   items by both raters with no counted rating (about 1.18M ratings in all).
 *
 * Every task runs in one measurement (bench/harness.ts `measure`), interleaved
 * pass by pass, so all share the machine's load:
 * - `JSON.parse` of each text;
 * - `JSON.parse` + `decodeEvaluation` of each (limits pre-check, shape,
 *   ratings against the framework/scale/rounds/excerpts/raters, duplicate ids,
 *   objectives, evidence, theories).
 * A document's figure is the ratio of its two medians.
 * @module
 */
import * as E from 'fp-ts/lib/Either.js'
import { decodeEvaluation } from '../src/document/decode.js'
import { isUnitRatingsPath, limitProblems } from '../src/model/codec-limits.js'
import type { Evaluation } from '../src/model/evaluation.js'
import { countEveryRating, generateJson, NATIONAL, SIZES, TWO_INSTRUMENTS } from './generate.js'
import type { BenchContext, BenchReport, Check } from './harness.js'
import { measure, median } from './harness.js'

const TARGET_RATIO = 2.5

const decodeOrThrow = (text: string): Evaluation => {
  const r = decodeEvaluation(JSON.parse(text))
  if (E.isLeft(r)) throw new Error(`the generated document does not decode: ${r.left[0]?.where}`)
  return r.right
}

export const run = async (ctx: BenchContext): Promise<BenchReport> => {
  const docs = [
    { name: 'national', text: ctx.json() },
    {
      name: 'two instruments, two raters',
      text: generateJson({ ...(ctx.quick ? SIZES['100k'] : NATIONAL), ...TWO_INSTRUMENTS }),
    },
  ]
  const parsed = JSON.parse(docs[0]!.text)
  const tasks: Record<string, () => unknown> = {}
  const notes: string[] = []
  for (const { name, text } of docs) {
    const ev = decodeOrThrow(text)
    tasks[`${name}: JSON.parse`] = () => JSON.parse(text)
    tasks[`${name}: JSON.parse + decodeEvaluation (full validation)`] = () => {
      if (E.isLeft(decodeEvaluation(JSON.parse(text)))) throw new Error('refused')
    }
    notes.push(
      `${name}: text ${(text.length / 1e6).toFixed(1)} MB, ${countEveryRating(ev).toLocaleString('en')} ratings (${ev.sites.length} sites × ${ev.sites[0]?.units.length ?? 0} units${ev.instruments?.length ? `, ${1 + ev.instruments.length} instruments, ${ev.raters?.length ?? 0} raters` : ''}).`,
    )
  }
  tasks['national: limits pre-check alone, as decodeEvaluation runs it (ratings skipped)'] = () =>
    limitProblems(parsed, {}, isUnitRatingsPath)

  const measurements = await measure(tasks, {
    time: ctx.quick ? 500 : 4000,
    iterations: ctx.quick ? 5 : 12,
    warmupIterations: 2,
  })
  const checks: Check[] = docs.map(({ name }) => {
    const ratio =
      median(measurements, `${name}: JSON.parse + decodeEvaluation (full validation)`) /
      median(measurements, `${name}: JSON.parse`)
    return {
      label: `(parse + decode) / parse, ${name}`,
      value: ratio,
      unit: '×',
      target: `≤ ${TARGET_RATIO}`,
      pass: ratio <= TARGET_RATIO,
    }
  })
  return {
    title: 'Decoding and validating the national document, with one instrument and with two',
    measurements,
    checks,
    notes: [
      ...notes,
      'decodeEvaluation checks every rating against the framework, the scale, the rounds, the excerpts and the raters in one pass (src/model/codec-ratings.ts), then duplicate ids and the objective/evidence/theory checks.',
      'Decode alone = (parse + decode) − parse. The limits inside ratings are checked by the ratings codec, in its own pass.',
    ],
  }
}
