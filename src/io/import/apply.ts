/**
 * Build the imported document from the base: the new rounds, sites and units
 * through the edit module's own edits (`addRound`, `addSite`, `addUnit`, with
 * their checks), then every rating and objective cell in ONE immer `produce`
 * on the library's immer instance. One produce, not one edit per rating,
 * because a file may hold a million ratings and each edit would copy its
 * unit's ratings again. Only units the file touches are copied; every other
 * part is shared with the base.
 * @module
 */
import * as E from '../../model/either.js'
import { original, type Draft } from 'immer'
import { immer } from '../../edit/immer.js'
import { applyEdits } from '../../edit/define.js'
import { addRound } from '../../edit/rounds.js'
import { addSite } from '../../edit/sites.js'
import { addUnit } from '../../edit/units.js'
import type { Result } from '../../model/problem.js'
import type { Evaluation, Site, Unit } from '../../model/evaluation.js'
import type { EntityRef } from '../../model/attribute-values.js'
import { placeRating } from '../../edit/ratings.js'
import type { ObjectiveTypeId, RoundId, SiteId, TargetId } from '../../model/ids.js'
import type { Impact, Objective, ObjectiveCell } from '../../model/objectives.js'
import type { Rating } from '../../model/ratings.js'
import type { Observation } from '../../model/observations.js'
import type { Additions, UnitRef } from './catalog.js'
import { codeIndex, CODE_INVALID, frameworkLayout, storedCodes } from '../../model/rating-codes.js'
import { ownValue } from '../../model/own.js'
import { copyArray, copyPlain, copyRecord } from '../../edit/direct.js'

/** One rating to write. */
export interface RatingWrite {
  /** The unit, or the site as a whole (`unit: null`). */
  readonly at: EntityRef
  /** The instrument as stored: `null` for the default instrument, else a further instrument's id. */
  readonly instrument: string | null
  /** A declared rater's id, when the rating is that rater's own (not the counted rating). */
  readonly by?: string
  readonly round: RoundId
  readonly target: TargetId
  readonly rating: Rating
}

/** One unit × type cell to write (replacing the unit's cell of that type). */
export interface CellWrite {
  readonly at: UnitRef
  readonly cell: ObjectiveCell
}

/** One listed objective to write (replacing the unit's objective of the same id). */
export interface ObjectiveWrite {
  readonly at: UnitRef
  readonly objective: Objective
}

/** One impact to set. */
export interface ImpactWrite {
  readonly at: UnitRef
  readonly impact: Impact
}

/**
 * What a file rates in one unit × round on the default instrument: the
 * ratings by target (a null-prototype record), and by target slot
 * (`frameworkLayout`) the line of each and its rating code (unrated where
 * the file has none).
 */
export interface RatingRecordWrite {
  readonly ratings: Record<TargetId, Rating>
  readonly lines: Int32Array
  readonly codes: Uint8Array
}

/**
 * What an import writes into the base, resolved against it: ratings, count cells, impacts,
 * individual objectives and observations.
 */
export interface Writes {
  /**
   * Ratings gathered per unit and round (a long ratings import): each
   * round's ratings are merged into the unit's in one assignment (a rating
   * already there is replaced).
   */
  readonly ratingRecords?: ReadonlyMap<UnitRef, ReadonlyMap<RoundId, RatingRecordWrite>>
  /** Observations to append (notes without a level). */
  readonly observations?: readonly Observation[]
  readonly ratings?: readonly RatingWrite[]
  readonly cells?: readonly CellWrite[]
  readonly impacts?: readonly ImpactWrite[]
  readonly objectives?: readonly ObjectiveWrite[]
}

const unitKey = (at: UnitRef): string => `${at.site}\u0000${at.unit}`

/**
 * The base with the additions and writes applied. The base is never mutated.
 * A `Left` only if an addition is refused by its edit's check (the catalog
 * makes fresh ids, so that means a bug, reported rather than thrown).
 * @param base - the evaluation the import started from (never mutated).
 * @param additions - the rounds, sites and units to add first.
 * @param writes - the values to write.
 * @returns `Right` with the new evaluation, or `Left` with the problems of an addition.
 * @example
 * const none = { rounds: [], sites: [], units: new Map() } // nothing to add
 * const r = applyWrites(ev, none, { ratings: [{ at: { site: 'ss', unit: 'access' }, instrument: null, round: 'r1', target: '2.1', rating: { level: 'met' } }] })
 * isRight(r) && r.right.sites[0].units[1].ratings.r1['2.1'] //=> { level: 'met' }
 * ev.sites[0].units[1].ratings.r1['2.1'] //=> undefined // the base is unchanged
 */
