import { describe, expect, it } from 'vitest'
import { attainment } from '../../src/standards/attainment.js'
import { attainmentTable } from '../../src/report/attainment-table.js'
import { renderMarkdown } from '../../src/report/table.js'
import { JUPYTER_DISPLAY } from '../../src/report/display.js'
import { small } from './fixture.js'
import { importRatingsLong } from '../../src/io/import/ratings.js'

// Hand-worked figures for the SMALL_RATINGS fixture under the default policy
// (na and unrated left out, attained = met only, pooled total, Wilson 95%):
//   1.1: met 2, partly 1, na 1 → n = 3, k = 2, 67%. Wilson 2/3: centre 0.5731,
//        half-width 0.3654 → (0.2077, 0.9385) → 21–94%.
//   2.4: met 2, partly 1, not met 1 → n = 4, k = 2, 50%. Wilson 2/4: (0.1500, 0.8500) → 15–85%.
//   Total (pooled): met 4, partly 2, not met 1 → n = 7, k = 4, 57%. Wilson 4/7: (0.2505, 0.8418) → 25–84%.
//   Unrated: 15 units × 11 standards = 165 items, 8 rated (incl. the na) → 157; per rated standard 15 − 4 = 11.
describe('attainmentTable', () => {
  const table = attainmentTable(attainment(small), small)

  it('gives one row per standard and a total, with the hand-worked figures', () => {
    const md = renderMarkdown(table).split('\n')
    expect(md[2]).toBe(
      '| Standard | Wording | Met | Partly met | Not met | n | Attained | % attained | 95% CI | N/A | Unrated |',
    )
    expect(md).toContain(
      '| 1.1 | The organisation is ready for change | 67% (2) | 33% (1) | 0% (0) | 3 | 2 | 67% | 21–94% | 1 | 11 |',
    )
    expect(md).toContain(
      '| 2.4 | All resource and budget implications of the desired change have been considered | 50% (2) | 25% (1) | 25% (1) | 4 | 2 | 50% | 15–85% | 0 | 11 |',
    )
    expect(md).toContain(
      '| Total | pooled over 11 standards | 57% (4) | 29% (2) | 14% (1) | 7 | 4 | 57% | 25–84% | 1 | 157 |',
    )
    expect(table.rows).toHaveLength(12)
  })

  it('rounds level shares by largest remainder, so they sum to 100%', () => {
    // Three units, one per level, on 4.1: exact shares 33.3% each; plain rounding gives 99%,
    // largest remainder gives the spare point to the first of the tied remainders: 34/33/33.
    const ev = importRatingsLong(
      small,
      'site,unit,standard,level\nSSHT,Acute care,4.1,met\nSSHT,Values-based workforce,4.1,partly\nLeics,Voluntary sector,4.1,not met\n',
    )
    const row = attainmentTable(attainment(ev), ev).rows.find((r) => r['standard'] === '4.1')!
    expect([row['level:met'], row['level:partly'], row['level:not-met']]).toEqual(['34% (1)', '33% (1)', '33% (1)'])
  })

  it('shows – for a standard with nothing counted', () => {
    const row = table.rows.find((r) => r['standard'] === '1.2')!
    expect([row['level:met'], row['percent'], row['ci'], row['n'], row['unrated']]).toEqual(['–', '–', '–', 0, 15])
  })

  it('states the policy in the note, and changes with it', () => {
    expect(table.note).toContain('Not applicable: left out of the denominator')
    expect(table.note).toContain('Attained: Met only')
    // Met or partly met: 1.1 → 3/3; na counted as not met: n = 4 → 75%.
    const wider = attainmentTable(attainment(small, { attained: 'met-or-partly', notApplicable: 'not-met' }), small)
    const row = wider.rows.find((r) => r['standard'] === '1.1')!
    expect([row['n'], row['k'], row['percent'], row['level:not-met']]).toEqual([4, '3', '75%', '25% (1)'])
    expect(wider.note).toContain('Attained: Met or Partly met')
    expect(wider.note).toContain('Not applicable: counted as Not met')
  })

  it('shows one site', () => {
    // Leicestershire: only the voluntary sector is rated: 1.1 met, 2.4 met.
    const leics = attainmentTable(attainment(small), small, { site: 'leicestershire' })
    expect(leics.caption).toBe('Standards attainment (Leicestershire)')
    expect(leics.rows.find((r) => r['standard'] === 'Total')!['percent']).toBe('100%')
  })

  it('says so when the result has no such scope', () => {
    const none = attainmentTable(attainment(small), small, { site: 'kent' })
    expect(none.rows).toEqual([])
    expect(none.note).toContain('no scope')
  })

  it('displays itself in a notebook as HTML and Markdown', () => {
    const bundle = table[JUPYTER_DISPLAY]()
    expect(bundle['text/markdown']).toBe(renderMarkdown(table))
    expect(bundle['text/html']).toMatch(/^<table><caption>Standards attainment \(all sites\)<\/caption>/)
  })
})
