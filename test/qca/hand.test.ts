import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { RealistError } from '../../src/model/problem.js'
import {
  calibrate,
  calibrateCrisp,
  calibrateCrispEither,
  calibrateEither,
  calibrateIndirect,
  calibrateIndirectEither,
  configurationText,
  formatExpression,
  minimise,
  minimiseEither,
  necessityEither,
  parseExpression,
  parseExpressionEither,
  sufficiency,
  sufficiencyEither,
  truthTable,
  truthTableEither,
} from '../../src/qca/index.js'

const left = <A>(r: E.Either<readonly { where: string; expected: string }[], A>) => {
  if (E.isRight(r)) throw new Error('expected Left')
  return r.left.map((p) => `${p.where}: ${p.expected}`)
}

describe('expressions', () => {
  it('parses and prints the usual notation, ignoring spaces', () => {
    const sop = parseExpression(' A * ~B+C ')
    expect(sop).toEqual([
      [
        { condition: 'A', negated: false },
        { condition: 'B', negated: true },
      ],
      [{ condition: 'C', negated: false }],
    ])
    expect(formatExpression(sop)).toBe('A*~B + C')
  })

  it('refuses empty terms, bad names, repeats and a condition both present and negated', () => {
    expect(left(parseExpressionEither('A + '))).toEqual([
      'expression: a condition name (letters, digits, _ or .) in term 2',
    ])
    expect(left(parseExpressionEither('A*~A'))).toEqual(['expression: no condition both present and negated in term 1'])
    expect(left(parseExpressionEither('A*A'))).toEqual(['expression: no repeated condition in term 1'])
    expect(left(parseExpressionEither(undefined))).toEqual(['expression: an expression such as "A*~B + C"'])
    expect(() => parseExpression('1A')).toThrow(RealistError)
  })

  it('names a configuration by its row number (first condition most significant)', () => {
    expect(configurationText(['DEV', 'URB', 'LIT'], 6)).toBe('DEV*~URB*LIT')
    expect(configurationText(['DEV', 'URB', 'LIT'], 1)).toBe('~DEV*~URB*~LIT')
  })
})

describe('calibration: hand calculations and refusals', () => {
  it('is decreasing when full < non, symmetric about the crossover', () => {
    // Cabinets: fewer is more stable. Deviation 10 - 5 = 5 of the 10 - 5 span: log odds +3 … at value 5.
    const { memberships, direction } = calibrate([5, 10, 15, 7.5], { full: 5, crossover: 10, non: 15 })
    expect(direction).toBe('decreasing')
    expect(memberships[0]).toBeCloseTo(1 / (1 + Math.exp(-3)), 12)
    expect(memberships[1]).toBe(0.5)
    expect(memberships[2]).toBeCloseTo(1 / (1 + Math.exp(3)), 12)
    // 7.5 is halfway to full: log odds 1.5.
    expect(memberships[3]).toBeCloseTo(1 / (1 + Math.exp(-1.5)), 12)
  })

  it('reports values exactly at the crossover', () => {
    expect(calibrate([1, 2, 3, 2], { full: 3, crossover: 2, non: 1 }).atCrossover).toEqual([1, 3])
  })

  it('refuses anchors out of order and values that are not numbers, naming each', () => {
    expect(left(calibrateEither([1, NaN, 3], { full: 900, crossover: 350, non: 550 }))).toEqual([
      'calibrate › values[1]: a finite number',
      'calibrate › anchors › crossover: a crossover strictly between non (550) and full (900)',
    ])
    expect(left(calibrateEither(undefined as never, undefined as never))).toEqual([
      'calibrate › values: an array of numbers',
      'calibrate › anchors: anchors { full, crossover, non }',
    ])
    expect(() => calibrate([1], { full: 1, crossover: 1, non: 0 })).toThrow(/crossover strictly between/)
  })

  it('crisp: a threshold (at or above is in) or a list of categories', () => {
    expect(calibrateCrisp([549, 550, 900], { threshold: 550 }).memberships).toEqual([0, 1, 1])
    expect(calibrateCrisp(['a', 'b', 'c'], { categories: ['c'] }).memberships).toEqual([0, 0, 1])
    expect(left(calibrateCrispEither([1], { threshold: 1, categories: [1] } as never))).toEqual([
      'calibrateCrisp › options: exactly one of threshold or categories',
    ])
  })

  it('indirect: explicit memberships per category; an unlisted category is refused', () => {
    expect(calibrateIndirect(['high', 'medium', 'low'], { high: 1, medium: 0.6, low: 0 }).memberships).toEqual([
      1, 0.6, 0,
    ])
    expect(left(calibrateIndirectEither(['high', 'odd'], { high: 1.2 }))).toEqual([
      'calibrateIndirect › memberships › high: a membership in [0, 1]',
      'calibrateIndirect › values[1]: one of the categories high',
    ])
  })
})

