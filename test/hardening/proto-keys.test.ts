/**
 * A JSON `"__proto__"` key at every object position of a document. JSON.parse
 * makes it an own key; any key-by-key copy of the object (`o[k] = v`, immer's
 * patch cloning) would run the `__proto__` setter and give the copy an
 * attacker-chosen prototype. The decoder refuses the key wherever it is
 * (a `value` problem at its path), and so does `replay` for a tampered change
 * log. Fuzzed: FUZZ_RUNS / 10 documents × positions (npm run fuzz: 10,000).
 */
import * as fc from 'fast-check'
import * as E from 'fp-ts/lib/Either.js'
import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import { type Problem } from '../../src/model/index.js'
import { decodeEvaluation, parseEvaluation } from '../../src/document/decode.js'
import { applyEdit, rate, recordEditEither, replayEither, undoEither } from '../../src/edit/index.js'
import { generateEvaluation, TWO_INSTRUMENTS } from '../../bench/generate.js'
import {
  allPaths,
  expectPrototypesUntouched,
  FUZZ_RUNS,
  FUZZ_TIMEOUT,
  prototypeSnapshot,
  SMALL,
  smallDocument,
} from './support.js'

let before: string[]
beforeAll(() => {
  before = prototypeSnapshot()
})
afterEach(() => expectPrototypesUntouched(before))

type Path = (string | number)[]

/** Every path to an object (not an array) in `doc`, the document itself included. */
const objectPaths = (doc: unknown): Path[] => {
  const at = (p: Path) => p.reduce<any>((v, k) => v[k], doc)
  return [[], ...allPaths(doc)].filter((p) => {
    const v = at(p)
    return typeof v === 'object' && v !== null && !Array.isArray(v)
  })
}

/** The document as JSON text with `"__proto__": payload` as the first key of the object at `path`. */
const withProtoAt = (doc: unknown, path: Path, payload: unknown): unknown => {
  const copy = JSON.parse(JSON.stringify(doc))
  const target = path.reduce<any>((v, k) => v[k], copy)
  const marker = `__marker_${Math.random().toString(36).slice(2)}`
  target[marker] = 1
  const text = JSON.stringify(copy).replace(`"${marker}":1`, `"__proto__":${JSON.stringify(payload)}`)
  return JSON.parse(text)
}

const expectRefusedAt = (problems: readonly Problem[], path: Path): void => {
  const hit = problems.find((p) => p.path[p.path.length - 1] === '__proto__')
  expect(hit, JSON.stringify(problems.slice(0, 3))).toBeDefined()
  expect(hit!.path).toEqual([...path, '__proto__'])
  // Refused as a key everywhere: inside ratings records (round, target and rater keys) as well.
  expect(hit!.expected).toMatch(/a key other than __proto__/)
}

const PAYLOADS: unknown[] = [{ polluted: true }, { level: 'met', units: [], id: 'x' }, null, [], 'x']

describe('"__proto__" keys in a document', () => {
  it('are refused at every object position of a small document, with the path of the key', () => {
    const doc = smallDocument(1)
    const paths = objectPaths(doc)
    expect(paths.length).toBeGreaterThan(40)
    for (const path of paths) {
      const r = decodeEvaluation(withProtoAt(doc, path, { polluted: true }))
      expect(E.isLeft(r), JSON.stringify(path)).toBe(true)
      if (E.isLeft(r)) expectRefusedAt(r.left, path)
    }
  })

  it.each([
    ['units', false],
    ['sites rated as a whole', true],
  ])('are refused at every object position of a document with two instruments and two raters (%s)', (_, siteLevel) => {
    // Every kind of ratings record: counted and rater-keyed, default and further instrument.
    const doc = JSON.parse(
      JSON.stringify(
        generateEvaluation({ ...SMALL, rounds: 1, unitsPerSite: 1, siteLevel, ...TWO_INSTRUMENTS, raterShare: 0.5 }),
      ),
    )
    const paths = objectPaths(doc)
    expect(paths.some((p) => p.includes('byRater'))).toBe(true)
    expect(paths.some((p) => p.includes('instrumentRatings'))).toBe(true)
    for (const path of paths) {
      const r = decodeEvaluation(withProtoAt(doc, path, { polluted: true }))
      expect(E.isLeft(r), JSON.stringify(path)).toBe(true)
      if (E.isLeft(r)) expectRefusedAt(r.left, path)
    }
  })

  it(
    'fuzz: any document, any object position, any payload: refused, never a changed prototype',
    () => {
      fc.assert(
        fc.property(fc.nat({ max: 30 }), fc.nat(), fc.constantFrom(...PAYLOADS), (seed, at, payload) => {
          const doc = smallDocument(seed)
          const paths = objectPaths(doc)
          const path = paths[at % paths.length]!
          const r = decodeEvaluation(withProtoAt(doc, path, payload))
          expect(E.isLeft(r)).toBe(true)
          if (E.isLeft(r)) expectRefusedAt(r.left, path)
        }),
        { numRuns: Math.max(100, Math.round(FUZZ_RUNS / 10)) },
      )
    },
    FUZZ_TIMEOUT,
  )

  it('parseEvaluation on text throws a RealistError naming the key', () => {
    const text = JSON.stringify(smallDocument(2)).replace('"units":[', '"__proto__":{"polluted":1},"units":[')
    expect(() => parseEvaluation(text)).toThrow(/site org-001 › __proto__: expected a key other than __proto__/)
  })
})

describe('a tampered change log', () => {
  const ev = parseEvaluation(smallDocument(3))
  const unit = ev.sites[0]!.units[0]!.id
  const target = ev.framework.sections[0]!.standards[0]!.id
  const round = ev.rounds[0]!.id
  const recorded = recordEditEither(ev, rate({ unit, target, round, level: 'met', note: 'n' }), {
    who: 'a',
    when: '2007-01-01',
  })
  if (E.isLeft(recorded)) throw new Error('setup')
  const { entry } = recorded.right

  it('replay refuses a patch whose value carries a "__proto__" key, and leaves the base as it was', () => {
    const log = JSON.parse(
      JSON.stringify([entry]).replace('"value":{"level":"met"', '"value":{"level":"met","__proto__":{"polluted":1}'),
    )
    // The value of a whole-round patch or of the rating itself: either way the key is inside the value.
    const r = replayEither(ev, log)
    expect(E.isLeft(r)).toBe(true)
    if (E.isLeft(r)) expect(r.left[0]).toMatchObject({ code: 'value', where: 'replay › entry 1 › patch 1' })
    expect(JSON.stringify(ev)).toBe(JSON.stringify(parseEvaluation(smallDocument(3))))
  })

  it('undo refuses a patch path through "__proto__"', () => {
    const tampered = {
      ...entry,
      inversePatches: [{ op: 'replace', path: ['sites', 0, '__proto__'], value: { polluted: 1 } }],
    } as never
    const after = applyEdit(ev, rate({ unit, target, round, level: 'met' }))
    if (E.isLeft(after)) throw new Error('setup')
    const r = undoEither(after.right, tampered)
    expect(E.isLeft(r)).toBe(true)
    if (E.isLeft(r)) expect(r.left[0]!.path).toEqual([0, 0, 'path'])
  })
})
