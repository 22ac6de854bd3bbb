/**
 * Boolean minimisation on bit masks: prime implicants by Quine–McCluskey
 * (Quine 1952; McCluskey 1956) and, when remainders may be used, by
 * enumerating cubes of increasing size that avoid every negative row (the
 * idea of Dusa's consistency cubes, 2018); then every minimum cover of the
 * positive rows by a branch-and-bound search equivalent to Petrick's method
 * (Petrick 1956). Internal: the solutions in `minimise.ts` are built on it.
 * @module
 */

/**
 * A product term as bits. Condition j (0-based, in the truth table's order)
 * is bit `k − 1 − j`, so a full cube's `bits` is the row index (row number − 1).
 * `mask` has a 1 where the condition appears; `bits` its value there (0 elsewhere).
 */
export interface Cube {
  readonly mask: number
  readonly bits: number
}

/**
 * Whether a row index lies in a cube.
 * @param c - a cube: its fixed conditions (`mask`) and their values (`bits`).
 * @param row - a row index (a configuration of every condition).
 * @returns true when the row agrees with the cube on each fixed condition.
 */
export const covers = (c: Cube, row: number): boolean => (row & c.mask) === c.bits

/**
 * Whether cube `a` lies inside cube `b` (every row of `a` is a row of `b`).
 * @param a - a cube.
 * @param b - another cube.
 * @returns true when every row of `a` is a row of `b`.
 */
export const within = (a: Cube, b: Cube): boolean => (b.mask & ~a.mask) === 0 && (a.bits & b.mask) === b.bits

const popcount = (x: number): number => {
  let n = 0
  while (x !== 0) {
    x &= x - 1
    n++
  }
  return n
}

/** Up to this many conditions, Quine–McCluskey runs on a flat table of all 3^k cubes. */
export const DENSE_QM_MAX = 14

/**
 * Quine–McCluskey on a flat table of every cube (3^k of them, one byte of
 * flags each; digit 0, 1 or 2 = absent per condition). Merging runs one
 * condition at a time: after condition j, every implicant whose absent
 * conditions are among the first j + 1 is present, since its two halves
 * (0 and 1 at its last absent condition) were complete before. A second
 * sweep marks every implicant that merges with a sibling; the others are
 * prime. Cost 2k × 3^(k−1), whatever the number of rows.
 */
const denseQuineMcCluskey = (rows: readonly number[], k: number): Cube[] => {
  const pow = [1]
  for (let j = 1; j <= k; j++) pow.push(pow[j - 1]! * 3)
  const n = pow[k]!
  const PRESENT = 1
  const MERGED = 2
  const flags = new Uint8Array(n)
  for (const r of rows) {
    let idx = 0
    for (let j = 0; j < k; j++) if ((r >> j) & 1) idx += pow[j]!
    flags[idx] = PRESENT
  }
  // Two sweeps: the first makes every implicant present, the second (with all
  // of them known) marks each one that merges with its sibling on some condition.
  for (const mark of [PRESENT, MERGED]) {
    for (let j = 0; j < k; j++) {
      const step = pow[j]!
      const block = pow[j + 1]!
      for (let high = 0; high < n; high += block) {
        for (let low = 0; low < step; low++) {
          const zero = high + low
          if ((flags[zero]! & PRESENT) === 0) continue
          const one = zero + step
          if ((flags[one]! & PRESENT) === 0) continue
          if (mark === PRESENT) flags[zero + 2 * step]! |= PRESENT
          else {
            flags[zero]! |= MERGED
            flags[one]! |= MERGED
          }
        }
      }
    }
  }
  const primes: Cube[] = []
  for (let idx = 0; idx < n; idx++) {
    if (flags[idx] !== PRESENT) continue
    let x = idx
    let mask = 0
    let bits = 0
    for (let j = 0; j < k; j++) {
      const d = x % 3
      x = (x - d) / 3
      if (d !== 2) {
        mask |= 1 << j
        if (d === 1) bits |= 1 << j
      }
    }
    primes.push({ mask, bits })
  }
  return primes
}

