/**
 * No data loss: a failed edit or import leaves the prior document
 * unchanged — deep-equal to a copy taken before, and still deep-frozen — and
 * returns well-formed problems. A successful one leaves its input unchanged
 * too, and yields a document that `decodeEvaluation` accepts, so nothing the
 * library writes is something it would refuse to read back.
 *
 * Property tests over arbitrary valid documents (test/support/arbitraries.ts)
 * and arbitrary edits: ids taken from the document (so some edits succeed) or
 * hostile strings (so many are refused).
 */
import * as fc from 'fast-check'
import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { encodeEvaluation } from '../../src/model/index.js'
import { decodeEvaluation } from '../../src/document/decode.js'
import type { Evaluation } from '../../src/model/evaluation.js'
import type { Result } from '../../src/model/problem.js'
import {
  addRound,
  addSite,
  addUnit,
  applyEdit,
  applyEdits,
  rate,
  removeRound,
  removeSite,
  removeUnit,
  renameSite,
  renameUnit,
  unrate,
  type Edit,
} from '../../src/edit/index.js'
import {
  addObjective,
  addObjectiveType,
  removeObjectiveCell,
  setImpact,
  setObjectiveCell,
  setObjectiveStatus,
} from '../../src/objectives/index.js'
import { importObjectivesEither, importRatingsLongEither, importRatingsWideEither } from '../../src/io/index.js'
import { evaluationArb } from '../support/arbitraries.js'
import { deepFreeze, expectWellFormedProblems, FUZZ_RUNS, FUZZ_TIMEOUT, NASTY_STRINGS } from './support.js'

/** Every object in the value is frozen. */
const deeplyFrozen = (v: unknown): boolean =>
  typeof v !== 'object' ||
  v === null ||
  (Object.isFrozen(v) && Reflect.ownKeys(v).every((k) => deeplyFrozen((v as Record<PropertyKey, unknown>)[k])))

/** Ids of a document, by kind, for edits that should sometimes succeed. */
const idsOf = (ev: Evaluation) => ({
  sites: ev.sites.map((s) => s.id as string),
  units: ev.sites.flatMap((s) => s.units.map((u) => u.id as string)),
  targets: ev.framework.sections.flatMap((s) =>
    s.standards.flatMap((st) => [st.id as string, ...st.criteria.map((c) => c.id as string)]),
  ),
  levels: [...ev.framework.scale.levels.map((l) => l.id as string), 'na'],
  rounds: ev.rounds.map((r) => r.id as string),
  types: ev.objectiveTypes.map((t) => t.id as string),
})

/** An id of the document or a hostile string: roughly half the edits name something that exists. */
const pick = (known: readonly string[]): fc.Arbitrary<string> =>
  known.length === 0
    ? fc.constantFrom(...NASTY_STRINGS)
    : fc.oneof(fc.constantFrom(...known), fc.constantFrom(...NASTY_STRINGS), fc.string({ maxLength: 4 }))

