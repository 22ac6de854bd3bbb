import { describe, expect, it } from 'vitest'
import { emhipFramework } from '../../src/data/emhip-framework.js'
import { line } from './reference.js'

// Provenance: each wording of the embedded E-MHIP framework is on the report line it cites.
// The report mixes straight and curly quotes; compare wordings without them.
const plain = (s: string): string => s.replace(/[“”"']/g, '')
const standards = emhipFramework.sections.flatMap((s) => s.standards)

describe('emhipFramework against the E-MHIP report text', () => {
  it.each(standards.map((s) => [s.id, s] as const))(
    'standard %s carries the Table 5 wording verbatim from its line',
    (id, s) => {
      expect(line(s.ref?.lines)).toBe(`${id}\t${s.title}\t${line(s.ref?.lines).split('\t')[2]}`)
    },
  )

  it('takes every wording variant verbatim from the line it cites', () => {
    const variants = standards.flatMap((s) => s.variants.map((v) => [s.id, v] as const))
    expect(variants.length).toBeGreaterThanOrEqual(9)
    for (const [id, v] of variants) expect(plain(line(v.ref?.lines)), `${id}: ${v.text}`).toContain(plain(v.text))
  })

  it('the criterion counts and the scale are as the report states them', () => {
    // 3.2.2 is the criterion whose count the prose gives as "4 out of 15" (L1690).
    expect(line('L1690')).toContain('In 4 out of 15 workstreams, responsibility for making key decisions was devolved')
    expect(line('L1220')).toContain('“met”, “partly met” or “not met”')
  })
})
