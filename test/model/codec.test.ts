import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import * as E from 'fp-ts/lib/Either.js'
import { encodeEvaluation, parseJson, DEFAULT_MAX_PROBLEMS, EvaluationC } from '../../src/model/codec.js'
import { decodeEvaluation, parseEvaluation } from '../../src/document/decode.js'
import { RealistError, type Problem } from '../../src/model/problem.js'
import { evaluationArb, sampleDocument } from '../support/arbitraries.js'
import { linearIn, withinCpuMs } from '../support/cpu-time.js'
import { mhipEvaluation } from '../../src/data/mhip/index.js'
import { withMhipTheory } from '../../src/data/mhip-theory.js'

/** The problems of a document that must fail. */
const problemsOf = (input: unknown, options = {}): readonly Problem[] => {
  const r = decodeEvaluation(input, options)
  if (E.isRight(r)) throw new Error('expected the document to be refused')
  return r.left
}
/** Problems without `found`/`code` noise, for compact exact assertions. */
const brief = (ps: readonly Problem[]) =>
  ps.map((p) => `${p.where}: expected ${p.expected}, found ${p.found} [${p.code}]`)

type Doc = ReturnType<typeof sampleDocument>
const withDoc = (change: (d: Doc) => void): Doc => {
  const d = sampleDocument()
  change(d)
  return d
}

describe('decodeEvaluation: valid documents', () => {
  it('decodes the sample document, with null-prototype rating records', () => {
    const r = decodeEvaluation(sampleDocument())
    expect(E.isRight(r)).toBe(true)
    const ev = (r as E.Right<any>).right
    const unit = ev.sites[0].units[0]
    expect(Object.getPrototypeOf(unit.ratings)).toBeNull()
    expect(Object.getPrototypeOf(unit.ratings.r1)).toBeNull()
    expect(unit.ratings.r1['1.1']).toEqual({ level: 'met', rater: 'JB', evidence: ['q1'] })
  })

  it('decodes the embedded MHIP dataset after encoding it', () => {
    expect(decodeEvaluation(encodeEvaluation(mhipEvaluation))).toEqual(E.right(mhipEvaluation))
  })

  it('does not mutate its input', () => {
    const input = sampleDocument()
    const before = JSON.stringify(input)
    decodeEvaluation(input)
    expect(JSON.stringify(input)).toBe(before)
    expect(Object.getPrototypeOf(input.sites[0]!.units[0]!.ratings)).toBe(Object.prototype)
  })

  it('property: decode(encode(x)) equals x for generated valid evaluations', () => {
    fc.assert(
      fc.property(evaluationArb(), (ev) => {
        const back = decodeEvaluation(encodeEvaluation(ev))
        if (E.isLeft(back)) throw new Error(brief(back.left).join('\n'))
        expect(back.right).toStrictEqual(ev)
      }),
      { numRuns: 200 },
    )
  })

  it('property: encodeEvaluation gives plain JSON that survives JSON text unchanged', () => {
    fc.assert(
      fc.property(evaluationArb(), (ev) => {
        const json = encodeEvaluation(ev)
        expect(JSON.parse(JSON.stringify(json))).toStrictEqual(json)
        expect(Object.getPrototypeOf((json as any).sites[0]?.units[0]?.ratings ?? {})).toBe(Object.prototype)
      }),
      { numRuns: 100 },
    )
  })
})

