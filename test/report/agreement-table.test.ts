import { describe, expect, it } from 'vitest'
import { agreementFromRatings, type RaterRating } from '../../src/index.js'
import { agreementTable, coefficientLabel, renderHtml, renderMarkdown } from '../../src/report/index.js'

// Krippendorff (2011) section B: 2 coders × 12 units, nominal α = 0.692.
const A = 'a a b b d c c c e d d a'.split(' ')
const B = 'b a b b b c c c e d d d'.split(' ')
const ratings: RaterRating[] = A.flatMap((a, u) => [
  { unit: `u${u}`, target: 'x', rater: 'A', level: a },
  { unit: `u${u}`, target: 'x', rater: 'B', level: B[u]! },
])
const rows = agreementFromRatings(ratings, {
  scale: ['a', 'b', 'c', 'd', 'e'],
  coefficient: ['krippendorff-alpha', 'fleiss-kappa', 'cohen-kappa'],
  by: ['target'],
  level: 'nominal',
  replicates: 200,
})

describe('agreementTable', () => {
  it('labels coefficients with their metric or weights', () => {
    expect(coefficientLabel({ coefficient: 'gwet-ac2', metric: null, weights: 'quadratic' })).toBe(
      'Gwet’s AC2 (quadratic weights)',
    )
    expect(coefficientLabel({ coefficient: 'fleiss-kappa', metric: null, weights: 'identity' })).toBe('Fleiss’ κ')
  })

  it('renders Markdown with the group column, the value to 3 dp and the counts behind it', () => {
    const md = renderMarkdown(agreementTable(rows))
    const lines = md.split('\n')
    expect(lines[0]).toBe('**Inter-rater agreement**')
    expect(lines[2]).toBe(
      '| target | Coefficient | Value | 95% CI | SE | z | p | Items | Pairable | Raters | Ratings | Note |',
    )
    expect(lines[4]).toMatch(
      /^\| x \| Krippendorff’s α \(nominal\) \| 0\.692 \| 0\.\d{3} to [01]\.\d{3} \| 0\.\d{3} \| – \| – \| 12 \| 12 \| 2 \| 24 \| {2}\|$/,
    )
    expect(lines[5]).toMatch(/^\| x \| Fleiss’ κ \| 0\.\d{3} \|/)
  })

  it('shows – and the reason for an undefined coefficient', () => {
    const one = agreementFromRatings(
      [
        { unit: 'u', target: 't', rater: 'A', level: 'a' },
        { unit: 'u', target: 't', rater: 'B', level: 'a' },
      ],
      { scale: ['a', 'b'], coefficient: 'cohen-kappa' },
    )
    const md = renderMarkdown(agreementTable(one))
    expect(md).toContain('| Cohen’s κ | – | – | – | – | – | 1 | 1 | 2 | 2 | all ratings are in one level')
  })

  it('escapes data text in HTML', () => {
    const html = renderHtml(agreementTable(rows.map((r) => ({ ...r, target: '<b>x</b>' }))))
    expect(html).toContain('<td>&lt;b&gt;x&lt;/b&gt;</td>')
    expect(html).toContain('<caption>Inter-rater agreement</caption>')
  })
})
