/**
 * Memory: what a decoded national document retains after a full GC: the V8
 * heap plus array buffers (the rating-code arrays live in those).
 * Target ≤ 80 MB, for each of two documents (bench/generate.ts):
 * - the national document: 200 sites × 25 units × 198 criteria and
 *   standards, 1 round (990,000 slots, about 920,000 ratings);
 * - the same with a second instrument and two raters (`TWO_INSTRUMENTS`:
 *   a four-level compliance scale on E-MHIP's 40 rated targets for every
 *   unit, a third of those items rated by both raters with no counted
 *   rating; about 1.18M ratings in all).
 *
 * Measured in a child process (`node --expose-gc`) so that the benchmarks run
 * before it, and their garbage, do not blur the figure. The JSON text is kept
 * alive across both heap readings, so the difference is the document alone.
 * As a reference, the same child also reports what `JSON.parse` alone
 * retains (plain objects, no null-prototype records, no sharing).
 * @module
 */
import { execFileSync } from 'node:child_process'
import * as E from 'fp-ts/lib/Either.js'
import { fileURLToPath } from 'node:url'
import { decodeEvaluation } from '../src/document/decode.js'
import type { BenchContext, BenchReport, Check } from './harness.js'
import { fullGc } from './harness.js'
import { countEveryRating, generateJson, NATIONAL, TWO_INSTRUMENTS } from './generate.js'

const MB = 1024 * 1024
const TARGET_MB = 80

interface ChildResult {
  readonly ratings: number
  readonly jsonMb: number
  readonly parsedMb: number
  readonly decodedMb: number | null
  readonly error?: string
}

/**
 * Bytes retained: the V8 heap plus ArrayBuffer backing stores, which live
 * outside the heap (the decoder's rating-code arrays are views of such
 * buffers, so heapUsed alone would not count them).
 */
const retained = (): number => {
  const m = process.memoryUsage()
  return m.heapUsed + m.arrayBuffers
}

/**
 * Parse and decode in their own (synchronous) frame: temporaries held in the
 * caller's registers would otherwise keep the parsed input alive through the
 * GC and be counted as part of the document.
 */
const decodeText = (text: string): { doc: unknown } | string => {
  const result = decodeEvaluation(JSON.parse(text))
  return E.isRight(result) ? { doc: result.right } : `decode failed: ${JSON.stringify(result.left.slice(0, 3))}`
}

/** The documents measured, by name: the national one, and the same with two instruments and two raters. */
const SHAPES = { national: {}, 'two instruments, two raters': TWO_INSTRUMENTS } as const
type ShapeName = keyof typeof SHAPES

/** The child: build the text, then measure heap growth of JSON.parse and of decode. */
const child = (sites: number, shape: ShapeName): ChildResult => {
  const text = generateJson({ ...NATIONAL, sites, ...SHAPES[shape] })
  fullGc()
  const base = retained()
  let parsed: unknown = JSON.parse(text)
  fullGc()
  const parsedMb = (retained() - base) / MB
  const ratings = countEveryRating(parsed as never)
  parsed = null
  fullGc()
  const base2 = retained()
  const decoded = decodeText(text)
  if (typeof decoded === 'string')
    return { ratings, jsonMb: text.length / MB, parsedMb, decodedMb: null, error: decoded }
  fullGc()
  const decodedMb = (retained() - base2) / MB
  // Keep the document and the text alive until after the reading.
  if (decoded.doc === undefined || text.length === 0) throw new Error('unreachable')
  return { ratings, jsonMb: text.length / MB, parsedMb, decodedMb }
}

/** Run one child per document and report. */
export const run = async (ctx: BenchContext): Promise<BenchReport> => {
  const sites = ctx.quick ? 20 : NATIONAL.sites
  const checks: Check[] = []
  const notes: string[] = []
  for (const shape of Object.keys(SHAPES) as ShapeName[]) {
    const out = execFileSync(
      process.execPath,
      ['--expose-gc', '--import', 'tsx', fileURLToPath(import.meta.url), '--child', String(sites), shape],
      { encoding: 'utf8', maxBuffer: 1 << 20 },
    )
    const r = JSON.parse(out.trim().split('\n').at(-1)!) as ChildResult
    checks.push(
      {
        label: `${shape}: decoded document, heap + array buffers after GC${ctx.quick ? ' (quick size)' : ''}`,
        value: r.decodedMb ?? NaN,
        unit: 'MB',
        target: `≤ ${TARGET_MB}`,
        pass: r.decodedMb === null ? null : r.decodedMb <= TARGET_MB,
      },
      {
        label: `${shape}: JSON.parse alone, heap + array buffers after GC (reference)`,
        value: r.parsedMb,
        unit: 'MB',
        target: '—',
        pass: null,
      },
    )
    notes.push(
      `${shape}: ${r.ratings.toLocaleString('en')} ratings (${sites} sites × ${NATIONAL.unitsPerSite} units); JSON text ${r.jsonMb.toFixed(1)} MB (kept alive in both readings, so not counted); JSON.parse alone retains ${r.parsedMb.toFixed(1)} MB (plain objects).`,
    )
    if (r.error) notes.push(`${shape}: decoded document not measured: ${r.error}.`)
  }
  notes.push(
    "Measured as V8 heapUsed + arrayBuffers: the decoder's rating-code arrays (one byte per criterion and standard per unit × round, in shared 64 KB buffers; src/model/rating-codes.ts) are counted.",
  )
  return { title: 'Memory: heap and array buffers retained by the decoded document', measurements: [], checks, notes }
}

if (process.argv.includes('--child')) {
  const at = process.argv.indexOf('--child')
  const sites = Number(process.argv[at + 1])
  const shape = process.argv[at + 2] as ShapeName
  try {
    console.log(JSON.stringify(child(sites, shape)))
  } catch (e) {
    console.log(JSON.stringify({ ratings: 0, jsonMb: 0, parsedMb: 0, decodedMb: null, error: String(e) }))
  }
}
