import * as E from 'fp-ts/lib/Either.js'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { parseAttribution, parseAttributionEither, RealistError } from '../../src/index.js'
import { SITES } from './support.js'

const kindAt = (text: string, options = {}) => {
  const r = parseAttributionEither(text, options)
  return E.isLeft(r) ? [r.left.kind, r.left.column] : 'parsed'
}

describe('parseAttributionEither: the printed shapes', () => {
  it('reads [Role] Site, [Role_n] Site, (Role) Site, Role, Site and a bare role', () => {
    expect(parseAttribution('[Service Director_3] Trust B')).toEqual({
      role: 'Service Director',
      ordinal: 3,
      site: 'Trust B',
      shape: 'bracket',
      repairs: [],
    })
    expect(parseAttribution('[Consultant] Trust A')).toEqual({
      role: 'Consultant',
      site: 'Trust A',
      shape: 'bracket',
      repairs: [],
    })
    expect(parseAttribution('(Nurse_12) Trust C')).toEqual({
      role: 'Nurse',
      ordinal: 12,
      site: 'Trust C',
      shape: 'paren',
      repairs: [],
    })
    expect(parseAttribution('Ward Manager, Trust C')).toEqual({
      role: 'Ward Manager',
      site: 'Trust C',
      shape: 'comma',
      repairs: [],
    })
    expect(parseAttribution('National lead')).toEqual({ role: 'National lead', shape: 'role-only', repairs: [] })
    expect(parseAttribution('[National lead]')).toEqual({ role: 'National lead', shape: 'bracket', repairs: [] })
  })

  it('keeps free text after a spaced dash (hyphen, en or em dash) as a note', () => {
    expect(parseAttribution('[Carer_1] Trust B – telephone interview')).toMatchObject({
      site: 'Trust B',
      note: 'telephone interview',
    })
    expect(parseAttribution('[Carer_1] Trust B - focus group')).toMatchObject({ site: 'Trust B', note: 'focus group' })
    expect(parseAttribution('National lead — by email')).toMatchObject({ role: 'National lead', note: 'by email' })
    // A hyphen inside a word is not a note.
    expect(parseAttribution('[Nurse] Ashton-under-Lyne')).toMatchObject({ site: 'Ashton-under-Lyne' })
  })

  it('collapses repeated spaces in role and site', () => {
    expect(parseAttribution('  [ Service   Director_2 ]   Trust   B ')).toMatchObject({
      role: 'Service Director',
      ordinal: 2,
      site: 'Trust B',
    })
  })

  it('resolves the site against the study, by any of its names, ignoring case', () => {
    expect(parseAttribution('[Nurse_1] ta', { sites: SITES })).toMatchObject({ site: 'ta', siteId: 'a' })
    expect(parseAttribution('[Nurse_1] TRUST b – ward round', { sites: SITES })).toMatchObject({
      siteId: 'b',
      note: 'ward round',
    })
  })
})

describe('parseAttributionEither: located errors, never a guess', () => {
  it('names the kind and the 0-based column of each slip', () => {
    expect(kindAt('[Nurse_2 Trust B')).toEqual(['unbalanced-bracket', 0])
    expect(kindAt('[Nurse) Trust C')).toEqual(['mismatched-bracket', 6])
    expect(kindAt('Ward Manager_2] Trust A')).toEqual(['missing-open-bracket', 14])
    expect(kindAt('[] Trust A')).toEqual(['empty-role', 1])
    expect(kindAt('   ')).toEqual(['empty', 0])
    expect(kindAt('[Nurse] Trust A]')).toEqual(['unbalanced-bracket', 15])
    expect(kindAt('[Nurse [2]] Trust A')).toEqual(['unbalanced-bracket', 7])
    expect(kindAt('Nurse (ward 3')).toEqual(['unbalanced-bracket', 6])
  })

  it('with sites: an unknown site, text after the site, and a site printed with no role', () => {
    expect(kindAt('[Consultant_1] Trust Z', { sites: SITES })).toEqual(['unknown-site', 15])
    expect(kindAt('[Psychologist_1] Trust A extra words', { sites: SITES })).toEqual(['trailing-text', 25])
    expect(kindAt('Trust A', { sites: SITES })).toEqual(['empty-role', 0])
  })

  it('the problem is a Problem: expected and found in words', () => {
    const r = parseAttributionEither('[Consultant_1] Trust Z', { sites: SITES })
    expect(E.isLeft(r) && r.left).toMatchObject({
      expected: 'a site of the study (Trust A | Trust B | Trust C)',
      found: '"[Consultant_1] Trust Z"',
      code: 'reference',
      where: 'attribution, column 16',
    })
  })

  it('lenient mode repairs a missing [ and a mismatched ), and lists each repair', () => {
    expect(parseAttribution('Ward Manager_2] Trust A', { lenient: true })).toEqual({
      role: 'Ward Manager',
      ordinal: 2,
      site: 'Trust A',
      shape: 'bracket',
      repairs: [{ column: 0, description: 'added the missing [ before the role' }],
    })
    expect(parseAttribution('[Nurse) Trust C', { lenient: true }).repairs).toEqual([
      { column: 6, description: 'read ) as ], closing the [ at column 1' },
    ])
    // An unclosed bracket is not repaired even in lenient mode: where the role ends would be a guess.
    expect(kindAt('[Nurse_2 Trust B', { lenient: true })).toEqual(['unbalanced-bracket', 0])
  })

  it('the throwing twin throws a RealistError naming the kind and column', () => {
    expect(() => parseAttribution('[Nurse) Trust C')).toThrow(RealistError)
    expect(() => parseAttribution('[Nurse) Trust C')).toThrow(
      'attribution, column 7: expected ] to close the [ at column 1',
    )
    expect(() => parseAttribution(undefined as never)).toThrow(RealistError)
  })

  it('never throws, whatever the string (property)', () => {
    const alphabet = fc.constantFrom('[', ']', '(', ')', ',', '_', '-', '–', ' ', 'a', 'B', '3', 'Trust A', '\t')
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.array(alphabet).map((xs) => xs.join('')),
        ),
        fc.boolean(),
        fc.boolean(),
        (s, lenient, withSites) => {
          const r = parseAttributionEither(s, { lenient, ...(withSites ? { sites: SITES } : {}) })
          if (E.isRight(r)) {
            expect(r.right.role.trim()).not.toBe('')
            if (!lenient) expect(r.right.repairs).toEqual([])
          } else expect(r.left.column).toBeGreaterThanOrEqual(0)
        },
      ),
      { numRuns: 3000 },
    )
  })
})
