/**
 * The rater policy, instruments and site ratings in attainment, and attained
 * rules in the scale's own terms. Every figure is counted by hand from the
 * two-instrument fixture (test/model/instruments-fixture.ts):
 * - default instrument, round r1: site ss rated as a whole 2.4 partly; unit
 *   acute 1.1 met (explicit), 1.1.1 partly, 2.4 na; unit crisis unrated;
 * - compliance instrument: site ss c2 almost; acute c2 fully, and raters on
 *   c1 (ann almost, bob partly) and c2 (ann fully).
 */
import { describe, expect, it } from 'vitest'
import * as E from 'fp-ts/lib/Either.js'
import { decodeEvaluation } from '../../src/document/decode.js'
import { raterRatingRows, raterRatingRowsEither } from '../../src/model/rater-rows.js'
import type { Evaluation } from '../../src/model/evaluation.js'
import { attainment, attainmentEither, type AttainmentOptions } from '../../src/standards/attainment.js'
import { levelFromRaters, ratingsViewEither } from '../../src/standards/raters.js'
import { describePolicy } from '../../src/report/policy-text.js'
import { twoInstrumentDocument } from '../model/instruments-fixture.js'

const decode = (doc: unknown): Evaluation => {
  const r = decodeEvaluation(doc)
  if (E.isLeft(r)) throw new Error(r.left.map((p) => `${p.where}: ${p.expected}`).join('\n'))
  return r.right
}

/** The fixture, with a third rater and three raters' ratings of crisis × 2.4 (no consensus recorded). */
const withCrisisRaters = (crisis: Record<string, { level: string }>): Evaluation => {
  const doc = twoInstrumentDocument()
  doc.raters.push({ id: 'cy', name: 'Cy' })
  doc.sites[0].units[1].byRater = { r1: { '2.4': crisis } }
  return decode(doc)
}

const standard = (ev: Evaluation, id: string, options: AttainmentOptions = {}) => {
  const s = attainment(ev, options).overall.standards.find((x) => x.standard === id)!
  return { k: s.k, n: s.n, na: s.na, unrated: s.unrated, counts: s.counts }
}

describe('a site rated as a whole is one more rated entity of the site', () => {
  it('counts the site’s own ratings beside its units (consensus, the default)', () => {
    const ev = decode(twoInstrumentDocument())
    // 1.1: acute met; the site and crisis unrated → 1/1.
    expect(standard(ev, '1.1')).toMatchObject({ k: 1, n: 1, unrated: 2 })
    // 2.4: the site partly, acute na, crisis unrated → 0/1.
    expect(standard(ev, '2.4')).toMatchObject({
      k: 0,
      n: 1,
      na: 1,
      unrated: 1,
      counts: { met: 0, partly: 1, 'not-met': 0 },
    })
    expect(attainment(ev).overall.total).toMatchObject({ k: 1, n: 2 })
    expect(attainment(ev).policy.raters).toBe('consensus')
  })

  it('is the evaluation itself when nothing needs a view (default instrument, consensus, no site ratings)', () => {
    const doc = twoInstrumentDocument()
    delete doc.sites[0].ratings
    const ev = decode(doc)
    expect(E.isRight(ratingsViewEither(ev)) && (ratingsViewEither(ev) as E.Right<Evaluation>).right).toBe(ev)
    // A view is made once: the same evaluation gives the same view object.
    const withSite = decode(twoInstrumentDocument())
    const a = ratingsViewEither(withSite)
    const b = ratingsViewEither(withSite)
    expect(E.isRight(a) && E.isRight(b) && a.right === b.right).toBe(true)
  })
})