describe('decodeEvaluation: shape problems', () => {
  it('refuses a non-object at the root', () => {
    expect(brief(problemsOf(42))).toEqual([
      'the document: expected an evaluation document (an object), found 42 [shape]',
    ])
    expect(brief(problemsOf(null))).toEqual([
      'the document: expected an evaluation document (an object), found null [shape]',
    ])
  })

  it('reports wrong types and missing fields, every one, with JSON paths and domain places', () => {
    const ps = problemsOf(
      withDoc((d: any) => {
        d.title = 7
        d.sites[0].units[1].name = ['Crisis']
        delete d.sites[0].units[0].objectiveCells
        d.framework.sections[0].standards[0].criteria[1].text = null
      }),
    )
    expect(ps.map((p) => p.path)).toEqual([
      ['framework', 'sections', 0, 'standards', 0, 'criteria', 1, 'text'],
      ['title'],
      ['sites', 0, 'units', 0, 'objectiveCells'],
      ['sites', 0, 'units', 1, 'name'],
    ])
    expect(brief(ps)).toEqual([
      'framework › section 1 › standard 1.1 › criterion 1.1.2 › text: expected a string, found null [shape]',
      'title: expected a string, found 7 [shape]',
      'site ss › unit acute › objectiveCells: expected a list of objective cells, found nothing (missing) [shape]',
      'site ss › unit crisis › name: expected a string, found an array of 1 [shape]',
    ])
  })

  it('refuses another schema version, and only reports that', () => {
    expect(brief(problemsOf({ ...sampleDocument(), schemaVersion: 3, title: 3 }))).toEqual([
      'schemaVersion: expected schemaVersion 1 or 2 (the versions this library reads), found 3 [value]',
    ])
  })

  it('reports a missing schema version alongside the other problems', () => {
    const { schemaVersion: _, ...noVersion } = sampleDocument()
    expect(brief(problemsOf({ ...noVersion, title: 3 }))).toEqual([
      'schemaVersion: expected schemaVersion 1 or 2 (the versions this library reads), found nothing (missing) [shape]',
      'title: expected a string, found 3 [shape]',
    ])
  })

  it('names NaN and Infinity (from a JS value, since JSON cannot carry them)', () => {
    const ps = problemsOf(
      withDoc((d: any) => {
        d.framework.scale.levels[1].score = NaN
        d.framework.scale.levels[2].score = -Infinity
        d.sites[0].units[0].objectiveCells[0].total = Infinity
      }),
    )
    expect(brief(ps)).toEqual([
      'framework › scale › level partly › score: expected a finite number, found NaN [value]',
      'framework › scale › level not-met › score: expected a finite number, found -Infinity [value]',
      'site ss › unit acute › objective cell #1 › total: expected a whole number ≥ 0, found Infinity [value]',
    ])
  })
})

