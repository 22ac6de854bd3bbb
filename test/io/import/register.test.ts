import * as E from 'fp-ts/lib/Either.js'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { readRegister, readRegisterEither, writeRegister } from '../../../src/io/index.js'
import { RealistError } from '../../../src/index.js'
import type { RegisterEntry } from '../../../src/evidence/index.js'
import { registerTsv, registerTxt } from '../../evidence/support.js'

describe('readRegister: CSV and TSV', () => {
  it('reads the 32-excerpt TSV as it stands, keeping each excerpt’s lines', () => {
    const { register, format, problems } = readRegister(registerTsv())
    expect(format).toBe('tsv')
    expect(problems).toEqual([])
    expect(register.entries).toHaveLength(32)
    expect(register.entries[0]).toEqual({
      label: 'LPT_1',
      text: 'We had no say in how the money was spent.',
      section: 'Governance',
      theme: 'funding',
      attribution: '[Service Director_1] Trust A',
      line: 2,
      lines: [2],
    })
    // HPT_16 spans three lines of the file: joined with single spaces, lines 31-33 kept.
    const long = register.entries.find((e) => e.label === 'HPT_16')!
    expect(long.text).toBe(
      'The standards gave us words for what we were already trying to do. We used them in every team meeting, and then in the supervision notes too.',
    )
    expect(long.lines).toEqual([31, 32, 33])
    expect(register.entries.find((e) => e.label === 'HPT_17')!.line).toBe(34)
    // A blank label and a blank attribution are kept as they are: defects are for registerProblems.
    expect(register.entries[25]).toMatchObject({ label: '', line: 27 })
    expect(register.entries.find((e) => e.label === 'LPT_12')!.attribution).toBeUndefined()
  })

  it('finds columns by their usual names, or by a mapping', () => {
    const csv = 'Quote ID,Quote,Speaker\nQ1,"Yes, it worked.",(Nurse) Trust A\n'
    expect(readRegister(csv).register.entries).toEqual([
      { label: 'Q1', text: 'Yes, it worked.', attribution: '(Nurse) Trust A', line: 2, lines: [2] },
    ])
    const mapped = readRegister('Ref,Words,By\nQ1,Fine,(Nurse) Trust A\n', {
      format: 'csv',
      columns: { text: 'Words', attribution: 'By', label: 'Ref' },
    })
    expect(mapped.register.entries[0]).toMatchObject({ label: 'Q1', text: 'Fine', attribution: '(Nurse) Trust A' })
  })

  it('keeps the good rows of a file with a malformed row, and reports the row by line', () => {
    const r = readRegister('label,text\nQ1,one\nQ2,two,extra\nQ3,three\n')
    expect(r.register.entries.map((e) => e.label)).toEqual(['Q1', 'Q3'])
    expect(r.problems.map((p) => [p.line, p.expected])).toEqual([[3, '2 fields, as in the header']])
  })

  it('refuses only what is not a register at all', () => {
    expect(E.isLeft(readRegisterEither('label,who\nQ1,x\n', { format: 'csv' }))).toBe(true)
    expect(E.isLeft(readRegisterEither(42 as never))).toBe(true)
    expect(E.isLeft(readRegisterEither('x', { format: 'xlsx' as never }))).toBe(true)
    expect(() => readRegister(undefined as never)).toThrow(RealistError)
  })
})

describe('readRegister: the printed list', () => {
  it('reads each accepted shape, with sections, themes and multi-line excerpts', () => {
    const { register, format, problems } = readRegister(registerTxt())
    expect(format).toBe('text')
    expect(register.entries).toEqual([
      // Label and attribution on the line before the text.
      {
        label: 'LPT_1',
        text: '"We had no say in how the money was spent."',
        section: 'Governance',
        attribution: '[Service Director_1] Trust A',
        line: 3,
        lines: [3, 4],
      },
      // Label line after a three-line text.
      {
        label: 'LPT_2',
        text: '"The board only looked at the highlight reports, the ones with the traffic lights, and never at the risks."',
        section: 'Governance',
        attribution: '[Service Director_1] Trust B',
        line: 6,
        lines: [6, 7, 8, 9],
      },
      // Label alone, then the attribution on its own line, then the text.
      {
        label: 'LPT_3',
        text: 'Our steering group met every month.',
        section: 'Governance',
        theme: 'capacity',
        attribution: '[Consultant_1] Trust A',
        line: 13,
        lines: [13, 14, 15],
      },
      // No label line: kept with an empty label (the attribution after a dash is read).
      {
        label: '',
        text: 'Nobody knew who owned the plan.',
        section: 'Governance',
        theme: 'capacity',
        attribution: '[Nurse_2] Trust C',
        line: 17,
        lines: [17, 18],
      },
      {
        label: '',
        text: 'This paragraph has no label line at all.',
        section: 'Governance',
        theme: 'capacity',
        line: 20,
        lines: [20],
      },
      // "LABEL:" then the attribution with a dash note.
      {
        label: 'LPT_4',
        text: 'It felt like another initiative.',
        section: 'Governance',
        theme: 'capacity',
        attribution: '(Consultant_2) Trust B – focus group',
        line: 22,
        lines: [22, 23],
      },
    ])
    expect(problems.map((p) => p.line)).toEqual([17, 20])
  })

  it('takes a label pattern for registers labelled otherwise', () => {
    const text = 'Quote 7 [Nurse] Trust A\nIt worked.\n'
    expect(readRegister(text, { format: 'text', labelPattern: /^(Quote \d+)\s*/ }).register.entries[0]).toMatchObject({
      label: 'Quote 7',
      attribution: '[Nurse] Trust A',
    })
  })
})

describe('writeRegister → readRegister', () => {
  const cell = fc.string({ maxLength: 30 }).map((s) => s.replace(/[\r\n]/g, ' ').trim())
  const entry = fc.record({
    label: fc.oneof(fc.constant(''), fc.stringMatching(/^[A-Z]{2,3}_\d{1,3}$/)),
    text: cell.filter((s) => s !== ''),
    section: fc.option(
      cell.filter((s) => s !== ''),
      { nil: undefined },
    ),
    theme: fc.option(
      cell.filter((s) => s !== ''),
      { nil: undefined },
    ),
    attribution: fc.option(
      cell.filter((s) => s !== ''),
      { nil: undefined },
    ),
    informant: fc.option(fc.stringMatching(/^P\d{2}$/), { nil: undefined }),
  })
  const strip = (e: RegisterEntry) => {
    const { line: _line, lines: _lines, ...rest } = e
    return Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined))
  }

  it('CSV and TSV read back to the same excerpts (property, formula guard included)', () => {
    fc.assert(
      fc.property(
        fc.array(entry, { maxLength: 12 }),
        fc.constantFrom('csv' as const, 'tsv' as const),
        (entries, format) => {
          const register = {
            entries: entries.map((e, i) => ({ ...e, line: i + 2, lines: [i + 2] })) as RegisterEntry[],
          }
          const back = readRegister(writeRegister(register, { format }), { format, stripFormulaGuard: true })
          expect(back.problems).toEqual([])
          expect(back.register.entries.map(strip)).toEqual(register.entries.map(strip))
        },
      ),
      { numRuns: 300 },
    )
  })

  it('the printed list reads back to the same labels, texts, sections and attributions', () => {
    const { register } = readRegister(registerTxt())
    const labelled = { entries: register.entries.filter((e) => e.label !== '') }
    const back = readRegister(writeRegister(labelled, { format: 'text' }))
    expect(back.register.entries.map(strip)).toEqual(labelled.entries.map(strip))
  })
})
