/**
 * The shared shape of a benchmark and its report, so that bench/run.ts can run
 * every *.bench.ts file and write one bench/results.md.
 *
 * A benchmark module exports `run(ctx: BenchContext): Promise<BenchReport>`.
 * All the comparators of one benchmark are tasks of one tinybench `Bench`, so
 * they are measured in the same run, under the same machine load.
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

/** One measured task: median and sample count. */
export interface Measurement {
  readonly name: string
  readonly medianMs: number
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

/** Sampling budget; the defaults give about 10 samples of a 100 ms task after warm-up. */
export interface MeasureOptions {
  /** Minimum time per task, ms. Default 1000. */
  readonly time?: number
  /** Minimum samples per task. Default 10. */
  readonly iterations?: number
  /** Warm-up time per task, ms. Default 300. */
  readonly warmupTime?: number
  /** Minimum warm-up iterations. Default 3. */
  readonly warmupIterations?: number
}

/** A task: a function to time, with optional per-iteration set-up that is not timed. */
export type Task = (() => unknown) | { readonly fn: () => unknown; readonly beforeEach?: () => void }

/**
 * Measure several tasks in one tinybench run (warm-up first) and return their
 * medians, in the order given. A task that throws fails the whole run: a
 * benchmark of broken code is no figure.
 */
export const measure = async (tasks: Readonly<Record<string, Task>>, options: MeasureOptions = {}): Promise<Measurement[]> => {
  const bench = new Bench({
    time: options.time ?? 1000,
    iterations: options.iterations ?? 10,
    warmupTime: options.warmupTime ?? 300,
    warmupIterations: options.warmupIterations ?? 3,
    throws: true,
  })
  for (const [name, task] of Object.entries(tasks)) {
    if (typeof task === 'function') bench.add(name, task)
    else bench.add(name, task.fn, task.beforeEach ? { beforeEach: task.beforeEach } : {})
  }
  await bench.run()
  return bench.tasks.map((t) => {
    const r = t.result
    if (r.state !== 'completed') throw new Error(`benchmark task ${t.name} ended ${r.state}`)
    return { name: t.name, medianMs: r.latency.p50, samples: r.latency.samplesCount }
  })
}

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
