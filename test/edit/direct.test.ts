import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import * as E from 'fp-ts/lib/Either.js'
import type { Evaluation } from '../../src/model/evaluation.js'
import { encodeEvaluation } from '../../src/model/codec.js'
import { decodeEvaluation, parseEvaluation } from '../../src/document/decode.js'
import { formatProblems } from '../../src/model/problem.js'
import { applyEdit, type Edit } from '../../src/edit/define.js'
import { applyDirect } from '../../src/edit/direct.js'
import { immer } from '../../src/edit/immer.js'
import { recordEditEither, replayEither } from '../../src/edit/log.js'
import { rate } from '../../src/edit/ratings.js'
import { addUnit, removeUnit } from '../../src/edit/units.js'
import { addRound } from '../../src/edit/rounds.js'
import { attainment } from '../../src/standards/index.js'
import { evaluationArb, idArb, sampleDocument } from '../support/arbitraries.js'

// The rate edit of a unit's counted rating is applied by hand (src/edit/direct.ts), not through immer.
// These tests hold it to the general path: the recipe run by immer.

/** Every object of `a` with its path, prototype kind and key order: what deep equality leaves out. */
const layout = (a: unknown, path = '$', out: string[] = []): string[] => {
  if (typeof a !== 'object' || a === null) return out
  const proto = Object.getPrototypeOf(a) as unknown
  const kind =
    proto === null ? 'null' : proto === Object.prototype ? 'object' : proto === Array.prototype ? 'array' : '?'
  out.push(`${path} ${kind} [${Object.keys(a).join(',')}]`)
  for (const k of Object.keys(a)) layout((a as Record<string, unknown>)[k], `${path}.${k}`, out)
  return out
}

/**
 * The paths (under `after`) of the objects an edit made new, against `before`:
 * structural sharing means every other object is the very one of `before`.
 */
const renewed = (before: unknown, after: unknown, path = '$', out: string[] = []): string[] => {
  if (typeof after !== 'object' || after === null || after === before) return out
  out.push(path)
  if (typeof before !== 'object' || before === null) return out
  for (const k of Object.keys(after))
    renewed((before as Record<string, unknown>)[k], (after as Record<string, unknown>)[k], `${path}.${k}`, out)
  return out
}

const startArb = fc.tuple(evaluationArb({ maxRounds: 3 }), fc.boolean()).map(([ev, decoded]) => {
  if (!decoded) return ev
  const r = decodeEvaluation(encodeEvaluation(ev))
  if (E.isLeft(r)) throw new Error(formatProblems('decodeEvaluation', r.left))
  return r.right
})

/** Mostly rates (of units, with every optional field), and edits that move units or add rounds between them. */
const commandArb = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record({
      kind: fc.constant('rate' as const),
      unit: fc.nat(),
      target: fc.nat(),
      level: fc.nat(),
      round: fc.nat(),
      omitRound: fc.boolean(),
      rater: fc.option(fc.string({ maxLength: 4 }), { nil: undefined }),
      note: fc.option(fc.string({ maxLength: 4 }), { nil: undefined }),
      date: fc.option(fc.constant('2007-03-31'), { nil: undefined }),
      evidence: fc.boolean(),
      site: fc.boolean(),
      instrument: fc.boolean(),
      by: fc.option(fc.nat(), { nil: undefined }),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('addUnit' as const), site: fc.nat(), id: idArb }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('removeUnit' as const), unit: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('addRound' as const), id: idArb }) },
)
type Command = typeof commandArb extends fc.Arbitrary<infer C> ? C : never

const pick = <A>(xs: readonly A[], n: number): A | undefined => (xs.length === 0 ? undefined : xs[n % xs.length])

const toEdit = (ev: Evaluation, c: Command): Edit | undefined => {
  const units = ev.sites.flatMap((s) => s.units.map((u) => u.id as string))
  const sites = ev.sites.map((s) => s.id as string)
  switch (c.kind) {
    case 'rate': {
      // A unit or a site as a whole; the default instrument or the further one; the counted rating or a rater's own.
      const unit = pick(units, c.unit)
      const site = pick(sites, c.unit)
      if ((c.site ? site : unit) === undefined) return undefined
      const framework = (c.instrument ? ev.instruments?.[0] : undefined) ?? ev.framework
      const by = c.by === undefined ? undefined : pick(ev.raters ?? [], c.by)?.id
      const targets = framework.sections.flatMap((s) =>
        s.standards.flatMap((st) => [st.id as string, ...st.criteria.map((cr) => cr.id as string)]),
      )
      const levels = [...framework.scale.levels.map((l) => l.id as string), 'na']
      const excerpts = ev.excerpts.map((x) => x.id as string)
      return rate({
        ...(c.site ? { site: site! } : { unit: unit! }),
        target: pick(targets, c.target)!,
        level: pick(levels, c.level)!,
        ...(!(c.omitRound && ev.rounds.length === 1) && { round: pick(ev.rounds, c.round)!.id }),
        ...(framework !== ev.framework && { instrument: framework.id }),
        ...(by !== undefined && { by }),
        ...(c.rater !== undefined && { rater: c.rater }),
        ...(c.note !== undefined && { note: c.note }),
        ...(c.date !== undefined && { date: c.date }),
        ...(c.evidence && { evidence: excerpts }),
      })
    }
    case 'addUnit': {
      const site = pick(sites, c.site)
      return site === undefined ? undefined : addUnit({ site, id: c.id, name: 'New' })
    }
    case 'removeUnit': {
      const unit = pick(units, c.unit)
      return unit === undefined ? undefined : removeUnit({ unit, data: 'drop' })
    }
    case 'addRound':
      return addRound({ id: c.id, label: 'Round' })
  }
}

