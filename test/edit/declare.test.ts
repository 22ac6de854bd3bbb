import { describe, expect, it } from 'vitest'
import * as E from 'fp-ts/lib/Either.js'
import { parseEvaluation, decodeEvaluation } from '../../src/document/decode.js'
import { encodeEvaluation } from '../../src/model/codec.js'
import type { Evaluation } from '../../src/model/evaluation.js'
import { applyEdit, type Edit } from '../../src/edit/define.js'
import { rate, unrate } from '../../src/edit/ratings.js'
import { declareInstrument, declareRater, removeExtension, setExtension } from '../../src/edit/declare.js'
import { recordEditEither, replayEither, undoEither, type LogEntry } from '../../src/edit/log.js'
import { attainment } from '../../src/standards/attainment.js'
import { sampleDocument } from '../support/arbitraries.js'
import { complianceInstrument, twoInstrumentDocument } from '../model/instruments-fixture.js'

const sample = (): Evaluation => parseEvaluation(sampleDocument())
const two = (): Evaluation => parseEvaluation(twoInstrumentDocument())
const right = (r: E.Either<unknown, Evaluation>): Evaluation => {
  if (E.isLeft(r)) throw new Error(JSON.stringify(r.left))
  return r.right
}
const lines = (r: E.Either<readonly { where: string; expected: string; found: string; code: string }[], unknown>) =>
  E.isLeft(r) ? r.left.map((p) => `${p.where}: expected ${p.expected}, found ${p.found} [${p.code}]`) : 'accepted'
const json = (ev: Evaluation) => JSON.parse(JSON.stringify(encodeEvaluation(ev)))

/** Record edits one after another; every state must decode again (no edit makes a document the decoder refuses). */
const record = (ev: Evaluation, edits: readonly Edit[]): { states: Evaluation[]; log: LogEntry[] } => {
  const states = [ev]
  const log: LogEntry[] = []
  for (const e of edits) {
    const r = recordEditEither(states[states.length - 1]!, e, { who: 'test', when: '2026-01-01T00:00:00Z' })
    if (E.isLeft(r)) throw new Error(JSON.stringify(r.left))
    states.push(r.right.evaluation)
    log.push(r.right.entry)
    expect(E.isRight(decodeEvaluation(json(r.right.evaluation)))).toBe(true)
  }
  return { states, log }
}

/** Undo every entry, newest first, checking each state on the way back; replay the log over the first state. */
const undoAndReplay = (states: Evaluation[], log: LogEntry[]): void => {
  let back = states[states.length - 1]!
  for (let i = log.length - 1; i >= 0; i--) {
    back = right(undoEither(back, log[i]!))
    expect(json(back)).toEqual(json(states[i]!))
  }
  const again = right(replayEither(states[0]!, log))
  expect(json(again)).toEqual(json(states[states.length - 1]!))
  // The log is plain data: it survives JSON and replays the same.
  expect(json(right(replayEither(states[0]!, JSON.parse(JSON.stringify(log)))))).toEqual(
    json(states[states.length - 1]!),
  )
}

