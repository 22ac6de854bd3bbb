import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import * as E from 'fp-ts/lib/Either.js'
import { generateEvaluation, TWO_INSTRUMENTS } from '../../bench/generate.js'
import type { Evaluation } from '../../src/model/evaluation.js'
import { encodeEvaluation } from '../../src/model/codec.js'
import { copyData } from '../../src/model/own.js'
import { applyEdit } from '../../src/edit/define.js'
import { rate } from '../../src/edit/ratings.js'
import { ratingContext, raterRatingsC, unitRatingsC, encodeRatings } from '../../src/model/codec-ratings.js'
import { problemsFromErrors, type CodedValidationError } from '../../src/model/codec-kit.js'
import { decodeEvaluation, parseEvaluation } from '../../src/document/decode.js'
import { sampleDocument } from '../support/arbitraries.js'

const { framework } = parseEvaluation(sampleDocument())

describe('unitRatingsC', () => {
  it('decodes into null-prototype records and copies the rating objects (nothing shared with the input)', () => {
    const rating = { level: 'met', note: 'ok' }
    const r = unitRatingsC(ratingContext(framework, ['r1'], [])).decode({ r1: { '2.4': rating } })
    expect(E.isRight(r)).toBe(true)
    const out = (r as E.Right<any>).right
    expect(Object.getPrototypeOf(out)).toBeNull()
    expect(Object.getPrototypeOf(out.r1)).toBeNull()
    expect(out.r1['2.4']).toStrictEqual(rating)
    expect(out.r1['2.4']).not.toBe(rating)
    expect(Object.getPrototypeOf(encodeRatings(out).r1)).toBe(Object.prototype)
  })

  it('stores a rating that is only a level as one shared, frozen object per level; encodes the same JSON; leaves the input alone', () => {
    const input = {
      r1: {
        '1.1': { level: 'met' },
        '1.1.1': { level: 'met' },
        '1.1.2': { level: 'na' },
        '2.4': { level: 'met', rater: 'JB' },
      },
    }
    const before = JSON.stringify(input)
    const r = unitRatingsC(ratingContext(framework, ['r1'], [])).decode(input)
    const out = (r as E.Right<any>).right
    expect(out.r1['1.1']).toBe(out.r1['1.1.1'])
    expect(out.r1['1.1']).toStrictEqual({ level: 'met' })
    expect(Object.isFrozen(out.r1['1.1'])).toBe(true)
    expect(out.r1['1.1.2']).toStrictEqual({ level: 'na' })
    // A rating with more than a level is copied (equal, not the same object), so nothing is shared with the input.
    expect(out.r1['2.4']).toStrictEqual(input.r1['2.4'])
    expect(out.r1['2.4']).not.toBe(input.r1['2.4'])
    expect(Object.isFrozen(input.r1['1.1'])).toBe(false)
    expect(JSON.stringify(input)).toBe(before)
    expect(JSON.stringify(encodeRatings(out))).toBe(before)
    // Each decoding has its own shared objects: nothing is global.
    const again = (unitRatingsC(ratingContext(framework, ['r1'], [])).decode(input) as E.Right<any>).right
    expect(again.r1['1.1']).not.toBe(out.r1['1.1'])
  })

  it('skips reference checks whose context is unknown (null), instead of flagging every rating', () => {
    const C = unitRatingsC(ratingContext(null, null, null))
    expect(E.isRight(C.decode({ anyRound: { anyTarget: { level: 'anything', evidence: ['x'] } } }))).toBe(true)
    expect(E.isLeft(C.decode({ r1: { t: { level: 3 } } }))).toBe(true)
  })

  it('with a deferred list, collects reference and value problems and still succeeds; shape problems still fail', () => {
    const deferred: CodedValidationError[] = []
    const C = unitRatingsC(ratingContext(framework, ['r1'], ['q1'], {}, deferred))
    const input = { r1: { '9.9': { level: 'fully', evidence: ['q2'] } } }
    expect(E.isRight(C.decode(input))).toBe(true)
    expect(problemsFromErrors(deferred, input).map((p) => [p.path.join('/'), p.code])).toEqual([
      ['r1/9.9', 'reference'],
      ['r1/9.9/level', 'value'],
      ['r1/9.9/evidence/0', 'reference'],
    ])
    expect(E.isLeft(C.decode({ r1: { '2.4': { level: 'met', rater: 7 } } }))).toBe(true)
  })

  it('checks limits of keys, counts and unknown fields within ratings', () => {
    const C = unitRatingsC(ratingContext(framework, ['r1'], [], { maxStringLength: 5, maxItems: 1 }))
    const input = { r1: { '1.1': { level: 'met', extensions: { e: ['abcdefgh'] } }, '2.4': { level: 'met' } } }
    const r = C.decode(input)
    expect(E.isLeft(r) && problemsFromErrors(r.left, input).map((p) => `${p.path.join('/')}: ${p.expected}`)).toEqual([
      'r1: at most 1 keys',
    ])
    const one = { r1: { '1.1': { level: 'met', extensions: { e: ['abcdefgh'] } } } }
    const r2 = C.decode(one)
    expect(E.isLeft(r2) && problemsFromErrors(r2.left, one).map((p) => `${p.path.join('/')}: ${p.expected}`)).toEqual([
      'r1/1.1/extensions/e/0: a string of at most 5 characters',
    ])
  })

  it('refuses an unknown field of a rating, naming the nearest known one; keeps extensions untouched', () => {
    const C = unitRatingsC(ratingContext(framework, ['r1'], []))
    const typo = { r1: { '1.1': { level: 'met', nte: 'seen at visit' } } }
    const r = C.decode(typo)
    expect(
      E.isLeft(r) && problemsFromErrors(r.left, typo).map((p) => `${p.path.join('/')}: ${p.expected} [${p.code}]`),
    ).toEqual([
      'r1/1.1/nte: no field "nte" in a rating (did you mean "note"? known: level, date, rater, evidence, note, extensions; put your own data under "extensions") [shape]',
    ])
    const own = { audit: { id: 7, tags: ['a', 'b'] } }
    const ok = C.decode({ r1: { '1.1': { level: 'met', extensions: own } } })
    expect(E.isRight(ok) && (ok.right as any).r1['1.1']).toEqual({ level: 'met', extensions: own })
    // A copy (the decoded document shares nothing with its input), equal to the input.
    expect(E.isRight(ok) && ((ok.right as any).r1['1.1'] as { extensions: unknown }).extensions).not.toBe(own)
  })
})

