import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { applyEdit } from '../../../src/edit/define.js'
import * as cmo from '../../../src/cmo/edits.js'
import { base } from '../fixtures.js'

// Edits are called by hand from notebooks: any argument, however wrong, must be
// refused with problems (or applied), never crash inside.
const constructors = Object.entries(cmo).filter(([, f]) => typeof f === 'function') as [
  string,
  (a: unknown) => Parameters<typeof applyEdit>[1],
][]

describe('CMO edits with arbitrary arguments', () => {
  const ev = base()
  const argsArb = fc.oneof(
    fc.anything(),
    fc.record(
      {
        element: fc.oneof(fc.string(), fc.anything(), fc.constantFrom('ready', 'events', 'low')),
        configuration: fc.oneof(fc.anything(), fc.constantFrom('c1')),
        theory: fc.anything(),
        to: fc.oneof(fc.anything(), fc.constantFrom('context', 'tested', 'outcome')),
        reason: fc.anything(),
        changes: fc.anything(),
        item: fc.anything(),
        link: fc.anything(),
        fields: fc.anything(),
        standards: fc.anything(),
        objectiveTypes: fc.anything(),
        excerpt: fc.anything(),
      },
      { requiredKeys: [] },
    ),
  )
  it.each(constructors.map(([name]) => name))('%s never throws', (name) => {
    const make = constructors.find(([n]) => n === name)![1]
    fc.assert(
      fc.property(argsArb, (args) => {
        const r = applyEdit(ev, make(args))
        if (r._tag === 'Left') expect(r.left.length).toBeGreaterThan(0)
      }),
      { numRuns: 150 },
    )
  })
})