describe('rate on another instrument, as a named rater, and a site as a whole', () => {
  it('writes each rating where the document keeps it, null-prototype records as decoded', () => {
    const ev = two()
    const next = right(
      applyEdit(
        ev,
        rate({
          unit: 'crisis',
          instrument: 'compliance',
          target: 'c1',
          level: 'partly',
          by: 'bob',
          note: 'seen twice',
        }),
      ),
    )
    const crisis = next.sites[0]!.units[1]! as any
    expect(crisis.instrumentRatings.compliance.byRater.r1.c1.bob).toEqual({ level: 'partly', note: 'seen twice' })
    expect(crisis.instrumentRatings.compliance.ratings).toEqual({})
    expect(Object.getPrototypeOf(crisis.instrumentRatings.compliance.byRater.r1)).toBeNull()
    // The counted rating of the same item (the consensus) goes beside the raters' own.
    const agreed = right(
      applyEdit(next, rate({ unit: 'crisis', instrument: 'compliance', target: 'c1', level: 'almost' })),
    )
    expect((agreed.sites[0]!.units[1]! as any).instrumentRatings.compliance.ratings.r1.c1).toEqual({ level: 'almost' })
    const site = right(applyEdit(ev, rate({ site: 'ss', target: '1.1', level: 'met', by: 'ann' }))).sites[0]! as any
    expect(site.byRater.r1['1.1'].ann).toEqual({ level: 'met' })
    expect(site.ratings.r1['2.4']).toEqual({ level: 'partly' })
    // Naming the default instrument by its id is the same as leaving it out.
    const a = right(applyEdit(ev, rate({ unit: 'crisis', instrument: 'emhip', target: '2.4', level: 'met' })))
    const b = right(applyEdit(ev, rate({ unit: 'crisis', target: '2.4', level: 'met' })))
    expect(json(a)).toEqual(json(b))
  })

  it('counts what was rated: a site rated as a whole on the compliance instrument, a rater rule filling in an item', () => {
    // Hand count, compliance standards c1 and c2, attained = top level (fully), standards counted:
    // before: acute c2 fully (counted); site ss c2 almost; acute c1 has only raters (ann almost, bob partly).
    // consensus: 2 rated (acute c2 fully, ss c2 almost) → 1/2. After rating the site's c1 "fully": 2/3.
    const ev = two()
    const before = attainment(ev, { instrument: 'compliance', attained: 'top' }).overall.total
    expect([before.k, before.n]).toEqual([1, 2])
    const next = right(applyEdit(ev, rate({ site: 'ss', instrument: 'compliance', target: 'c1', level: 'fully' })))
    const after = attainment(next, { instrument: 'compliance', attained: 'top' }).overall.total
    expect([after.k, after.n]).toEqual([2, 3])
    // Under 'best', acute's c1 counts ann's "almost" (not fully): 2/4.
    const best = attainment(next, { instrument: 'compliance', attained: 'top', raters: 'best' }).overall.total
    expect([best.k, best.n]).toEqual([2, 4])
  })

  it('removes a rater\u2019s rating, a site\u2019s rating and an instrument rating, leaving no empty records behind', () => {
    const ev = two()
    const noBob = right(applyEdit(ev, unrate({ unit: 'acute', target: '2.4', by: 'bob' })))
    expect((noBob.sites[0]!.units[0]! as any).byRater.r1['2.4']).toEqual({ ann: { level: 'met' } })
    const noRaters = right(applyEdit(noBob, unrate({ unit: 'acute', target: '2.4', by: 'ann' })))
    expect((noRaters.sites[0]!.units[0]! as any).byRater).toBeUndefined()
    const noSite = right(applyEdit(ev, unrate({ site: 'ss', target: '2.4' })))
    expect((noSite.sites[0]! as any).ratings).toBeUndefined()
    const noCompliance = right(applyEdit(ev, unrate({ site: 'ss', instrument: 'compliance', target: 'c2' })))
    expect((noCompliance.sites[0]! as any).instrumentRatings).toBeUndefined()
    // Removing what is not there changes nothing at all.
    expect(right(applyEdit(ev, unrate({ site: 'ss', target: '1.1', by: 'ann' })))).toBe(ev)
  })

  it('refuses bad places with a problem per argument, and leaves the document as it was', () => {
    const ev = two()
    expect(lines(applyEdit(ev, rate({ unit: 'acute', instrument: 'quality', target: 'c1', level: 'fully' })))).toEqual([
      'rate › instrument: expected an instrument id of this evaluation ("emhip" | "compliance"), found "quality" [reference]',
    ])
    expect(
      lines(applyEdit(ev, rate({ unit: 'acute', instrument: 'compliance', target: '2.4', level: 'met' }))),
    ).toEqual([
      'rate › target: expected a standard or criterion id of framework compliance, found "2.4" [reference]',
      'rate › level: expected a level of scale compliance (fully | almost | partly | not) or "na", found "met" [value]',
    ])
    expect(lines(applyEdit(ev, rate({ unit: 'acute', site: 'ss', target: '2.4', level: 'met', by: 'zoe' })))).toEqual([
      'rate › site: expected a unit or a site (the site rated as a whole), not both, found "ss" [shape]',
      'rate › by: expected a rater id of this evaluation ("ann" | "bob"), found "zoe" [reference]',
    ])
    expect(lines(applyEdit(ev, rate({ target: '2.4', level: 'met' } as never)))).toEqual([
      'rate › unit: expected a unit id, or a site id (to rate the site as a whole), found nothing (missing) [shape]',
    ])
    expect(lines(applyEdit(ev, rate({ site: 'nowhere', target: '2.4', level: 'met' })))).toEqual([
      'rate › site: expected the id of a site of this evaluation, found "nowhere" [reference]',
    ])
    expect(lines(applyEdit(sample(), rate({ unit: 'acute', target: '2.4', level: 'met', by: 'ann' })))).toEqual([
      'rate › by: expected a rater id of this evaluation (none declared in "raters"), found "ann" [reference]',
    ])
    expect(lines(applyEdit(ev, rate({ unit: 'acute', target: '2.4', level: 'met', by: null } as never)))).toEqual([
      'rate › by: expected a non-empty string, found null [shape]',
    ])
    expect(lines(applyEdit(ev, unrate(undefined as never)))).toEqual([
      'unrate › arguments: expected an arguments object, found nothing (missing) [shape]',
    ])
    expect(json(ev)).toEqual(json(two()))
  })

  it('is recorded in the change log: undo restores each state exactly, and replay rebuilds the last', () => {
    const { states, log } = record(two(), [
      rate({ unit: 'crisis', instrument: 'compliance', target: 'c1', level: 'partly', by: 'bob' }),
      rate({ unit: 'crisis', instrument: 'compliance', target: 'c1', level: 'almost', by: 'ann' }),
      rate({ unit: 'crisis', instrument: 'compliance', target: 'c1', level: 'almost' }),
      rate({ site: 'ss', target: '1.1', level: 'not-met', by: 'ann' }),
      rate({ site: 'ss', instrument: 'compliance', target: 'c1.a', level: 'na' }),
      unrate({ site: 'ss', target: '2.4' }),
      unrate({ unit: 'acute', instrument: 'compliance', target: 'c1', by: 'bob' }),
    ])
    expect(log.map((e) => e.op)).toEqual(['rate', 'rate', 'rate', 'rate', 'rate', 'unrate', 'unrate'])
    undoAndReplay(states, log)
  })
})

