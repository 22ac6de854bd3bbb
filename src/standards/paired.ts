/**
 * Paired round comparisons: which units were rated in both rounds, which were
 * left out on each side, and how each paired unit moved on the scale.
 * @module
 */
import type { Evaluation } from '../model/evaluation.js'
import type { LevelId, StandardId } from '../model/ids.js'
import { entityKeys, ratedAsWhole, type EntityRef } from '../model/attribute-values.js'
import type { RoundRatings } from '../model/ratings.js'
import type { CompiledFramework } from './compile.js'
import type { RollupRule } from './rollup.js'
import { standardCodes } from './rollup.js'

/** Which units a round comparison counted. */
export interface RoundPairing {
  /** `true`: only units rated in both rounds were compared (the default); `false`: every unit, as independent samples. */
  readonly paired: boolean
  /** Units rated in both rounds (at least one rating in each). */
  readonly both: number
  /** Units rated in the `from` round only: left out when paired. */
  readonly onlyFrom: readonly EntityRef[]
  /** Units rated in the `to` round only: left out when paired. */
  readonly onlyTo: readonly EntityRef[]
}

/** A unit whose level of a standard changed between two rounds. */
export interface UnitMove extends EntityRef {
  readonly standard: StandardId
  readonly from: LevelId
  readonly to: LevelId
  /**
   * The change in scale steps, positive for a better level: from the third
   * of four levels to the first is +2; from the first to the second is −1.
   */
  readonly steps: number
}

const rated = (ratings: RoundRatings | undefined): boolean => {
  if (ratings === undefined) return false
  for (const _ in ratings) return true
  return false
}

/**
 * Which units were rated in each of two rounds: the units rated in both, and
 * those rated in only one. A unit is rated in a round when it has at least
 * one rating there (of any level, including not applicable).
 * @param ev - the evaluation (a ratings view: one instrument's counted ratings).
 * @param from - the first round's id.
 * @param to - the second round's id.
 * @param paired - whether the comparison pairs the units (reported back as `paired`).
 * @returns how many entities were rated in both rounds, those rated only in `from` or only in `to`,
 * and the entity keys of the ones rated in both.
 */
export const roundPairing = (
  ev: Evaluation,
  from: string,
  to: string,
  paired: boolean,
): RoundPairing & { readonly units: ReadonlySet<string> } => {
  const both: EntityRef[] = []
  const onlyFrom: EntityRef[] = []
  const onlyTo: EntityRef[] = []
  forEachEntity(ev, (ref, byRound) => {
    const a = rated(byRound?.[from])
    const b = rated(byRound?.[to])
    if (a && b) both.push(ref)
    else if (a) onlyFrom.push(ref)
    else if (b) onlyTo.push(ref)
  })
  return { paired, both: both.length, onlyFrom, onlyTo, units: entityKeys(both) }
}

type ByRound = Readonly<Record<string, RoundRatings | undefined>> | undefined

/** Each rated entity with its counted ratings by round: a site rated as a whole, then its units. */
const forEachEntity = (ev: Evaluation, f: (ref: EntityRef, byRound: ByRound) => void): void => {
  for (const site of ev.sites) {
    if (ratedAsWhole(site)) f({ site: site.id, unit: null }, (site as { readonly ratings?: ByRound }).ratings)
    for (const unit of site.units) f({ site: site.id, unit: unit.id }, unit.ratings as ByRound)
  }
}

/**
 * The moves of the given units between two rounds, standard by standard
 * (standard levels after the roll-up; explicit ratings win): every unit ×
 * standard with a level on the scale in both rounds whose level changed.
 * Not applicable and unrated are not moves. `units`: entity keys
 * (`entityKeys`) to include, or `null` for every entity.
 * @param ev - the evaluation (a ratings view: one instrument's counted ratings).
 * @param c - the compiled framework of the view.
 * @param rounds - the `from` and `to` round ids.
 * @param rule - the roll-up rule that gives a standard's level from its criteria.
 * @param units - the entity keys to include, or `null` for every entity.
 * @returns one move per entity × standard whose level changed, with the change in scale steps
 * (positive: better).
 */
export const unitMoves = (
  ev: Evaluation,
  c: CompiledFramework,
  rounds: { readonly from: string; readonly to: string },
  rule: RollupRule,
  units: ReadonlySet<string> | null,
): UnitMove[] => {
  const out: UnitMove[] = []
  const keys = units === null ? null : units
  forEachEntity(ev, (ref, byRound) => {
    if (keys !== null && !keys.has(ref.unit === null ? `site:${ref.site}` : `unit:${ref.unit}`)) return
    const a = standardCodes(c, byRound?.[rounds.from], rule)
    const b = standardCodes(c, byRound?.[rounds.to], rule)
    for (let s = 0; s < a.length; s++) {
      const x = a[s] as number
      const y = b[s] as number
      if (x < 0 || y < 0 || x >= c.levels || y >= c.levels || x === y) continue
      out.push({
        ...ref,
        standard: c.standardIds[s] as StandardId,
        from: c.levelIds[x] as LevelId,
        to: c.levelIds[y] as LevelId,
        steps: x - y,
      })
    }
  })
  return out
}
