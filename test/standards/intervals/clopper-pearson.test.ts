import { describe, expect, it } from 'vitest'
import * as E from 'fp-ts/lib/Either.js'
import { clopperPearson, clopperPearsonEither } from '../../../src/standards/intervals/clopper-pearson.js'

// Reference values: R `binom.test(k, n, conf.level = c)$conf.int`, cross-checked with
// scipy 1.17 `binomtest(k, n).proportion_ci(method='exact', confidence_level=c)`.
// Closed forms check two of them by hand: for k = 0 the upper end is
// 1 − (α/2)^(1/n): 0/10 at 95% → 1 − 0.025^0.1 = 0.3085; for k = n = 1 the lower
// end is α/2 = 0.025.
const cases: readonly [number, number, number, number, number][] = [
  [0, 10, 0.95, 0, 0.3085],
  [3, 15, 0.95, 0.0433, 0.4809],
  [5, 15, 0.95, 0.1182, 0.6162],
  [10, 10, 0.95, 0.6915, 1],
  [1, 1, 0.95, 0.025, 1],
  [7, 20, 0.95, 0.1539, 0.5922],
  [0, 10, 0.99, 0, 0.4113],
  [3, 15, 0.99, 0.0239, 0.5605],
  [5, 15, 0.99, 0.0801, 0.6882],
]

describe('clopperPearson', () => {
  it.each(cases)('%i/%i at %f is (%f, %f) to 4 dp', (k, n, confidence, lo, hi) => {
    const r = clopperPearson(k, n, { confidence })
    expect(r.lo).toBeCloseTo(lo, 4)
    expect(r.hi).toBeCloseTo(hi, 4)
    expect(r.method).toBe('clopper-pearson')
  })

  it('matches the closed form 1 − (α/2)^(1/n) for k = 0 at many n and levels', () => {
    for (const n of [1, 2, 5, 15, 62, 300]) {
      for (const c of [0.8, 0.9, 0.95, 0.99]) {
        expect(clopperPearson(0, n, { confidence: c }).hi).toBeCloseTo(1 - ((1 - c) / 2) ** (1 / n), 10)
      }
    }
  })

  it('is never narrower than Wilson at the same k/n (it is conservative)', async () => {
    const { wilson } = await import('../../../src/standards/intervals/wilson.js')
    for (let n = 1; n <= 30; n++) {
      for (let k = 0; k <= n; k++) {
        const cp = clopperPearson(k, n)
        const w = wilson(k, n)
        expect(cp.hi! - cp.lo!).toBeGreaterThan(w.hi! - w.lo! - 1e-12)
      }
    }
  })

  it('gives no estimate for n = 0 and refuses invalid input', () => {
    expect(clopperPearson(0, 0)).toMatchObject({
      estimate: null,
      lo: null,
      hi: null,
      reason: expect.stringContaining('n = 0'),
    })
    expect(E.isLeft(clopperPearsonEither(-1, 5))).toBe(true)
  })
})