describe('declareInstrument and declareRater', () => {
  const quality = {
    id: 'quality',
    title: 'Quality review',
    scale: {
      id: 'quality',
      label: 'Excellent / Good / Fair / Poor',
      levels: [
        { id: 'excellent', label: 'Excellent', score: 3 },
        { id: 'good', label: 'Good', score: 2 },
        { id: 'fair', label: 'Fair', score: 1 },
        { id: 'poor', label: 'Poor', score: 0 },
      ],
    },
    sections: [
      { id: 'Q', title: 'Quality', standards: [{ id: 'Q1', title: 'Safe care', variants: [], criteria: [] }] },
    ],
  }

  it('declares an instrument that ratings can then name, and a rater they can be by', () => {
    const { states, log } = record(sample(), [
      declareInstrument({ instrument: quality }),
      declareRater({ rater: { id: 'ann', name: 'Ann', role: 'lead assessor' } }),
      rate({ unit: 'acute', instrument: 'quality', target: 'Q1', level: 'good', by: 'ann' }),
      rate({ site: 'ss', instrument: 'quality', target: 'Q1', level: 'excellent' }),
    ])
    const last = states[states.length - 1]!
    expect(last.instruments!.map((f) => f.id)).toEqual(['quality'])
    expect(last.raters).toEqual([{ id: 'ann', name: 'Ann', role: 'lead assessor' }])
    // Hand count: the quality instrument has one rated entity (the site, excellent; acute has only a rater's rating): 1/1.
    const total = attainment(last, { instrument: 'quality', attained: 'top' }).overall.total
    expect([total.k, total.n]).toEqual([1, 1])
    undoAndReplay(states, log)
  })

  it('copies what it is given: changing the argument afterwards does not change the document', () => {
    const arg = structuredClone(quality)
    const next = right(applyEdit(sample(), declareInstrument({ instrument: arg })))
    arg.scale.levels[0]!.label = 'changed'
    expect(next.instruments![0]!.scale.levels[0]!.label).toBe('Excellent')
  })

  it('refuses a malformed or clashing declaration with the path of the fault', () => {
    const ev = two()
    expect(lines(applyEdit(ev, declareInstrument({ instrument: { ...complianceInstrument } })))).toEqual([
      'declareInstrument › instrument › id: expected an instrument id not used before ($.instruments[0] has it already), found "compliance" [duplicate]',
    ])
    expect(lines(applyEdit(ev, declareInstrument({ instrument: { ...quality, id: 'emhip' } })))).toEqual([
      'declareInstrument › instrument › id: expected an instrument id not used before ($.framework has it already), found "emhip" [duplicate]',
    ])
    const badScale = structuredClone(quality)
    badScale.scale.levels[1]!.score = 5
    expect(lines(applyEdit(ev, declareInstrument({ instrument: badScale })))).toEqual([
      'declareInstrument › instrument › scale › levels › 1 › score: expected a score ≤ 3 (levels are listed best first), found 5 [consistency]',
    ])
    const r = applyEdit(ev, declareInstrument({ instrument: { ...quality, scale: undefined } }))
    expect(E.isLeft(r) && r.left[0]!.where).toMatch(/^declareInstrument › instrument › scale/)
    expect(lines(applyEdit(ev, declareInstrument(null as never)))).toEqual([
      'declareInstrument › arguments: expected an arguments object, found null [shape]',
    ])
    expect(lines(applyEdit(ev, declareRater({ rater: { id: 'ann', name: 'Another Ann' } })))).toEqual([
      'declareRater › rater › id: expected a rater id not used before ($.raters[0] has it already), found "ann" [duplicate]',
    ])
    const noName = applyEdit(ev, declareRater({ rater: { id: 'cy' } as never }))
    expect(E.isLeft(noName) && noName.left.map((p) => p.path)).toEqual([['rater', 'name']])
  })
})