export const applyWrites = (base: Evaluation, additions: Additions, writes: Writes): Result<Evaluation> => {
  const edits = [
    ...additions.rounds.map((r) => addRound({ id: r.id, label: r.label })),
    ...additions.sites.map((s) => addSite({ id: s.id, name: s.name })),
    ...additions.sites.flatMap((s) => s.units.map((u) => addUnit({ site: s.id, id: u.id, name: u.name }))),
    ...[...additions.units].flatMap(([site, units]) => units.map((u) => addUnit({ site, id: u.id, name: u.name }))),
  ]
  const grown = edits.length === 0 ? E.right(base) : applyEdits(base, edits)
  if (E.isLeft(grown)) return grown
  const records = writes.ratingRecords
  if (records !== undefined && records.size > 0) {
    // The gathered records are placed without a draft (below); every other write goes through immer first.
    const rest = { ...writes, ratingRecords: undefined }
    const written = hasWrites(rest) ? applyWrites(grown.right, NO_ADDITIONS, rest) : grown
    if (E.isLeft(written)) return written
    const placed = placeRecords(written.right, records)
    if (placed !== undefined) return E.right(placed)
  }
  const framework = grown.right.framework
  const layout = frameworkLayout(framework)
  const codes = layout.codable ? codeIndex(framework) : null
  // Where each unit is, read once from the document (not through drafts, which a search would make for every site).
  const positions = new Map<string, readonly [number, number]>()
  grown.right.sites.forEach((s, i) =>
    s.units.forEach((u, j) => positions.set(unitKey({ site: s.id, unit: u.id }), [i, j])),
  )
  return E.right(
    immer.produce(grown.right, (draft) => {
      // Find each touched unit's draft once.
      const drafts = new Map<string, Draft<Unit>>()
      const unitDraft = (at: UnitRef): Draft<Unit> => {
        const key = unitKey(at)
        let d = drafts.get(key)
        if (d === undefined) {
          const at2 = positions.get(key)
          d = at2 === undefined ? undefined : draft.sites[at2[0]]?.units[at2[1]]
          // The catalog only hands out refs to units it found or created, so this cannot happen.
          if (d === undefined)
            throw new Error(`[realist-eval] applyWrites: internal error, no unit ${at.site} › ${at.unit}`)
          drafts.set(key, d)
        }
        return d
      }
      for (const w of writes.ratings ?? []) {
        if (w.at.unit === null || w.instrument !== null || w.by !== undefined) {
          const entity = w.at.unit === null ? siteDraft(draft, w.at.site) : unitDraft(w.at as UnitRef)
          placeRating(entity, w.instrument, w.round, w.target, w.by, w.rating)
          continue
        }
        const unit = unitDraft(w.at as UnitRef)
        // Null-prototype records, as decoded documents have them.
        const round = (unit.ratings[w.round] ??= Object.create(null)) as Record<TargetId, Rating>
        round[w.target] = w.rating
      }
      for (const [at, byRound] of writes.ratingRecords ?? []) {
        const unit = unitDraft(at)
        // The unit's ratings before the import, read from the base rather than through the draft.
        const before = (original(unit) as Unit | undefined)?.ratings as
          Readonly<Record<RoundId, Record<TargetId, Rating> | undefined>> | undefined
        for (const [round, w] of byRound) {
          const old = before?.[round]
          // Null-prototype records, as decoded documents have them; the file's ratings replace the same targets'.
          const merged = mergedRecord(w, old)
          // Frozen, as the decoder freezes them; immer then leaves it whole rather than walking its keys.
          unit.ratings[round] = Object.freeze(merged) as Draft<Record<TargetId, Rating>>
          // The record's rating codes, as the decoder writes them, for the counting engine.
          if (codes !== null) codes.set(merged, mergedCodes(w, old, layout, storedCodes(framework, old ?? {})))
        }
      }
      for (const w of writes.cells ?? []) {
        const unit = unitDraft(w.at)
        const i = unit.objectiveCells.findIndex((c) => c.type === (w.cell.type as ObjectiveTypeId))
        if (i >= 0) unit.objectiveCells[i] = w.cell as Draft<ObjectiveCell>
        else unit.objectiveCells.push(w.cell as Draft<ObjectiveCell>)
      }
      if (writes.observations !== undefined && writes.observations.length > 0) {
        if (draft.observations === undefined) draft.observations = [...writes.observations] as Draft<Observation>[]
        else for (const o of writes.observations) draft.observations.push(o as Draft<Observation>)
      }
      for (const w of writes.impacts ?? []) unitDraft(w.at).impact = w.impact as Draft<Impact>
      for (const w of writes.objectives ?? []) {
        const unit = unitDraft(w.at)
        const i = unit.objectives.findIndex((o) => o.id === w.objective.id)
        if (i >= 0) unit.objectives[i] = w.objective as Draft<Objective>
        else unit.objectives.push(w.objective as Draft<Objective>)
      }
    }),
  )
}

const NO_ADDITIONS: Additions = { rounds: [], sites: [], units: new Map() }

