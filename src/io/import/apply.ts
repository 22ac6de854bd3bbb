/**
 * Build the imported document from the base in one immer `produce` (the
 * library's own immer instance): add the new rounds, sites and units, then
 * write each unit's ratings and objective cells. Only units the file touches
 * are copied; every other part is shared with the base.
 * @module
 */
import type { Draft } from 'immer'
import { immer } from '../../edit/define.js'
import type { Evaluation, Unit } from '../../model/evaluation.js'
import type { ObjectiveTypeId, RoundId, SiteId, TargetId, UnitId } from '../../model/ids.js'
import type { Impact, ObjectiveCell } from '../../model/objectives.js'
import type { Rating } from '../../model/ratings.js'
import type { Additions, UnitRef } from './catalog.js'

/** One rating to write. */
export interface RatingWrite {
  readonly at: UnitRef
  readonly round: RoundId
  readonly target: TargetId
  readonly rating: Rating
}

/** One unit × type cell to write (replacing the unit's cell of that type). */
export interface CellWrite {
  readonly at: UnitRef
  readonly cell: ObjectiveCell
}

/** One impact to set. */
export interface ImpactWrite {
  readonly at: UnitRef
  readonly impact: Impact
}

export interface Writes {
  readonly ratings?: readonly RatingWrite[]
  readonly cells?: readonly CellWrite[]
  readonly impacts?: readonly ImpactWrite[]
}

const unitKey = (at: UnitRef): string => `${at.site}\u0000${at.unit}`

/**
 * The base with the additions and writes applied. The base is never mutated.
 * @example
 * applyWrites(ev, additions, { ratings: [{ at: { site: 'ss', unit: 'acute' }, round: 'r1', target: '2.4', rating: { level: 'met' } }] })
 * //=> a new evaluation; ev is unchanged
 */
export const applyWrites = (base: Evaluation, additions: Additions, writes: Writes): Evaluation =>
  immer.produce(base, (draft) => {
    for (const r of additions.rounds) draft.rounds.push(r as Draft<typeof r>)
    for (const s of additions.sites) draft.sites.push(s as Draft<typeof s>)
    for (const [siteId, units] of additions.units) {
      const site = draft.sites.find((s) => s.id === siteId)
      if (site !== undefined) for (const u of units) site.units.push(u as Draft<Unit>)
    }
    // Find each touched unit's draft once.
    const drafts = new Map<string, Draft<Unit>>()
    const unitDraft = (at: UnitRef): Draft<Unit> => {
      const key = unitKey(at)
      let d = drafts.get(key)
      if (d === undefined) {
        d = findUnit(draft, at.site, at.unit)
        drafts.set(key, d)
      }
      return d
    }
    for (const w of writes.ratings ?? []) {
      const unit = unitDraft(w.at)
      // Null-prototype records, as decoded documents have them.
      const round = (unit.ratings[w.round] ??= Object.create(null)) as Record<TargetId, Rating>
      round[w.target] = w.rating
    }
    for (const w of writes.cells ?? []) {
      const unit = unitDraft(w.at)
      const i = unit.objectiveCells.findIndex((c) => c.type === (w.cell.type as ObjectiveTypeId))
      if (i >= 0) unit.objectiveCells[i] = w.cell as Draft<ObjectiveCell>
      else unit.objectiveCells.push(w.cell as Draft<ObjectiveCell>)
    }
    for (const w of writes.impacts ?? []) unitDraft(w.at).impact = w.impact as Draft<Impact>
  })

const findUnit = (draft: Draft<Evaluation>, siteId: SiteId, unitId: UnitId): Draft<Unit> => {
  const site = draft.sites.find((s) => s.id === siteId)
  const unit = site?.units.find((u) => u.id === unitId)
  // The catalog only hands out refs to units it found or created, so this cannot happen.
  if (unit === undefined) throw new Error(`[realist-eval] applyWrites: internal error, no unit ${siteId} › ${unitId}`)
  return unit
}