describe('measures: hand calculations', () => {
  // Three cases; X = A*~B, Y the outcome.
  const rows = [
    { case: 'p', A: 0.8, B: 0.3, Y: 0.6 }, // X = min(0.8, 0.7) = 0.7
    { case: 'q', A: 0.4, B: 0.1, Y: 0.9 }, // X = 0.4
    { case: 'r', A: 0.9, B: 0.8, Y: 0.1 }, // X = 0.2
  ]
  it('inclS, PRI and covS of A*~B for Y', () => {
    const s = sufficiency(rows, 'A*~B', 'Y')
    // Σmin(X,Y) = 0.6 + 0.4 + 0.1 = 1.1; ΣX = 1.3; ΣY = 1.6; Σmin(X,Y,1−Y) = 0.4 + 0.1 + 0.1 = 0.6.
    expect(s.inclS).toBeCloseTo(1.1 / 1.3, 12)
    expect(s.covS).toBeCloseTo(1.1 / 1.6, 12)
    expect(s.pri).toBeCloseTo((1.1 - 0.6) / (1.3 - 0.6), 12)
    expect(s.terms).toHaveLength(1)
    expect(s.terms[0]!.covU).toBeCloseTo(1.1 / 1.6, 12)
  })

  it('inclN, RoN and covN of A for Y', () => {
    const n = necessityEither(rows, 'A', 'Y')
    if (E.isLeft(n)) throw new Error('left')
    // Σmin(A,Y) = 0.6 + 0.4 + 0.1 = 1.1; ΣY = 1.6; ΣA = 2.1; Σ(1−A) = 0.2 + 0.6 + 0.1 = 0.9; Σ(1−min) = 0.4 + 0.6 + 0.9 = 1.9.
    expect(n.right.inclN).toBeCloseTo(1.1 / 1.6, 12)
    expect(n.right.covN).toBeCloseTo(1.1 / 2.1, 12)
    expect(n.right.ron).toBeCloseTo(0.9 / 1.9, 12)
  })

  it('unique coverage: what a term covers that the other terms do not', () => {
    const crisp = [
      { A: 1, B: 1, Y: 1 },
      { A: 1, B: 0, Y: 1 },
      { A: 0, B: 1, Y: 1 },
      { A: 0, B: 0, Y: 1 },
    ]
    const s = sufficiency(crisp, 'A + B', 'Y')
    expect(s.terms.map((t) => [t.covS, t.covU])).toEqual([
      [0.5, 0.25],
      [0.5, 0.25],
    ])
    expect(s.covS).toBe(0.75)
  })

  it('a ratio with nothing to divide by is null, never NaN', () => {
    const s = sufficiency([{ A: 0, Y: 0 }], 'A', 'Y')
    expect([s.inclS, s.pri, s.covS]).toEqual([null, null, null])
  })

  it('refuses a missing or out-of-range membership, naming the case and column', () => {
    expect(
      left(
        sufficiencyEither(
          [
            { case: 'x', A: 1.5, Y: 1 },
            { case: 'y', Y: 0 },
          ],
          'A',
          'Y',
        ),
      ),
    ).toEqual([
      'sufficiency › case x › A: a set membership in [0, 1]',
      'sufficiency › case y › A: a set membership in [0, 1]',
    ])
    expect(() => sufficiency(undefined as never, 'A', 'Y')).toThrow(RealistError)
  })
})

describe('truth table: hand-worked and refusals', () => {
  const rows = [
    { case: 'a', A: 1, B: 1, C: 0, Y: 1 },
    { case: 'b', A: 1, B: 0, C: 0, Y: 1 },
    { case: 'c', A: 0, B: 0, C: 0, Y: 0 },
    { case: 'd', A: 1, B: 0, C: 0, Y: 0 },
    { case: 'e', A: 0.5, B: 1, C: 1, Y: 1 },
  ]
  it('counts cases per row, marks contradictions between the two cuts, and reports a 0.5 membership', () => {
    const tt = truthTable(rows, { conditions: ['A', 'B', 'C'], outcome: 'Y', inclusionCut: 1, contradictionCut: 0.5 })
    expect(tt.rows.map((r) => [r.id, r.out, r.n, r.inclS, r.cases])).toEqual([
      [1, 0, 1, 0, ['c']],
      [5, 'C', 2, 0.5, ['b', 'd']],
      [7, 1, 1, 1, ['a']],
    ])
    expect(tt.unassigned).toEqual([{ case: 'e', conditions: ['A'] }])
    expect(tt.remainderCount).toBe(5)
  })

  it('a frequency cut turns thin rows into remainders; a PRI cut turns them negative', () => {
    const tt = truthTable(rows.slice(0, 4), { conditions: ['A', 'B', 'C'], outcome: 'Y', frequencyCut: 2 })
    expect(tt.rows.map((r) => r.out)).toEqual(['?', 0, '?'])
    const fuzzy = [
      { A: 0.9, Y: 0.6 },
      { A: 0.8, Y: 0.55 },
    ]
    // inclS = (0.6 + 0.55) / 1.7 < 1 is far from 1; PRI lower still.
    expect(truthTable(fuzzy, { conditions: ['A'], outcome: 'Y', inclusionCut: 0.6 }).rows[0]!.out).toBe(1)
    expect(truthTable(fuzzy, { conditions: ['A'], outcome: 'Y', inclusionCut: 0.6, priCut: 0.9 }).rows[0]!.out).toBe(0)
  })

  it('refuses bad options and data, each with its place', () => {
    expect(
      left(truthTableEither(rows, { conditions: ['A', 'A', 'Y'], outcome: 'Y', inclusionCut: 2, frequencyCut: 0 })),
    ).toEqual([
      'truthTable › conditions[1]: a condition not listed before',
      'truthTable › outcome: an outcome that is not also a condition',
      'truthTable › inclusionCut: a number in [0, 1]',
      'truthTable › frequencyCut: a whole number ≥ 1',
    ])
    expect(
      left(
        truthTableEither(
          [
            { case: 'a', A: 1, Y: 1 },
            { case: 'a', A: 0, Y: 0 },
          ],
          { conditions: ['A'], outcome: 'Y' },
        ),
      ),
    ).toEqual(['truthTable › rows[1] › case: a case name not used before (row 0 has it)'])
    expect(left(truthTableEither(null as never, { conditions: ['A'], outcome: 'Y' }))).toEqual([
      'truthTable › rows: an array of rows (plain objects)',
    ])
    expect(() => truthTable(rows, undefined as never)).toThrow(RealistError)
  })
})

