import { describe, expect, it } from 'vitest'
import * as E from 'fp-ts/lib/Either.js'
import {
  emhipFramework,
  emhipScale,
  findStandard,
  getStandard,
  findCriterion,
  getLevel,
  findLevel,
} from '../../src/data/emhip-framework.js'
import { RealistError } from '../../src/model/problem.js'

// The wordings are checked against the E-MHIP report text in
// test/provenance/emhip-framework.provenance.test.ts; here the structure and figures.

const standards = emhipFramework.sections.flatMap((s) => s.standards)

describe('emhipFramework', () => {
  it('has the 4 sections of L474-L479 and the 11 standards of Table 5 (L1229-L1239)', () => {
    expect(emhipFramework.sections.map((s) => s.title)).toEqual([
      'Preconditions',
      'Planning',
      'Implementation',
      'Follow-up',
    ])
    expect(standards.map((s) => s.id)).toEqual([
      '1.1',
      '1.2',
      '2.1',
      '2.2',
      '2.3',
      '2.4',
      '3.1',
      '3.2',
      '3.3',
      '3.4',
      '4.1',
    ])
  })

  it('cites each standard on a Table 5 line (L1229-L1239) and each wording variant on a line', () => {
    for (const s of standards) {
      expect(Number(s.ref?.lines?.slice(1))).toBeGreaterThanOrEqual(1229)
      expect(Number(s.ref?.lines?.slice(1))).toBeLessThanOrEqual(1239)
    }
    const variants = standards.flatMap((s) => s.variants)
    expect(variants.length).toBeGreaterThanOrEqual(9)
    for (const v of variants) expect(v.ref?.lines).toMatch(/^L\d+/)
  })

  it('gives every criterion a unique id under its standard and a line in chapter 4 (L1256-L1870)', () => {
    const ids = new Set<string>()
    for (const s of standards) {
      for (const c of s.criteria) {
        expect(c.id.startsWith(`${s.id}.`)).toBe(true)
        expect(ids.has(c.id)).toBe(false)
        ids.add(c.id)
        const n = Number(/^L(\d+)/.exec(c.ref?.lines ?? '')?.[1])
        expect(n).toBeGreaterThanOrEqual(1256)
        expect(n).toBeLessThanOrEqual(1870)
      }
    }
    // criteria per standard: 2.1:3 2.2:8 2.3:6 2.4:3 3.1:6 3.2:4 3.3:3 3.4:3 4.1:2 (1.1, 1.2: none stated) = 38
    expect(ids.size).toBe(38)
  })

  it('uses the three-level scale of L1220, best first, with scores 1 / 0.5 / 0', () => {
    expect(emhipScale.levels.map((l) => [l.id, l.score])).toEqual([
      ['met', 1],
      ['partly', 0.5],
      ['not-met', 0],
    ])
    expect(emhipFramework.scale).toBe(emhipScale)
  })
})

describe('findStandard / getStandard', () => {
  it('resolves an id, a prefixed id, the Table 5 wording and a chapter 4 variant to the same standard', () => {
    const s24 = standards[5]
    for (const q of [
      '2.4',
      ' Standard 2.4 ',
      'All resource and budget implications of the desired change have been considered',
      'all resource and budget implications of the desired change have been considered BEFOREHAND.',
    ]) {
      expect(findStandard(emhipFramework, q)).toEqual(E.right(s24))
    }
    expect(
      getStandard(
        emhipFramework,
        'The change programme is evaluated in terms of generating evidence and developing theory',
      ).id,
    ).toBe('4.1')
    expect(
      getStandard(
        emhipFramework,
        'the change programme is evaluated in terms of generating evidence & developing theory',
      ).id,
    ).toBe('4.1')
    expect(
      getStandard(
        emhipFramework,
        'Staff have the necessary knowledge and skills to design and implement and receive the necessary training',
      ).id,
    ).toBe('3.3')
  })

  it('refuses an unknown id or wording with a problem naming it', () => {
    const r = findStandard(emhipFramework, '9.9')
    expect(E.isLeft(r) && r.left[0]).toMatchObject({ where: 'standard "9.9"', code: 'reference', found: '"9.9"' })
    expect(() => getStandard(emhipFramework, 'staff are happy')).toThrow(RealistError)
    expect(() => getStandard(emhipFramework, 'staff are happy')).toThrow(
      /getStandard: 1 problem\n {2}- standard "staff are happy": expected a standard id or wording of framework emhip/,
    )
    // a criterion id is not a standard
    expect(E.isLeft(findStandard(emhipFramework, '2.4.1'))).toBe(true)
    expect(E.isLeft(findStandard(emhipFramework, 42 as unknown as string))).toBe(true)
  })

  it('finds criteria by id or wording', () => {
    expect(
      E.isRight(
        findCriterion(emhipFramework, 'responsibility for making key decisions is devolved to frontline staff'),
      ),
    ).toBe(true)
    expect(findCriterion(emhipFramework, '3.2.2')).toEqual(
      findCriterion(emhipFramework, 'Responsibility for making key decisions is devolved to frontline staff.'),
    )
    expect(E.isLeft(findCriterion(emhipFramework, '3.2'))).toBe(true)
  })
})

describe('findLevel / getLevel', () => {
  it.each([
    ['Met', 'met'],
    ['partly met', 'partly'],
    ['Partly-met', 'partly'],
    ['PM', 'partly'],
    ['not met', 'not-met'],
    ['NM', 'not-met'],
    ['Not Met', 'not-met'],
  ])('%s names %s', (text, id) => {
    expect(getLevel(emhipScale, text).id).toBe(id)
  })

  it('refuses an unknown level, listing the levels', () => {
    const r = findLevel(emhipScale, 'sort of')
    expect(E.isLeft(r) && r.left[0]?.expected).toBe('a level of scale emhip (met | partly | not-met)')
  })
})