/**
 * Prime implicants of the rows `on` (row indexes) over `k` conditions by
 * Quine–McCluskey: merge cubes that differ in one condition until none merge.
 * Up to `DENSE_QM_MAX` conditions on a flat table of all cubes; beyond, on
 * hash sets of the cubes that occur.
 * @param on - the row indexes to cover.
 * @param k - the number of conditions.
 * @returns the prime implicants.
 */
export const quineMcCluskey = (on: readonly number[], k: number): Cube[] =>
  k <= DENSE_QM_MAX ? denseQuineMcCluskey(on, k) : sparseQuineMcCluskey(on, k)

/**
 * Quine–McCluskey on hash sets of the cubes that occur (any number of conditions up to 30).
 * @param on - the row indexes to cover.
 * @param k - the number of conditions.
 * @returns the prime implicants.
 */
export const sparseQuineMcCluskey = (on: readonly number[], k: number): Cube[] => {
  const full = k === 0 ? 0 : 2 ** k - 1
  let current = new Map<number, Set<number>>([[full, new Set(on)]])
  const primes: Cube[] = []
  while (current.size > 0) {
    const next = new Map<number, Set<number>>()
    for (const [mask, set] of current) {
      const merged = new Set<number>()
      for (const v of set) {
        for (let b = 1; b <= mask; b <<= 1) {
          if ((mask & b) === 0 || (v & b) !== 0) continue
          if (!set.has(v | b)) continue
          merged.add(v)
          merged.add(v | b)
          const nm = mask & ~b
          let s = next.get(nm)
          if (s === undefined) next.set(nm, (s = new Set()))
          s.add(v)
        }
      }
      for (const v of set) if (!merged.has(v)) primes.push({ mask, bits: v })
    }
    current = next
  }
  return primes
}

/**
 * Prime implicants that cover at least one row of `on` and no row of `off`,
 * every other configuration being free (a remainder): cubes are tried by
 * increasing number of conditions, and one is kept when its projection of a
 * positive row meets no negative row and it contains no smaller prime.
 * @param on - the positive rows.
 * @param off - the negative rows, which no implicant may cover.
 * @param k - the number of conditions.
 * @returns the prime implicants.
 */
export const primesAvoiding = (on: readonly number[], off: readonly number[], k: number): Cube[] => {
  // No negative row: the whole space (the empty term, constant true) is the one prime implicant.
  if (off.length === 0) return on.length === 0 ? [] : [{ mask: 0, bits: 0 }]
  const masks: number[] = []
  for (let m = 1; m < 2 ** k; m++) masks.push(m)
  masks.sort((a, b) => popcount(a) - popcount(b) || a - b)
  const found = new Map<number, Set<number>>()
  const primes: Cube[] = []
  const offKeys = new Set<number>()
  for (const mask of masks) {
    offKeys.clear()
    for (const o of off) offKeys.add(o & mask)
    const here = new Set<number>()
    for (const r of on) {
      const key = r & mask
      if (offKeys.has(key) || here.has(key)) continue
      let contained = false
      for (const [pm, ps] of found) {
        if ((pm & ~mask) === 0 && ps.has(key & pm)) {
          contained = true
          break
        }
      }
      if (contained) continue
      here.add(key)
    }
    if (here.size > 0) {
      found.set(mask, here)
      for (const bits of here) primes.push({ mask, bits })
    }
  }
  return primes
}

/** Every minimum cover, or `'limit'` when the search grew past its budget. */
export type Covers = { readonly covers: number[][]; readonly essential: number[] } | 'limit'

/**
 * Every minimum-cardinality set of implicants covering all rows of `on`
 * (Petrick's method, by branch and bound): the essential implicants first,
 * then a search that branches on the least-covered row and keeps the covers
 * of the smallest size. Each cover lists implicant indexes, ascending.
 * @param implicants - the prime implicants to choose from.
 * @param on - the rows every cover must cover.
 * @param budget - the most search steps before giving up (default 2,000,000).
 * @returns the minimum covers (as indexes into `implicants`), or that the budget ran out.
 */
