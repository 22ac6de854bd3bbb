/**
 * Shared test support for the objectives tests: generated evaluations with
 * every form objectives take (count cells, listed objectives, attributions,
 * blank, qualified impact), built on `evaluationArb` (test/support/arbitraries.ts).
 */
import fc from 'fast-check'
import type { Evaluation, Unit } from '../../src/model/evaluation.js'
import type { Attribution, Objective, ObjectiveStatus } from '../../src/model/objectives.js'
import { asId } from '../../src/model/ids.js'
import { evaluationArb } from '../support/arbitraries.js'

const attributionArb: fc.Arbitrary<Attribution | undefined> = fc.constantFrom(
  undefined,
  'high',
  'medium',
  'low',
  'no',
  'na',
)

/** How one unit is reshaped: per cell, list its objectives one by one or keep the count; an attribution; a qualifier. */
const unitPlanArb = fc.record({
  listed: fc.array(fc.boolean(), { minLength: 3, maxLength: 3 }),
  attributions: fc.array(attributionArb, { minLength: 8, maxLength: 8 }),
  qualifier: fc.option(fc.constantFrom('None at time of MHIP; high potential', 'after 2008'), { nil: undefined }),
})

/** A count cell `k/n` (or `?/n`) as n listed objectives with the same tally. */
const listed = (
  unit: Unit,
  cell: Unit['objectiveCells'][number],
  attributions: readonly (Attribution | undefined)[],
): Objective[] =>
  Array.from({ length: cell.total }, (_, k) => {
    const status: ObjectiveStatus = cell.attained === null ? 'unknown' : k < cell.attained ? 'attained' : 'not-attained'
    const attribution = attributions[k % attributions.length]
    return {
      id: asId<'ObjectiveId'>(`${unit.id}/${cell.type}/${k}`),
      type: cell.type,
      status,
      ...(attribution !== undefined && { attribution }),
    }
  })

/**
 * A valid evaluation whose units hold count cells and listed objectives (some
 * cells are turned into the objectives they count), attributions including
 * blank and NA, and impacts with and without a qualifier.
 */
export const objectivesEvaluationArb = (options: Parameters<typeof evaluationArb>[0] = {}): fc.Arbitrary<Evaluation> =>
  evaluationArb({ maxSites: 3, maxUnitsPerSite: 3, maxRounds: 1, ...options }).chain((ev) => {
    const units = ev.sites.flatMap((s) => s.units)
    return fc.tuple(...units.map(() => unitPlanArb)).map((plans) => {
      let n = 0
      const sites = ev.sites.map((site) => ({
        ...site,
        units: site.units.map((unit): Unit => {
          const plan = plans[n++]!
          const cells = unit.objectiveCells.map((c, k) => {
            const attribution = plan.attributions[k]
            return { ...c, ...(attribution !== undefined && { attribution }) }
          })
          const objectives = cells.filter((_, k) => plan.listed[k]).flatMap((c) => listed(unit, c, plan.attributions))
          const impact =
            unit.impact === undefined || plan.qualifier === undefined
              ? unit.impact
              : { ...unit.impact, qualifier: plan.qualifier }
          const { impact: _old, ...rest } = unit
          return {
            ...rest,
            objectiveCells: cells.filter((_, k) => !plan.listed[k]),
            objectives,
            ...(impact !== undefined && { impact }),
          }
        }),
      }))
      return { ...ev, sites }
    })
  })

/** Every grouping the aggregates accept, in a few orders. */
export const GROUPINGS = [
  [],
  ['site'],
  ['unit'],
  ['type'],
  ['site', 'type'],
  ['type', 'site'],
  ['unit', 'type'],
  ['site', 'unit', 'type'],
] as const
