/**
 * Formula injection cases the first guard missed (OWASP "CSV Injection":
 * https://owasp.org/www-community/attacks/CSV_Injection): a `;` separator
 * (spreadsheets in many European locales split on it, so `x;=cmd|…` becomes a
 * cell `=cmd|…`), leading whitespace before `=`, a full-width `＝`, a BOM
 * before a header; and the guard's round trip keeping leading and trailing
 * spaces.
 */
import * as fc from 'fast-check'
import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { readCsvEither, toCsv } from '../../../src/io/index.js'

/** Split a line on a separator the way a spreadsheet would, ignoring CSV quoting. */
const naiveCells = (line: string, sep: string): string[] => line.split(sep)
/** A naive cell a spreadsheet would read as a formula: it starts (after spaces) with = + - @ or full-width ＝. */
const formulaLike = (cell: string): boolean => /^\s*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20]/.test(cell)

describe('toCsv guards the cases a plain prefix check misses', () => {
  it.each([
    ["x;=cmd|' /C calc'!A0", '"x;=cmd|\' /C calc\'!A0"'],
    [' =1+1', '"\' =1+1"'],
    ['\u00a0=1+1', '"\'\u00a0=1+1"'],
    ['\uFF1D1+1', '"\'\uFF1D1+1"'],
    ['\uFEFF=1+1', '"\'\uFEFF=1+1"'],
    ['a\tb', '"a\tb"'],
    ['  padded  ', '"  padded  "'],
  ])('%j is written as %j', (value, cell) => {
    expect(toCsv([{ v: value }])).toBe(`v\n${cell}\n`)
  })

  it('a header with a BOM and a formula is guarded', () => {
    expect(toCsv([{ '\uFEFF=x': 1 }]).split('\n')[0]).toBe('"\'\uFEFF=x"')
  })

  it('no cell a ;-splitting spreadsheet sees outside quotes starts a formula', () => {
    const text = toCsv([{ a: "x;=cmd|' /C calc'!A0", b: 'y; +1', c: 'plain' }])
    const body = text.split('\n')[1]!
    // Outside quoted cells nothing remains to split on ";"
    const unquoted = body.replace(/"(?:[^"]|"")*"/g, 'Q')
    for (const cell of naiveCells(unquoted, ';')) expect(formulaLike(cell)).toBe(false)
  })

  it('round trip: readCsv(toCsv(rows), { stripFormulaGuard: true }) gives back every string, spaces included', () => {
    const text = fc.string({
      unit: fc.constantFrom('=', '+', '-', '@', ' ', '\t', ';', '|', "'", 'a', '\uFF1D', '\u00a0', '1'),
      maxLength: 8,
    })
    fc.assert(
      fc.property(text, (s) => {
        // A cell of only whitespace reads back blank; the reader treats blank lines as absent.
        fc.pre(s.trim() !== '')
        const table = readCsvEither(toCsv([{ v: s, k: 'x' }]), { stripFormulaGuard: true })
        expect(E.isRight(table) && table.right.records[0]?.cells[0]).toBe(s)
      }),
      { numRuns: 2000 },
    )
  })
})
