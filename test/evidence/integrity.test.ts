import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { registerProblems, registerProblemsEither, RealistError } from '../../src/index.js'
import { readRegister } from '../../src/io/index.js'
import { CHECKS, registerTsv, SITES } from './support.js'

const register = () => readRegister(registerTsv()).register
const brief = (fs: readonly { kind: string; label: string; line: number | null }[]) =>
  fs.map((f) => [f.line, f.kind, f.label])

describe('registerProblems on the test register (32 excerpts, planted defects and traps)', () => {
  // Each planted defect and its line in test/evidence/fixtures/register.tsv (header on line 1;
  // HPT_16's text spans lines 31-33, so HPT_17 is on line 34).
  const planted = [
    [9, 'duplicate-label', 'LPT_5'],
    [11, 'unparsed-attribution', 'LPT_9'], // "[Nurse_2 Trust B": unbalanced
    [13, 'unparsed-attribution', 'LPT_11'], // "Ward Manager_2] Trust A": missing [
    [14, 'missing-attribution', 'LPT_12'],
    [19, 'unknown-site', 'HPT_5'], // Trust Z
    [21, 'unmapped-role', 'HPT_7'], // Chaplain
    [23, 'duplicate-text', 'HPT_9'], // HPT_3's words, same informant
    [24, 'text-two-attributions', 'HPT_10'], // LPT_10's words, another site and informant
    [26, 'informant-two-sites', 'HPT_12'], // P07 at Trust A and Trust C
    [27, 'missing-label', ''],
    [28, 'unparsed-attribution', 'HPT_13'], // text after the site
    [34, 'unparsed-attribution', 'HPT_17'], // "[Nurse) Trust C": mismatched
    [140, 'unknown-reference', 'LPT_99'], // cited in the body, not in the register
    [null, 'group-size', ''], // senior managers: 6 stated, 8 listed
  ]

  it('finds every planted defect at its line, and nothing else', () => {
    expect(brief(registerProblems(register(), CHECKS))).toEqual(planted)
  })

  it('flags no trap: one role title at two sites, a body quote under its own label, a three-line excerpt, a dash note', () => {
    const found = registerProblems(register(), CHECKS)
    const flagged = new Set(found.map((f) => f.label))
    // LPT_1/LPT_2: [Service Director_1] at Trust A and at Trust B are two informants.
    // HPT_2: quoted in the body in the same words (curly quotes, no full stop) under its own label.
    // HPT_16: printed over three lines. LPT_7, HPT_6: a note after a dash.
    for (const label of ['LPT_1', 'LPT_2', 'HPT_2', 'HPT_16', 'LPT_7', 'HPT_6', 'LPT_3'])
      expect(flagged.has(label)).toBe(false)
  })

  it('gives each finding its lines, the related labels and a sentence', () => {
    const found = registerProblems(register(), CHECKS)
    const at = (kind: string) => found.find((f) => f.kind === kind)!
    expect(at('duplicate-label')).toEqual({
      kind: 'duplicate-label',
      label: 'LPT_5',
      line: 9,
      lines: [6, 9],
      related: ['LPT_5'],
      message: 'label LPT_5 is used again (first on line 6)',
    })
    expect(at('text-two-attributions')).toMatchObject({ lines: [12, 24], related: ['LPT_10'] })
    expect(at('text-two-attributions').message).toBe(
      'the same words are attributed to service director_2@b here and to service director_1@a on line 12 (LPT_10)',
    )
    expect(at('informant-two-sites').message).toBe('informant P07 is at c here and at a on line 25')
    expect(at('group-size').message).toBe('group senior managers: 6 stated, 8 distinct informants listed')
    expect(at('unknown-site').message).toBe(
      'attribution "[Consultant_1] Trust Z": unknown-site at column 16, expected a site of the study (Trust A | Trust B | Trust C)',
    )
    expect(at('unmapped-role').message).toBe('role "Chaplain" matches no stakeholder-group rule (1 excerpt)')
  })

  it('lenient mode turns the two repairable slips into listed repairs', () => {
    const found = registerProblems(register(), { ...CHECKS, lenient: true })
    expect(found.filter((f) => f.kind === 'repaired-attribution').map((f) => [f.line, f.label])).toEqual([
      [13, 'LPT_11'],
      [34, 'HPT_17'],
    ])
    expect(found.filter((f) => f.kind === 'unparsed-attribution').map((f) => f.label)).toEqual(['LPT_9', 'HPT_13'])
  })

  it('without sites, a site is read as printed and never called unknown', () => {
    const found = registerProblems(register())
    expect(found.some((f) => f.kind === 'unknown-site')).toBe(false)
    // HPT_13's "Trust A extra words" is then a site name, as printed.
    expect(found.filter((f) => f.kind === 'unparsed-attribution').map((f) => f.label)).toEqual([
      'LPT_9',
      'LPT_11',
      'HPT_17',
    ])
  })

  it('the same words under one label, twice, are one duplicate label and not also duplicate text', () => {
    const e = (line: number) => ({
      label: 'Q1',
      text: 'Same words.',
      attribution: '[Nurse] Trust A',
      line,
      lines: [line],
    })
    expect(brief(registerProblems({ entries: [e(2), e(3)] }, { sites: SITES }))).toEqual([[3, 'duplicate-label', 'Q1']])
  })

  it('a body quote whose words differ from the register is a finding', () => {
    const entries = [{ label: 'Q1', text: 'We were consulted.', attribution: '[Nurse] Trust A', line: 2, lines: [2] }]
    expect(
      brief(
        registerProblems({ entries }, { references: [{ label: 'Q1', line: 7, text: 'We were never consulted.' }] }),
      ),
    ).toEqual([[7, 'reference-text-differs', 'Q1']])
  })

  it('bad input and options are a Left naming them, never a TypeError', () => {
    const r = registerProblemsEither(undefined as never, { groupSizes: { x: -1 }, sites: 'a' as never })
    expect(E.isLeft(r) && r.left.map((p) => p.where)).toEqual([
      'register',
      'options › sites',
      'options › groupSizes › x',
    ])
    expect(() => registerProblems(null as never)).toThrow(RealistError)
    expect(E.isLeft(registerProblemsEither(register(), null as never))).toBe(true)
  })
})
