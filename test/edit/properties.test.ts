import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import * as E from 'fp-ts/lib/Either.js'
import type { Evaluation } from '../../src/model/evaluation.js'
import { encodeEvaluation } from '../../src/model/codec.js'
import { decodeEvaluation } from '../../src/document/decode.js'
import { formatProblems } from '../../src/model/problem.js'
import { applyEdit, type Edit } from '../../src/edit/define.js'
import { recordEditEither, replayEither, undoEither, type LogEntry } from '../../src/edit/log.js'
import { rate, unrate } from '../../src/edit/ratings.js'
import { addUnit, removeUnit, renameUnit } from '../../src/edit/units.js'
import { addSite, renameSite, removeSite } from '../../src/edit/sites.js'
import { addRound, removeRound, renameRound } from '../../src/edit/rounds.js'
import { evaluationArb, idArb } from '../support/arbitraries.js'

/** Freeze a value and everything in it, so any write throws (ESM is strict mode). */
const deepFreeze = <A>(value: A): A => {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value)
    for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key])
  }
  return value
}

/**
 * A command is an abstract edit: numbers pick existing things (modulo their
 * count) and strings name new ones, so the same command means something
 * sensible in any state, including refused edits (an id already taken, a
 * unit that still has data).
 */
const commandArb = fc.oneof(
  fc.record({
    kind: fc.constant('rate' as const),
    unit: fc.nat(),
    target: fc.nat(),
    level: fc.nat(),
    round: fc.nat(),
    rater: fc.option(fc.string({ maxLength: 4 }), { nil: undefined }),
  }),
  fc.record({ kind: fc.constant('unrate' as const), unit: fc.nat(), target: fc.nat(), round: fc.nat() }),
  fc.record({
    kind: fc.constant('addUnit' as const),
    site: fc.nat(),
    id: idArb,
    name: fc.string({ minLength: 1, maxLength: 6 }),
  }),
  fc.record({ kind: fc.constant('renameUnit' as const), unit: fc.nat(), name: fc.string({ maxLength: 6 }) }),
  fc.record({ kind: fc.constant('removeUnit' as const), unit: fc.nat(), drop: fc.boolean() }),
  fc.record({ kind: fc.constant('addSite' as const), id: idArb, name: fc.string({ minLength: 1, maxLength: 6 }) }),
  fc.record({
    kind: fc.constant('renameSite' as const),
    site: fc.nat(),
    name: fc.string({ minLength: 1, maxLength: 6 }),
  }),
  fc.record({ kind: fc.constant('removeSite' as const), site: fc.nat() }),
  fc.record({ kind: fc.constant('addRound' as const), id: idArb }),
  fc.record({ kind: fc.constant('removeRound' as const), round: fc.nat(), drop: fc.boolean() }),
  fc.record({ kind: fc.constant('renameRound' as const), round: fc.nat(), label: fc.string({ maxLength: 6 }) }),
)
type Command = typeof commandArb extends fc.Arbitrary<infer C> ? C : never

const pick = <A>(xs: readonly A[], n: number): A | undefined => (xs.length === 0 ? undefined : xs[n % xs.length])

/** The edit a command stands for in state `ev` (ids of things that do not exist are passed as "missing"). */
const toEdit = (ev: Evaluation, c: Command): Edit => {
  const units = ev.sites.flatMap((s) => s.units.map((u) => u.id as string))
  const targets = ev.framework.sections.flatMap((s) =>
    s.standards.flatMap((st) => [st.id as string, ...st.criteria.map((cr) => cr.id as string)]),
  )
  const levels = [...ev.framework.scale.levels.map((l) => l.id as string), 'na']
  const rounds = ev.rounds.map((r) => r.id as string)
  const sites = ev.sites.map((s) => s.id as string)
  switch (c.kind) {
    case 'rate':
      return rate({
        unit: pick(units, c.unit) ?? 'missing',
        target: pick(targets, c.target)!,
        level: pick(levels, c.level)!,
        round: pick(rounds, c.round),
        ...(c.rater !== undefined && { rater: c.rater }),
      })
    case 'unrate':
      return unrate({
        unit: pick(units, c.unit) ?? 'missing',
        target: pick(targets, c.target)!,
        round: pick(rounds, c.round),
      })
    case 'addUnit':
      return addUnit({ site: pick(sites, c.site) ?? 'missing', id: c.id, name: c.name })
    case 'renameUnit':
      return renameUnit({ unit: pick(units, c.unit) ?? 'missing', name: c.name })
    case 'removeUnit':
      return removeUnit({ unit: pick(units, c.unit) ?? 'missing', data: c.drop ? 'drop' : 'refuse' })
    case 'addSite':
      return addSite({ id: c.id, name: c.name })
    case 'renameSite':
      return renameSite({ site: pick(sites, c.site) ?? 'missing', name: c.name })
    case 'removeSite':
      return removeSite({ site: pick(sites, c.site) ?? 'missing' })
    case 'addRound':
      return addRound({ id: c.id, label: 'Round' })
    case 'removeRound':
      return removeRound({ round: pick(rounds, c.round) ?? 'missing', data: c.drop ? 'drop' : 'refuse' })
    case 'renameRound':
      return renameRound({ round: pick(rounds, c.round) ?? 'missing', label: c.label })
  }
}

