import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { addExcerpt, addInformant, supportMatrix, triangulation } from '../../src/cmo/index.js'
import { apply, base, LE, SL, SS, SY } from './fixtures.js'

// Random evidence over the fixture: informants in groups g1..g4 at the four sites,
// excerpts supporting or contradicting c1 or the element train.
const evidenceArb = fc.record({
  informants: fc.array(
    fc.record({ group: fc.constantFrom('g1', 'g2', 'g3', 'g4'), site: fc.constantFrom(SS, LE, SY, SL) }),
    { minLength: 1, maxLength: 8 },
  ),
  excerpts: fc.array(
    fc.record({
      who: fc.nat(),
      target: fc.constantFrom('c1', 'train'),
      stance: fc.constantFrom('supports' as const, 'contradicts' as const),
    }),
    { maxLength: 20 },
  ),
})

type EvidenceData = typeof evidenceArb extends fc.Arbitrary<infer T> ? T : never
const build = ({ informants, excerpts }: EvidenceData) =>
  apply(
    base(),
    ...informants.map((inf, i) => addInformant({ item: { id: `i${i}`, ...inf } })),
    ...excerpts.map((x, k) =>
      addExcerpt({
        item: {
          id: `x${k}`,
          label: `Q${k}`,
          kind: 'quote',
          text: '',
          informant: `i${x.who % informants.length}`,
          links: [
            x.target === 'c1' ? { configuration: 'c1', stance: x.stance } : { element: 'train', stance: x.stance },
          ],
        },
      }),
    ),
  )

describe('triangulation properties', () => {
  it('agrees with a naive count of distinct groups, and robustness is monotone in N', () => {
    fc.assert(
      fc.property(evidenceArb, (data) => {
        const ev = build(data)
        const groupsOf = (target: string, stance: string) =>
          new Set(
            data.excerpts
              .filter((x) => x.target === target && x.stance === stance)
              .map((x) => data.informants[x.who % data.informants.length]!.group),
          )
        for (const t of triangulation(ev)) {
          if (t.id !== 'c1' && t.id !== 'train') continue
          expect(t.supportingGroups.length).toBe(groupsOf(t.id, 'supports').size)
          expect(t.contradictingGroups.length).toBe(groupsOf(t.id, 'contradicts').size)
        }
        let previous = Infinity
        for (const n of [1, 2, 3, 4, 5]) {
          const robust = triangulation(ev, { minGroups: n }).filter((t) => t.robust).length
          expect(robust).toBeLessThanOrEqual(previous)
          previous = robust
        }
      }),
      { numRuns: 60 },
    )
  })

  it('the support matrix sums to the excerpt counts of triangulation', () => {
    fc.assert(
      fc.property(evidenceArb, (data) => {
        const ev = build(data)
        const t = triangulation(ev, { of: 'configuration' })[0]!
        const rows = supportMatrix(ev)
        expect(rows.reduce((n, r) => n + r.supports, 0)).toBe(t.supportingExcerpts)
        expect(rows.reduce((n, r) => n + r.contradicts, 0)).toBe(t.contradictingExcerpts)
      }),
      { numRuns: 60 },
    )
  })
})