export const minimumCovers = (implicants: readonly Cube[], on: readonly number[], budget = 2_000_000): Covers => {
  const nRows = on.length
  const words = Math.ceil(nRows / 32) || 1
  const coverBits = implicants.map((c) => {
    const w = new Uint32Array(words)
    on.forEach((r, i) => {
      if (covers(c, r)) w[i >>> 5]! |= 1 << (i & 31)
    })
    return w
  })
  const coverers: number[][] = on.map(() => [])
  coverBits.forEach((w, p) => {
    for (let i = 0; i < nRows; i++) if ((w[i >>> 5]! >>> (i & 31)) & 1) coverers[i]!.push(p)
  })
  const essential = [...new Set(coverers.filter((c) => c.length === 1).map((c) => c[0]!))].sort((a, b) => a - b)
  const uncovered = new Uint32Array(words)
  for (let i = 0; i < nRows; i++) uncovered[i >>> 5]! |= 1 << (i & 31)
  for (const p of essential) for (let w = 0; w < words; w++) uncovered[w]! &= ~coverBits[p]![w]!
  const sizes = coverBits.map((w) => w.reduce((s, x) => s + popcount(x), 0))
  const maxSize = Math.max(1, ...sizes)

  let best = Infinity
  let found: number[][] = []
  const keys = new Set<string>()
  let nodes = 0
  const chosen: number[] = [...essential]

  const count = (u: Uint32Array): number => u.reduce((s, x) => s + popcount(x), 0)
  const search = (u: Uint32Array): boolean => {
    if (++nodes > budget) return false
    const left = count(u)
    if (left === 0) {
      if (chosen.length < best) {
        best = chosen.length
        found = []
        keys.clear()
      }
      const sorted = [...chosen].sort((a, b) => a - b)
      const key = sorted.join(',')
      if (!keys.has(key)) {
        keys.add(key)
        found.push(sorted)
      }
      return true
    }
    if (chosen.length + Math.ceil(left / maxSize) > best) return true
    // Branch on the uncovered row with the fewest implicants covering it.
    let row = -1
    let fewest = Infinity
    for (let i = 0; i < nRows; i++) {
      if (((u[i >>> 5]! >>> (i & 31)) & 1) === 0) continue
      const c = coverers[i]!.length
      if (c < fewest) {
        fewest = c
        row = i
      }
    }
    for (const p of coverers[row]!) {
      const next = new Uint32Array(words)
      for (let w = 0; w < words; w++) next[w] = u[w]! & ~coverBits[p]![w]!
      chosen.push(p)
      const ok = search(next)
      chosen.pop()
      if (!ok) return false
    }
    return true
  }
  if (!search(uncovered)) return 'limit'
  return { covers: found, essential }
}

/**
 * Order of terms in printed solutions: fewer conditions first, then
 * condition by condition, negated before present before absent.
 * @param k - the number of conditions.
 * @returns a comparator of two cubes, for `Array.prototype.sort`.
 */
export const compareCubes =
  (k: number) =>
  (a: Cube, b: Cube): number => {
    const d = popcount(a.mask) - popcount(b.mask)
    if (d !== 0) return d
    for (let j = 0; j < k; j++) {
      const bit = 2 ** (k - 1 - j)
      const rank = (c: Cube) => ((c.mask & bit) === 0 ? 2 : (c.bits & bit) === 0 ? 0 : 1)
      const r = rank(a) - rank(b)
      if (r !== 0) return r
    }
    return 0
  }

/**
 * Row indexes of a cube (all its configurations), ascending.
 * @param c - a cube.
 * @param k - the number of conditions.
 * @returns the row indexes of the cube.
 */
export const cubeRows = (c: Cube, k: number): number[] => {
  const free: number[] = []
  for (let j = 0; j < k; j++) if ((c.mask & (2 ** j)) === 0) free.push(2 ** j)
  const out: number[] = []
  const n = 2 ** free.length
  for (let s = 0; s < n; s++) {
    let r = c.bits
    for (let t = 0; t < free.length; t++) if ((s >> t) & 1) r |= free[t]!
    out.push(r)
  }
  return out.sort((a, b) => a - b)
}