/**
 * A start state: a generated evaluation as built in code, or the same one
 * decoded from JSON (whose level-only ratings are shared frozen objects).
 */
const startArb = fc.tuple(evaluationArb(), fc.boolean()).map(([ev, decoded]) => {
  if (!decoded) return ev
  const r = decodeEvaluation(encodeEvaluation(ev))
  if (E.isLeft(r)) throw new Error(formatProblems('decodeEvaluation', r.left))
  return r.right
})

const scenarioArb = fc.record({ ev: startArb, commands: fc.array(commandArb, { minLength: 1, maxLength: 12 }) })

describe('edits: properties over generated evaluations and edit sequences', () => {
  it('never mutate their (deep-frozen) input, and a refused edit changes nothing', () => {
    fc.assert(
      fc.property(scenarioArb, ({ ev, commands }) => {
        let state = ev
        for (const command of commands) {
          const before = encodeEvaluation(state)
          deepFreeze(state)
          const edit = toEdit(state, command)
          const result = applyEdit(state, edit) // would throw on any write to a frozen object
          expect(encodeEvaluation(state)).toStrictEqual(before)
          if (E.isRight(result)) state = result.right
          else expect(result.left.length).toBeGreaterThan(0)
        }
      }),
      { numRuns: 150 },
    )
  })

  it('keep the document valid: every accepted edit leaves a document that decodes', () => {
    fc.assert(
      fc.property(scenarioArb, ({ ev, commands }) => {
        let state = ev
        for (const command of commands) {
          const result = applyEdit(state, toEdit(state, command))
          if (E.isLeft(result)) continue
          state = result.right
          const decoded = decodeEvaluation(encodeEvaluation(state))
          if (E.isLeft(decoded))
            throw new Error(`after ${command.kind}: ${formatProblems('decodeEvaluation', decoded.left)}`)
        }
      }),
      { numRuns: 150 },
    )
  })

  it('replaying the change log over the original reproduces the final state exactly', () => {
    fc.assert(
      fc.property(scenarioArb, ({ ev, commands }) => {
        let state = ev
        const log: LogEntry[] = []
        for (const command of commands) {
          const result = recordEditEither(state, toEdit(state, command), {
            who: 'tester',
            when: '2008-01-01T00:00:00.000Z',
          })
          if (E.isLeft(result)) continue
          state = result.right.evaluation
          log.push(result.right.entry)
        }
        expect(replayEither(ev, log)).toStrictEqual(E.right(state))
        // The log is plain data: it survives JSON, and the revived log replays the same (null prototypes included).
        const revived = JSON.parse(JSON.stringify(log)) as LogEntry[]
        expect(replayEither(ev, revived)).toStrictEqual(E.right(state))
      }),
      { numRuns: 150 },
    )
  })

  it('undoing the log newest first restores the original', () => {
    fc.assert(
      fc.property(scenarioArb, ({ ev, commands }) => {
        let state = ev
        const log: LogEntry[] = []
        for (const command of commands) {
          const result = recordEditEither(state, toEdit(state, command), { who: 'tester' })
          if (E.isLeft(result)) continue
          state = result.right.evaluation
          log.push(result.right.entry)
        }
        for (const entry of [...log].reverse()) {
          const back = undoEither(state, entry)
          if (E.isLeft(back)) throw new Error(formatProblems('undo', back.left))
          state = back.right
        }
        expect(state).toStrictEqual(ev)
      }),
      { numRuns: 150 },
    )
  })
})
