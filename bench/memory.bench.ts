/**
 * Memory: what the decoded 1M-rating document retains after a full GC: the V8
 * heap plus array buffers (the rating-code arrays live in those).
 * Target ≤ 80 MB.
 *
 * Measured in a child process (`node --expose-gc`) so that the benchmarks run
 * before it, and their garbage, do not blur the figure. The JSON text is kept
 * alive across both heap readings, so the difference is the document alone.
 * As a reference, the same child also reports what `JSON.parse` alone
 * retains (plain objects, no null-prototype records, no sharing).
 * @module
 */
import { execFileSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import type { BenchContext, BenchReport } from './harness.js'
import { fullGc } from './harness.js'
import { countRatings, generateJson, NATIONAL } from './generate.js'

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

type Decode = (u: unknown) => { _tag: string; right?: unknown; left?: unknown[] }

/**
 * Parse and decode in their own (synchronous) frame: temporaries held in the
 * registers of the async `child` would otherwise keep the parsed input alive
 * through the GC and be counted as part of the document.
 */
const decodeText = (decode: Decode, text: string): { doc: unknown } | string => {
  const result = decode(JSON.parse(text))
  return result._tag === 'Right' ? { doc: result.right } : `decode failed: ${JSON.stringify(result.left?.slice(0, 3))}`
}

/** The child: build the text, then measure heap growth of JSON.parse and of decode. */
const child = async (sites: number): Promise<ChildResult> => {
  const text = generateJson({ ...NATIONAL, sites })
  fullGc()
  const base = retained()
  let parsed: unknown = JSON.parse(text)
  fullGc()
  const parsedMb = (retained() - base) / MB
  const ratings = countRatings(parsed as never)
  parsed = null
  fullGc()
  let decode: Decode | undefined
  try {
    decode = ((await import('../src/model/index.js')) as Record<string, unknown>).decodeEvaluation as typeof decode
  } catch (e) {
    return {
      ratings,
      jsonMb: text.length / MB,
      parsedMb,
      decodedMb: null,
      error: `src/model failed to load: ${String(e).split('\n')[0]}`,
    }
  }
  if (typeof decode !== 'function')
    return { ratings, jsonMb: text.length / MB, parsedMb, decodedMb: null, error: 'decodeEvaluation not available yet' }
  fullGc()
  const base2 = retained()
  const decoded = decodeText(decode, text)
  if (typeof decoded === 'string')
    return { ratings, jsonMb: text.length / MB, parsedMb, decodedMb: null, error: decoded }
  fullGc()
  const decodedMb = (retained() - base2) / MB
  // Keep the document and the text alive until after the reading.
  if (decoded.doc === undefined || text.length === 0) throw new Error('unreachable')
  return { ratings, jsonMb: text.length / MB, parsedMb, decodedMb }
}

/** Run the child and report. */
export const run = async (ctx: BenchContext): Promise<BenchReport> => {
  const sites = ctx.quick ? 20 : NATIONAL.sites
  const out = execFileSync(
    process.execPath,
    ['--expose-gc', '--import', 'tsx', fileURLToPath(import.meta.url), '--child', String(sites)],
    {
      encoding: 'utf8',
      maxBuffer: 1 << 20,
    },
  )
  const r = JSON.parse(out.trim().split('\n').at(-1)!) as ChildResult
  const notes = [
    `${r.ratings.toLocaleString('en')} ratings; JSON text ${r.jsonMb.toFixed(1)} MB (kept alive in both readings, so not counted).`,
    `For reference, JSON.parse alone retains ${r.parsedMb.toFixed(1)} MB (plain objects).`,
    "Measured as V8 heapUsed + arrayBuffers: the decoder's rating-code arrays (one byte per criterion and standard per unit × round, in shared 64 KB buffers; src/model/rating-codes.ts) are counted.",
  ]
  if (r.error) notes.push(`Decoded document not measured: ${r.error}.`)
  return {
    title: 'Memory: heap and array buffers retained by the decoded document',
    measurements: [],
    checks: [
      {
        label: `decoded document, heap + array buffers after GC${ctx.quick ? ' (quick size)' : ''}`,
        value: r.decodedMb ?? NaN,
        unit: 'MB',
        target: `≤ ${TARGET_MB}`,
        pass: r.decodedMb === null ? null : r.decodedMb <= TARGET_MB,
      },
      {
        label: 'JSON.parse alone, heap + array buffers after GC (reference)',
        value: r.parsedMb,
        unit: 'MB',
        target: '—',
        pass: null,
      },
    ],
    notes,
  }
}

if (process.argv.includes('--child')) {
  const sites = Number(process.argv[process.argv.indexOf('--child') + 1])
  child(sites).then(
    (r) => console.log(JSON.stringify(r)),
    (e: unknown) => {
      console.log(JSON.stringify({ ratings: 0, jsonMb: 0, parsedMb: 0, decodedMb: null, error: String(e) }))
    },
  )
}
