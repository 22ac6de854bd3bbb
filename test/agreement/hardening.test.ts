import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import * as A from '../../src/index.js'
import { RealistError } from '../../src/index.js'

const runs = Number(process.env.FUZZ_RUNS ?? 100)

// Every throwing convenience of the agreement module, called with anything: it returns a
// result or throws a RealistError with problems, never a TypeError or a RangeError.
const THROWING: readonly [string, (data: unknown, options: unknown) => unknown][] = [
  ['percentAgreement', (d, o) => A.percentAgreement(d as never, o as never)],
  ['percentAgreementCounts', (d, o) => A.percentAgreementCounts(d as never, o as never)],
  ['percentAgreementTable', (d, o) => A.percentAgreementTable(d as never, o as never)],
  ['cohenKappa', (d, o) => A.cohenKappa(d as never, o as never)],
  ['cohenKappaTable', (d, o) => A.cohenKappaTable(d as never, o as never)],
  ['fleissKappa', (d, o) => A.fleissKappa(d as never, o as never)],
  ['fleissKappaCounts', (d, o) => A.fleissKappaCounts(d as never, o as never)],
  ['krippendorffAlpha', (d, o) => A.krippendorffAlpha(d as never, o as never)],
  ['krippendorffAlphaCounts', (d, o) => A.krippendorffAlphaCounts(d as never, o as never)],
  ['gwetAC', (d, o) => A.gwetAC(d as never, o as never)],
  ['gwetACCounts', (d, o) => A.gwetACCounts(d as never, o as never)],
  ['brennanPrediger', (d, o) => A.brennanPrediger(d as never, o as never)],
  ['brennanPredigerCounts', (d, o) => A.brennanPredigerCounts(d as never, o as never)],
  ['agreementFromRatings', (d, o) => A.agreementFromRatings(d as never, o as never)],
]

const junk = fc.oneof(
  fc.constantFrom(
    undefined,
    null,
    NaN,
    Infinity,
    -1,
    0.5,
    '',
    'a',
    {},
    [],
    [[]],
    [null],
    [[null, null]],
    [[NaN]],
    [[{}]],
    [['a', 'zz']],
    [[1, 2], [3]],
  ),
  fc.array(
    fc.array(fc.oneof(fc.constantFrom('a', 'b', null, 1, -1, 2.5, NaN, undefined), fc.string()), { maxLength: 4 }),
    { maxLength: 6 },
  ),
  fc.array(
    fc.record({
      unit: fc.constantFrom('u', null, 3),
      target: fc.constantFrom('t', undefined),
      rater: fc.constantFrom('x', 'y', 7),
      level: fc.constantFrom('a', 'b', 'na', null, 'zz'),
    }),
    { maxLength: 6 },
  ),
)
const options = fc.oneof(
  fc.constantFrom(
    undefined,
    null,
    'x',
    {},
    { scale: 'ab' },
    { scale: [] },
    { scale: ['a'] },
    { scale: ['a', 'a'] },
    { scale: [{}] },
  ),
  fc.record(
    {
      scale: fc.constantFrom(
        ['a', 'b'],
        [1, 2, 3],
        { levels: [{ id: 'a', score: NaN }] },
        { levels: [{ id: 'a' }, { id: 'b', score: 2 }] },
      ),
      weights: fc.constantFrom(
        undefined,
        'linear',
        'quadratic',
        'cubic',
        [
          [1, 0],
          [0, 1],
        ],
        [[2]],
        null,
      ),
      confidence: fc.constantFrom(undefined, 0.9, 0, 1, NaN, '0.9'),
      level: fc.constantFrom(undefined, 'ordinal', 'ratio', 'circular'),
      replicates: fc.constantFrom(undefined, 0, 20, -5, 1.5),
      seed: fc.constantFrom(undefined, 3, 0.5),
      coefficient: fc.constantFrom(undefined, 'gwet-ac1', ['cohen-kappa', 'fleiss-kappa'], 'kappa', []),
      by: fc.constantFrom(undefined, ['target'], ['value'], 'target', [3]),
    },
    { requiredKeys: ['scale'] },
  ),
)

describe('agreement functions under hostile input', () => {
  it.each(THROWING)('%s returns a result or throws a RealistError', (_, f) => {
    fc.assert(
      fc.property(junk, options, (data, opts) => {
        try {
          f(data, opts)
        } catch (e) {
          expect(e).toBeInstanceOf(RealistError)
          expect((e as RealistError).problems.length).toBeGreaterThan(0)
        }
      }),
      { numRuns: runs },
    )
  })
})