describe('decodeEvaluation: ratings and references', () => {
  it('refuses an unknown rating value, naming the scale and its levels', () => {
    const ps = problemsOf(withDoc((d: any) => (d.sites[0].units[0].ratings.r1['1.1.1'].level = 'fully')))
    expect(ps).toEqual([
      {
        path: ['sites', 0, 'units', 0, 'ratings', 'r1', '1.1.1', 'level'],
        where: 'site ss › unit acute › round r1 › rating 1.1.1 › level',
        expected: 'a level of scale emhip (met | partly | not-met) or "na"',
        found: '"fully"',
        code: 'value',
      },
    ])
  })

  it('refuses a rating for a target outside the framework, an unknown round, and unknown evidence', () => {
    const ps = problemsOf(
      withDoc((d: any) => {
        const ratings = d.sites[0].units[0].ratings
        ratings.r1['9.9'] = { level: 'met' }
        ratings.r1['1.1'].evidence = ['q1', 'q7']
        ratings.r2 = { '2.4': { level: 'met' } }
      }),
    )
    expect(brief(ps)).toEqual([
      'site ss › unit acute › round r1 › rating 1.1 › evidence[1]: expected the id of an excerpt of this evaluation, found "q7" [reference]',
      'site ss › unit acute › round r1 › rating 9.9: expected a standard or criterion id of framework emhip, found "9.9" [reference]',
      'site ss › unit acute › round r2: expected a round id of this evaluation (r1), found "r2" [reference]',
    ])
    expect(ps[0]!.path).toEqual(['sites', 0, 'units', 0, 'ratings', 'r1', '1.1', 'evidence', 1])
  })

  it('refuses ratings that are not objects and levels that are not strings', () => {
    const ps = problemsOf(
      withDoc((d: any) => {
        d.sites[0].units[0].ratings.r1['1.1.2'] = 'met'
        d.sites[0].units[0].ratings.r1['2.4'] = { level: 1, note: 5 }
        d.sites[0].units[1].ratings = []
      }),
    )
    expect(brief(ps)).toEqual([
      'site ss › unit acute › round r1 › rating 2.4 › level: expected a level of scale emhip (met | partly | not-met) or "na", found 1 [shape]',
      'site ss › unit acute › round r1 › rating 2.4 › note: expected a string, found 5 [shape]',
      // 1.1.2 is a new key, so it comes after the existing 2.4.
      'site ss › unit acute › round r1 › rating 1.1.2: expected a rating (an object with a level), found "met" [shape]',
      'site ss › unit crisis › ratings: expected ratings by round (an object keyed by round id, then by standard or criterion id), found an array of 0 [shape]',
    ])
  })

  it('refuses duplicate ids: sites, units across sites, targets across standards and criteria, rounds', () => {
    const ps = problemsOf(
      withDoc((d: any) => {
        d.sites.push({
          id: 'ss',
          name: 'Again',
          aliases: [],
          units: [{ id: 'acute', name: 'Again', ratings: {}, objectives: [], objectiveCells: [] }],
        })
        d.framework.sections[1].standards[0].criteria.push({ id: '1.1.1', text: 'Same id as a criterion of 1.1' })
        d.rounds.push({ id: 'r1', label: 'Again' })
      }),
    )
    expect(brief(ps)).toEqual([
      'framework › section 2 › standard 2.4 › criterion 1.1.1 › id: expected a standard or criterion id not used before ($.framework.sections[0].standards[0].criteria[0] has it already), found "1.1.1" [duplicate]',
      'round r1 › id: expected a round id not used before ($.rounds[0] has it already), found "r1" [duplicate]',
      'site ss › id: expected a site id not used before ($.sites[0] has it already), found "ss" [duplicate]',
      'site ss › unit acute › id: expected a unit id not used before ($.sites[0].units[0] has it already), found "acute" [duplicate]',
    ])
    expect(ps[3]!.path).toEqual(['sites', 1, 'units', 0, 'id'])
  })

  it("refuses a scale that defines the reserved 'na' level, or lists levels worst first", () => {
    const ps = problemsOf(
      withDoc((d: any) => {
        d.framework.scale.levels.push({ id: 'na', label: 'Not applicable', score: 0 })
        d.framework.scale.levels[0].score = 0.25
      }),
    )
    expect(brief(ps)).toEqual([
      'scale emhip › level partly › score: expected a score ≤ 0.25 (levels are listed best first), found 0.5 [consistency]',
      'scale emhip › level na: expected a level id other than "na" (reserved for not applicable, which is not a level), found "na" [value]',
    ])
  })

  it('reports rating references together with duplicate ids (a bad rating does not hide other problems)', () => {
    const ps = problemsOf(
      withDoc((d: any) => {
        d.sites[0].units[0].ratings.r1['1.1.1'].level = 'fully'
        d.sites[0].units[1].id = 'acute'
      }),
    )
    expect(brief(ps)).toEqual([
      'site ss › unit acute › round r1 › rating 1.1.1 › level: expected a level of scale emhip (met | partly | not-met) or "na", found "fully" [value]',
      'site ss › unit acute › id: expected a unit id not used before ($.sites[0].units[0] has it already), found "acute" [duplicate]',
    ])
    // The plain codec fails on the rating itself.
    expect(
      E.isLeft(EvaluationC.decode(withDoc((d: any) => (d.sites[0].units[0].ratings.r1['1.1.1'].level = 'fully')))),
    ).toBe(true)
  })

  it('composes the objective and evidence checks of the other modules', () => {
    const ps = problemsOf(
      withDoc((d: any) => {
        d.sites[0].units[0].objectiveCells[0].attained = 3
        d.excerpts[0].informant = 'nobody'
      }),
    )
    expect(ps.map((p) => [p.path.join('/'), p.code])).toEqual([
      ['sites/0/units/0/objectiveCells/0/attained', 'consistency'],
      ['excerpts/0/informant', 'reference'],
    ])
  })
})

