/**
 * The shared shape of a benchmark and its report, so that bench/run.ts can run
 * every *.bench.ts file and write one bench/results.md.
 *
 * A benchmark module exports `run(ctx: BenchContext): Promise<BenchReport>`.
 * All the comparators of one benchmark are measured together by `measure`,
 * in the same run, interleaved pass by pass, under the same machine load.
 * @module
 */
import { Bench } from 'tinybench'
import type { Evaluation } from '../src/model/evaluation.js'

/** What run.ts builds once and hands to every benchmark (the 1M document is costly to make). */
export interface BenchContext {
  /** The generated national document (plain objects, as `generateEvaluation` returns it). */
  readonly generated: () => Evaluation
  /** Its JSON text. */
  readonly json: () => string
  /** The same document through `decodeEvaluation` (null-prototype rating records), as users hold it. */
  readonly decoded: () => Evaluation
  /** `quick`: fewer samples and smaller sizes, for development. */
  readonly quick: boolean
}

/** One measured task: median (the figure), fastest sample (to show the noise) and sample count. */
export interface Measurement {
  readonly name: string
  readonly medianMs: number
  readonly minMs: number
  readonly samples: number
}

/** A ratio or a figure checked against its target. */
export interface Check {
  /** E.g. `Arquero / library`. */
  readonly label: string
  readonly value: number
  readonly unit: string
  /** E.g. `≥ 10`. */
  readonly target: string
  readonly pass: boolean | null
}

/** What one benchmark module returns. */
export interface BenchReport {
  readonly title: string
  readonly measurements: readonly Measurement[]
  readonly checks: readonly Check[]
  readonly notes: readonly string[]
}

/** Sampling budget (over all passes); the defaults give about 10 samples of a 100 ms task. */
export interface MeasureOptions {
  /** Minimum time per task, ms. Default 1000. */
  readonly time?: number
  /** Minimum samples per task. Default 10. */
  readonly iterations?: number
  /** Warm-up time per task, ms. Default 300. */
  readonly warmupTime?: number
  /** Minimum warm-up iterations. Default 3. */
  readonly warmupIterations?: number
  /** Runs of all tasks, in rotated order; time and iterations are split between them. Default 3. */
  readonly passes?: number
}

/** A task: a function to time, with optional per-iteration set-up that is not timed. */
export type Task = (() => unknown) | { readonly fn: () => unknown; readonly beforeEach?: () => void }

/**
 * Measure several tasks side by side and return their medians, in the order
 * given. The tasks run in `passes` tinybench runs (warm-up first in each), the
 * order rotated from pass to pass, and the median is taken over the samples
 * of all passes: on a shared machine the load drifts, and a task that always
 * ran first (or last) would get a different machine from its comparators.
 * A garbage collection precedes each task, so no task pays for another's
 * garbage. A task that throws fails the whole run: a benchmark of broken code
 * is no figure.
 */
export const measure = async (
  tasks: Readonly<Record<string, Task>>,
  options: MeasureOptions = {},
): Promise<Measurement[]> => {
  const passes = options.passes ?? 3
  const names = Object.keys(tasks)
  const samples = new Map<string, number[]>(names.map((n) => [n, []]))
  for (let pass = 0; pass < passes; pass++) {
    const bench = new Bench({
      time: (options.time ?? 1000) / passes,
      iterations: Math.ceil((options.iterations ?? 10) / passes),
      warmupTime: options.warmupTime ?? 300,
      warmupIterations: options.warmupIterations ?? 3,
      throws: true,
      retainSamples: true,
    })
    const order = names.map((_, i) => names[(i + pass) % names.length]!)
    for (const name of order) {
      const task = tasks[name]!
      const fn = typeof task === 'function' ? task : task.fn
      const beforeEach = typeof task === 'function' ? undefined : task.beforeEach
      bench.add(name, fn, { beforeAll: gcIfExposed, ...(beforeEach ? { beforeEach } : {}) })
    }
    await bench.run()
    for (const t of bench.tasks) {
      const r = t.result
      if (r.state !== 'completed') throw new Error(`benchmark task ${t.name} ended ${r.state}`)
      samples.get(t.name)!.push(...(r.latency.samples ?? [r.latency.p50]))
    }
  }
  return names.map((name) => {
    const all = samples.get(name)!.sort((a, b) => a - b)
    const mid = all.length >> 1
    const medianMs = all.length % 2 === 1 ? all[mid]! : (all[mid - 1]! + all[mid]!) / 2
    return { name, medianMs, minMs: all[0]!, samples: all.length }
  })
}

/** One GC when node runs with --expose-gc (else nothing). Usable as a task's `beforeEach`. */
export const gcIfExposed = (): void => (globalThis as { gc?: () => void }).gc?.()

/** The median of a measurement by name (throws if absent: a typo in a bench file). */
export const median = (ms: readonly Measurement[], name: string): number => {
  const m = ms.find((x) => x.name === name)
  if (!m) throw new Error(`no measurement named ${name}`)
  return m.medianMs
}

/** Run `global.gc` (node --expose-gc) a few times so that weak and old objects go. */
export const fullGc = (): void => {
  const gc = (globalThis as { gc?: () => void }).gc
  if (!gc) throw new Error('run with node --expose-gc')
  for (let i = 0; i < 4; i++) gc()
}
