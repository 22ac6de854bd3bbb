import { describe, expect, it } from 'vitest'
import { cpuTime, linearIn, withinCpuMs } from './cpu-time.js'

// The time guards of the resource tests must be able to fail: each is shown
// here failing on work that is too slow, and passing on work that is not.
const pairs = (xs: Float64Array): number => {
  let s = 0
  for (let i = 0; i < xs.length; i++) for (let j = 0; j < xs.length; j++) s += xs[i]! * xs[j]!
  return s
}
const sum = (xs: Float64Array): number => {
  let s = 0
  for (let r = 0; r < 20; r++) for (let i = 0; i < xs.length; i++) s += xs[i]!
  return s
}
const filled = (n: number) => new Float64Array(n).fill(1)

describe('time guards on processor time', () => {
  it('linearIn passes linear work and fails quadratic work', () => {
    expect(linearIn(5_000_000, filled, sum)).toBe(100_000_000)
    // 40,000² = 1.6 × 10^9 steps against 4,000² = 1.6 × 10^7: a ratio near 100, over the bound of 30.
    expect(() => linearIn(40_000, filled, pairs)).toThrow(/n = 40000/)
  }, 300_000)

  it('withinCpuMs fails work over its bound, and cpuTime counts processor time, not time spent waiting', async () => {
    expect(() => withinCpuMs(1, () => pairs(filled(4_000)))).toThrow(/ms of processor time/)
    expect(withinCpuMs(60_000, () => 1 + 1)).toBe(2)
    // Waiting 200 ms of wall-clock time uses almost no processor time.
    const t0 = process.cpuUsage()
    await new Promise((resolve) => setTimeout(resolve, 200))
    const d = process.cpuUsage(t0)
    expect((d.user + d.system) / 1000).toBeLessThan(100)
    expect(cpuTime(() => 'done').out).toBe('done')
  })
})