/** Arbitrary edits against one document. Arguments are sometimes the wrong type too (JS callers). */
const editArb = (ev: Evaluation): fc.Arbitrary<Edit> => {
  const ids = idsOf(ev)
  const unit = pick(ids.units)
  const site = pick(ids.sites)
  const name = fc.oneof(fc.string({ maxLength: 6 }), fc.constantFrom(...NASTY_STRINGS))
  const wrong = fc.constantFrom<unknown>(undefined, null, 3, NaN, {}, [])
  const count = fc.oneof(fc.integer({ min: -1, max: 6 }), fc.constant(NaN), fc.constant(1.5))
  return fc.oneof(
    fc
      .record({
        unit,
        target: pick(ids.targets),
        level: pick(ids.levels),
        round: fc.option(pick(ids.rounds), { nil: undefined }),
      })
      .map(rate),
    fc.record({ unit, target: pick(ids.targets), round: fc.option(pick(ids.rounds), { nil: undefined }) }).map(unrate),
    fc
      .record({
        unit: fc.oneof(unit, wrong as fc.Arbitrary<string>),
        target: fc.oneof(pick(ids.targets), wrong as fc.Arbitrary<string>),
        level: fc.oneof(pick(ids.levels), wrong as fc.Arbitrary<string>),
      })
      .map(rate),
    fc.record({ id: fc.oneof(site, name), name }).map(addSite),
    fc.record({ site, id: fc.oneof(unit, name), name }).map(addUnit),
    fc.record({ site, name }).map(renameSite),
    fc.record({ unit, name }).map(renameUnit),
    fc
      .record({ unit, data: fc.constantFrom<'refuse' | 'drop' | undefined>('refuse', 'drop', undefined) })
      .map(removeUnit),
    fc.record({ site }).map(removeSite),
    fc.record({ id: fc.oneof(pick(ids.rounds), name), label: name }).map(addRound),
    fc
      .record({
        round: pick(ids.rounds),
        data: fc.constantFrom<'refuse' | 'drop' | undefined>('refuse', 'drop', undefined),
      })
      .map(removeRound),
    fc
      .record({
        unit,
        cell: fc.record({ type: pick(ids.types), attained: fc.oneof(count, fc.constant(null)), total: count }),
      })
      .map(setObjectiveCell as (a: unknown) => Edit),
    fc.record({ unit, type: pick(ids.types) }).map(removeObjectiveCell as (a: unknown) => Edit),
    fc
      .record({
        unit,
        objective: fc.record({
          id: name,
          type: pick(ids.types),
          status: fc.constantFrom('attained', 'not-attained', 'unknown', 'maybe'),
        }),
      })
      .map(addObjective as (a: unknown) => Edit),
    fc
      .record({ unit, objective: name, status: fc.constantFrom('attained', 'not-attained', 'unknown', 'maybe') })
      .map(setObjectiveStatus as (a: unknown) => Edit),
    fc
      .record({
        unit,
        impact: fc.oneof(
          fc.constant(null),
          fc.record({ level: fc.constantFrom('none', 'low', 'medium', 'high', 'na', 'huge') }),
        ),
      })
      .map(setImpact as (a: unknown) => Edit),
    fc
      .record({ type: fc.record({ id: fc.oneof(pick(ids.types), name), label: name }) })
      .map(addObjectiveType as (a: unknown) => Edit),
  )
}

/** Run `step` on a deep-frozen document and check the no-loss contract whatever it returns. */
const checkNoLoss = (ev: Evaluation, step: (ev: Evaluation) => Result<Evaluation>): 'left' | 'right' => {
  const before = structuredClone(encodeEvaluation(ev))
  const result = step(ev)
  expect(encodeEvaluation(ev)).toEqual(before)
  expect(deeplyFrozen(ev)).toBe(true)
  if (E.isLeft(result)) {
    expectWellFormedProblems(result.left)
    return 'left'
  }
  const reread = decodeEvaluation(encodeEvaluation(result.right))
  expect(
    E.isRight(reread),
    E.isLeft(reread) ? reread.left.map((p) => `${p.where}: ${p.expected}, found ${p.found}`).join('\n') : '',
  ).toBe(true)
  return 'right'
}

const RUNS = Math.max(100, Math.round(FUZZ_RUNS / 10))
const docArb = evaluationArb({ maxSites: 2, maxUnitsPerSite: 3, maxRounds: 2 }).map(deepFreeze)