describe('setExtension and removeExtension', () => {
  it('sets and removes users\u2019 own data on the document, a site, a unit and a rater, recorded and undone exactly', () => {
    const { states, log } = record(two(), [
      setExtension({ key: 'funder', value: { name: 'NIHR', grant: [1, 2] } }),
      setExtension({ site: 'ss', key: 'region', value: 'North' }),
      setExtension({ unit: 'crisis', key: 'beds', value: 12 }),
      setExtension({ rater: 'bob', key: 'trained', value: true }),
      removeExtension({ unit: 'acute', key: 'beds' }),
      removeExtension({ key: 'studyCode' }),
    ])
    const last = states[states.length - 1]!
    expect(last.extensions).toEqual({ funder: { name: 'NIHR', grant: [1, 2] } })
    expect(last.sites[0]!.extensions).toEqual({ region: 'North' })
    expect(last.sites[0]!.units[1]!.extensions).toEqual({ beds: 12 })
    expect(last.sites[0]!.units[0]!.extensions).toBeUndefined()
    expect(last.raters![1]!.extensions).toEqual({ trained: true })
    // Kept untouched through encode → decode.
    expect(json(parseEvaluation(json(last)))).toEqual(json(last))
    undoAndReplay(states, log)
  })

  it('copies the value, so changing it afterwards does not change the document', () => {
    const value = { list: [1] }
    const next = right(applyEdit(two(), setExtension({ key: 'x', value })))
    value.list.push(2)
    expect(next.extensions!['x']).toEqual({ list: [1] })
  })

  it('refuses what is not JSON data, unknown holders and keys, naming each', () => {
    const ev = two()
    expect(lines(applyEdit(ev, setExtension({ key: 'score', value: { a: [1, Number.NaN] } })))).toEqual([
      'setExtension › value › a › 1: expected JSON data (null, true/false, a string, a finite number, a list or a plain object), found NaN [value]',
    ])
    expect(lines(applyEdit(ev, setExtension({ key: 'when', value: new Date(0) })))[0]).toMatch(
      /^setExtension › value: expected JSON data/,
    )
    expect(lines(applyEdit(ev, setExtension({ key: 'f', value: () => 1 })))[0]).toMatch(
      /^setExtension › value: expected JSON data/,
    )
    expect(lines(applyEdit(ev, setExtension({ key: 'u' } as never)))).toEqual([
      'setExtension › value: expected a value (JSON data), found nothing (missing) [shape]',
    ])
    const cyclic: Record<string, unknown> = {}
    cyclic['self'] = cyclic
    expect(E.isLeft(applyEdit(ev, setExtension({ key: 'c', value: cyclic })))).toBe(true)
    expect(lines(applyEdit(ev, setExtension({ site: 'ss', unit: 'acute', key: 'k', value: 1 })))).toEqual([
      'setExtension › unit: expected one of site, unit or rater (or none, for the document\'s own), not site and unit, found "acute" [shape]',
    ])
    expect(lines(applyEdit(ev, setExtension({ rater: 'zoe', key: 'k', value: 1 })))).toEqual([
      'setExtension › rater: expected a rater id of this evaluation ("ann" | "bob"), found "zoe" [reference]',
    ])
    expect(lines(applyEdit(ev, setExtension({ key: '', value: 1 })))).toEqual([
      'setExtension › key: expected a non-empty string, found "" [value]',
    ])
    expect(lines(applyEdit(ev, setExtension({ key: '__proto__', value: 1 })))).toEqual([
      'setExtension › key: expected a key other than "__proto__", found "__proto__" [value]',
    ])
    expect(lines(applyEdit(ev, removeExtension({ site: 'ss', key: 'nope' })))).toEqual([
      'removeExtension › key: expected a key of these extensions ("region"), found "nope" [reference]',
    ])
    expect(lines(applyEdit(ev, removeExtension({ unit: 'crisis', key: 'beds' })))).toEqual([
      'removeExtension › key: expected a key of these extensions (there are none), found "beds" [reference]',
    ])
    expect(lines(applyEdit(ev, removeExtension(undefined as never)))).toEqual([
      'removeExtension › arguments: expected an arguments object, found nothing (missing) [shape]',
    ])
    expect(json(ev)).toEqual(json(two()))
  })
})
