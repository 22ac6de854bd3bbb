import { KRIPPENDORFF_2011 } from './fixtures.js'

const RATERS = ['A', 'B', 'C', 'D']

/**
 * A version 2 document on a five-level scale (scores 5–1, listed best first) whose rater-keyed ratings of
 * criterion a.1 are Krippendorff's (2011) 4 coders × 12 units, spread over two sites;
 * criterion a.2 is rated "l3" by every rater (no variation); site "south" is in region West.
 */
export const krippendorffDocumentJson = (): Record<string, unknown> => {
  const byRaterOf = (u: number) => {
    const a1: Record<string, { level: string }> = {}
    KRIPPENDORFF_2011[u]!.forEach((v, r) => {
      if (v !== null) a1[RATERS[r]!] = { level: `l${v}` }
    })
    return { r1: { 'a.1': a1, 'a.2': { A: { level: 'l3' }, B: { level: 'l3' } } } }
  }
  const unit = (u: number) => ({
    id: `u${u + 1}`,
    name: `Unit ${u + 1}`,
    ratings: {},
    objectives: [],
    objectiveCells: [],
    byRater: byRaterOf(u),
  })
  const json = {
    schemaVersion: 2,
    title: 'Agreement fixture',
    programme: { id: 'p', name: 'P' },
    framework: {
      id: 'k5',
      title: 'Five levels',
      scale: {
        id: 'k5',
        label: 'five',
        levels: [5, 4, 3, 2, 1].map((i) => ({ id: `l${i}`, label: `Level ${i}`, score: i })),
      },
      sections: [
        {
          id: 'S',
          title: 'S',
          standards: [
            {
              id: 'a',
              title: 'A',
              variants: [],
              criteria: [
                { id: 'a.1', text: 'one' },
                { id: 'a.2', text: 'two' },
              ],
            },
          ],
        },
      ],
    },
    rounds: [{ id: 'r1', label: 'Baseline' }],
    ...Object.fromEntries(
      [
        'objectiveTypes',
        'stakeholderGroups',
        'informants',
        'sources',
        'excerpts',
        'elements',
        'configurations',
        'theories',
      ].map((k) => [k, []]),
    ),
    raters: RATERS.map((id) => ({ id, name: `Rater ${id}` })),
    attributes: [{ id: 'region', label: 'Region', on: 'site', kind: 'categorical', categories: ['East', 'West'] }],
    sites: [
      { id: 'north', name: 'North', aliases: [], attributes: { region: 'East' }, units: [0, 1, 2, 3, 4, 5].map(unit) },
      {
        id: 'south',
        name: 'South',
        aliases: [],
        attributes: { region: 'West' },
        units: [6, 7, 8, 9, 10, 11].map(unit),
      },
    ],
  }
  return json
}
