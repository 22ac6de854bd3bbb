import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  calibrate,
  minimise,
  parseExpression,
  sopMembership,
  truthTable,
  type QcaSolution,
  type TruthTable,
} from '../../src/qca/index.js'
import { bruteMinimumCovers, brutePrimes, bruteText } from '../support/qca-brute.js'
import { primesAvoiding, quineMcCluskey, sparseQuineMcCluskey, type Cube } from '../../src/qca/cubes.js'

const NAMES = ['A', 'B', 'C', 'D', 'E']

/** A crisp data set: each configuration absent, positive or negative (one case each). */
const arbTable = fc
  .integer({ min: 1, max: 5 })
  .chain((k) =>
    fc.tuple(
      fc.constant(k),
      fc.array(fc.constantFrom<'-' | 1 | 0>('-', '-', 1, 0), { minLength: 2 ** k, maxLength: 2 ** k }),
    ),
  )
  .filter(([, outs]) => outs.includes(1))
  .map(([k, outs]) => {
    const conditions = NAMES.slice(0, k)
    const rows = outs.flatMap((o, i) =>
      o === '-'
        ? []
        : [{ case: `r${i + 1}`, ...Object.fromEntries(conditions.map((c, j) => [c, (i >> (k - 1 - j)) & 1])), Y: o }],
    )
    return { k, conditions, outs, tt: truthTable(rows, { conditions, outcome: 'Y' }) }
  })

const arbDirections = fc.array(fc.constantFrom<1 | 0 | '-'>(1, 0, '-'), { minLength: 5, maxLength: 5 })

const inModel = (s: QcaSolution, model: number, row: number, conditions: readonly string[]) => {
  const k = conditions.length
  const sop = parseExpression(s.models[model]!.expression)
  return sopMembership(sop, (c) => (row >> (k - 1 - conditions.indexOf(c))) & 1) === 1
}

const solutions = (tt: TruthTable, dirs: readonly (1 | 0 | '-')[]) => {
  const directions = Object.fromEntries(tt.conditions.map((c, j) => [c, dirs[j]!]))
  return (['conservative', 'parsimonious', 'intermediate'] as const).map((solution) =>
    minimise(tt, { solution, directions }),
  )
}

describe('minimisation properties', () => {
  it('every model of every solution covers every positive row and no negative row', () => {
    fc.assert(
      fc.property(arbTable, arbDirections, ({ conditions, outs }, dirs) => {
        const rows = outs.map((o, i) => [o, i] as const)
        const tt = truthTable(
          rows.flatMap(([o, i]) =>
            o === '-'
              ? []
              : [
                  {
                    ...Object.fromEntries(conditions.map((c, j) => [c, (i >> (conditions.length - 1 - j)) & 1])),
                    Y: o,
                  },
                ],
          ),
          { conditions, outcome: 'Y' },
        )
        for (const s of solutions(tt, dirs))
          for (let m = 0; m < s.models.length; m++)
            for (const [o, i] of rows) {
              if (o === 1) expect(inModel(s, m, i, conditions)).toBe(true)
              if (o === 0) expect(inModel(s, m, i, conditions)).toBe(false)
            }
      }),
      { numRuns: 150 },
    )
  })

  it('the conservative solution covers no remainder; its models are the brute-force minimum covers of the brute-force primes', () => {
    fc.assert(
      fc.property(arbTable, ({ k, conditions, outs, tt }) => {
        const on = outs.flatMap((o, i) => (o === 1 ? [i] : []))
        const off = outs.flatMap((o, i) => (o === 0 ? [i] : []))
        for (const [solution, remainders] of [
          ['conservative', false],
          ['parsimonious', true],
        ] as const) {
          const s = minimise(tt, { solution })
          const primes = brutePrimes(on, off, k, remainders)
          expect([...s.primeImplicants].sort()).toEqual(primes.map((c) => bruteText(c, conditions)).sort())
          const covers = bruteMinimumCovers(primes, on, k).map((cv) =>
            cv
              .map((i) => bruteText(primes[i]!, conditions))
              .sort()
              .join(' + '),
          )
          expect(
            s.models
              .map((m) =>
                m.terms
                  .map((t) => t.term)
                  .sort()
                  .join(' + '),
              )
              .sort(),
          ).toEqual(covers.sort())
          if (solution === 'conservative')
            expect(s.models.every((m) => m.simplifyingAssumptions.length === 0)).toBe(true)
        }
      }),
      { numRuns: 120 },
    )
  })

  it('every model of an ambiguous solution is minimal: no term can go, and no smaller cover exists', () => {
    fc.assert(
      fc.property(arbTable, arbDirections, ({ k, conditions, outs, tt }, dirs) => {
        const on = outs.flatMap((o, i) => (o === 1 ? [i] : []))
        for (const s of solutions(tt, dirs)) {
          const sizes = s.models.map((m) => m.terms.length)
          // Intermediate models are minimal per pair of conservative and parsimonious models they come from.
          const groups = new Map<string, number[]>()
          s.models.forEach((m) => {
            const key = JSON.stringify(m.from ?? null)
            groups.set(key, [...(groups.get(key) ?? []), m.terms.length])
          })
          for (const g of groups.values()) expect(new Set(g).size).toBe(1)
          for (let m = 0; m < s.models.length; m++) {
            const terms = s.models[m]!.terms.map((t) => t.term)
            for (let drop = 0; drop < terms.length; drop++) {
              if (terms.length === 1) continue
              const rest = parseExpression(terms.filter((_, i) => i !== drop).join(' + '))
              const stillCovers = on.every(
                (r) => sopMembership(rest, (c) => (r >> (k - 1 - conditions.indexOf(c))) & 1) === 1,
              )
              expect(stillCovers).toBe(false)
            }
          }
          if (s.solution === 'intermediate') continue
          // No cover by the solution's own candidate implicants is smaller.
          const cands = s.primeImplicants.map((p) => parseExpression(p)[0]!)
          const bits = cands.map((t) => t.map((l) => l))
          const asCubes = bits.map((t) =>
            conditions.map((c) => {
              const l = t.find((x) => x.condition === c)
              return l === undefined ? null : l.negated ? 0 : 1
            }),
          )
          const best = bruteMinimumCovers(asCubes as never, on, k)
          expect(sizes[0]).toBe(best[0]!.length)
        }
      }),
      { numRuns: 100 },
    )
  })

  it('the parsimonious solution is never longer than the conservative one', () => {
    fc.assert(
      fc.property(arbTable, ({ tt }) => {
        const c = minimise(tt)
        const p = minimise(tt, { solution: 'parsimonious' })
        expect(p.models[0]!.terms.length).toBeLessThanOrEqual(c.models[0]!.terms.length)
        const literals = (s: QcaSolution) =>
          Math.min(...s.models.map((m) => m.terms.reduce((n, t) => n + t.literals.length, 0)))
        // Each conservative term lies inside a parsimonious prime implicant, which has no more literals.
        expect(p.models[0]!.terms.length === c.models[0]!.terms.length ? literals(p) <= literals(c) : true).toBe(true)
      }),
      { numRuns: 150 },
    )
  })
})

