/**
 * Boolean minimisation of a truth table into the three standard solutions
 * (Ragin 2008, ch. 8–9; Schneider & Wagemann 2012, ch. 8):
 *
 * - **conservative** (complex): the positive rows alone, no remainder used;
 * - **parsimonious**: any remainder may be assumed positive where that
 *   simplifies, contradictions and negative rows never;
 * - **intermediate**: from each conservative prime implicant, a condition is
 *   dropped only where the parsimonious solution drops it too and the
 *   directional expectation makes the assumption an easy counterfactual
 *   (Ragin & Sonnett 2005; Ragin 2008, ch. 9).
 *
 * Prime implicants come from Quine–McCluskey (conservative) or from cubes
 * that avoid every negative row (parsimonious); every minimum cover of the
 * positive rows is returned as a model, so ambiguity is never resolved
 * silently. Each model lists its simplifying assumptions (the remainder rows
 * it covers) and its parameters of fit, per term and as a whole.
 * @module
 */
import * as E from '../model/either.js'
import { orThrow, problem, type Problem, type Result } from '../model/problem.js'
import type { Literal, Term } from './expression.js'
import { sopSufficiency, type SufficiencyFit } from './measures.js'
import type { TruthTable } from './truth-table.js'
import {
  compareCubes,
  covers,
  cubeRows,
  DENSE_QM_MAX,
  minimumCovers,
  primesAvoiding,
  quineMcCluskey,
  within,
  type Cube,
} from './cubes.js'

/** Which solution to derive. */
export type SolutionKind = 'conservative' | 'parsimonious' | 'intermediate'
export const SOLUTION_KINDS: readonly SolutionKind[] = ['conservative', 'parsimonious', 'intermediate']

/** A directional expectation: the condition's presence (1) or absence (0) is expected to contribute, or no expectation (`'-'`). */
export type Expectation = 1 | 0 | '-'

/** Options of `minimise`. */
export interface MinimiseOptions {
  /** Default `'conservative'`. */
  readonly solution?: SolutionKind
  /** Directional expectations per condition, for the intermediate solution. A condition left out has none (`'-'`). */
  readonly directions?: Readonly<Record<string, Expectation>>
  /** Search budget for the covers (branch-and-bound nodes). Default 2,000,000. */
  readonly budget?: number
}

/** One term of a model, with its fit and the cases of the positive rows it covers. */
export interface QcaTerm extends SufficiencyFit {
  /** The term in notation, e.g. `DEV*~URB*STB`. */
  readonly term: string
  readonly literals: Term
  /** Unique coverage within its model. */
  readonly covU: number | null
  /** Whether every model of the solution holds this term. */
  readonly essential: boolean
  /** Cases in the positive rows this term covers, by row. */
  readonly cases: readonly string[]
}

/** One minimal cover of the positive rows: a solution formula. */
export interface QcaModel extends SufficiencyFit {
  /** The formula, e.g. `DEV*~URB*LIT*STB + DEV*LIT*IND*STB`. */
  readonly expression: string
  readonly terms: readonly QcaTerm[]
  /** Row numbers of the remainders this model assumes positive (none for the conservative solution). */
  readonly simplifyingAssumptions: readonly number[]
  /** For intermediate models: which conservative and parsimonious models (1-based) it was derived from. */
  readonly from?: { readonly conservative: number; readonly parsimonious: number }
}

/** A solution: its prime implicants and every model (several when the solution is ambiguous). */
export interface QcaSolution {
  readonly solution: SolutionKind
  readonly outcome: string
  readonly conditions: readonly string[]
  /** The expectations used (intermediate only), `'-'` where none was given. */
  readonly directions?: Readonly<Record<string, Expectation>>
  /** Every prime implicant that could enter the cover, in notation. */
  readonly primeImplicants: readonly string[]
  /** Row numbers of the positive rows explained. */
  readonly positiveRows: readonly number[]
  /** The models; more than one means the data do not decide between them. */
  readonly models: readonly QcaModel[]
}

const literalsOf = (c: Cube, conditions: readonly string[]): Literal[] => {
  const k = conditions.length
  const out: Literal[] = []
  conditions.forEach((condition, j) => {
    const bit = 2 ** (k - 1 - j)
    if (c.mask & bit) out.push({ condition, negated: (c.bits & bit) === 0 })
  })
  return out
}

const cubeText = (c: Cube, conditions: readonly string[]): string => {
  const lits = literalsOf(c, conditions)
  return lits.length === 0 ? '1' : lits.map((l) => (l.negated ? '~' : '') + l.condition).join('*')
}