/**
 * The compact storage of decoded ratings, against plain JSON as the oracle:
 * level-only ratings are one shared object per level, rater-keyed items whose
 * ratings are all level-only are one shared record per combination of raters
 * and levels (RatingContext.raterRecords), records keyed by round, instrument
 * or rater are V8's compact objects. None of it may show: the decoded document
 * equals its input and encodes to the same text, and an edit after decoding
 * gives what the same change made to the JSON gives, leaving every other item
 * (sharing the edited one's record or not) as it was.
 */
describe('raterRatingsC', () => {
  const C = () => raterRatingsC(ratingContext(framework, ['r1'], []), new Set(['ann', 'bob']))
  it.each([
    ['a rater before', { ann: null, bob: { level: 'met', note: 'x' } }, ['r1/2.4/ann']],
    ['a rater after', { ann: { level: 'met' }, bob: 7 }, ['r1/2.4/bob']],
    [
      'a shared rating then a copied one then none',
      { ann: { level: 'met' }, bob: { level: 'met', note: 'x' }, cy: [] },
      ['r1/2.4/cy'],
    ],
    [
      'a "__proto__" rater first',
      JSON.parse('{"__proto__": {"level": "met"}, "bob": {"level": "met", "note": "x"}}'),
      ['r1/2.4/__proto__'],
    ],
  ])('refuses an item with something that is not a rating (%s) with problems, never a TypeError', (_, item, paths) => {
    const input = { r1: { '2.4': item } }
    const r = C().decode(input)
    expect(E.isLeft(r)).toBe(true)
    const problems = E.isLeft(r) ? problemsFromErrors(r.left, input) : []
    for (const path of paths) expect(problems.map((p) => p.path.join('/'))).toContain(path)
  })

  it('keeps raters in their order; shares a level-only item, copies one with a note', () => {
    const input = {
      r1: {
        '1.1.1': { bob: { level: 'met' }, ann: { level: 'partly' } },
        '1.1.2': { bob: { level: 'met' }, ann: { level: 'partly' } },
        '2.4': { ann: { level: 'met' }, bob: { level: 'met', note: 'seen' } },
      },
    }
    const r = C().decode(input)
    const out = (r as E.Right<any>).right
    expect(JSON.stringify(out)).toBe(JSON.stringify(input))
    expect(Object.keys(out.r1['1.1.1'])).toEqual(['bob', 'ann'])
    expect(out.r1['1.1.1']).toBe(out.r1['1.1.2'])
    expect(Object.isFrozen(out.r1['1.1.1'])).toBe(true)
    expect(out.r1['2.4'].bob).not.toBe(input.r1['2.4'].bob)
    expect(out.r1['2.4'].ann).toBe(out.r1['1.1.1'].bob)
  })
})

