import { describe, expect, it } from 'vitest'
import { addInformant, quoteRegisterProblems } from '../../src/cmo/index.js'
import { apply, base, LE } from './fixtures.js'

// An evaluation knowing informants i1 (Leicestershire) and i2 (no site).
const ev = () => apply(base(), addInformant({ item: { id: 'i1', group: 'g1', site: LE } }), addInformant({ item: { id: 'i2', group: 'g2' } }))
const brief = (ps: readonly { path: readonly (string | number)[]; where: string; found: string; code: string }[]) =>
  ps.map((p) => [p.path.join('.'), p.where, p.found, p.code])

describe('quoteRegisterProblems', () => {
  it('passes a clean register (site names and aliases resolve)', () => {
    const rows = [
      { label: 'Q1', informant: 'i1', site: 'Leics', text: '…' },
      { label: 'Q2', informant: 'i2', site: 'SSHT', text: '…' },
      { label: 'Q3', informant: 'i2', site: 'South Staffordshire', text: '…' },
      { label: 'Q4', source: 'pid', text: '…' },
    ]
    expect(quoteRegisterProblems({ rows, evaluation: ev() })).toEqual([])
  })

  it('duplicate excerpt labels: every repeat, ignoring case and spaces, located by spreadsheet row', () => {
    const rows = [
      { label: 'Q1', informant: 'i1' },
      { label: ' q1', informant: 'i1' },
      { label: 'Q2', informant: 'i1' },
      { label: 'Q1', informant: 'i1' },
    ]
    expect(brief(quoteRegisterProblems({ rows, evaluation: ev() }))).toEqual([
      ['rows.1.label', 'register row 3 (q1) › label', '"q1"', 'duplicate'],
      ['rows.3.label', 'register row 5 (Q1) › label', '"Q1"', 'duplicate'],
    ])
    expect(quoteRegisterProblems({ rows, evaluation: ev() })[0]!.expected).toBe('a unique excerpt label (also on row 2)')
  })

  it('an excerpt attributed to an informant that does not exist', () => {
    const p = quoteRegisterProblems({ rows: [{ label: 'Q1', informant: 'i9' }], evaluation: ev() })
    expect(brief(p)).toEqual([['rows.0.informant', 'register row 2 (Q1) › informant', '"i9"', 'reference']])
  })

  it('an excerpt attributed to a site that does not exist', () => {
    const p = quoteRegisterProblems({ rows: [{ label: 'Q1', informant: 'i2', site: 'Kent' }], evaluation: ev() })
    expect(brief(p)).toEqual([['rows.0.site', 'register row 2 (Q1) › site', '"Kent"', 'reference']])
    expect(p[0]!.expected).toBe('a site of the evaluation (South Staffordshire | Leicestershire | South West Yorkshire | South West London)')
  })

  it('an informant attributed to two different sites: against the evaluation, and within the register', () => {
    const p = quoteRegisterProblems({
      rows: [
        { label: 'Q1', informant: 'i1', site: 'SSHT' }, // i1 is Leicestershire in the evaluation
        { label: 'Q2', informant: 'i2', site: 'Leics' }, // first claim for i2
        { label: 'Q3', informant: 'i2', site: 'Leicestershire' }, // same site, other name: fine
        { label: 'Q4', informant: 'i2', site: 'SWLSG' }, // conflict
      ],
      evaluation: ev(),
    })
    expect(brief(p)).toEqual([
      ['rows.0.site', 'register row 2 (Q1) › site', '"SSHT"', 'consistency'],
      ['rows.3.site', 'register row 5 (Q4) › site', '"SWLSG"', 'consistency'],
    ])
    expect(p.map((x) => x.expected)).toEqual([
      'the site informant i1 has elsewhere (leicestershire, informant i1 of the evaluation)',
      'the site informant i2 has elsewhere (leicestershire, register row 3)',
    ])
  })

  it('an excerpt with no attribution (neither informant nor source)', () => {
    const p = quoteRegisterProblems({ rows: [{ label: 'Q1', informant: '  ', source: null, site: 'Leics' }], evaluation: ev() })
    expect(brief(p)).toEqual([['rows.0', 'register row 2 (Q1) › attribution', 'nothing (missing)', 'consistency']])
  })

  it('works from a register and an informant sheet alone (no evaluation), with custom columns and first row', () => {
    const p = quoteRegisterProblems(
      {
        rows: [
          { Quote: 'A', Respondent: 'r1', Place: 'North' },
          { Quote: 'A', Respondent: 'r2', Place: 'North' },
          { Quote: 'B', Respondent: 'r1', Place: 'South' },
        ],
        informants: [
          { id: 'r1', Place: 'North' },
          { id: 'r3', Place: 'East' },
        ],
      },
      { columns: { label: 'Quote', informant: 'Respondent', site: 'Place' }, firstRow: 5 },
    )
    expect(brief(p)).toEqual([
      ['rows.1.Quote', 'register row 6 (A) › Quote', '"A"', 'duplicate'],
      ['rows.1.Respondent', 'register row 6 (A) › Respondent', '"r2"', 'reference'],
      ['rows.2.Place', 'register row 7 (B) › Place', '"South"', 'consistency'],
    ])
  })

  it('an informant sheet contradicting the evaluation, and the document\'s own evidence problems', () => {
    const doc = { ...ev(), excerpts: [{ id: 'x1', label: 'D1', kind: 'note' as const, text: '…', links: [] }] }
    const p = quoteRegisterProblems({ informants: [{ informant: 'i1', site: 'South Staffordshire' }], evaluation: doc as never })
    expect(brief(p)).toEqual([
      ['informants.0.site', `informant sheet row 2 (i1) › site`, '"South Staffordshire"', 'consistency'],
      ['excerpts.0', 'excerpt D1 › attribution', 'nothing (missing)', 'consistency'],
    ])
  })

  it('gives [] for empty input', () => {
    expect(quoteRegisterProblems({})).toEqual([])
  })
})
