import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import * as E from 'fp-ts/lib/Either.js'
import type { Evaluation } from '../../src/model/evaluation.js'
import {
  addUnit,
  applyEdit,
  rate,
  recordEditEither,
  removeSite,
  removeUnit,
  undoEither,
  type Edit,
} from '../../src/edit/index.js'
import { locateUnit } from '../../src/edit/locate.js'
import { evaluationArb } from '../support/arbitraries.js'

const runs = Number(process.env.FUZZ_RUNS ?? 100)

/** The position of a unit found by reading every site in order: the independent answer. */
const scan = (ev: Evaluation, id: string) => {
  for (let s = 0; s < ev.sites.length; s++) {
    const u = ev.sites[s]!.units.findIndex((x) => x.id === id)
    if (u >= 0) return { site: s, unit: u }
  }
  return undefined
}

type Step =
  | { kind: 'add'; site: number; n: number }
  | { kind: 'remove'; unit: number }
  | { kind: 'removeSite'; site: number }
  | { kind: 'rate'; unit: number; undoEither: boolean }

const stepArb: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ kind: fc.constant('add' as const), site: fc.nat(), n: fc.nat(1000) }),
  fc.record({ kind: fc.constant('remove' as const), unit: fc.nat() }),
  fc.record({ kind: fc.constant('removeSite' as const), site: fc.nat() }),
  fc.record({ kind: fc.constant('rate' as const), unit: fc.nat(), undoEither: fc.boolean() }),
)

const unitIds = (ev: Evaluation) => ev.sites.flatMap((s) => s.units.map((u) => u.id as string))

describe('locateUnit (positions carried from edit to edit)', () => {
  it('after any sequence of adds, removals, rates and undos, every unit is found where a scan finds it, and a removed one is not found', () => {
    fc.assert(
      fc.property(
        evaluationArb({ maxSites: 3, maxUnitsPerSite: 4, maxRounds: 1 }),
        fc.array(stepArb, { maxLength: 12 }),
        (ev0, steps) => {
          let ev = ev0
          const gone = new Set<string>()
          for (const step of steps) {
            const ids = unitIds(ev)
            ids.forEach((id) => locateUnit(ev, id)) // fill the index of this version
            let edit: Edit | null = null
            if (step.kind === 'add' && ev.sites.length > 0)
              edit = addUnit({ site: ev.sites[step.site % ev.sites.length]!.id, id: `new-${step.n}`, name: 'New' })
            if (step.kind === 'remove' && ids.length > 0)
              edit = removeUnit({ unit: ids[step.unit % ids.length]!, data: 'drop' })
            if (step.kind === 'removeSite' && ev.sites.length > 0)
              edit = removeSite({ site: ev.sites[step.site % ev.sites.length]!.id })
            if (step.kind === 'rate' && ids.length > 0) {
              const target = ev.framework.sections[0]?.standards[0]?.id
              if (target !== undefined) edit = rate({ unit: ids[step.unit % ids.length]!, target, level: 'na' })
            }
            if (edit === null) continue
            const before = ev
            if (step.kind === 'rate' && step.undoEither) {
              const r = recordEditEither(ev, edit, { who: 'test' })
              if (E.isRight(r)) {
                const back = undoEither(r.right.evaluation, r.right.entry)
                expect(E.isRight(back)).toBe(true)
                if (E.isRight(back)) ev = back.right
              }
            } else {
              const r = applyEdit(ev, edit)
              if (E.isRight(r)) ev = r.right
            }
            for (const id of unitIds(before)) if (scan(ev, id) === undefined) gone.add(id)
            for (const id of unitIds(ev)) {
              gone.delete(id)
              expect(locateUnit(ev, id)).toEqual(scan(ev, id))
            }
            for (const id of gone) expect(locateUnit(ev, id)).toBeUndefined()
            // The earlier version still answers for itself.
            for (const id of unitIds(before)) expect(locateUnit(before, id)).toEqual(scan(before, id))
          }
        },
      ),
      { numRuns: runs },
    )
  })
})