const optionProblems = (tt: TruthTable, options: MinimiseOptions, fn: string): Problem[] => {
  if (
    typeof tt !== 'object' ||
    tt === null ||
    !Array.isArray((tt as TruthTable).rows) ||
    !Array.isArray((tt as TruthTable).conditions) ||
    !((tt as TruthTable).y instanceof Float64Array) ||
    typeof (tt as TruthTable).data !== 'object'
  )
    return [problem(['truthTable'], 'a truth table (from truthTable)', tt, 'shape', `${fn} › truthTable`)]
  if (typeof options !== 'object' || options === null)
    return [problem(['options'], 'options { solution?, directions? }', options, 'shape', `${fn} › options`)]
  const out: Problem[] = []
  if (options.solution !== undefined && !SOLUTION_KINDS.includes(options.solution))
    out.push(
      problem(
        ['options', 'solution'],
        'one of "conservative" | "parsimonious" | "intermediate"',
        options.solution,
        'value',
        `${fn} › solution`,
      ),
    )
  const d = options.directions
  if (d !== undefined) {
    if (typeof d !== 'object' || d === null || Array.isArray(d))
      out.push(
        problem(['options', 'directions'], 'an object of condition → 1 | 0 | "-"', d, 'shape', `${fn} › directions`),
      )
    else
      for (const [c, v] of Object.entries(d)) {
        if (!tt.conditions.includes(c))
          out.push(
            problem(
              ['options', 'directions', c],
              `a condition of the truth table (${tt.conditions.join(', ')})`,
              c,
              'reference',
              `${fn} › directions › ${c}`,
            ),
          )
        else if (v !== 1 && v !== 0 && v !== '-')
          out.push(
            problem(
              ['options', 'directions', c],
              '1 (presence expected), 0 (absence expected) or "-" (no expectation)',
              v,
              'value',
              `${fn} › directions › ${c}`,
            ),
          )
      }
  }
  const b = options.budget
  if (b !== undefined && !(typeof b === 'number' && Number.isInteger(b) && b >= 1))
    out.push(problem(['options', 'budget'], 'a whole number ≥ 1', b, 'value', `${fn} › budget`))
  return out
}

interface Sets {
  readonly on: number[]
  readonly off: number[]
  readonly observed: Set<number>
}

const sets = (tt: TruthTable): Sets => {
  const on: number[] = []
  const off: number[] = []
  const observed = new Set<number>()
  for (const r of tt.rows) {
    if (r.out === '?') continue
    observed.add(r.id - 1)
    if (r.out === 1) on.push(r.id - 1)
    else off.push(r.id - 1)
  }
  return { on, off, observed }
}

/** The models of a cover problem, as sorted cube lists. */
const solve = (
  implicants: readonly Cube[],
  on: readonly number[],
  k: number,
  budget: number,
  fn: string,
): Cube[][] | Problem => {
  const res = minimumCovers(implicants, on, budget)
  if (res === 'limit')
    return problem(
      ['options', 'budget'],
      `a cover search within ${budget} steps (raise budget, or reduce the conditions)`,
      'more steps',
      'limit',
      `${fn} › budget`,
    )
  const cmp = compareCubes(k)
  const models = res.covers.map((cover) => cover.map((i) => implicants[i]!).sort(cmp))
  models.sort((a, b) => {
    if (a.length !== b.length) return a.length - b.length
    for (let i = 0; i < a.length; i++) {
      const d = cmp(a[i]!, b[i]!)
      if (d !== 0) return d
    }
    return 0
  })
  return models
}

const buildModel = (
  tt: TruthTable,
  model: readonly Cube[],
  essential: (c: Cube) => boolean,
  s: Sets,
  from?: QcaModel['from'],
): QcaModel => {
  const k = tt.conditions.length
  // Terms every model shares first, then the ones that tell models apart (as the QCA literature prints them).
  const cubes = [...model.filter(essential), ...model.filter((c) => !essential(c))]
  const sop = cubes.map((c) => literalsOf(c, tt.conditions))
  const { fit, terms } = sopSufficiency(sop, tt.data, tt.y)
  const rowById = new Map(tt.rows.map((r) => [r.id - 1, r]))
  const qterms: QcaTerm[] = cubes.map((c, i) => ({
    ...terms[i]!,
    literals: sop[i]!,
    essential: essential(c),
    cases: s.on.filter((r) => covers(c, r)).flatMap((r) => rowById.get(r)!.cases),
  }))
  const assumed = new Set<number>()
  for (const c of cubes) for (const r of cubeRows(c, k)) if (!s.observed.has(r)) assumed.add(r + 1)
  return {
    expression: qterms.map((t) => t.term).join(' + '),
    terms: qterms,
    ...fit,
    simplifyingAssumptions: [...assumed].sort((a, b) => a - b),
    ...(from === undefined ? {} : { from }),
  }
}