describe('decodeEvaluation: hostile input', () => {
  it('refuses __proto__, constructor and prototype as ids and keys, leaving Object.prototype untouched', () => {
    // From JSON text, as an attacker would send them: JSON.parse makes "__proto__" an own key.
    const text = JSON.stringify(sampleDocument())
      .replace('"id":"crisis"', '"id":"__proto__"')
      .replace('"1.1.1":{"level":"partly"}', '"1.1.1":{"level":"partly"},"__proto__":{"level":"met","polluted":true}')
      .replace('"ratings":{}', '"ratings":{"prototype":{}}')
    expect(brief(problemsOf(JSON.parse(text)))).toEqual([
      // Shape problems come first, then the ratings' key, reference and value problems.
      'site ss › unit __proto__ › id: expected a unit id (not __proto__, constructor or prototype), found "__proto__" [value]',
      // A "__proto__" key in a ratings record is refused as a key, as everywhere else in a document
      // (what it holds is not looked at: its "polluted" field is no problem of its own).
      'site ss › unit acute › round r1 › rating __proto__: expected a key other than __proto__ (refused: copying it would replace an object\'s prototype), found "__proto__" [value]',
      'site ss › unit __proto__ › round prototype: expected a round id of this evaluation (r1), found "prototype" [reference]',
    ])
    const framework = JSON.parse(
      JSON.stringify(sampleDocument()).replace('"id":"2","title":"Planning"', '"id":"constructor","title":"Planning"'),
    )
    expect(brief(problemsOf(framework))).toEqual([
      'framework › section constructor › id: expected a section id (not __proto__, constructor or prototype), found "constructor" [value]',
    ])
    expect(({} as any).polluted).toBeUndefined()
    expect(({} as any).level).toBeUndefined()
    expect(Object.prototype).not.toHaveProperty('polluted')
  })

  it('refuses a __proto__ key inside a rating (a key-by-key copy would turn it into a prototype)', () => {
    const input = JSON.parse(
      JSON.stringify(sampleDocument()).replace('{"level":"partly"}', '{"level":"partly","__proto__":{"polluted":1}}'),
    )
    const r = decodeEvaluation(input)
    expect(E.isLeft(r)).toBe(true)
    expect((r as E.Left<any>).left[0]).toMatchObject({
      path: ['sites', 0, 'units', 0, 'ratings', 'r1', '1.1.1', '__proto__'],
      code: 'value',
    })
    expect(({} as any).polluted).toBeUndefined()
  })

  it('refuses a 10 MB string field with a limit problem (and a smaller one when asked)', () => {
    const big = 'x'.repeat(10_000_000)
    expect(brief(problemsOf({ ...sampleDocument(), title: big }))).toEqual([
      `title: expected a string of at most 1000000 characters, found "${'x'.repeat(60)}…" (10000000 characters) [limit]`,
    ])
    expect(
      problemsOf(
        withDoc((d: any) => (d.sites[0].units[0].ratings.r1['2.4'].note = 'y'.repeat(101))),
        { maxStringLength: 100 },
      )[0],
    ).toMatchObject({
      path: ['sites', 0, 'units', 0, 'ratings', 'r1', '2.4', 'note'],
      code: 'limit',
    })
  })

  it('refuses 10,000-deep nesting without a stack overflow, from a value and from JSON text', () => {
    let deep: unknown = 'bottom'
    for (let i = 0; i < 10_000; i++) deep = [deep]
    const ps = problemsOf({ ...sampleDocument(), programme: { id: 'p', name: deep } })
    expect(ps).toHaveLength(1)
    expect(ps[0]!.code).toBe('limit')
    expect(ps[0]!.expected).toBe('nesting at most 64 deep')
    // The document is depth 1, programme 2, so the 63rd array is the first too deep.
    expect(ps[0]!.path).toEqual(['programme', 'name', ...Array(62).fill(0)])
    const text = '{"schemaVersion":1,"title":' + '['.repeat(10_000) + ']'.repeat(10_000) + '}'
    expect(() => parseEvaluation(text)).toThrowError(
      /parseEvaluation: 1 problem\n {2}- title(\[0\])+: expected nesting at most 64 deep, found an array of 1$/,
    )
  })

  it('checks the limits inside ratings too (their own codec does it, in its one pass)', () => {
    let deep: unknown = 'bottom'
    for (let i = 0; i < 10_000; i++) deep = { d: deep }
    const ps = problemsOf(
      withDoc((d: any) => {
        d.sites[0].units[0].ratings.r1['2.4'].extensions = deep
        d.sites[0].units[0].ratings.r1['1.1'].rater = 'r'.repeat(10_000_001)
      }),
    )
    expect(brief(ps)).toEqual([
      `site ss › unit acute › round r1 › rating 1.1 › rater: expected a string of at most 1000000 characters, found "${'r'.repeat(60)}…" (10000001 characters) [limit]`,
      // The rating's value is 9 deep, so 56 more levels are allowed: the 57th object under `extra` is too deep.
      `site ss › unit acute › round r1 › rating 2.4 › extensions › ${Array(56).fill('d').join(' › ')}: expected nesting at most 56 deep, found an object with keys d [limit]`,
    ])
  })

  it('refuses a cyclic JS value with a limit problem instead of looping', () => {
    const cyclic: any = { name: 'loop' }
    cyclic.self = cyclic
    const ps = problemsOf({ ...sampleDocument(), programme: cyclic })
    expect(ps).toHaveLength(1)
    expect(ps[0]!).toMatchObject({ code: 'limit', expected: 'nesting at most 64 deep' })
  })

  it('refuses an over-long list when maxItems is set', () => {
    // The widest object of the sample is the document itself (14 keys).
    const aliases = Array.from({ length: 15 }, (_, i) => `alias ${i}`)
    expect(
      brief(
        problemsOf(
          withDoc((d: any) => (d.sites[0].aliases = aliases)),
          { maxItems: 14 },
        ),
      ),
    ).toEqual(['site ss › aliases: expected at most 14 items, found an array of 15 [limit]'])
  })
})

