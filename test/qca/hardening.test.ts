import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { RealistError } from '../../src/model/problem.js'
import * as qca from '../../src/qca/index.js'
import { qcaXyPlotSvg } from '../../src/report/index.js'

// Throwing conveniences given garbage throw RealistError with located problems, never a
// TypeError; their Either twins return Left.
const throwing: Record<string, (...a: unknown[]) => unknown> = {
  calibrate: qca.calibrate as never,
  calibrateCrisp: qca.calibrateCrisp as never,
  calibrateIndirect: qca.calibrateIndirect as never,
  parseExpression: qca.parseExpression as never,
  truthTable: qca.truthTable as never,
  minimise: qca.minimise as never,
  sufficiency: qca.sufficiency as never,
  necessity: qca.necessity as never,
  qcaRows: qca.qcaRows as never,
  qcaHypothesisEdits: qca.qcaHypothesisEdits as never,
  qcaXyPlotSvg: qcaXyPlotSvg as never,
}

const garbage = fc.oneof(
  fc.constantFrom(
    undefined,
    null,
    NaN,
    Infinity,
    '',
    'A*',
    '~',
    {},
    [],
    [null],
    [{}],
    { conditions: null },
    { rows: [] },
  ),
  fc.anything({ maxDepth: 2 }),
)

describe('QCA functions on garbage', () => {
  it.each(Object.keys(throwing))('%s throws RealistError (or succeeds), never anything else', (name) => {
    fc.assert(
      fc.property(garbage, garbage, garbage, garbage, (a, b, c, d) => {
        try {
          throwing[name]!(a, b, c, d)
        } catch (e) {
          expect(e, `${name}: ${String(e)}`).toBeInstanceOf(RealistError)
          expect((e as RealistError).problems.length).toBeGreaterThan(0)
        }
      }),
      { numRuns: 200 },
    )
  })

  it('does not mutate its inputs', () => {
    const rows = [
      { case: 'a', A: 0.8, Y: 0.9 },
      { case: 'b', A: 0.2, Y: 0.1 },
    ]
    const copy = structuredClone(rows)
    const tt = qca.truthTable(rows, { conditions: ['A'], outcome: 'Y', inclusionCut: 0.8 })
    qca.minimise(tt, { solution: 'intermediate', directions: { A: 1 } })
    qca.sufficiency(rows, 'A', 'Y')
    const values = [3, 1, 2]
    qca.calibrate(values, { full: 3, crossover: 2, non: 1 })
    expect(rows).toEqual(copy)
    expect(values).toEqual([3, 1, 2])
  })
})

describe('QCA functions on half-valid input', () => {
  it('qcaRows: each set source of the wrong shape is a located problem', async () => {
    const { mhipEvaluation } = await import('../../src/data/mhip/index.js')
    fc.assert(
      fc.property(garbage, garbage, (src, anchors) => {
        for (const sets of [
          { X: src },
          { X: { attribute: src } },
          { X: { attainment: 'total', anchors } },
          { X: { objectives: src, unknown: anchors } },
          { X: { context: src } },
        ]) {
          try {
            qca.qcaRows(mhipEvaluation, { sets } as never)
          } catch (e) {
            expect(e, String(e)).toBeInstanceOf(RealistError)
          }
        }
      }),
      { numRuns: 100 },
    )
  })

  it('truthTable and minimise: options of the wrong shape are located problems', () => {
    const rows = [
      { case: 'a', A: 1, B: 0, Y: 1 },
      { case: 'b', A: 0, B: 1, Y: 0 },
    ]
    fc.assert(
      fc.property(garbage, garbage, garbage, (a, b, c) => {
        for (const run of [
          () =>
            qca.truthTable(rows, {
              conditions: ['A', 'B'],
              outcome: 'Y',
              inclusionCut: a,
              frequencyCut: b,
              priCut: c,
            } as never),
          () => qca.truthTable(rows, { conditions: a, outcome: b } as never),
          () =>
            qca.minimise(qca.truthTable(rows, { conditions: ['A', 'B'], outcome: 'Y' }), {
              solution: a,
              directions: b,
              budget: c,
            } as never),
          () => qca.sufficiency(rows, 'A', 'Y', a as never),
          () => qcaXyPlotSvg(rows, 'A', 'Y', a as never),
        ]) {
          try {
            run()
          } catch (e) {
            expect(e, String(e)).toBeInstanceOf(RealistError)
          }
        }
      }),
      { numRuns: 150 },
    )
  })
})
