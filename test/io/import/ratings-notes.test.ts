import { describe, expect, it } from 'vitest'
import { right, left } from '../support.js'
import { mhipEvaluation } from '../../../src/data/mhip/index.js'
import { importRatingsLongEither, importRatingsWideEither } from '../../../src/io/import/ratings.js'
import { attainment } from '../../../src/standards/attainment.js'

// A note with a blank level used to vanish: the row added nothing. Now it is kept as an
// observation (a statement with no level, never counted), or refused on request.
const NOTED = [
  'Site,Workstream,Standard,Rating,Rater,Date,Note',
  'SSHT,Acute care,1.1,Met,A. Rater,2007-03-01,',
  'SSHT,Acute care,2.4,,A. Rater,2007-03-02,Improvements noted but not yet rated',
  'Leics,Voluntary sector,,,,,Placed in special measures',
  'Leics,Voluntary sector,2.1,,,,',
].join('\n')

describe('ratings rows with a note but no level', () => {
  it("become observations about the row's unit, standard and round, and are not counted", () => {
    const ev = right(importRatingsLongEither(mhipEvaluation, NOTED))
    expect(ev.observations).toEqual([
      {
        id: 'note-line-3',
        site: 'south-staffordshire',
        unit: 'acute-care',
        target: '2.4',
        round: 'mhip-2008',
        date: '2007-03-02',
        source: 'ratings file, line 3, rater A. Rater',
        text: 'Improvements noted but not yet rated',
      },
      {
        id: 'note-line-4',
        site: 'leicestershire',
        unit: 'voluntary-sector',
        round: 'mhip-2008',
        source: 'ratings file, line 4',
        text: 'Placed in special measures',
      },
    ])
    // Only the one level (line 2, 1.1 met) is new: the notes add no rating, and line 5 (blank, no note) is unrated.
    const acute = ev.sites.find((s) => s.id === 'south-staffordshire')!.units.find((u) => u.id === 'acute-care')!
    expect((acute.ratings as any)['mhip-2008']).toEqual({
      '1.1': { level: 'met', rater: 'A. Rater', date: '2007-03-01' },
    })
    expect(attainment(ev).overall.total.n - attainment(mhipEvaluation).overall.total.n).toBe(1)
  })

  it('are refused at the note cell with notes: "error"', () => {
    expect(
      left(importRatingsLongEither(mhipEvaluation, NOTED, { notes: 'error' })).map((p) => `${p.where}: ${p.expected}`),
    ).toEqual([
      'line 3, column 7 (Note): a level beside this note (notes: "error" refuses a note with no level; "observations" keeps it as an observation)',
      'line 4, column 7 (Note): a level beside this note (notes: "error" refuses a note with no level; "observations" keeps it as an observation)',
    ])
  })

  it('in a wide table, a row with no rated cell but a note becomes an observation about the unit', () => {
    const ev = right(
      importRatingsWideEither(
        mhipEvaluation,
        'site,workstream,1.1,2.4,note\nLeics,Voluntary sector,,,Service redesign paused\n',
      ),
    )
    expect(ev.observations).toEqual([
      {
        id: 'note-line-2',
        site: 'leicestershire',
        unit: 'voluntary-sector',
        round: 'mhip-2008',
        source: 'ratings file, line 2',
        text: 'Service redesign paused',
      },
    ])
  })

  it('still reports an unknown standard on a noted row', () => {
    const problems = left(
      importRatingsLongEither(mhipEvaluation, 'site,workstream,standard,rating,note\nSSHT,Acute care,9.9,,Noted\n'),
    )
    expect(problems.map((p) => p.where)).toEqual(['line 2, column 3 (standard)'])
  })
})