describe('rate without a draft (the direct application)', () => {
  it('gives the recipe’s document: deep-equal, same prototypes and key order, same objects renewed and shared; the same log entry; attainment equal to a cold recount', () => {
    let direct = 0
    const kinds = new Set<string>()
    fc.assert(
      fc.property(startArb, fc.array(commandArb, { minLength: 1, maxLength: 10 }), (ev, commands) => {
        let state = ev
        const input = encodeEvaluation(ev)
        attainment(state) // the incremental recount below starts from this document's caches
        for (const command of commands) {
          const edit = toEdit(state, command)
          if (edit === undefined || edit.check(state).length > 0) continue
          const general = immer.produce(state, edit.recipe)
          const fast = applyEdit(state, edit)
          if (E.isLeft(fast)) throw new Error(formatProblems('applyEdit', fast.left))
          const next = fast.right
          if (edit.op === 'rate' && applyDirect(state, edit) !== undefined) {
            const args = edit.args as { site?: string; instrument?: string; by?: string }
            direct++
            if (args.site !== undefined) kinds.add('site')
            if (args.instrument !== undefined) kinds.add('instrument')
            if (args.by !== undefined) kinds.add('by')
          }
          expect(next).toStrictEqual(general)
          expect(layout(next)).toStrictEqual(layout(general))
          expect(renewed(state, next)).toStrictEqual(renewed(state, general))
          // The change log is made by immer as before, and its patches lead to the same document.
          const recorded = recordEditEither(state, edit, { who: 'tester', when: '2008-01-01T00:00:00.000Z' })
          if (E.isLeft(recorded)) throw new Error(formatProblems('recordEdit', recorded.left))
          expect(recorded.right.evaluation).toStrictEqual(next)
          expect(replayEither(state, [recorded.right.entry])).toStrictEqual(E.right(next))
          state = next
          // Incremental (cached) attainment of the edited document equals a cold recount.
          expect(attainment(state).scopes).toStrictEqual(attainment(state, { cache: false }).scopes)
          const further = state.instruments?.[0]?.id
          if (further !== undefined && (state.raters ?? []).length > 0) {
            const policy = { instrument: further, raters: 'median' } as const
            expect(attainment(state, policy).scopes).toStrictEqual(
              attainment(state, { ...policy, cache: false }).scopes,
            )
          }
        }
        // The input is left as it was.
        expect(encodeEvaluation(ev)).toStrictEqual(input)
      }),
      { numRuns: 200 },
    )
    // The property is about the direct application: most of its rates went through it.
    expect(direct).toBeGreaterThan(200)
    expect([...kinds].sort()).toStrictEqual(['by', 'instrument', 'site'])
  })

  it('is used for a decoded document, replacing a rating in place and adding a new one last, sharing every untouched object', () => {
    const ev = parseEvaluation(sampleDocument())
    const replace = rate({ unit: 'acute', target: '1.1.1', level: 'not-met' })
    expect(replace.check(ev)).toStrictEqual([])
    const next = applyDirect(ev, replace)!
    const before = ev.sites[0]!.units[0]!.ratings['r1' as never] as Readonly<Record<string, unknown>>
    const record = next.sites[0]!.units[0]!.ratings['r1' as never] as Readonly<Record<string, unknown>>
    expect(Object.getPrototypeOf(record)).toBeNull()
    // The sample's unit "acute" has 1.1, 1.1.1 and 2.4 rated in r1, in that order.
    expect(Object.keys(record)).toStrictEqual(['1.1', '1.1.1', '2.4'])
    expect(record['1.1.1']).toStrictEqual({ level: 'not-met' })
    expect(record['1.1']).toBe(before['1.1'])
    expect(record['2.4']).toBe(before['2.4'])
    expect(next.sites[0]!.units[1]).toBe(ev.sites[0]!.units[1])
    expect(next.framework).toBe(ev.framework)
    expect(next.rounds).toBe(ev.rounds)
    expect(next.sites).not.toBe(ev.sites)
    // A target not yet rated is added last.
    const added = applyDirect(next, rate({ unit: 'acute', target: '1.1.2', level: 'met', rater: 'JB' }))!
    const record2 = added.sites[0]!.units[0]!.ratings['r1' as never] as Readonly<Record<string, unknown>>
    expect(Object.keys(record2)).toStrictEqual(['1.1', '1.1.1', '2.4', '1.1.2'])
    expect(record2['1.1.2']).toStrictEqual({ level: 'met', rater: 'JB' })
    // A unit without a record for the round gets a new null-prototype one.
    const fresh = applyDirect(ev, rate({ unit: 'crisis', target: '2.4', level: 'partly' }))!
    const record3 = fresh.sites[0]!.units[1]!.ratings['r1' as never] as Readonly<Record<string, unknown>>
    expect(Object.getPrototypeOf(record3)).toBeNull()
    expect({ ...record3 }).toStrictEqual({ '2.4': { level: 'partly' } })
  })

  it('leaves records that are not null-prototype to the recipe', () => {
    const decoded = parseEvaluation(sampleDocument())
    // A document built in code with ordinary objects as rating records: immer copies those as they are.
    const plain = {
      ...decoded,
      sites: [
        {
          ...decoded.sites[0]!,
          units: decoded.sites[0]!.units.map((u) => ({ ...u, ratings: { r1: { ...u.ratings['r1' as never] } } })),
        },
      ],
    } as unknown as Evaluation
    const edit = rate({ unit: 'acute', target: '2.4', level: 'met' })
    expect(applyDirect(plain, edit)).toBeUndefined()
    const next = applyEdit(plain, edit)
    expect(E.isRight(next) && Object.getPrototypeOf(next.right.sites[0]!.units[0]!.ratings['r1' as never])).toBe(
      Object.prototype,
    )
  })
})
