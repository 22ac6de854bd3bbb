import fc from 'fast-check'
import { describe, it } from 'vitest'
import {
  cmoWhereStandardEither,
  supportMatrixEither,
  theoryDiffEither,
  triangulationEither,
} from '../../src/cmo/index.js'
import { evidenceSet } from './evidence-fixture.js'

// Queries are called from notebooks with hand-typed options: wrong input is a Left
// (or, for the register check, a list of problems), never a crash.
describe('CMO queries with arbitrary arguments', () => {
  const ev = evidenceSet()
  const junk = fc.oneof(
    fc.anything(),
    fc.record(
      {
        minGroups: fc.anything(),
        of: fc.anything(),
        complete: fc.anything(),
        theory: fc.anything(),
        version: fc.anything(),
        standard: fc.anything(),
        levels: fc.anything(),
        round: fc.anything(),
        rule: fc.anything(),
        rows: fc.anything(),
        informants: fc.anything(),
        columns: fc.anything(),
        firstRow: fc.anything(),
      },
      { requiredKeys: [] },
    ),
  )
  const queries: [string, (a: unknown, b: unknown) => unknown][] = [
    ['triangulationEither', (a) => triangulationEither(ev, a as never)],
    ['supportMatrixEither', (a) => supportMatrixEither(ev, a as never)],
    ['theoryDiffEither', (a, b) => theoryDiffEither(ev, a as never, b as never)],
    ['cmoWhereStandardEither', (a, b) => cmoWhereStandardEither(ev, a as never, b as never)],
  ]
  it.each(queries.map(([n]) => n))('%s never throws', (name) => {
    const q = queries.find(([n]) => n === name)![1]
    fc.assert(
      fc.property(junk, junk, (a, b) => void q(a, b)),
      { numRuns: 300 },
    )
  })
})
