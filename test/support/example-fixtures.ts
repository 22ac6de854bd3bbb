/**
 * The named values the documentation examples may use without defining them.
 *
 * `ev` is the example audit every example of a rated evaluation uses: a checked
 * document (null-prototype records, as `newEvaluation` returns), small enough
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
import { newEvaluation } from '../../src/document/new-evaluation.js'
import type { NewEvaluationInput } from '../../src/model/new-evaluation.js'
import { LC } from '../qca/fixtures/lipset-crisp.js'
import { readRegister } from '../../src/io/import/register.js'
import { krippendorffDocumentJson } from '../agreement/document-fixture.js'
import {
  addCmoElement,
  addEvidenceSource,
  addExcerpt,
  addInformant,
  addTheory,
  changeElementRole,
  commitTheoryVersion,
  edit,
  rate,
  reviseConfiguration,
  withMhipTheory,
} from '../../src/index.js'
import { mhipEvaluation } from '../../src/data/mhip/index.js'

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
  observations: [{ id: 'o1', site: 'ss', text: 'Improvements noted', date: '2007-03-01' }],
}

/** The example audit (see the table above); the collections it leaves out start empty. */
export const ev = newEvaluation(document as unknown as NewEvaluationInput)

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

/** Illustrative informants of `theoryEv`: id, stakeholder group, site (none: national). */
const THEORY_INFORMANTS: readonly [string, string, string | undefined][] = [
  ['inf-ss-01', 'mht-senior', 'south-staffordshire'],
  ['inf-ss-02', 'mht-frontline', 'south-staffordshire'],
  ['inf-le-01', 'mht-middle', 'leicestershire'],
  ['inf-le-02', 'service-users-carers', 'leicestershire'],
  ['inf-sy-01', 'pct', 'south-west-yorkshire'],
  ['inf-sl-01', 'mht-middle', 'south-west-london'],
  ['inf-sl-02', 'mht-frontline', 'south-west-london'],
  ['inf-nat-01', 'nimhe', undefined],
]

/** Illustrative quotes of `theoryEv`: label, informant, configuration, stance. */
const THEORY_QUOTES: readonly [string, string, string, 'supports' | 'contradicts'][] = [
  ['Q1', 'inf-ss-01', 'capacity-low-impact', 'supports'],
  ['Q2', 'inf-ss-02', 'capacity-low-impact', 'supports'],
  ['Q3', 'inf-le-01', 'capacity-low-impact', 'supports'],
  ['Q4', 'inf-sy-01', 'capacity-low-impact', 'supports'],
  ['Q5', 'inf-sl-01', 'capacity-low-impact', 'contradicts'],
  ['Q6', 'inf-sl-01', 'prince2-culture', 'supports'],
  ['Q7', 'inf-sl-02', 'prince2-culture', 'supports'],
  ['Q8', 'inf-le-02', 'users-absent-low-impact', 'supports'],
  ['Q9', 'inf-nat-01', 'energy-not-harnessed', 'supports'],
  ['Q10', 'inf-ss-01', 'energy-not-harnessed', 'supports'],
]

/**
 * The MHIP programme theory with illustrative evidence, as the programme
 * theory walk-through (examples/programme-theory.ts) builds it: the 18 themes
 * and 5 starting configurations; the quotes above (capacity-low-impact
 * supported by the mht-senior, mht-frontline, mht-middle and pct groups and
 * contradicted by mht-middle); the research team's theory at version 2 (a
 * consultation-events mechanism added to energy-not-harnessed) and version 3
 * (that element turned into a context); a second theory, `swl-leads`, holding
 * prince2-culture and capacity-low-impact; and standard 1.1 rated not met for
 * acute-care and voluntary-sector, met for access.
 */
export const theoryEv = edit(
  withMhipTheory(mhipEvaluation),
  ...THEORY_INFORMANTS.map(([id, group, site]) =>
    addInformant({ item: { id, group, ...(site === undefined ? {} : { site }), role: 'illustrative informant' } }),
  ),
  addEvidenceSource({ item: { id: 'visit-interviews', kind: 'interview', title: 'Site visit interviews' } }),
  ...THEORY_QUOTES.map(([label, informant, configuration, stance]) =>
    addExcerpt({
      item: {
        id: label.toLowerCase(),
        label,
        kind: 'quote',
        text: `[illustrative] quote ${label}`,
        informant,
        source: 'visit-interviews',
        links: [{ configuration, stance }],
      },
    }),
  ),
  addCmoElement({
    element: {
      id: 'consultation-events',
      label: 'Launch and consultation events',
      role: 'mechanism',
      resource: 'large stakeholder events',
      reasoning: 'stakeholders engaged and enthused',
    },
  }),
  reviseConfiguration({
    configuration: 'energy-not-harnessed',
    changes: { mechanisms: ['spur-to-action', 'partnership-difficult', 'consultation-events'] },
  }),
  commitTheoryVersion({ theory: 'emhip-research-team', note: 'after the site visits', at: '2007-09' }),
  changeElementRole({ element: 'consultation-events', to: 'context', reason: 'a condition, not a mechanism' }),
  commitTheoryVersion({ theory: 'emhip-research-team', note: 'after member checking', at: '2007-12' }),
  addTheory({
    id: 'swl-leads',
    name: 'South West London leads',
    perspective: 'local programme leads',
    configurations: ['prince2-culture', 'capacity-low-impact'],
  }),
  commitTheoryVersion({ theory: 'swl-leads' }),
  rate({ unit: 'acute-care', target: '1.1', level: 'not-met' }),
  rate({ unit: 'voluntary-sector', target: '1.1', level: 'not-met' }),
  rate({ unit: 'access', target: '1.1', level: 'met' }),
)

/**
 * Lipset's crisp data on the survival of democracy in inter-war Europe (18
 * countries; the `LC` data of the R package QCA), for the QCA examples.
 */
export { LC }

export const FIXTURES: Record<string, unknown> = { ev, reliabilityEv, register, theoryEv, LC }