describe('no data loss', () => {
  it(
    'a refused or accepted edit leaves the frozen input deep-equal; an accepted one re-decodes',
    () => {
      const seen = { left: 0, right: 0 }
      fc.assert(
        fc.property(
          docArb.chain((ev) => fc.tuple(fc.constant(ev), editArb(ev))),
          ([ev, edit]) => {
            seen[checkNoLoss(ev, (x) => applyEdit(x, edit))]++
          },
        ),
        { numRuns: RUNS },
      )
      // Both outcomes are exercised, so the property is not vacuous.
      expect(seen.left).toBeGreaterThan(0)
      expect(seen.right).toBeGreaterThan(0)
    },
    FUZZ_TIMEOUT,
  )

  it(
    'a batch of edits is all or nothing: one refused edit refuses the batch and nothing changes',
    () => {
      fc.assert(
        fc.property(
          docArb.chain((ev) => fc.tuple(fc.constant(ev), fc.array(editArb(ev), { minLength: 1, maxLength: 5 }))),
          ([ev, edits]) => {
            const outcome = checkNoLoss(ev, (x) => applyEdits(x, edits))
            // The batch succeeds only if applying the edits one by one does.
            let step: Result<Evaluation> = E.right(ev)
            for (const e of edits) step = E.isRight(step) ? applyEdit(step.right, e) : step
            expect(outcome).toBe(E.isRight(step) ? 'right' : 'left')
            // …and then gives the same document.
            const batch = applyEdits(ev, edits)
            if (E.isRight(batch) && E.isRight(step))
              expect(encodeEvaluation(batch.right)).toEqual(encodeEvaluation(step.right))
          },
        ),
        { numRuns: Math.max(50, Math.round(RUNS / 4)) },
      )
    },
    FUZZ_TIMEOUT,
  )

  const cell = fc.oneof(
    fc.constantFrom(...NASTY_STRINGS, 'met', 'partly met', 'PM', 'n/a', '', '=1+1', '"', '\n'),
    fc.string({ maxLength: 5 }),
  )
  const csvArb = (header: fc.Arbitrary<string[]>) =>
    fc
      .tuple(header, fc.array(fc.array(cell, { minLength: 1, maxLength: 6 }), { maxLength: 5 }))
      .map(([h, rows]) =>
        [h, ...rows]
          .map((r) => r.map((c) => (/[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(','))
          .join('\n'),
      )

  it(
    'a refused or accepted CSV ratings import (long or wide) leaves the frozen base deep-equal',
    () => {
      const seen = { left: 0, right: 0 }
      fc.assert(
        fc.property(
          docArb.chain((ev) => {
            const ids = idsOf(ev)
            const known = fc.oneof(pick(ids.units), pick(ids.targets), pick(ids.levels), pick(ids.rounds), cell)
            const longHeader = fc.shuffledSubarray(
              ['workstream', 'criterion', 'rating', 'round', 'site', 'notes', '__proto__'],
              { minLength: 2 },
            )
            const rows = fc.array(fc.array(known, { minLength: 3, maxLength: 5 }), { maxLength: 4 })
            // Mostly valid rows (known unit, target, level), so that some imports are accepted.
            const valid = (xs: readonly string[]) => (xs.length > 0 ? fc.constantFrom(...xs) : fc.constant('none'))
            const goodRows = fc.array(fc.tuple(valid(ids.units), valid(ids.targets), valid(ids.levels)), {
              minLength: 1,
              maxLength: 4,
            })
            const good = goodRows.map((r) => ['workstream,criterion,rating', ...r.map((x) => x.join(','))].join('\n'))
            const text = fc.oneof(
              good,
              csvArb(longHeader),
              fc.tuple(longHeader, rows).map(([h, r]) => [h, ...r].map((x) => x.join(',')).join('\n')),
              fc.string({ maxLength: 40 }),
            )
            return fc.tuple(fc.constant(ev), text, fc.boolean(), fc.boolean())
          }),
          ([ev, csv, wide, create]) => {
            seen[
              checkNoLoss(ev, (x) =>
                wide ? importRatingsWideEither(x, csv, { create }) : importRatingsLongEither(x, csv, { create }),
              )
            ]++
          },
        ),
        { numRuns: RUNS },
      )
      expect(seen.left).toBeGreaterThan(0)
      expect(seen.right).toBeGreaterThan(0)
    },
    FUZZ_TIMEOUT,
  )

  it(
    'a refused or accepted objectives import leaves the frozen base deep-equal',
    () => {
      const header = fc.shuffledSubarray(
        ['workstream', 'objective type', 'attained', 'total', 'due to mhip', 'impact'],
        { minLength: 2 },
      )
      fc.assert(
        fc.property(docArb, csvArb(header), fc.boolean(), (ev, csv, create) => {
          checkNoLoss(ev, (x) => importObjectivesEither(x, csv, { create }))
        }),
        { numRuns: Math.max(50, Math.round(RUNS / 2)) },
      )
    },
    FUZZ_TIMEOUT,
  )
})
