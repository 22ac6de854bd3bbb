import { describe, expect, it } from 'vitest'
import * as E from 'fp-ts/lib/Either.js'
import {
  addCostEntry,
  declareCostCategory,
  removeCostEntry,
  setCostAmount,
  setHiddenHours,
  setSpendShare,
} from '../../src/economics/edits.js'
import { hiddenTime } from '../../src/economics/hidden-time.js'
import { costTotals } from '../../src/economics/totals.js'
import { applyEdit, edit } from '../../src/edit/define.js'
import { recordEditEither } from '../../src/edit/log.js'
import { encodeEvaluation } from '../../src/model/codec.js'
import { decodeEvaluation } from '../../src/document/decode.js'
import type { CostEntry } from '../../src/model/costs.js'
import type { Evaluation } from '../../src/model/evaluation.js'
import type { Problem } from '../../src/model/problem.js'
import { mhipCostLedger, mhipEvaluation } from '../../src/data/mhip/index.js'

const e1 = {
  id: 'e1',
  site: 'leicestershire',
  funder: 'programme-grant',
  area: 'implementation-team',
  kind: 'cash',
  amount: 40000,
  currency: 'GBP',
  priceYear: 2005,
} as unknown as CostEntry
const refused = (r: E.Either<readonly Problem[], Evaluation>) =>
  E.isLeft(r) ? r.left.map((p) => [p.path.join('.'), p.where, p.code]) : []

describe('ledger edits', () => {
  it('adds an entry to a document without a ledger, with patches, and the result decodes', () => {
    const r = recordEditEither(mhipEvaluation, addCostEntry({ entry: e1 }), {
      who: 'analyst',
      when: '2026-01-01T00:00:00Z',
    })
    if (E.isLeft(r)) throw new Error('refused')
    expect(r.right.evaluation.costs?.entries).toEqual([e1])
    expect(r.right.entry.patches.map((p) => [p.op, p.path.join('.')])).toEqual([['add', 'costs']])
    expect(mhipEvaluation.costs).toBeUndefined() // not mutated
    expect(E.isRight(decodeEvaluation(encodeEvaluation(r.right.evaluation)))).toBe(true)
    const second = recordEditEither(r.right.evaluation, setCostAmount({ entry: 'e1', amount: { atLeast: 40000 } }), {
      who: 'analyst',
      when: '2026-01-01T00:00:00Z',
    })
    if (E.isLeft(second)) throw new Error('refused')
    expect(second.right.entry.patches.map((p) => [p.op, p.path.join('.')])).toEqual([
      ['replace', 'costs.entries.0.amount'],
    ])
  })

  it('refuses an unknown funder, a duplicate id, a negative amount and low > high, naming the argument', () => {
    const ev = edit(mhipEvaluation, addCostEntry({ entry: e1 }))
    expect(refused(applyEdit(ev, addCostEntry({ entry: { ...e1, id: 'e2', funder: 'lottery' } })))).toEqual([
      ['entry.funder', 'addCostEntry › costs › entry e2 › funder', 'reference'],
    ])
    expect(refused(applyEdit(ev, addCostEntry({ entry: e1 })))).toEqual([
      ['entry.id', 'addCostEntry › costs › entry e1 › id', 'duplicate'],
    ])
    expect(refused(applyEdit(ev, addCostEntry({ entry: { ...e1, id: 'e3', amount: -5 } })))[0]!.slice(0, 1)).toEqual([
      'entry.amount',
    ])
    expect(refused(applyEdit(ev, setCostAmount({ entry: 'e1', amount: { low: 5, high: 2 } })))).toEqual([
      ['amount.low', 'setCostAmount › costs › entry e1 › amount', 'consistency'],
    ])
    expect(refused(applyEdit(ev, setCostAmount({ entry: 'nope', amount: 1 })))).toEqual([
      ['entry', 'setCostAmount › entry', 'reference'],
    ])
  })

  it('declares a funder, then accepts entries for it; removes entries', () => {
    const ev = edit(
      mhipEvaluation,
      declareCostCategory({ dimension: 'funder', category: { id: 'pct', label: 'Primary care trust' } }),
      addCostEntry({ entry: e1 }),
      addCostEntry({ entry: { ...e1, id: 'e2', funder: 'pct', amount: 5000 } }),
    )
    expect(costTotals(ev)).toMatchObject([{ site: 'leicestershire', low: 45000, high: 45000 }])
    expect(
      refused(applyEdit(ev, declareCostCategory({ dimension: 'funder', category: { id: 'sha', label: 'x' } })))[0]![2],
    ).toBe('duplicate')
    expect(edit(ev, removeCostEntry({ entry: 'e2' })).costs?.entries).toEqual([e1])
  })

  it('sets a published share, refusing a share over 100 % and a column summing past 100 %', () => {
    const ev = { ...mhipEvaluation, costs: mhipCostLedger }
    const gov = { site: 'leicestershire', dimension: 'area', category: 'governance' } as const
    expect(refused(applyEdit(ev, setSpendShare({ share: { ...gov, share: 1.3 } as never })))[0]!.slice(0, 1)).toEqual([
      'share.share',
    ])
    // Table 8's Leicestershire column sums to 1.00; governance 0.30 → 0.50 makes 1.20
    expect(refused(applyEdit(ev, setSpendShare({ share: { ...gov, share: 0.5 } as never })))).toEqual([
      ['share.share', 'setSpendShare › costs › shares › site leicestershire › area', 'consistency'],
    ])
    const next = edit(ev, setSpendShare({ share: { ...gov, share: 0.31 } as never }))
    expect(next.costs?.shares?.find((s) => s.site === 'leicestershire' && s.category === 'governance')?.share).toBe(
      0.31,
    )
    expect(next.costs?.shares).toHaveLength(20) // replaced, not added
  })

  it("sets hidden hours: fills South West Yorkshire's unknown (--) cell, refuses a negative hour", () => {
    const ev = { ...mhipEvaluation, costs: mhipCostLedger }
    const swy = { site: 'south-west-yorkshire', band: 'all-roles' }
    expect(refused(applyEdit(ev, setHiddenHours({ hours: { ...swy, hours: -4 } as never })))).toEqual([
      ['hours.hours', 'setHiddenHours › hours › hours', 'value'],
    ])
    const next = edit(ev, setHiddenHours({ hours: { ...swy, hours: 900 } as never }))
    expect(
      hiddenTime(next)
        .filter((r) => r.scenario === 'base')
        .map((r) => r.respondentHours),
    ).toEqual([1290, 1650, 900, 2690])
    expect(
      hiddenTime(ev)
        .filter((r) => r.scenario === 'base')
        .map((r) => r.respondentHours),
    ).toEqual([1290, 1650, null, 2690])
  })

  it('refuses missing arguments with a problem, never a TypeError', () => {
    for (const make of [
      addCostEntry,
      setCostAmount,
      removeCostEntry,
      declareCostCategory,
      setSpendShare,
      setHiddenHours,
    ]) {
      const r = applyEdit(mhipEvaluation, make(undefined as never))
      expect(E.isLeft(r) && r.left[0]!.where).toMatch(/ › arguments$/)
    }
  })
})