const hasWrites = (w: Writes): boolean =>
  (w.ratingRecords?.size ?? 0) > 0 ||
  (w.observations?.length ?? 0) > 0 ||
  (w.ratings?.length ?? 0) > 0 ||
  (w.cells?.length ?? 0) > 0 ||
  (w.impacts?.length ?? 0) > 0 ||
  (w.objectives?.length ?? 0) > 0

/**
 * The gathered records of a long import placed without a draft: the document
 * immer's `produce` gives for the same assignments (the evaluation, the
 * sites array, each touched site, its units array, each touched unit and its
 * ratings copied as immer copies them; everything else shared), made without
 * a proxy per site and unit. Each round's record is the file's ratings over
 * the unit's record of that round (a rating already there is replaced),
 * frozen, with its rating codes. `undefined` when the document has an object
 * immer would copy differently (not a plain object, array or null-prototype
 * record), or a unit the import does not find: immer's path then places them.
 */
const placeRecords = (
  ev: Evaluation,
  records: ReadonlyMap<UnitRef, ReadonlyMap<RoundId, RatingRecordWrite>>,
): Evaluation | undefined => {
  const framework = ev.framework
  const layout = frameworkLayout(framework)
  const codes = layout.codable ? codeIndex(framework) : null
  const bySite = new Map<string, Map<string, ReadonlyMap<RoundId, RatingRecordWrite>>>()
  for (const [at, byRound] of records) {
    let units = bySite.get(at.site)
    if (units === undefined) bySite.set(at.site, (units = new Map()))
    units.set(at.unit, byRound)
  }
  const next = copyPlain(ev)
  const sites = copyArray(ev.sites)
  if (next === undefined || sites === undefined) return undefined
  let placed = 0
  for (let i = 0; i < sites.length; i++) {
    const site = sites[i]!
    const touched = bySite.get(site.id)
    if (touched === undefined) continue
    const nextSite = copyPlain(site)
    const units = copyArray(site.units)
    if (nextSite === undefined || units === undefined) return undefined
    for (let j = 0; j < units.length; j++) {
      const unit = units[j]!
      const byRound = touched.get(unit.id)
      if (byRound === undefined) continue
      const nextUnit = copyPlain(unit)
      const ratings = copyRecord<Record<TargetId, Rating>>(unit.ratings)
      if (nextUnit === undefined || ratings === undefined) return undefined
      for (const [round, w] of byRound) {
        const old = ownValue(unit.ratings, round) as Readonly<Record<TargetId, Rating>> | undefined
        const merged = mergedRecord(w, old)
        ratings[round] = Object.freeze(merged)
        if (codes !== null) codes.set(merged, mergedCodes(w, old, layout, storedCodes(framework, old ?? {})))
      }
      ;(nextUnit as { ratings: Unit['ratings'] }).ratings = ratings as Unit['ratings']
      units[j] = nextUnit
      placed++
    }
    ;(nextSite as unknown as { units: Unit[] }).units = units
    sites[i] = nextSite
  }
  if (placed !== records.size) return undefined
  ;(next as unknown as { sites: Site[] }).sites = sites
  return next
}

/** The record of a unit × round after an import: the file's ratings over the record there (null-prototype, as decoded). */
const mergedRecord = (
  w: RatingRecordWrite,
  old: Readonly<Record<TargetId, Rating>> | undefined,
): Record<TargetId, Rating> => {
  if (old === undefined) return w.ratings
  const merged = Object.create(null) as Record<TargetId, Rating>
  for (const target in old) merged[target as TargetId] = old[target as TargetId] as Rating
  for (const target in w.ratings) merged[target as TargetId] = w.ratings[target as TargetId] as Rating
  return merged
}

/**
 * The codes of a unit × round's ratings after an import: the file's, and the
 * base record's for the slots the file does not rate.
 */
const mergedCodes = (
  w: RatingRecordWrite,
  old: Readonly<Record<TargetId, Rating>> | undefined,
  layout: ReturnType<typeof frameworkLayout>,
  oldCodes: Uint8Array | undefined,
): Uint8Array => {
  const out = w.codes
  if (old === undefined) return out
  if (oldCodes !== undefined && oldCodes.length === out.length) {
    for (let slot = 0; slot < out.length; slot++) if (w.lines[slot] === 0) out[slot] = oldCodes[slot]!
    return out
  }
  for (const target in old) {
    const slot = layout.slotOf.get(target)
    if (slot !== undefined && w.lines[slot] === 0)
      out[slot] = layout.codeOf.get(old[target as TargetId]!.level) ?? CODE_INVALID
  }
  return out
}

const siteDraft = (draft: Draft<Evaluation>, siteId: SiteId): Draft<Site> => {
  const site = draft.sites.find((s) => s.id === siteId)
  // The catalog only hands out sites it found or created, so this cannot happen.
  if (site === undefined) throw new Error(`[realist-eval] applyWrites: internal error, no site ${siteId}`)
  return site
}