describe('compact storage of decoded ratings', () => {
  type Json = Record<string, any>
  interface Item {
    readonly site: string
    readonly unit: string | null
    readonly instrument: string | null
    readonly round: string
    readonly target: string
    readonly raters: Json
  }
  /** Every rater-keyed item of a document (decoded or JSON), in document order. */
  const items = (doc: Json): Item[] => {
    const out: Item[] = []
    const entity = (site: string, unit: string | null, e: Json) => {
      const on = (instrument: string | null, byRater: Json | undefined) => {
        for (const round of Object.keys(byRater ?? {}))
          for (const target of Object.keys(byRater![round]))
            out.push({ site, unit, instrument, round, target, raters: byRater![round][target] })
      }
      on(null, e.byRater)
      for (const id of Object.keys(e.instrumentRatings ?? {})) on(id, e.instrumentRatings[id].byRater)
    }
    for (const site of doc.sites) {
      entity(site.id, null, site)
      for (const unit of site.units) entity(site.id, unit.id, unit)
    }
    return out
  }
  const levelOnly = (raters: Json): boolean => Object.values(raters).every((r: Json) => Object.keys(r).length === 1)

  /**
   * Small generated documents with a second instrument and two raters (half its items rated by both,
   * so combinations repeat), units or sites rated as a whole, and some raters' ratings given a note
   * (their items cannot be shared).
   */
  const docArb = fc
    .record({
      seed: fc.integer({ min: 1, max: 10_000 }),
      siteLevel: fc.boolean(),
      rounds: fc.integer({ min: 1, max: 2 }),
      notes: fc.array(fc.nat(), { maxLength: 6 }),
    })
    .map(({ seed, siteLevel, rounds, notes }) => {
      const doc = JSON.parse(
        JSON.stringify(
          generateEvaluation({
            sites: 2,
            unitsPerSite: 2,
            rounds,
            seed,
            siteLevel,
            ...TWO_INSTRUMENTS,
            raterShare: 0.5,
          }),
        ),
      ) as Json
      const all = items(doc).flatMap((it) => Object.values(it.raters) as Json[])
      for (const i of notes) if (all.length > 0) all[i % all.length]!.note = `note ${i}`
      return doc
    })

  const decode = (doc: Json): Evaluation => {
    const r = decodeEvaluation(doc)
    if (E.isLeft(r)) throw new Error(r.left.map((p) => p.where).join('; '))
    return r.right
  }

  it('property: the decoded document equals its input and a plain, unshared copy of itself, and encodes to the same text', () => {
    fc.assert(
      fc.property(docArb, (doc) => {
        const text = JSON.stringify(doc)
        const ev = decode(doc)
        expect(JSON.stringify(ev)).toBe(text)
        expect(JSON.stringify(encodeEvaluation(ev))).toBe(text)
        expect(ev).toEqual(doc)
        // copyData makes every object anew (null prototypes kept): the uncompacted form.
        expect(ev).toStrictEqual(copyData(ev))
        expect(JSON.stringify(doc)).toBe(text)
      }),
      { numRuns: 40 },
    )
  })

  it('property: level-only rater items with the same raters and levels are one frozen record; any other item is its own', () => {
    fc.assert(
      fc.property(docArb, (doc) => {
        const ev = decode(doc)
        const decoded = items(ev as unknown as Json)
        expect(decoded.length).toBe(items(doc).length)
        const seen = new Map<string, object>()
        const owners = new Map<object, number>()
        for (const it of decoded) {
          expect(Object.getPrototypeOf(it.raters)).toBeNull()
          expect(Object.isFrozen(it.raters)).toBe(true)
          owners.set(it.raters, (owners.get(it.raters) ?? 0) + 1)
          if (!levelOnly(it.raters)) continue
          const key = JSON.stringify([it.instrument, Object.entries(it.raters).map(([r, x]) => [r, x.level])])
          const first = seen.get(key)
          if (first === undefined) seen.set(key, it.raters)
          else expect(it.raters).toBe(first)
        }
        // An item with more than levels shares its record with no other item.
        for (const it of decoded) if (!levelOnly(it.raters)) expect(owners.get(it.raters)).toBe(1)
        // The generated documents repeat combinations: far fewer records than items.
        if (decoded.length > 30) expect(owners.size).toBeLessThan(decoded.length)
      }),
      { numRuns: 40 },
    )
  })

  it("property: a rater's rating edited after decoding gives the document the same edit gives as JSON, and changes nothing else", () => {
    fc.assert(
      fc.property(
        docArb,
        fc.nat(),
        fc.constantFrom('fully', 'almost', 'partly', 'not', 'na'),
        fc.constantFrom('ann', 'bob'),
        (doc, pick, level, by) => {
          const ev = decode(doc)
          const before = JSON.stringify(ev)
          const all = items(doc)
          fc.pre(all.length > 0)
          const it = all[pick % all.length]!
          const edit = rate({
            ...(it.unit === null ? { site: it.site } : { unit: it.unit }),
            ...(it.instrument !== null && { instrument: it.instrument }),
            round: it.round,
            target: it.target,
            by,
            level,
          })
          // The oracle: the same change made to the JSON (an existing rater keeps its place).
          const expected = JSON.parse(JSON.stringify(doc)) as Json
          const site = expected.sites.find((s: Json) => s.id === it.site)
          const holder = it.unit === null ? site : site.units.find((u: Json) => u.id === it.unit)
          const on = it.instrument === null ? holder : holder.instrumentRatings[it.instrument]
          on.byRater[it.round][it.target][by] = { level }
          const after = applyEdit(ev, edit)
          expect(E.isRight(after)).toBe(true)
          if (E.isLeft(after)) return
          expect(JSON.stringify(after.right)).toBe(JSON.stringify(expected))
          // The same edit of an unshared copy gives an equal document.
          const plain = applyEdit(copyData(ev), edit)
          expect(E.isRight(plain) && plain.right).toEqual(after.right)
          // The decoded document, and every record it shares with the edited one, are as they were.
          expect(JSON.stringify(ev)).toBe(before)
          // The result decodes again, to an equal document.
          expect(decode(JSON.parse(JSON.stringify(after.right)))).toEqual(after.right)
        },
      ),
      { numRuns: 60 },
    )
  })
})
