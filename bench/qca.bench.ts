/**
 * Boolean minimisation speed: the conservative solution of a truth table
 * with 12 conditions and all 4,096 configurations observed (one case each)
 * takes under 1 s. Comparator, measured in the same run: on 8 conditions,
 * the library's minimisation against a brute-force cover search (the same
 * prime implicants, then every subset of them tried in order of size until
 * covers are found), after checking that both find the same covers.
 *
 * The outcomes are planted formulas (a known sum of products decides each
 * configuration), as QCA data have a few paths to an outcome; an outcome
 * drawn at random for each of 4,096 rows would have thousands of prime
 * implicants and no meaningful solution.
 * @module
 */
import { minimise, parseExpression, sopMembership, truthTable, type TruthTable } from '../src/qca/index.js'
import { minimumCovers, quineMcCluskey } from '../src/qca/cubes.js'
import { bruteMinimumCovers, type BruteCube } from '../test/support/qca-brute.js'
import type { BenchContext, BenchReport } from './harness.js'
import { measure, median } from './harness.js'

const NAMES = 'ABCDEFGHIJKL'.split('')
export const FORMULA_12 = 'A*~B*C + ~A*D*E + B*~E*F + ~C*G*H*~I + J*K*~L + ~D*~G*L'
export const FORMULA_8 = 'A*~B*C + ~A*D*E + B*~E*F + ~C*G*H + ~D*~G*A'

/** Every configuration of k conditions, one case each, the outcome decided by the formula. */
export const plantedTable = (k: number, formula: string): TruthTable => {
  const conditions = NAMES.slice(0, k)
  const sop = parseExpression(formula)
  const rows: Record<string, number | string>[] = []
  for (let i = 0; i < 2 ** k; i++) {
    const r: Record<string, number | string> = { case: `r${i + 1}` }
    conditions.forEach((c, j) => (r[c] = (i >> (k - 1 - j)) & 1))
    r['Y'] = sopMembership(sop, (c) => r[c] as number)
    rows.push(r)
  }
  return truthTable(rows, { conditions, outcome: 'Y' })
}

const LIB_12 = 'minimise, 12 conditions, 4,096 rows present (conservative)'
const TT_12 = 'truthTable, 12 conditions, 4,096 cases (reference)'
const LIB_8 = 'minimise, 8 conditions, 256 rows present'
const BRUTE_8 = 'brute-force cover search, 8 conditions (same primes)'

export const run = async (ctx: BenchContext): Promise<BenchReport> => {
  const tt12 = plantedTable(12, FORMULA_12)
  const tt8 = plantedTable(8, FORMULA_8)
  const rows12 = (() => {
    const conditions = NAMES.slice(0, 12)
    const sop = parseExpression(FORMULA_12)
    return Array.from({ length: 4096 }, (_, i) => {
      const r: Record<string, number | string> = { case: `r${i + 1}` }
      conditions.forEach((c, j) => (r[c] = (i >> (11 - j)) & 1))
      r['Y'] = sopMembership(sop, (c) => r[c] as number)
      return r
    })
  })()
  const on8 = tt8.rows.filter((r) => r.out === 1).map((r) => r.id - 1)
  const brute = () => {
    const primes = quineMcCluskey(on8, 8)
    const cubes: BruteCube[] = primes.map((c) =>
      Array.from({ length: 8 }, (_, j) => ((c.mask >> (7 - j)) & 1 ? (((c.bits >> (7 - j)) & 1) as 0 | 1) : null)),
    )
    return { primes, covers: bruteMinimumCovers(cubes, on8, 8) }
  }
  // Both searches must agree before either is timed.
  const b = brute()
  const lib = minimumCovers(b.primes, on8)
  if (lib === 'limit') throw new Error('cover search past its budget')
  const norm = (cs: number[][]) => cs.map((c) => [...c].sort((x, y) => x - y).join(',')).sort()
  if (JSON.stringify(norm(lib.covers)) !== JSON.stringify(norm(b.covers)))
    throw new Error('the brute-force and library covers differ')
  const solution12 = minimise(tt12)
  if (solution12.models.length !== 1 || solution12.models[0]!.terms.length !== 6)
    throw new Error(`unexpected 12-condition solution ${solution12.models[0]?.expression}`)

  const measurements = await measure(
    {
      [LIB_12]: () => minimise(tt12),
      [TT_12]: () => truthTable(rows12, { conditions: NAMES.slice(0, 12), outcome: 'Y' }),
      [LIB_8]: () => minimise(tt8),
      [BRUTE_8]: brute,
    },
    { time: ctx.quick ? 1000 : 4000, iterations: ctx.quick ? 5 : 15 },
  )
  const t12 = median(measurements, LIB_12)
  const ratio = median(measurements, BRUTE_8) / median(measurements, LIB_8)
  return {
    title: 'QCA minimisation: 12 conditions, all rows present; brute-force cover search as comparator',
    measurements,
    checks: [
      {
        label: 'minimise 12 conditions, 4,096 rows present, median',
        value: t12,
        unit: 'ms',
        target: '< 1000',
        pass: t12 < 1000,
      },
      {
        label: 'brute-force cover search / library, 8 conditions',
        value: ratio,
        unit: '×',
        target: '≥ 1',
        pass: ratio >= 1,
      },
    ],
    notes: [
      `12 conditions: outcome ${FORMULA_12}; ${tt12.rows.filter((r) => r.out === 1).length} positive rows; the solution found is the planted formula (${solution12.primeImplicants.length} prime implicants, one model: ${solution12.models[0]!.expression}).`,
      `8 conditions: outcome ${FORMULA_8}; ${b.primes.length} prime implicants; both searches find ${b.covers.length} minimum cover(s) of ${b.covers[0]?.length} terms, checked equal before timing.`,
      'Prime implicants come from Quine–McCluskey on a flat table of all 3^k cubes (k ≤ 14); the minimum covers from a branch-and-bound search that branches on the least-covered row (every minimum cover, as Petrick’s method gives).',
    ],
  }
}
