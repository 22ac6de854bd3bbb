/**
 * Shared helpers of the hardening tests: the fuzz budget, small valid
 * documents, mutations of them, a snapshot of Object.prototype and a deep
 * freeze.
 */
import * as fc from 'fast-check'
import { expect } from 'vitest'
import { generateEvaluation, type GenerateOptions } from '../../bench/generate.js'
import type { Problem, ProblemCode } from '../../src/model/problem.js'

/**
 * Cases per fuzz property: `FUZZ_RUNS` (npm run fuzz sets 100,000), else
 * 10,000. Each property file divides its budget among its properties.
 */
export const FUZZ_RUNS = Number(process.env.FUZZ_RUNS ?? 10_000)

/** Time allowed to one fuzz test: the 60 s default, or 3 ms per case for big runs (npm run fuzz). */
export const FUZZ_TIMEOUT = Math.max(60_000, FUZZ_RUNS * 3)

/** A small document: 2 sites × 2 units × 3 standards × 2 criteria (≤ 24 ratings). */
export const SMALL: GenerateOptions = { sites: 2, unitsPerSite: 2, standards: 3, criteriaPerStandard: 2, rounds: 2 }

/** A valid small document as JSON-ready data, fresh for each call. */
export const smallDocument = (seed: number): unknown =>
  JSON.parse(JSON.stringify(generateEvaluation({ ...SMALL, seed })))

const PROBLEM_CODES: ReadonlySet<ProblemCode> = new Set([
  'shape',
  'value',
  'reference',
  'duplicate',
  'limit',
  'consistency',
  'policy',
])

/** A Problem is data that says where, what was expected and what was found. */
export const expectWellFormedProblems = (problems: readonly Problem[]): void => {
  expect(problems.length).toBeGreaterThan(0)
  for (const p of problems) {
    expect(Array.isArray(p.path)).toBe(true)
    for (const step of p.path) expect(['string', 'number']).toContain(typeof step)
    expect(typeof p.where).toBe('string')
    expect(p.where.length).toBeGreaterThan(0)
    expect(typeof p.expected).toBe('string')
    expect(p.expected.length).toBeGreaterThan(0)
    expect(typeof p.found).toBe('string')
    expect(PROBLEM_CODES.has(p.code)).toBe(true)
  }
}

// ---------------------------------------------------------------------------
// Mutations of valid documents

type Path = (string | number)[]

/** Every path to a value inside `doc` (the root excluded), depth first. */
export const allPaths = (doc: unknown): Path[] => {
  const out: Path[] = []
  const walk = (v: unknown, path: Path): void => {
    if (Array.isArray(v)) v.forEach((x, i) => (out.push([...path, i]), walk(x, [...path, i])))
    else if (typeof v === 'object' && v !== null)
      for (const k of Object.keys(v)) (out.push([...path, k]), walk((v as Record<string, unknown>)[k], [...path, k]))
  }
  walk(doc, [])
  return out
}

/** One change to a document at a chosen place. */
export type Mutation =
  | { readonly kind: 'replace'; readonly at: number; readonly value: unknown }
  | { readonly kind: 'delete'; readonly at: number }
  | { readonly kind: 'duplicate'; readonly at: number }
  | { readonly kind: 'rename'; readonly at: number; readonly key: string }
  | { readonly kind: 'copy-id'; readonly at: number; readonly from: number }

/** Keys and values that hostile or careless input tends to contain. */
export const NASTY_STRINGS = [
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  '',
  ' ',
  'na',
  'NA',
  '2.4',
  '2.4.1',
  'r1',
  'met',
  '\u0000',
  '💥',
  'a'.repeat(300),
]
const nastyString = fc.oneof(fc.constantFrom(...NASTY_STRINGS), fc.string({ maxLength: 8 }))
const nastyValue = fc.oneof(
  fc.jsonValue({ maxDepth: 2 }),
  nastyString,
  fc.constantFrom(NaN, Infinity, -Infinity, -1, 0.5, 1e21, -0, undefined, null, [], {}),
)

/** A fast-check arbitrary of mutations (places are indices into `allPaths`, taken modulo). */
export const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('replace' as const), at: fc.nat(), value: nastyValue }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('duplicate' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('rename' as const), at: fc.nat(), key: nastyString }),
  fc.record({ kind: fc.constant('copy-id' as const), at: fc.nat(), from: fc.nat() }),
)

const parentOf = (doc: unknown, path: Path): Record<string | number, unknown> => {
  let v = doc as Record<string | number, unknown>
  for (const step of path.slice(0, -1)) v = v[step] as Record<string | number, unknown>
  return v
}

/**
 * Apply a mutation in place (to a fresh copy). `duplicate` repeats an array
 * element (so ids collide) or a value; `copy-id` copies one `id` over
 * another; `rename` moves a key, e.g. a rating onto `__proto__`.
 */
export const mutate = (doc: unknown, m: Mutation): void => {
  const paths = allPaths(doc)
  if (paths.length === 0) return
  const path = paths[m.at % paths.length]!
  const parent = parentOf(doc, path)
  const key = path[path.length - 1]!
  switch (m.kind) {
    case 'replace':
      if (Array.isArray(parent) && m.value === undefined) parent[key as number] = null
      else parent[key] = m.value
      return
    case 'delete':
      if (Array.isArray(parent)) parent.splice(key as number, 1)
      else delete parent[key]
      return
    case 'duplicate':
      if (Array.isArray(parent)) parent.splice(key as number, 0, structuredClone(parent[key as number]))
      else parent[key] = structuredClone(parent[key])
      return
    case 'rename': {
      if (Array.isArray(parent)) return
      const value = parent[key]
      delete parent[key]
      // defineProperty so that "__proto__" becomes an own key, as JSON.parse makes it.
      Object.defineProperty(parent, m.key, { value, enumerable: true, writable: true, configurable: true })
      return
    }
    case 'copy-id': {
      const ids = paths.filter((p) => p[p.length - 1] === 'id')
      if (ids.length < 2) return
      const to = ids[m.at % ids.length]!
      const from = ids[m.from % ids.length]!
      parentOf(doc, to)['id'] = parentOf(doc, from)['id']
      return
    }
  }
}

// ---------------------------------------------------------------------------
// Object.prototype guard

/** What pollution would change: own property names and their descriptors' values. */
export const prototypeSnapshot = (): string[] =>
  [Object.prototype, Array.prototype, Function.prototype].flatMap((proto, i) =>
    Object.getOwnPropertyNames(proto).map(
      (n) => `${i}:${n}:${typeof Object.getOwnPropertyDescriptor(proto, n)?.value}`,
    ),
  )

/** Assert that nothing reached the shared prototypes (and a canary is absent). */
export const expectPrototypesUntouched = (before: readonly string[]): void => {
  expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  expect(({} as Record<string, unknown>).isAdmin).toBeUndefined()
  expect(prototypeSnapshot()).toEqual(before)
}

/** Deep-freeze a value in place and return it (for "nothing was mutated" tests). */
export const deepFreeze = <A>(value: A): A => {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value)
    for (const k of Reflect.ownKeys(value)) deepFreeze((value as Record<PropertyKey, unknown>)[k])
  }
  return value
}