describe('parseEvaluation', () => {
  it('parses JSON text', () => {
    expect(parseEvaluation(JSON.stringify(sampleDocument())).title).toBe('Sample')
  })

  it('throws a RealistError listing every problem, one per line', () => {
    const doc = withDoc((d: any) => {
      d.sites[0].units[0].ratings.r1['1.1.1'].level = 'fully'
      d.title = 3
    })
    let error: unknown
    try {
      parseEvaluation(doc)
    } catch (e) {
      error = e
    }
    expect(error).toBeInstanceOf(RealistError)
    expect((error as RealistError).problems).toHaveLength(2)
    expect((error as Error).message).toBe(
      [
        '[realist-eval] parseEvaluation: 2 problems',
        '  - title: expected a string, found 3',
        '  - site ss › unit acute › round r1 › rating 1.1.1 › level: expected a level of scale emhip (met | partly | not-met) or "na", found "fully"',
      ].join('\n'),
    )
  })

  it("gives the README's example message for a small bad document (JSON text)", () => {
    const doc = withDoc((d: any) => {
      d.sites[0].units[0].ratings.r1['1.1.1'].level = 'fully'
      d.sites[0].units[0].ratings.r1['9.9'] = { level: 'met' }
      d.sites[0].units[1].id = 'acute'
    })
    expect(() => parseEvaluation(JSON.stringify(doc))).toThrowError(
      [
        '[realist-eval] parseEvaluation: 3 problems',
        '  - site ss › unit acute › round r1 › rating 1.1.1 › level: expected a level of scale emhip (met | partly | not-met) or "na", found "fully"',
        '  - site ss › unit acute › round r1 › rating 9.9: expected a standard or criterion id of framework emhip, found "9.9"',
        '  - site ss › unit acute › id: expected a unit id not used before ($.sites[0].units[0] has it already), found "acute"',
      ].join('\n'),
    )
  })

  it('turns a JSON syntax error into a problem', () => {
    expect(() => parseEvaluation('{"schemaVersion": 1,')).toThrowError(
      /^\[realist-eval\] parseEvaluation: 1 problem\n {2}- the document: expected JSON text, found "/,
    )
    expect(E.isLeft(parseJson('nope'))).toBe(true)
  })
})

