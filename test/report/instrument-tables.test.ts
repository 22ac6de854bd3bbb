import { describe, expect, it } from 'vitest'
import { parseEvaluation } from '../../src/document/decode.js'
import { mhipEvaluation } from '../../src/data/mhip/index.js'
import { htmlReport, markdownReport, ratersTable, siteRatingsTable } from '../../src/report/index.js'
import { twoInstrumentDocument } from '../model/instruments-fixture.js'

// The two-instrument fixture, by hand:
//   default instrument (E-MHIP scale): acute 1.1 met, 1.1.1 partly, 2.4 na; the site as a whole 2.4 partly; crisis unrated.
//   compliance: the site as a whole c2 almost; acute c2 fully (counted); acute c1 only raters' own (ann almost, bob partly).
//   raters: ann on acute 2.4 (met; counted na), compliance c1 (almost; none counted), c2 (fully; counted fully);
//           bob on acute 2.4 (partly; counted na), compliance c1 (partly; none counted).
const ev = () => parseEvaluation(twoInstrumentDocument())

describe('reports beyond one instrument and one rater', () => {
  it('the Markdown report gives each further instrument its attainment table', () => {
    const md = markdownReport(ev())
    const part = md.slice(md.indexOf('## Standards attainment: Compliance audit'), md.indexOf('## Raters'))
    // c1: no counted rating anywhere (acute's are raters' own): n 0, unrated 3 (site, acute, crisis).
    expect(part).toContain('| c1 | Policy in place | – | – | – | – | 0 | 0 | – | – | 0 | 3 |')
    // c2: acute fully + the site almost = 1/2 attained (top level), Wilson 95% 9.5–90.5% (Wilson 1927, computed by hand).
    expect(part).toContain('| c2 | Staff trained | 50% (1) | 50% (1) | 0% (0) | 0% (0) | 2 | 1 | 50% | 9–91% | 0 | 1 |')
  })

  it('lists the raters, which rating counted and how often theirs differ from it', () => {
    expect(ratersTable(ev()).rows).toEqual([
      { rater: 'ann', name: 'Ann', role: 'lead assessor', ratings: 3, withConsensus: 2, differ: 1 },
      { rater: 'bob', name: 'Bob', role: '', ratings: 2, withConsensus: 1, differ: 1 },
    ])
    const md = markdownReport(ev())
    expect(md).toContain(
      'Which rating counts (rater rule consensus): the recorded consensus rating where there is one;',
    )
    expect(markdownReport(ev(), { policy: { raters: 'median' } })).toContain(
      'otherwise the median of the raters’ levels counts (an even count takes the worse middle level).',
    )
  })

  it('lists the ratings of sites rated as a whole, on every instrument', () => {
    expect(siteRatingsTable(ev()).rows).toEqual([
      {
        site: 'South Staffordshire',
        instrument: 'E-MHIP standards',
        round: 'Baseline',
        target: '2.4',
        level: 'Partly met',
      },
      {
        site: 'South Staffordshire',
        instrument: 'Compliance audit',
        round: 'Baseline',
        target: 'c2',
        level: 'Almost met',
      },
    ])
    expect(markdownReport(ev())).toContain('| South Staffordshire | Compliance audit | Baseline | c2 | Almost met |')
  })

  it('the HTML report has the same sections, and an instrument the policy cannot count says why', () => {
    const html = htmlReport(ev())
    for (const id of ['instrument-1', 'raters', 'sites-as-a-whole']) expect(html).toContain(`<section id="${id}">`)
    // An attained rule in the default scale's terms is refused on the compliance scale: the section says so.
    const md = markdownReport(ev(), { policy: { attained: { levels: ['met'] } } })
    expect(md).toMatch(/Attainment on Compliance audit could not be computed under this policy: .*met/)
  })

  it('a document with one instrument, no raters and no site ratings (E-MHIP) shows none of these sections', () => {
    const md = markdownReport(mhipEvaluation)
    for (const heading of ['## Standards attainment:', '## Raters', '## Sites rated as a whole'])
      expect(md).not.toContain(heading)
  })
})
