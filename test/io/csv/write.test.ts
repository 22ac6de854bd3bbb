import { describe, expect, it } from 'vitest'
import { cellText, columnsOf, toCsv } from '../../../src/io/csv/write.js'

describe('toCsv', () => {
  it('writes a header and one line per row, columns in first-seen order', () => {
    expect(toCsv([{ site: 'a', k: 1 }, { n: 2, site: 'b' }])).toBe('site,k,n\na,1,\nb,,2\n')
    expect(columnsOf([{ a: 1 }, { b: 2, a: 3 }])).toEqual(['a', 'b'])
  })

  it('takes columns with their own headers, and RFC 4180 line endings and a BOM on request', () => {
    const csv = toCsv([{ pct: 20, note: 'a, "b"' }], { columns: [{ key: 'pct', header: '% attained' }, 'note'], eol: '\r\n', bom: true })
    expect(csv).toBe('\ufeff% attained,note\r\n20,"a, ""b"""\r\n')
  })

  it('writes null and undefined as empty, numbers as JavaScript prints them (NaN, Infinity spelled out)', () => {
    expect([cellText(null), cellText(undefined), cellText(0.1 + 0.2), cellText(NaN), cellText(-Infinity), cellText(true)]).toEqual(['', '', '0.30000000000000004', 'NaN', '-Infinity', 'true'])
  })

  it('gives the empty string for no rows and no columns, and the header alone for no rows', () => {
    expect(toCsv([])).toBe('')
    expect(toCsv([], { columns: ['site', 'k'] })).toBe('site,k\n')
  })
})
