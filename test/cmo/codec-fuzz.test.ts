import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { mhipEvaluation } from '../../src/data/mhip/index.js'
import { encodeEvaluation } from '../../src/model/codec.js'
import { decodeEvaluation } from '../../src/document/decode.js'
import {
  addExcerpt,
  addInformant,
  changeElementRole,
  commitTheoryVersion,
  reviseConfiguration,
  addCmoElement,
} from '../../src/cmo/index.js'
import { withMhipTheory } from '../../src/data/mhip-theory.js'
import { apply, LE } from './fixtures.js'

const doc = encodeEvaluation(
  apply(
    withMhipTheory(mhipEvaluation),
    addInformant({ item: { id: 'i1', group: 'pct', site: LE } }),
    addExcerpt({
      item: {
        id: 'x1',
        label: 'Q1',
        kind: 'quote',
        text: '…',
        informant: 'i1',
        links: [{ configuration: 'capacity-low-impact', stance: 'supports' }],
      },
    }),
    addCmoElement({ element: { id: 'ev', label: 'Events', role: 'mechanism', resource: null, reasoning: null } }),
    reviseConfiguration({ configuration: 'energy-not-harnessed', changes: { mechanisms: ['spur-to-action', 'ev'] } }),
    changeElementRole({ element: 'ev', to: 'context', reason: 'r' }),
    commitTheoryVersion({ theory: 'emhip-research-team' }),
  ),
) as Record<string, unknown>

/** Every path to a value inside the CMO and evidence parts of the document. */
const paths: (string | number)[][] = []
const walk = (v: unknown, path: (string | number)[]) => {
  paths.push(path)
  if (Array.isArray(v)) v.forEach((x, i) => walk(x, [...path, i]))
  else if (v !== null && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, [...path, k])
}
for (const key of ['stakeholderGroups', 'informants', 'sources', 'excerpts', 'elements', 'configurations', 'theories'])
  walk(doc[key], [key])

/** Copy `root` with `value` at `path`; a step into a non-object (already replaced by junk) starts a fresh one. */
const setAt = (root: unknown, path: readonly (string | number)[], value: unknown): unknown => {
  if (path.length === 0) return value
  const [head, ...rest] = path
  const here = (root !== null && typeof root === 'object' ? root : typeof head === 'number' ? [] : {}) as Record<
    string | number,
    unknown
  >
  const copy = (Array.isArray(here) ? [...here] : { ...here }) as Record<string | number, unknown>
  copy[head!] = setAt(here[head!], rest, value)
  return copy
}

describe('decoding mutated CMO documents', () => {
  it('never throws: any change gives the document back or problems with a path and a place', () => {
    const junk = fc.oneof(
      fc.constant(undefined),
      fc.constant(null),
      fc.string(),
      fc.double(),
      fc.boolean(),
      fc.constantFrom('context', 'tested', 'refuted', 'ev', 'capacity-low-impact', '__proto__'),
      fc.array(fc.string(), { maxLength: 3 }),
      fc.object(),
    )
    let refused = 0
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom(...paths), junk), { minLength: 1, maxLength: 3 }), (changes) => {
        const mutated = changes.reduce<unknown>((d, [path, value]) => setAt(d, path, value), doc)
        const r = decodeEvaluation(mutated)
        if (r._tag === 'Left') refused++
        if (r._tag === 'Left')
          for (const p of r.left) {
            expect(Array.isArray(p.path)).toBe(true)
            expect(typeof p.where).toBe('string')
            expect(p.where.length).toBeGreaterThan(0)
          }
      }),
      { numRuns: 300 },
    )
    expect(refused).toBeGreaterThan(100) // most junk is refused: the property is not vacuous
  })
})