const key = (c: Cube) => `${c.mask}:${c.bits}`

/** Drop cubes lying inside another cube of the list, and duplicates. */
const maximal = (cubes: readonly Cube[]): Cube[] => {
  const uniq = [...new Map(cubes.map((c) => [key(c), c])).values()]
  return uniq.filter((a) => !uniq.some((b) => b !== a && within(a, b) && key(a) !== key(b)))
}

interface Derived {
  readonly primes: readonly Cube[]
  readonly models: readonly Cube[][]
}

const derive = (
  tt: TruthTable,
  kind: 'conservative' | 'parsimonious',
  s: Sets,
  budget: number,
  fn: string,
): Derived | Problem => {
  const k = tt.conditions.length
  const noRemainders = s.observed.size === 2 ** k
  // Parsimonious: the primes of the positive rows and the remainders together (those covering a
  // positive row are kept below); on the flat cube table when it is small, else by cubes avoiding
  // the negative rows, which never lists the remainders.
  let primes: Cube[]
  if (kind === 'conservative' || noRemainders) primes = quineMcCluskey(s.on, k)
  else if (k <= DENSE_QM_MAX) {
    const off = new Set(s.off)
    const free: number[] = []
    for (let r = 0; r < 2 ** k; r++) if (!off.has(r)) free.push(r)
    primes = quineMcCluskey(free, k)
  } else primes = primesAvoiding(s.on, s.off, k)
  const useful = primes.filter((c) => s.on.some((r) => covers(c, r))).sort(compareCubes(k))
  const models = solve(useful, s.on, k, budget, fn)
  return Array.isArray(models) ? { primes: useful, models } : models
}

/** The intermediate implicants of one conservative model against one parsimonious model. */
const intermediateImplicants = (
  cons: readonly Cube[],
  pars: readonly Cube[],
  dirs: readonly Expectation[],
  k: number,
): Cube[] => {
  const out: Cube[] = []
  for (const c of cons) {
    const parents = pars.filter((p) => within(c, p))
    if (parents.length === 0) out.push(c)
    for (const p of parents) {
      let mask = c.mask
      for (let j = 0; j < k; j++) {
        const bit = 2 ** (k - 1 - j)
        if ((c.mask & bit) === 0 || (p.mask & bit) !== 0) continue
        const value = (c.bits & bit) === 0 ? 0 : 1
        const dir = dirs[j]!
        // Dropping the literal assumes the opposite value also gives the outcome:
        // an easy counterfactual when the expectation favours that opposite value.
        if (dir !== '-' && dir !== value) mask &= ~bit
      }
      out.push({ mask, bits: c.bits & mask })
    }
  }
  return maximal(out)
}

/**
 * Minimise a truth table into the conservative, parsimonious or intermediate
 * solution (Ragin 2008, ch. 8–9; Schneider & Wagemann 2012, ch. 8): prime
 * implicants by Quine–McCluskey, then every minimum cover of the positive
 * rows (Petrick's method), each a model with its terms' and its own inclS,
 * PRI and covS, the terms' unique coverage covU, and the remainders it
 * assumes positive. The intermediate solution is derived for every pair of a
 * conservative and a parsimonious model: the easy counterfactuals are the
 * remainders assumed by dropping, from each conservative term, the literals
 * that its parsimonious term drops and whose value goes against the
 * expectation; the positive rows and those counterfactuals are then minimised
 * together, as R's QCA and fsQCA do.
 *
 * Degenerate input: a truth table with no positive row has no solution (Left).
 * @param tt a truth table from `truthTable`
 * @param opts `{ solution? ['conservative'], directions? (intermediate), budget? }`
 * @returns `Right` of the solution, or `Left` on bad options, no positive row, or a cover search past its budget
 * @example
 * const tt = truthTable([{ case: 'a', A: 1, B: 1, Y: 1 }, { case: 'b', A: 1, B: 0, Y: 1 }, { case: 'c', A: 0, B: 0, Y: 0 }], { conditions: ['A', 'B'], outcome: 'Y' })
 * minimiseEither(tt, { solution: 'conservative' }) //=> right({ models: [{ expression: 'A', … }], … })
 */