describe('the rater policy: which rating counts', () => {
  it('median, worst, best and a named rater fill an item with no consensus; consensus ignores rater ratings', () => {
    const ev = withCrisisRaters({ ann: { level: 'met' }, bob: { level: 'not-met' }, cy: { level: 'partly' } })
    // Consensus: crisis × 2.4 stays unrated (0/1 as above).
    expect(standard(ev, '2.4')).toMatchObject({ k: 0, n: 1, unrated: 1 })
    // met, not-met, partly: median partly, worst not-met, best met, bob not-met.
    expect(standard(ev, '2.4', { raters: 'median' })).toMatchObject({
      k: 0,
      n: 2,
      counts: { met: 0, partly: 2, 'not-met': 0 },
    })
    expect(standard(ev, '2.4', { raters: 'worst' })).toMatchObject({
      k: 0,
      n: 2,
      counts: { met: 0, partly: 1, 'not-met': 1 },
    })
    expect(standard(ev, '2.4', { raters: 'best' })).toMatchObject({
      k: 1,
      n: 2,
      counts: { met: 1, partly: 1, 'not-met': 0 },
    })
    expect(standard(ev, '2.4', { raters: { rater: 'bob' } })).toMatchObject({ k: 0, n: 2, counts: { 'not-met': 1 } })
    expect(attainment(ev, { raters: 'best' }).policy.raters).toBe('best')
  })

  it('a recorded consensus rating wins over every rule', () => {
    // acute × 2.4 has raters ann met, bob partly, and the consensus na: na counts under any rule.
    const ev = decode(twoInstrumentDocument())
    for (const raters of ['median', 'worst', 'best', { rater: 'ann' }] as const)
      expect(standard(ev, '2.4', { raters }), JSON.stringify(raters)).toMatchObject({ na: 1, n: 1 })
  })

  it('an even count takes the worse of the two middle levels; na only when every rater said so', () => {
    const ids = ['met', 'partly', 'not-met']
    expect(levelFromRaters({ a: { level: 'met' } as never, b: { level: 'not-met' } as never }, 'median', ids)).toBe(
      'not-met',
    )
    expect(
      levelFromRaters(
        {
          a: { level: 'met' } as never,
          b: { level: 'partly' } as never,
          c: { level: 'partly' } as never,
          d: { level: 'not-met' } as never,
        },
        'median',
        ids,
      ),
    ).toBe('partly')
    expect(levelFromRaters({ a: { level: 'na' } as never, b: { level: 'met' } as never }, 'worst', ids)).toBe('met')
    expect(levelFromRaters({ a: { level: 'na' } as never }, 'best', ids)).toBe('na')
    expect(levelFromRaters({ a: { level: 'met' } as never }, { rater: 'b' }, ids)).toBeUndefined()
  })

  it('refuses an unknown rule or rater, naming the choices', () => {
    const ev = decode(twoInstrumentDocument())
    const bad = attainmentEither(ev, { raters: 'mean' as never })
    expect(E.isLeft(bad) && bad.left[0]).toMatchObject({
      where: 'policy › raters',
      expected: 'one of "consensus" | "median" | "worst" | "best" or { rater: id }',
      found: '"mean"',
    })
    const who = attainmentEither(ev, { raters: { rater: 'zoe' } })
    expect(E.isLeft(who) && who.left[0]).toMatchObject({
      where: 'policy › raters › rater',
      expected: 'a rater id of this evaluation ("ann" | "bob")',
      code: 'reference',
    })
  })

  it('says in the policy text which rating counted, only when a rule other than consensus was used', () => {
    const ev = decode(twoInstrumentDocument())
    expect(describePolicy(attainment(ev).policy, ev.framework.scale).some((l) => l.startsWith('Raters'))).toBe(false)
    expect(describePolicy(attainment(ev, { raters: 'median' }).policy, ev.framework.scale)).toContain(
      "Raters: the consensus rating where one is recorded, otherwise the median level of the raters' ratings (an even count takes the worse middle level)",
    )
  })
})

