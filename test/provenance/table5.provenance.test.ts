import { describe, expect, it } from 'vitest'
import { emhipTable5 } from '../../src/data/emhip-table5.js'
import { reference } from './reference.js'

// Provenance: the shipped Table 5 rows and totals are printed so in the E-MHIP report.
describe('E-MHIP Table 5 against the report text', () => {
  it('ships each row as printed on its line', () => {
    expect(emhipTable5).toHaveLength(11)
    for (const r of emhipTable5) {
      const text = reference[Number(r.ref.lines!.slice(1)) - 1]!
      expect(text).toBe(`${r.standard}\t${r.wording}\t${r.percentFullyMet}`)
    }
  })

  it('prints the Total 21, the 21/62/17 split and the 15 workstreams', () => {
    expect(reference[1239]).toBe('\tTotal\t21')
    expect(reference[1241]).toContain(
      'Overall 21% of the standards on organisational improvement were fully met. Sixty two percent were partly met and 17% were not met.',
    )
    expect(reference[1219]).toContain('for each of the 15 workstreams')
  })
})