describe('minimisation: hand-worked', () => {
  // Positive A*B*~C and A*~B*~C, negative ~A*~B*~C, the other five configurations remainders.
  const rows = [
    { case: 'p1', A: 1, B: 1, C: 0, Y: 1 },
    { case: 'p2', A: 1, B: 0, C: 0, Y: 1 },
    { case: 'n1', A: 0, B: 0, C: 0, Y: 0 },
  ]
  const tt = truthTable(rows, { conditions: ['A', 'B', 'C'], outcome: 'Y' })

  it('conservative merges the two positive rows: A*~C', () => {
    expect(minimise(tt).models.map((m) => m.expression)).toEqual(['A*~C'])
  })

  it('parsimonious uses remainders: A, assuming rows 6 and 8 (A*~B*C, A*B*C) positive', () => {
    const s = minimise(tt, { solution: 'parsimonious' })
    expect(s.models.map((m) => m.expression)).toEqual(['A'])
    expect(s.models[0]!.simplifyingAssumptions).toEqual([6, 8])
    // B avoids the negative row too but covers one positive row only; C avoids it but covers
    // no positive row, so it is no candidate at all.
    expect(s.primeImplicants).toEqual(['A', 'B'])
  })

  it('intermediate keeps ~C when C is expected absent or has no expectation, drops it when C is expected present', () => {
    expect(minimise(tt, { solution: 'intermediate', directions: { C: 0 } }).models.map((m) => m.expression)).toEqual([
      'A*~C',
    ])
    expect(minimise(tt, { solution: 'intermediate' }).models.map((m) => m.expression)).toEqual(['A*~C'])
    const s = minimise(tt, { solution: 'intermediate', directions: { C: 1 } })
    expect(s.models.map((m) => m.expression)).toEqual(['A'])
    expect(s.directions).toEqual({ A: '-', B: '-', C: 1 })
  })

  it('reports ambiguity as several models: the cyclic chart has two minimum covers, both returned', () => {
    // Positive rows 0,1,3,7,6,4 of three conditions (a cycle), negative 2 and 5: six prime implicants, two minimum covers.
    const on = [0, 1, 3, 7, 6, 4]
    const cyc = [0, 1, 2, 3, 4, 5, 6, 7].map((i) => ({
      case: `r${i}`,
      A: (i >> 2) & 1,
      B: (i >> 1) & 1,
      C: i & 1,
      Y: on.includes(i) ? 1 : 0,
    }))
    const s = minimise(truthTable(cyc, { conditions: ['A', 'B', 'C'], outcome: 'Y' }))
    expect(s.primeImplicants).toHaveLength(6)
    expect(s.models.map((m) => m.expression)).toEqual(['~A*~B + A*~C + B*C', '~A*C + A*B + ~B*~C'])
    expect(s.models.flatMap((m) => m.terms.map((t) => t.essential))).toEqual([false, false, false, false, false, false])
  })

  it('refuses a table with no positive row, and unknown conditions in directions', () => {
    const neg = truthTable([{ A: 0, Y: 0 }], { conditions: ['A'], outcome: 'Y' })
    expect(left(minimiseEither(neg))).toEqual([
      'minimise › truthTable: a truth table with at least one positive row (OUT 1)',
    ])
    expect(left(minimiseEither(tt, { solution: 'intermediate', directions: { Z: 1 } as never }))).toEqual([
      'minimise › directions › Z: a condition of the truth table (A, B, C)',
    ])
    expect(left(minimiseEither(undefined as never))).toEqual(['minimise › truthTable: a truth table (from truthTable)'])
    expect(() => minimise(tt, { solution: 'complex' as never })).toThrow(RealistError)
  })
})