export const minimiseEither = (tt: TruthTable, opts: MinimiseOptions = {}): Result<QcaSolution> => {
  const fn = 'minimise'
  const options = opts ?? {}
  const problems = optionProblems(tt, options, fn)
  if (problems.length > 0) return E.left(problems)
  const kind = options.solution ?? 'conservative'
  const budget = options.budget ?? 2_000_000
  const k = tt.conditions.length
  const s = sets(tt)
  if (s.on.length === 0)
    return E.left([
      problem(
        ['truthTable', 'rows'],
        'a truth table with at least one positive row (OUT 1)',
        'no positive row',
        'value',
        `${fn} › truthTable`,
      ),
    ])
  const base = { outcome: tt.outcome, conditions: tt.conditions, positiveRows: s.on.map((r) => r + 1) }

  if (kind !== 'intermediate') {
    const d = derive(tt, kind, s, budget, fn)
    if (!('primes' in d)) return E.left([d])
    const inAll = (c: Cube) => d.models.every((m) => m.some((x) => key(x) === key(c)))
    return E.right({
      solution: kind,
      ...base,
      primeImplicants: d.primes.map((c) => cubeText(c, tt.conditions)),
      models: d.models.map((m) => buildModel(tt, m, inAll, s)),
    })
  }

  const dirs: Expectation[] = tt.conditions.map((c) => options.directions?.[c] ?? '-')
  const cons = derive(tt, 'conservative', s, budget, fn)
  if (!('primes' in cons)) return E.left([cons])
  const pars = derive(tt, 'parsimonious', s, budget, fn)
  if (!('primes' in pars)) return E.left([pars])
  const seen = new Set<string>()
  const models: { cubes: Cube[]; from: QcaModel['from'] }[] = []
  const primes = new Map<string, Cube>()
  for (let ci = 0; ci < cons.models.length; ci++)
    for (let pj = 0; pj < pars.models.length; pj++) {
      // The easy counterfactuals: the remainders that dropping literals against the expectations assumes
      // positive. The positive rows and these are then minimised together, and the positive rows covered
      // (Ragin 2008, ch. 9; as R's QCA and fsQCA derive the intermediate solution), so a literal is also
      // dropped where an easy counterfactual joins two terms.
      const easy = new Set<number>()
      for (const c of intermediateImplicants(cons.models[ci]!, pars.models[pj]!, dirs, k))
        for (const r of cubeRows(c, k)) if (!s.observed.has(r)) easy.add(r)
      const imps = quineMcCluskey(
        [...s.on, ...easy].sort((a, b) => a - b),
        k,
      )
        .filter((c) => s.on.some((r) => covers(c, r)))
        .sort(compareCubes(k))
      for (const c of imps) primes.set(key(c), c)
      const solved = solve(imps, s.on, k, budget, fn)
      if (!Array.isArray(solved)) return E.left([solved])
      for (const m of solved) {
        const id = m.map(key).join('|')
        if (seen.has(id)) continue
        seen.add(id)
        models.push({ cubes: m, from: { conservative: ci + 1, parsimonious: pj + 1 } })
      }
    }
  const inAll = (c: Cube) => models.every((m) => m.cubes.some((x) => key(x) === key(c)))
  return E.right({
    solution: 'intermediate',
    ...base,
    directions: Object.fromEntries(tt.conditions.map((c, j) => [c, dirs[j]!])),
    primeImplicants: [...primes.values()].sort(compareCubes(k)).map((c) => cubeText(c, tt.conditions)),
    models: models.map((m) => buildModel(tt, m.cubes, inAll, s, m.from)),
  })
}

/**
 * Minimise a truth table (throwing form of `minimiseEither`) into the
 * conservative, parsimonious or intermediate solution, every model of an
 * ambiguous solution listed, with fit per term and per model and the
 * simplifying assumptions used.
 * @param tt a truth table from `truthTable`
 * @param options `{ solution? ['conservative'], directions? (intermediate), budget? }`
 * @returns the solution: its models, their terms and the parameters of fit (`QcaSolution`).
 * @throws {RealistError} on bad options (an unknown condition in `directions`), no positive row, or a search past its budget
 * @example
 * const tt = truthTable([{ A: 1, B: 1, Y: 1 }, { A: 0, B: 1, Y: 0 }], { conditions: ['A', 'B'], outcome: 'Y' })
 * minimise(tt, { solution: 'parsimonious' }).models[0]!.expression //=> 'A'
 */
export const minimise = (tt: TruthTable, options: MinimiseOptions = {}): QcaSolution =>
  orThrow('minimise', minimiseEither(tt, options))
