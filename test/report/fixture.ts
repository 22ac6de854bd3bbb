/**
 * Test documents for the report tests. The E-MHIP report publishes no
 * unit-level standard ratings, so these ratings are ILLUSTRATIVE, not the
 * report's data; the objectives are the embedded Table 7.
 */
import { mhipEvaluation } from '../../src/data/mhip/index.js'
import { importRatingsLong } from '../../src/io/import/ratings.js'
import type { Evaluation } from '../../src/model/evaluation.js'

/**
 * Four units rated on 1.1 and 2.4, small enough to work every figure by hand
 * (see attainment-table.test.ts):
 *   SS acute-care                1.1 met      2.4 partly
 *   SS transparent-commissioning 1.1 partly   2.4 not met
 *   SS values-based-workforce    1.1 na       2.4 met
 *   Leics voluntary-sector       1.1 met      2.4 met
 * Every other unit × standard is unrated.
 */
export const SMALL_RATINGS = `site,unit,standard,level
South Staffordshire,Acute care,1.1,met
South Staffordshire,Acute care,2.4,partly
South Staffordshire,Transparent commissioning,1.1,partly
South Staffordshire,Transparent commissioning,2.4,not met
South Staffordshire,Values-based workforce,1.1,na
South Staffordshire,Values-based workforce,2.4,met
Leicestershire,Voluntary sector,1.1,met
Leicestershire,Voluntary sector,2.4,met
`

export const small: Evaluation = importRatingsLong(mhipEvaluation, SMALL_RATINGS)

/** Every unit rated on every standard with a fixed pattern (illustrative), for charts and the browser test. */
export const illustrativeRatingsCsv = (ev: Evaluation = mhipEvaluation): string => {
  const levels = ['met', 'partly met', 'Partly-met', 'not met', 'met', 'PM', 'n/a']
  const standards = ev.framework.sections.flatMap((s) => s.standards.map((st) => st.id))
  const rows = ['site,unit,standard,level']
  ev.sites.forEach((site, si) =>
    site.units.forEach((unit, ui) =>
      standards.forEach((id, j) => {
        // Leave a few unrated, so the report has unrated items to account for.
        if ((si + 2 * ui + j) % 9 === 8) return
        rows.push(`"${site.name}","${unit.name}",${id},${levels[(3 * si + 5 * ui + 2 * j) % levels.length]}`)
      }),
    ),
  )
  return rows.join('\n')
}

export const illustrative: Evaluation = importRatingsLong(mhipEvaluation, illustrativeRatingsCsv())
