import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import {
  mostQuoted,
  registerCounts,
  registerCountsEither,
  registerTriangulation,
  registerTriangulationEither,
  RealistError,
} from '../../src/index.js'
import { readRegister } from '../../src/io/index.js'
import { CHECKS, registerTsv } from './support.js'

const register = () => readRegister(registerTsv()).register

// Hand counts from test/evidence/fixtures/register.tsv. An excerpt whose attribution
// does not parse (LPT_9, LPT_11, HPT_5, HPT_13, HPT_17) or is missing (LPT_12) has no
// site and no informant.
describe('registerCounts', () => {
  it('per site: excerpts, distinct informants (one role title at two sites is two), and the labels', () => {
    expect(
      registerCounts(register(), { ...CHECKS, by: 'site' }).map((r) => [r.value, r.excerpts, r.informants]),
    ).toEqual([
      // Trust A: LPT_1, LPT_3, LPT_6, LPT_8, LPT_10, HPT_4, HPT_7, HPT_11; Service Director_1 twice.
      ['a', 8, 7],
      // Trust B: 11 excerpts; Consultant_2, Carer_1 and Psychologist_1 twice each.
      ['b', 11, 8],
      // Trust C: LPT_5 (two excerpts, two informants), HPT_1, HPT_2, HPT_6, HPT_12, HPT_14.
      ['c', 7, 7],
      [null, 6, 0],
    ])
    expect(registerCounts(register(), { ...CHECKS, by: 'site' })[3]!.labels).toEqual([
      'LPT_9',
      'LPT_11',
      'LPT_12',
      'HPT_5',
      'HPT_13',
      'HPT_17',
    ])
  })

  it('per stakeholder group from the role rules; an unlabelled excerpt is listed by its line', () => {
    const rows = registerCounts(register(), { ...CHECKS, by: 'group' })
    expect(rows.map((r) => [r.value, r.excerpts, r.informants])).toEqual([
      ['senior managers', 9, 8],
      ['clinicians', 11, 9],
      ['carers', 3, 2],
      ['support staff', 2, 1],
      // The chaplain (unmapped) has an informant but no group.
      [null, 7, 1],
    ])
    expect(rows[1]!.labels).toContain('line 27')
  })

  it('per theme', () => {
    expect(registerCounts(register(), { by: 'theme' }).map((r) => [r.value, r.excerpts])).toEqual([
      ['funding', 1],
      ['governance', 7],
      ['capacity', 5],
      ['involvement', 5],
      ['training', 2],
      ['morale', 3],
      ['partnership', 3],
      ['access', 5],
      ['awareness', 1],
    ])
  })

  it('a theme cell naming several themes counts the excerpt under each', () => {
    const entries = [
      { label: 'Q1', text: 'x', theme: 'morale; capacity', attribution: '[Nurse] Trust A', line: 2, lines: [2] },
    ]
    expect(registerCounts({ entries }, { by: 'theme' }).map((r) => r.value)).toEqual(['morale', 'capacity'])
  })

  it('refuses an unknown dimension with a Left naming it', () => {
    const r = registerCountsEither(register(), { by: 'colour' as never })
    expect(E.isLeft(r) && r.left[0]!.expected).toBe('one of site | group | section | theme')
    expect(() => registerCounts(undefined as never)).toThrow(RealistError)
  })
})

describe('mostQuoted', () => {
  it('lists informants by excerpts, keeping every tie at the cut', () => {
    const rows = mostQuoted(register(), { ...CHECKS, top: 2 })
    // Five informants have two excerpts each and none has more: all five are kept.
    expect(rows.map((r) => [r.informant, r.excerpts])).toEqual([
      ['service director_1@a', 2],
      ['consultant_2@b', 2],
      ['carer_1@b', 2],
      ['psychologist_1@b', 2],
      ['P07', 2],
    ])
    expect(rows[0]).toMatchObject({
      role: 'Service Director',
      ordinal: 1,
      site: 'a',
      group: 'senior managers',
      labels: ['LPT_1', 'LPT_10'],
    })
  })
})

describe('registerTriangulation', () => {
  it('per theme across groups, with the labels each group contributes', () => {
    const rows = registerTriangulation(register(), { ...CHECKS, minDistinct: 2 })
    const governance = rows.find((r) => r.value === 'governance')!
    expect(governance).toEqual({
      of: 'theme',
      value: 'governance',
      across: 'group',
      distinct: 2,
      robust: true,
      support: [
        { value: 'senior managers', labels: ['LPT_2', 'LPT_5'] },
        { value: 'clinicians', labels: ['LPT_3', 'LPT_4', 'LPT_5', 'HPT_1', 'HPT_2'] },
      ],
      unattributed: [],
    })
    expect(rows.filter((r) => r.robust).map((r) => r.value)).toEqual(['governance', 'capacity', 'access'])
  })

  it('across sites, with the default threshold of 3 (E-MHIP L487-L491)', () => {
    const rows = registerTriangulation(register(), { ...CHECKS, across: 'site' })
    // Governance is spoken to at all three trusts; capacity at Trust A and Trust B only.
    expect(rows.find((r) => r.value === 'governance')).toMatchObject({ distinct: 3, robust: true })
    expect(rows.find((r) => r.value === 'capacity')).toMatchObject({
      distinct: 2,
      robust: false,
      unattributed: ['LPT_11', 'HPT_17'],
    })
  })

  it('refuses a bad threshold', () => {
    expect(E.isLeft(registerTriangulationEither(register(), { minDistinct: 0 }))).toBe(true)
  })
})
