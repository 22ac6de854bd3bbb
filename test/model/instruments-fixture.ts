/**
 * A small version 2 document with two instruments: the sample's E-MHIP
 * framework (default) and a four-level compliance instrument ("Fully met /
 * Almost met / Partly met / Not met"), two raters, site-level ratings and
 * extensions. Written out by hand so tests can break one field at a time.
 */
import { sampleDocument } from '../support/arbitraries.js'

/** A four-level compliance scale, scores 3 / 2 / 1 / 0. */
export const complianceScale = {
  id: 'compliance',
  label: 'Fully / Almost / Partly / Not met',
  levels: [
    { id: 'fully', label: 'Fully met', score: 3 },
    { id: 'almost', label: 'Almost met', score: 2 },
    { id: 'partly', label: 'Partly met', score: 1 },
    { id: 'not', label: 'Not met', score: 0 },
  ],
}

/** The compliance instrument: one section, standards c1 (criteria c1.a, c1.b) and c2. */
export const complianceInstrument = {
  id: 'compliance',
  title: 'Compliance audit',
  scale: complianceScale,
  sections: [
    {
      id: 'C',
      title: 'Compliance',
      standards: [
        {
          id: 'c1',
          title: 'Policy in place',
          variants: [],
          criteria: [
            { id: 'c1.a', text: 'Written' },
            { id: 'c1.b', text: 'Followed' },
          ],
        },
        { id: 'c2', title: 'Staff trained', variants: [], criteria: [] },
      ],
    },
  ],
}

/** The two-instrument document (JSON form, fresh per call). */
export const twoInstrumentDocument = () => {
  const doc = sampleDocument() as any
  doc.schemaVersion = 2
  doc.instruments = [complianceInstrument]
  doc.raters = [
    { id: 'ann', name: 'Ann', role: 'lead assessor' },
    { id: 'bob', name: 'Bob' },
  ]
  doc.extensions = { studyCode: 'S-24' }
  const site = doc.sites[0]
  site.ratings = { r1: { '2.4': { level: 'partly' } } }
  site.instrumentRatings = { compliance: { ratings: { r1: { c2: { level: 'almost' } } } } }
  site.extensions = { region: 'West' }
  const acute = site.units[0]
  acute.byRater = { r1: { '2.4': { ann: { level: 'met' }, bob: { level: 'partly', note: 'budget unclear' } } } }
  acute.instrumentRatings = {
    compliance: {
      ratings: { r1: { c2: { level: 'fully' } } },
      byRater: { r1: { c1: { ann: { level: 'almost' }, bob: { level: 'partly' } }, c2: { ann: { level: 'fully' } } } },
    },
  }
  acute.extensions = { beds: 24 }
  return doc
}
