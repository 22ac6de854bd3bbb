/**
 * Fuzzing the decoder: every input, arbitrary JSON or a mutated
 * valid document, gives a `Left` of well-formed problems or a `Right`, and
 * never throws. The throwing convenience `parseEvaluation` throws only
 * `RealistError`. FUZZ_RUNS cases in all (10,000 by default; `npm run fuzz`
 * runs 100,000), split between the properties below.
 */
import * as fc from 'fast-check'
import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { encodeEvaluation } from '../../src/model/index.js'
import { decodeEvaluation, parseEvaluation } from '../../src/document/decode.js'
import { RealistError } from '../../src/model/problem.js'
import { evaluationArb } from '../support/arbitraries.js'
import { expectWellFormedProblems, FUZZ_RUNS, FUZZ_TIMEOUT, mutate, mutationArb, smallDocument } from './support.js'

// Budget: arbitrary JSON is cheap, mutated documents cost a decode of ~24 ratings each.
const runs = (share: number): number => Math.max(1, Math.round(FUZZ_RUNS * share))

/** The invariant: Left with well-formed problems, or Right that survives encode → decode. */
const decodesCleanly = (input: unknown): 'left' | 'right' => {
  const result = decodeEvaluation(input)
  expect(E.isLeft(result) || E.isRight(result)).toBe(true)
  if (E.isLeft(result)) {
    expectWellFormedProblems(result.left)
    return 'left'
  }
  expect(E.isRight(decodeEvaluation(encodeEvaluation(result.right)))).toBe(true)
  return 'right'
}

describe(`decodeEvaluation under fuzzing (${FUZZ_RUNS} cases in all)`, () => {
  it(
    'returns Left or Right for arbitrary JSON values, never throws',
    () => {
      fc.assert(
        fc.property(fc.jsonValue(), (u) => void decodesCleanly(u)),
        { numRuns: runs(0.3) },
      )
    },
    FUZZ_TIMEOUT,
  )

  it(
    'returns Left or Right for arbitrary JavaScript values (NaN, undefined, sparse arrays, null prototypes…)',
    () => {
      fc.assert(
        fc.property(
          fc.anything({
            withNullPrototype: true,
            withSparseArray: true,
            withBoxedValues: true,
            withObjectString: true,
          }),
          (u) => void decodesCleanly(u),
        ),
        {
          numRuns: runs(0.1),
        },
      )
    },
    FUZZ_TIMEOUT,
  )

  it(
    'returns Left or Right for objects shaped like a document with arbitrary fields',
    () => {
      const docLike = fc.record(
        {
          schemaVersion: fc.oneof(fc.constant(1), fc.jsonValue({ maxDepth: 1 })),
          title: fc.jsonValue({ maxDepth: 1 }),
          programme: fc.jsonValue({ maxDepth: 2 }),
          framework: fc.jsonValue({ maxDepth: 3 }),
          rounds: fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 3 }),
          sites: fc.array(fc.jsonValue({ maxDepth: 4 }), { maxLength: 3 }),
        },
        { requiredKeys: [] },
      )
      fc.assert(
        fc.property(docLike, (u) => void decodesCleanly(u)),
        { numRuns: runs(0.1) },
      )
    },
    FUZZ_TIMEOUT,
  )

  it(
    'returns Left or Right for mutated valid documents (1 to 4 mutations), never throws',
    () => {
      const seen = { left: 0, right: 0 }
      fc.assert(
        fc.property(fc.nat({ max: 50 }), fc.array(mutationArb, { minLength: 1, maxLength: 4 }), (seed, mutations) => {
          const doc = smallDocument(seed)
          for (const m of mutations) mutate(doc, m)
          seen[decodesCleanly(doc)]++
        }),
        { numRuns: runs(0.25) },
      )
      // Both outcomes occur (about 15% of mutants stay valid, e.g. a changed label), so the
      // mutations neither always break the document nor never reach it.
      if (FUZZ_RUNS >= 1000) expect(Math.min(seen.left, seen.right)).toBeGreaterThan(0)
    },
    FUZZ_TIMEOUT,
  )

  it(
    'returns Left or Right for mutated documents from the shared arbitrary (other scales, evidence, odd ids)',
    () => {
      const seen = { left: 0, right: 0 }
      fc.assert(
        fc.property(
          evaluationArb({ maxSites: 2, maxUnitsPerSite: 2 }),
          fc.array(mutationArb, { minLength: 1, maxLength: 3 }),
          (ev, mutations) => {
            const doc = encodeEvaluation(ev)
            for (const m of mutations) mutate(doc, m)
            seen[decodesCleanly(doc)]++
          },
        ),
        { numRuns: runs(0.2) },
      )
      if (FUZZ_RUNS >= 1000) expect(Math.min(seen.left, seen.right)).toBeGreaterThan(0)
    },
    FUZZ_TIMEOUT,
  )

  it(
    'maxProblems changes how many problems are listed, never how many there are (mutated documents, up to 12 mutations)',
    () => {
      /** Listed problems plus the count the final `limit` problem gives for the rest. */
      const total = (input: unknown, maxProblems: number): { listed: number; all: number; atLeast?: boolean } => {
        const r = decodeEvaluation(input, { maxProblems })
        if (E.isRight(r)) return { listed: 0, all: 0 }
        const more = r.left.find((p) => p.expected.endsWith('(the maxProblems option)'))
        const listed = r.left.length - (more === undefined ? 0 : 1)
        const atLeast = more?.found.includes('at least') ?? false
        return { listed, atLeast, all: listed + (more === undefined ? 0 : Number(more.found.replace(/[^0-9]/g, ''))) }
      }
      fc.assert(
        fc.property(
          fc.integer({ min: 0, max: 50 }),
          fc.array(mutationArb, { minLength: 1, maxLength: 12 }),
          fc.integer({ min: 1, max: 8 }),
          (seed, mutations, max) => {
            const doc = smallDocument(seed)
            for (const m of mutations) mutate(doc, m)
            const full = total(doc, 1_000_000)
            const capped = total(doc, max)
            // The cross-field checks stop at the bound (a scope bomb must not build 10^5 problems); their count is
            // then a lower bound, and the limit problem says "at least".
            if (capped.atLeast) expect(capped.all).toBeLessThanOrEqual(full.all)
            else expect(capped.all).toBe(full.all)
            expect(capped.listed).toBe(Math.min(max, full.all))
          },
        ),
        { numRuns: runs(0.02) },
      )
    },
    FUZZ_TIMEOUT,
  )

  it(
    'the unmutated documents decode (so the mutations above start from valid input)',
    () => {
      for (let seed = 0; seed <= 50; seed++) expect(E.isRight(decodeEvaluation(smallDocument(seed)))).toBe(true)
    },
    FUZZ_TIMEOUT,
  )

  it(
    'parseEvaluation on arbitrary text throws only RealistError, with a readable message',
    () => {
      const text = fc.oneof(
        fc.string(),
        fc.json(),
        fc.json().map((s) => s.slice(0, Math.floor(s.length / 2))),
      )
      fc.assert(
        fc.property(text, (s) => {
          try {
            parseEvaluation(s)
          } catch (e) {
            expect(e).toBeInstanceOf(RealistError)
            expect((e as Error).message).toMatch(/^\[realist-eval\] parseEvaluation: \d+ problems?\n {2}- /)
          }
        }),
        { numRuns: runs(0.05) },
      )
    },
    FUZZ_TIMEOUT,
  )
})
