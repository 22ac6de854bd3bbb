import { expect } from 'vitest'

// Time guards on processor time, not wall-clock time. Other processes loading
// the machine (a shared CI runner, a load of 15 on two cores) stretch the wall
// clock several times over but barely change the processor time a test spends,
// so these bounds hold under load and still fail on work that grows too fast.
// `process.cpuUsage` counts the whole process; vitest runs each test file in a
// process of its own (the forks pool, set in vitest.config.ts).

/** Processor time (user + system, in ms) spent while `fn` runs, and its result. */
export const cpuTime = <A>(fn: () => A): { ms: number; out: A } => {
  const t0 = process.cpuUsage()
  const out = fn()
  const d = process.cpuUsage(t0)
  return { ms: (d.user + d.system) / 1000, out }
}

/** Run `fn` and fail when it takes more than `ms` of processor time (a hang guard). */
export const withinCpuMs = <A>(ms: number, fn: () => A): A => {
  const { ms: spent, out } = cpuTime(fn)
  expect(spent, `took ${spent.toFixed(0)} ms of processor time`).toBeLessThan(ms)
  return out
}

/**
 * Check that `run` does work linear in its size: run it at `n / factor`, then
 * at `n`, and fail when the larger run takes more than `slack × factor` times
 * the processor time of the smaller. Quadratic work takes `factor²` times as
 * long: 100 times at the default factor 10, against a bound of 30. The input
 * of each size is built by `make`, outside the timing.
 * @returns the result of the run at `n`.
 */
export const linearIn = <I, A>(
  n: number,
  make: (size: number) => I,
  run: (input: I) => A,
  { factor = 10, slack = 3 }: { readonly factor?: number; readonly slack?: number } = {},
): A => {
  const smallInput = make(Math.round(n / factor))
  const small = cpuTime(() => run(smallInput)).ms
  const input = make(n)
  const { ms: large, out } = cpuTime(() => run(input))
  // A floor of 10 ms for the smaller run: below it, timer and scheduling noise dominate.
  const ratio = large / Math.max(small, 10)
  expect(ratio, `n = ${n}: ${large.toFixed(0)} ms against ${small.toFixed(0)} ms at n / ${factor}`).toBeLessThan(
    factor * slack,
  )
  return out
}
