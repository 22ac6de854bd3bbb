/**
 * The named values the documentation examples may use without defining them.
 *
 * `ev` is the example audit every example of a rated evaluation uses: a decoded
 * document (null-prototype records, as `parseEvaluation` returns), small enough
 * to work its figures by hand. Its ratings on the E-MHIP framework, default
 * policy (standards counted, "met" attains, n/a and unrated left out, criteria
 * rolled up all-met-else-partly):
 *
 * | site | unit    | engagement | r1: 1.1 / 1.2 / 2.4              | r2: 1.1 / 1.2 / 2.4          |
 * | ---- | ------- | ---------- | -------------------------------- | ---------------------------- |
 * | ss   | acute   | 40 (low)   | met / partly / (met, partly, met) | met / met / (met, met, met) |
 * | ss   | access  | 65 (high)  | partly / not-met / not-met       | met / partly / partly        |
 * | le   | older   | 55 (high)  | not-met / na / partly            | partly / met / met           |
 * | le   | primary | 30 (low)   | met / met / —                    | met / partly / not-met       |
 *
 * So round r1 attains 1.1 in 2 of 4 units, 1.2 in 1 of 3 (the n/a left out),
 * 2.4 in 0 of 3 (acute's criteria roll up to partly; primary unrated): 3 of 10.
 * Round r2: 3 of 4, 2 of 4, 2 of 4: 7 of 12. Both raters rated acute's 2.4.1 in
 * r1 (ann met, bob partly; the counted rating, met, is their consensus).
 * Acute care is also rated on the `quality` instrument: Q1 good and Q2 fair in
 * r1, Q1 excellent and Q2 good in r2. No site is rated as a whole.
 */
import { emhipFramework } from '../../src/data/emhip-framework.js'
import { parseEvaluation } from '../../src/document/decode.js'
import { readRegister } from '../../src/io/import/register.js'
import { krippendorffDocumentJson } from '../agreement/document-fixture.js'

const levels = (pairs: Record<string, string>): Record<string, { level: string }> =>
  Object.fromEntries(Object.entries(pairs).map(([target, level]) => [target, { level }]))

const unit = (
  id: string,
  name: string,
  engagement: number,
  r1: Record<string, string>,
  r2: Record<string, string>,
): Record<string, unknown> => ({
  id,
  name,
  attributes: { engagement },
  ratings: { r1: levels(r1), r2: levels(r2) },
  objectives: [],
  objectiveCells: [],
})

const quality = {
  id: 'quality',
  title: 'Service quality',
  scale: {
    id: 'quality',
    label: 'Quality',
    levels: [
      { id: 'excellent', label: 'Excellent', score: 3 },
      { id: 'good', label: 'Good', score: 2 },
      { id: 'fair', label: 'Fair', score: 1 },
      { id: 'poor', label: 'Poor', score: 0 },
    ],
  },
  sections: [
    {
      id: 'Q',
      title: 'Quality',
      standards: [
        { id: 'Q1', title: 'Care is timely', variants: [], criteria: [] },
        { id: 'Q2', title: 'Care is coordinated', variants: [], criteria: [] },
      ],
    },
  ],
}

const acute = unit(
  'acute',
  'Acute care',
  40,
  { '1.1': 'met', '1.2': 'partly', '2.4.1': 'met', '2.4.2': 'partly', '2.4.3': 'met' },
  { '1.1': 'met', '1.2': 'met', '2.4.1': 'met', '2.4.2': 'met', '2.4.3': 'met' },
)

const document = {
  schemaVersion: 2,
  title: 'Example audit',
  programme: { id: 'p', name: 'Programme' },
  framework: emhipFramework,
  instruments: [quality],
  raters: [
    { id: 'ann', name: 'Ann' },
    { id: 'bob', name: 'Bob' },
  ],
  rounds: [
    { id: 'r1', label: 'Baseline' },
    { id: 'r2', label: 'Follow-up' },
  ],
  attributes: [
    {
      id: 'engagement',
      label: 'Staff engagement',
      on: 'unit',
      kind: 'numeric',
      unit: 'points',
      bands: [
        { id: 'low', label: 'below 50', upper: { value: 50, closed: false } },
        { id: 'high', label: '50 and over', lower: { value: 50, closed: true } },
      ],
    },
  ],
  sites: [
    {
      id: 'ss',
      name: 'South Staffordshire',
      aliases: ['SSHT'],
      units: [
        {
          ...acute,
          byRater: { r1: { '2.4.1': { ann: { level: 'met' }, bob: { level: 'partly' } } } },
          instrumentRatings: {
            quality: {
              ratings: { r1: levels({ Q1: 'good', Q2: 'fair' }), r2: levels({ Q1: 'excellent', Q2: 'good' }) },
            },
          },
        },
        unit(
          'access',
          'Access',
          65,
          { '1.1': 'partly', '1.2': 'not-met', '2.4': 'not-met' },
          { '1.1': 'met', '1.2': 'partly', '2.4': 'partly' },
        ),
      ],
    },
    {
      id: 'le',
      name: 'Leicestershire',
      aliases: [],
      units: [
        unit(
          'older',
          'Older people',
          55,
          { '1.1': 'not-met', '1.2': 'na', '2.4': 'partly' },
          { '1.1': 'partly', '1.2': 'met', '2.4': 'met' },
        ),
        unit(
          'primary',
          'Primary care',
          30,
          { '1.1': 'met', '1.2': 'met' },
          { '1.1': 'met', '1.2': 'partly', '2.4': 'not-met' },
        ),
      ],
    },
  ],
  objectiveTypes: [],
  stakeholderGroups: [],
  informants: [],
  sources: [],
  excerpts: [],
  elements: [],
  configurations: [],
  theories: [],
  observations: [{ id: 'o1', site: 'ss', text: 'Improvements noted', date: '2007-03-01' }],
}

/** The example audit (see the table above). */
export const ev = parseEvaluation(JSON.stringify(document))

/**
 * A reliability study as a document: four raters' own ratings of criterion a.1
 * on twelve units are Krippendorff's (2011) reliability data (nominal α 0.743),
 * units u1–u6 at site north, u7–u12 at south; criterion a.2 is rated l3 by
 * raters A and B everywhere (no variation). Built by the agreement tests' fixture.
 */
export const reliabilityEv = parseEvaluation(JSON.stringify(krippendorffDocumentJson()))

/**
 * A quote register of five excerpts: three on governance (the Trust A manager
 * twice, a Trust B nurse once), one on training and one with no theme (both
 * from a second Trust B nurse).
 */
export const register = readRegister(
  [
    'label,text,theme,attribution',
    'LPT_1,We set up a board.,governance,(Manager) Trust A',
    'LPT_2,The board met monthly.,governance,(Manager) Trust A',
    'HPT_1,Nobody told us who decided.,governance,(Nurse) Trust B',
    'HPT_2,Training came late.,training,(Nurse_2) Trust B',
    'HPT_3,It was a busy year.,,(Nurse_2) Trust B',
  ].join('\n'),
).register

export const FIXTURES: Record<string, unknown> = { ev, reliabilityEv, register }