describe('EvaluationC', () => {
  it('is an io-ts codec whose encode is encodeEvaluation', () => {
    const ev = parseEvaluation(sampleDocument())
    expect(EvaluationC.encode(ev)).toStrictEqual(encodeEvaluation(ev))
    expect(EvaluationC.is(ev)).toBe(true)
  })
})

describe('decodeEvaluation: maxProblems', () => {
  /** The sample with `n` ratings of unknown criteria (one value problem each) in unit acute. */
  const withBadRatings = (n: number) =>
    withDoc((d: any) => {
      for (let i = 0; i < n; i++) d.sites[0].units[0].ratings.r1[`9.${i}`] = { level: 'met' }
    })

  it('lists at most maxProblems problems, then one limit problem counting the rest', () => {
    const ps = problemsOf(withBadRatings(30), { maxProblems: 10 })
    expect(ps).toHaveLength(11)
    expect(ps.slice(0, 10).every((p) => p.code === 'reference')).toBe(true)
    // 30 unknown targets, 10 listed: 20 more.
    expect(brief([ps[10]!])).toEqual([
      'the document: expected at most 10 problems listed (the maxProblems option), found 20 more [limit]',
    ])
  })

  it('counts the same problems, listed or not: maxProblems only changes how many are shown', () => {
    const all = problemsOf(withBadRatings(30))
    expect(all).toHaveLength(30)
    const capped = problemsOf(withBadRatings(30), { maxProblems: 7 })
    expect(capped.slice(0, 7)).toEqual(all.slice(0, 7))
  })

  it('caps shape problems too (100,000 rounds of the wrong shape), by default at 1,000', () => {
    const d = withDoc((d: any) => (d.rounds = Array.from({ length: 100_000 }, () => 7)))
    const ps = problemsOf(d)
    expect(DEFAULT_MAX_PROBLEMS).toBe(1000)
    expect(ps).toHaveLength(1001)
    // One problem per bad round (not one per part of its codec), named as a whole.
    expect(ps[0]).toMatchObject({ where: 'round #1', expected: 'a round', found: '7', code: 'shape' })
    // 100,000 bad rounds, 1,000 listed. (With the rounds unknown, the ratings' rounds are not checked.)
    expect(ps[1000]!.found).toBe('99,000 more')
  })

  it('bad list items past the cap are counted exactly, in any mix of lists and ratings, for any maxProblems', () => {
    // Rounds of the wrong shape, units missing fields, objectives with bad fields, ratings of unknown criteria.
    const d = withDoc((d: any) => {
      d.rounds.push(7, { id: 3 })
      d.sites[0].units.push({ id: 'u-x' }, 5)
      d.sites[0].units[0].objectives = [{ id: 1 }, { id: 'o', type: 'process', status: 'maybe' }]
      for (let i = 0; i < 4; i++) d.sites[0].units[0].ratings.r1[`9.${i}`] = { level: 'met' }
    })
    const all = problemsOf(d, { maxProblems: 100_000 })
    expect(all.length).toBeGreaterThan(12)
    for (let max = 1; max <= all.length + 1; max++) {
      const capped = problemsOf(d, { maxProblems: max })
      const listed = capped.filter((p) => !p.expected.includes('the maxProblems option'))
      const more = capped.find((p) => p.expected.includes('the maxProblems option'))
      const counted = listed.length + (more === undefined ? 0 : Number(more.found.replace(/[^0-9]/g, '')))
      expect(counted, `maxProblems ${max}`).toBe(all.length)
      expect(listed.length).toBe(Math.min(max, all.length))
    }
  })

  // Guards on processor time (test/support/cpu-time.ts), which a loaded machine does not stretch:
  // the work grows linearly (a tenth of the items takes at least a thirtieth of the time), and stays
  // within 20 s. Wall-clock time is bounded only by the test's generous timeout.
  it('a million malformed rounds: 1,000 listed and the rest counted, without building an error per round', () => {
    const rounds = (n: number) => withDoc((d: any) => (d.rounds = Array.from({ length: n }, () => ({ id: 7 }))))
    // It took 1.6-3.8 s when every bad round built its error path.
    const ps = withinCpuMs(20_000, () => linearIn(1_000_000, rounds, (d) => problemsOf(d)))
    expect(ps).toHaveLength(1001)
    // Two problems per round (id not a string, label missing): 2,000,000, of which 1,000 listed.
    expect(ps[1000]!.found).toBe('1,999,000 more')
  }, 300_000)

  it('a million malformed units in one site (a nested list): the same, and every problem counted', () => {
    const units = (n: number) => withDoc((d: any) => (d.sites[0].units = Array.from({ length: n }, () => ({ id: 5 }))))
    // It took 12-15 s before the list codec had an error budget.
    const ps = withinCpuMs(20_000, () => linearIn(1_000_000, units, (d) => problemsOf(d)))
    expect(ps).toHaveLength(1001)
    expect(ps[0]).toMatchObject({ where: 'site ss › unit #1 › id', code: 'shape' })
    // Five problems per unit (id not a string; name, ratings, objectives, objectiveCells missing).
    expect(ps[1000]!.found).toBe('4,999,000 more')
  }, 300_000)

  it('limit and __proto__ problems are listed under maxProblems too (a fuzz counterexample: two __proto__ keys)', () => {
    // Found by test/hardening/fuzz-decode.test.ts: two "__proto__" keys gave 2 problems at maxProblems 1, no count.
    const d = JSON.parse(
      JSON.stringify(withDoc(() => undefined))
        .replace('"title":', '"__proto__":1,"title":')
        .replace('"ratings":', '"__proto__":2,"ratings":'),
    )
    const all = problemsOf(d)
    expect(all.map((p) => p.path.at(-1))).toEqual(['__proto__', '__proto__'])
    expect(brief(problemsOf(d, { maxProblems: 1 })).slice(1)).toEqual([
      'the document: expected at most 1 problems listed (the maxProblems option), found 1 more [limit]',
    ])
  })

  it('over the 20 limit problems the walk reports, the count left out is a lower bound', () => {
    // 30 "__proto__" keys: the walk reports 20 and stops.
    const keys = Array.from({ length: 30 }, (_, i) => `"k${i}":{"__proto__":${i}},`).join('')
    const many = JSON.parse(JSON.stringify(withDoc(() => undefined)).replace('{', `{${keys}`))
    expect(problemsOf(many)).toHaveLength(20)
    const capped = problemsOf(many, { maxProblems: 5 })
    expect(capped).toHaveLength(6)
    expect(capped[5]!.found).toBe('15 more at least (checking stopped at the bound)')
  })

  it('a maxProblems below 1 is a problem naming the option (options are validated like data)', () => {
    expect(problemsOf(withBadRatings(3), { maxProblems: 0 })).toEqual([
      expect.objectContaining({ path: ['options', 'maxProblems'], code: 'value' }),
    ])
  })
})

describe('decodeEvaluation: never a raw exception from the cross-field checks', () => {
  it('a theory listing one configuration a million times: problems (Left), not a RangeError', () => {
    const d: any = encodeEvaluation(withMhipTheory(mhipEvaluation))
    d.theories[0].configurations = Array.from({ length: 1_000_000 }, () => d.configurations[0].id)
    let r: ReturnType<typeof decodeEvaluation> | undefined
    expect(() => (r = decodeEvaluation(d))).not.toThrow()
    expect(r !== undefined && E.isLeft(r) && r.left.length).toBeGreaterThan(0)
  })
})
