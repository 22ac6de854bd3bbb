/**
 * A brute-force reference for Boolean minimisation, for tests and the
 * benchmark: prime implicants straight from the definition (every cube that
 * covers a positive row, meets no negative row — no remainder when
 * `remainders` is false — and loses that property when any condition is
 * dropped), and minimum covers by trying every subset of implicants in order
 * of size. Exponential by design; small inputs only.
 */

/** A cube over k conditions: 0 or 1 where a condition appears, null where it does not. */
export type BruteCube = readonly (0 | 1 | null)[]

const inCube = (c: BruteCube, row: number, k: number): boolean =>
  c.every((v, j) => v === null || ((row >> (k - 1 - j)) & 1) === v)

const allCubes = (k: number): BruteCube[] => {
  const out: BruteCube[] = []
  for (let n = 0; n < 3 ** k; n++) {
    const c: (0 | 1 | null)[] = []
    let x = n
    for (let j = 0; j < k; j++) {
      const d = x % 3
      x = Math.floor(x / 3)
      c.push(d === 2 ? null : (d as 0 | 1))
    }
    out.push(c)
  }
  return out
}

/** Prime implicants by definition. `remainders`: whether rows neither positive nor negative may be covered. */
export const brutePrimes = (
  on: readonly number[],
  off: readonly number[],
  k: number,
  remainders: boolean,
): BruteCube[] => {
  const onSet = new Set(on)
  const offSet = new Set(off)
  const allowed = (row: number) => onSet.has(row) || (remainders && !offSet.has(row))
  const implicant = (c: BruteCube) => {
    let hitsOn = false
    for (let r = 0; r < 2 ** k; r++) {
      if (!inCube(c, r, k)) continue
      if (!allowed(r)) return false
      if (onSet.has(r)) hitsOn = true
    }
    return hitsOn
  }
  return allCubes(k).filter(
    (c) => implicant(c) && c.every((v, j) => v === null || !implicant(c.map((w, i) => (i === j ? null : w)))),
  )
}

/** Every minimum cover of `on` by `implicants`, by trying all subsets of size 1, 2, … (indexes, ascending). */
export const bruteMinimumCovers = (implicants: readonly BruteCube[], on: readonly number[], k: number): number[][] => {
  const n = implicants.length
  const coverSets = implicants.map((c) => on.filter((r) => inCube(c, r, k)))
  for (let size = 1; size <= n; size++) {
    const found: number[][] = []
    const pick = (start: number, chosen: number[]) => {
      if (chosen.length === size) {
        const covered = new Set(chosen.flatMap((i) => coverSets[i]!))
        if (on.every((r) => covered.has(r))) found.push([...chosen])
        return
      }
      for (let i = start; i < n; i++) pick(i + 1, [...chosen, i])
    }
    pick(0, [])
    if (found.length > 0) return found
  }
  return []
}

/** A brute cube in QCA notation, for comparison with the library's output. */
export const bruteText = (c: BruteCube, conditions: readonly string[]): string =>
  c.flatMap((v, j) => (v === null ? [] : [(v === 0 ? '~' : '') + conditions[j]!])).join('*') || '1'