describe('calibration properties', () => {
  const anchors = fc
    .tuple(
      fc.double({ min: -1e6, max: 1e6, noNaN: true }),
      fc.double({ min: 1e-3, max: 1e6, noNaN: true }),
      fc.double({ min: 1e-3, max: 1e6, noNaN: true }),
      fc.boolean(),
    )
    .map(([c, up, down, increasing]) =>
      increasing ? { full: c + up, crossover: c, non: c - down } : { full: c - down, crossover: c, non: c + up },
    )

  it('is monotone: increasing sets never fall, decreasing sets never rise; memberships stay in [0, 1]', () => {
    fc.assert(
      fc.property(
        anchors,
        fc.array(fc.double({ min: -2e6, max: 2e6, noNaN: true }), { minLength: 2, maxLength: 30 }),
        (a, xs) => {
          const sorted = [...xs].sort((p, q) => p - q)
          const { memberships, direction } = calibrate(sorted, a)
          for (let i = 1; i < memberships.length; i++) {
            if (direction === 'increasing') expect(memberships[i]!).toBeGreaterThanOrEqual(memberships[i - 1]!)
            else expect(memberships[i]!).toBeLessThanOrEqual(memberships[i - 1]!)
          }
          for (const m of memberships) expect(m >= 0 && m <= 1).toBe(true)
          // Above 0.5 exactly on the full side of the crossover.
          // Above 0.5 exactly on the full side of the crossover (away from it by more than
          // floating-point noise: a subnormal deviation gives log odds that round to 0).
          sorted.forEach((x, i) => {
            const fullSide = (x - a.crossover) * (a.full - a.crossover) > 0
            if (Math.abs(x - a.crossover) > 1e-9) expect(memberships[i]! > 0.5).toBe(fullSide)
          })
        },
      ),
      { numRuns: 300 },
    )
  })
})

describe('the three prime-implicant generators agree', () => {
  // The flat-table Quine–McCluskey serves up to 14 conditions; the hash-set one and the
  // cubes-avoiding-negatives search serve larger tables. All must find the same primes.
  const key = (cs: readonly Cube[]) => cs.map((c) => `${c.mask}:${c.bits}`).sort()
  it('on random rows of up to 7 conditions', () => {
    fc.assert(
      fc.property(
        fc
          .integer({ min: 1, max: 7 })
          .chain((k) =>
            fc.tuple(
              fc.constant(k),
              fc.array(fc.constantFrom<0 | 1 | 2>(0, 1, 2), { minLength: 2 ** k, maxLength: 2 ** k }),
            ),
          ),
        ([k, kinds]) => {
          const on = kinds.flatMap((x, r) => (x === 1 ? [r] : []))
          const off = kinds.flatMap((x, r) => (x === 0 ? [r] : []))
          const dc = kinds.flatMap((x, r) => (x === 2 ? [r] : []))
          expect(key(quineMcCluskey(on, k))).toEqual(key(sparseQuineMcCluskey(on, k)))
          const covering = (cs: Cube[]) => cs.filter((c) => on.some((r) => (r & c.mask) === c.bits))
          expect(key(covering(quineMcCluskey([...on, ...dc], k)))).toEqual(key(primesAvoiding(on, off, k)))
        },
      ),
      { numRuns: 300 },
    )
  })
})
