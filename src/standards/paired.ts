/**
 * Paired round comparisons: which units were rated in both rounds, which were
 * left out on each side, and how each paired unit moved on the scale.
 * @module
 */
import type { Evaluation } from '../model/evaluation.js'
import type { LevelId, SiteId, StandardId, UnitId } from '../model/ids.js'
import type { RoundRatings } from '../model/ratings.js'
import type { CompiledFramework } from './compile.js'
import type { RollupRule } from './rollup.js'
import { standardCodes } from './rollup.js'

/** A unit, with its site. */
export interface UnitRef {
  readonly site: SiteId
  readonly unit: UnitId
}

/** Which units a round comparison counted. */
export interface RoundPairing {
  /** `true`: only units rated in both rounds were compared (the default); `false`: every unit, as independent samples. */
  readonly paired: boolean
  /** Units rated in both rounds (at least one rating in each). */
  readonly both: number
  /** Units rated in the `from` round only: left out when paired. */
  readonly onlyFrom: readonly UnitRef[]
  /** Units rated in the `to` round only: left out when paired. */
  readonly onlyTo: readonly UnitRef[]
}

/** A unit whose level of a standard changed between two rounds. */
export interface UnitMove extends UnitRef {
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
 */
export const roundPairing = (ev: Evaluation, from: string, to: string, paired: boolean): RoundPairing & { readonly units: ReadonlySet<string> } => {
  const units = new Set<string>()
  const onlyFrom: UnitRef[] = []
  const onlyTo: UnitRef[] = []
  for (const site of ev.sites)
    for (const unit of site.units) {
      const byRound = unit.ratings as Record<string, RoundRatings | undefined>
      const a = rated(byRound[from])
      const b = rated(byRound[to])
      if (a && b) units.add(unit.id)
      else if (a) onlyFrom.push({ site: site.id, unit: unit.id })
      else if (b) onlyTo.push({ site: site.id, unit: unit.id })
    }
  return { paired, both: units.size, onlyFrom, onlyTo, units }
}

/**
 * The moves of the given units between two rounds, standard by standard
 * (standard levels after the roll-up; explicit ratings win): every unit ×
 * standard with a level on the scale in both rounds whose level changed.
 * Not applicable and unrated are not moves.
 */
export const unitMoves = (
  ev: Evaluation,
  c: CompiledFramework,
  rounds: { readonly from: string; readonly to: string },
  rule: RollupRule,
  units: ReadonlySet<string>,
): UnitMove[] => {
  const out: UnitMove[] = []
  for (const site of ev.sites)
    for (const unit of site.units) {
      if (!units.has(unit.id)) continue
      const byRound = unit.ratings as Record<string, RoundRatings | undefined>
      const a = standardCodes(c, byRound[rounds.from], rule)
      const b = standardCodes(c, byRound[rounds.to], rule)
      for (let s = 0; s < a.length; s++) {
        const x = a[s] as number
        const y = b[s] as number
        if (x < 0 || y < 0 || x >= c.levels || y >= c.levels || x === y) continue
        out.push({
          site: site.id,
          unit: unit.id,
          standard: c.standardIds[s] as StandardId,
          from: c.levelIds[x] as LevelId,
          to: c.levelIds[y] as LevelId,
          steps: x - y,
        })
      }
    }
  return out
}
