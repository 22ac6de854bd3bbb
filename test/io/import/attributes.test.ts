import { describe, expect, it } from 'vitest'
import { right, left } from '../support.js'
import { parseEvaluation } from '../../../src/document/decode.js'
import type { Evaluation } from '../../../src/model/evaluation.js'
import { importAttributesEither, importAttributes } from '../../../src/io/import/attributes.js'
import { attributeTable } from '../../../src/io/export/attributes.js'
import { toCsv } from '../../../src/io/csv/write.js'
import { attributeRows } from '../../../src/model/attribute-values.js'
import { RealistError } from '../../../src/model/problem.js'
import { sampleDocument } from '../../support/arbitraries.js'

const base = (): Evaluation => {
  const doc: any = sampleDocument()
  doc.attributes = [
    { id: 'engagement', label: 'Staff engagement', on: 'site', kind: 'numeric', unit: 'points' },
    {
      id: 'group',
      label: 'Performance group',
      on: 'site',
      kind: 'categorical',
      categories: ['High performing', 'Low performing'],
    },
    { id: 'size', label: 'Size', on: 'unit', kind: 'ordinal', order: ['small', 'large'] },
    { id: 'surveyed', label: 'Survey date', on: 'unit', kind: 'date' },
  ]
  return parseEvaluation(doc)
}

describe('importAttributesEither', () => {
  it('reads site and unit rows by attribute id or label, each cell by its kind', () => {
    const csv = [
      'Organisation,Workstream,Staff engagement,group,size,Survey date',
      'SSHT,,61.5,high performing,,',
      'South Staffordshire,Acute care,,,Large,2007-03-01',
      'SSHT,crisis resolution,,,small,',
    ].join('\n')
    const ev = right(importAttributesEither(base(), csv))
    // By hand: "high performing" matches the category ignoring case; "Large" the ordinal value.
    expect(attributeRows(ev).map((r) => [r.unit ?? r.site, r.attribute, r.value])).toEqual([
      ['ss', 'engagement', 61.5],
      ['ss', 'group', 'High performing'],
      ['acute', 'size', 'large'],
      ['acute', 'surveyed', '2007-03-01'],
      ['crisis', 'size', 'small'],
    ])
  })

  it('refuses every bad cell with its line and column, and changes nothing', () => {
    const csv = [
      'site,unit,engagement,group,size,colour',
      'SSHT,,sixty,middling,large,',
      'SSHT,Acute care,50,,,',
      'Nowhere,,1e3,,,',
      'SSHT,,61,,,',
      'SSHT,,62,,,',
    ].join('\n')
    expect(left(importAttributesEither(base(), csv)).map((p) => `${p.where}: ${p.expected}, found ${p.found}`)).toEqual(
      [
        'line 1, column 6 (colour): a declared attribute\'s id or label (engagement, group, size, surveyed), or a site or unit column, found "colour"',
      ],
    )
    const rows = csv
      .replace(',colour', '')
      .split('\n')
      .map((l) => l.replace(/,$/, ''))
      .join('\n')
    expect(
      left(importAttributesEither(base(), rows)).map((p) => `${p.where}: ${p.expected}, found ${p.found}`),
    ).toEqual([
      'line 2, column 3 (engagement): a finite number (in points of attribute engagement), found "sixty"',
      'line 2, column 4 (group): one of "High performing" | "Low performing" (the categories of attribute group), found "middling"',
      'line 2, column 5 (size): a unit row (attribute size is declared on units; this row names a site), found "large"',
      'line 3, column 3 (engagement): a site row (attribute engagement is declared on sites; this row names a unit), found "50"',
      expect.stringMatching(/^line 4, column 1 \(site\): .*found "Nowhere"$/),
      'line 6, column 3 (engagement): one value per site and attribute (given on line 5 already), found "62"',
    ])
    expect(() => importAttributes(base(), 'site,engagement\n,3\n')).toThrow(RealistError)
  })

  it('round-trips through attributeTable and toCsv', () => {
    const csv = [
      'site,unit,engagement,group,size,surveyed',
      'ss,,-4.25,Low performing,,',
      'ss,acute,,,small,2024-02-29',
    ].join('\n')
    const ev = right(importAttributesEither(base(), csv))
    const table = attributeTable(ev)
    expect(table).toEqual([
      { site: 'ss', unit: '', engagement: -4.25, group: 'Low performing' },
      { site: 'ss', unit: 'acute', size: 'small', surveyed: '2024-02-29' },
    ])
    const back = right(importAttributesEither(base(), toCsv(table)))
    expect(attributeRows(back)).toEqual(attributeRows(ev))
  })
})