describe('instruments: attainment on each instrument, in its scale’s own terms', () => {
  const ev = decode(twoInstrumentDocument())
  const c = (id: string, options: AttainmentOptions) => standard(ev, id, { instrument: 'compliance', ...options })

  it('counts the compliance instrument on its four-level scale', () => {
    const r = attainment(ev, { instrument: 'compliance' })
    expect(r.framework).toBe('compliance')
    expect(r.levels).toEqual(['fully', 'almost', 'partly', 'not'])
    // c2: site almost, acute fully → top 1/2; c1 has no counted rating (its raters are not counted under consensus).
    expect(c('c2', {})).toMatchObject({ k: 1, n: 2, counts: { fully: 1, almost: 1, partly: 0, not: 0 } })
    expect(c('c1', {})).toMatchObject({ k: 0, n: 0, unrated: 3 })
  })

  it('top n, at least a level, an explicit set, score-weighted', () => {
    expect(c('c2', { attained: { top: 2 } })).toMatchObject({ k: 2, n: 2 })
    expect(c('c2', { attained: { atLeast: 'almost' } })).toMatchObject({ k: 2, n: 2 })
    expect(c('c2', { attained: { levels: ['almost'] } })).toMatchObject({ k: 1, n: 2 })
    // Scores 3 / 2 / 1 / 0 rescaled: fully 1, almost 2/3 → k = 5/3.
    expect(c('c2', { attained: 'score-weighted' }).k).toBeCloseTo(5 / 3, 12)
    // Worst of the raters on acute × c1 (ann almost, bob partly): partly, an explicit standard rating.
    expect(c('c1', { raters: 'worst', attained: { atLeast: 'partly' } })).toMatchObject({
      k: 1,
      n: 1,
      counts: { partly: 1 },
    })
    expect(c('c1', { raters: 'best', attained: { levels: ['almost'] } })).toMatchObject({ k: 1, n: 1 })
  })

  it("refuses E-MHIP's aliases on a four-level scale, naming the scale's levels", () => {
    const r = attainmentEither(ev, { instrument: 'compliance', attained: 'met-or-partly' })
    expect(E.isLeft(r) && r.left).toEqual([
      {
        path: ['policy', 'attained'],
        where: 'policy › attained',
        expected:
          '"met-or-partly" only on a three-level scale (the best two of three levels); scale compliance has 4 levels (fully | almost | partly | not): say { top: n }, { atLeast: level id } or { levels: [level ids] }',
        found: '"met-or-partly"',
        code: 'value',
      },
    ])
    const half = attainmentEither(ev, { instrument: 'compliance', attained: 'partly-as-half' })
    expect(E.isLeft(half) && half.left[0]!.expected).toContain(
      'scale compliance has 4 levels (fully | almost | partly | not) with scores 3 / 2 / 1 / 0',
    )
    // On the three-level E-MHIP scale (scores 1 / 0.5 / 0) both aliases keep their meaning.
    expect(standard(ev, '2.4', { attained: 'met-or-partly' })).toMatchObject({ k: 1, n: 1 })
    expect(standard(ev, '2.4', { attained: 'partly-as-half' })).toMatchObject({ k: 0.5, n: 1 })
  })

  it('refuses levels not on the scale and an unknown instrument', () => {
    expect(E.isLeft(attainmentEither(ev, { instrument: 'compliance', attained: { atLeast: 'met' } }))).toBe(true)
    const bad = attainmentEither(ev, { instrument: 'compliance', attained: { levels: ['fully', 'good'] } })
    expect(E.isLeft(bad) && bad.left.map((p) => `${p.where}: ${p.expected}, found ${p.found}`)).toEqual([
      'policy › attained › levels › 1: a level of scale compliance (fully | almost | partly | not), found "good"',
    ])
    expect(E.isLeft(attainmentEither(ev, { instrument: 'compliance', attained: { top: 5 } }))).toBe(true)
    const unknown = attainmentEither(ev, { instrument: 'quality' })
    expect(E.isLeft(unknown) && unknown.left[0]).toMatchObject({
      where: 'policy › instrument',
      expected: 'an instrument id of this evaluation ("emhip" | "compliance")',
    })
  })
})

describe('raterRatingRows: rater-keyed ratings as tidy rows', () => {
  it('lists every rater’s rating, default instrument first, in document order', () => {
    const ev = decode(twoInstrumentDocument())
    expect(raterRatingRows(ev)).toEqual([
      { instrument: 'emhip', site: 'ss', unit: 'acute', round: 'r1', target: '2.4', rater: 'ann', level: 'met' },
      { instrument: 'emhip', site: 'ss', unit: 'acute', round: 'r1', target: '2.4', rater: 'bob', level: 'partly' },
      { instrument: 'compliance', site: 'ss', unit: 'acute', round: 'r1', target: 'c1', rater: 'ann', level: 'almost' },
      { instrument: 'compliance', site: 'ss', unit: 'acute', round: 'r1', target: 'c1', rater: 'bob', level: 'partly' },
      { instrument: 'compliance', site: 'ss', unit: 'acute', round: 'r1', target: 'c2', rater: 'ann', level: 'fully' },
    ])
    expect(raterRatingRows(ev, { instrument: 'compliance' })).toHaveLength(3)
  })

  it('gives unit null for a site rated as a whole, and refuses an unknown instrument', () => {
    const doc = twoInstrumentDocument()
    doc.sites[0].byRater = { r1: { '2.4': { bob: { level: 'not-met' } } } }
    const ev = decode(doc)
    expect(raterRatingRows(ev)[0]).toEqual({
      instrument: 'emhip',
      site: 'ss',
      unit: null,
      round: 'r1',
      target: '2.4',
      rater: 'bob',
      level: 'not-met',
    })
    const r = raterRatingRowsEither(ev, { instrument: 'nope' })
    expect(E.isLeft(r) && r.left[0]).toMatchObject({ where: 'options › instrument', code: 'reference' })
  })
})
