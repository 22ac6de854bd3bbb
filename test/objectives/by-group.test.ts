import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { mhipEvaluation } from '../../src/data/mhip/index.js'
import {
  objectiveAttainment,
  objectiveAttainmentByGroup,
  objectiveAttainmentByGroupEither,
} from '../../src/objectives/index.js'

describe('objectiveAttainmentByGroup', () => {
  it("by site, the groups add up to E-MHIP's 37 of 84 objectives achieved (report L1910) and match the per-site rows", () => {
    const rows = objectiveAttainmentByGroup(mhipEvaluation, { by: 'site', unknown: 'not-attained' })
    expect(rows.reduce((n, r) => n + r.attained, 0)).toBe(37)
    expect(rows.reduce((n, r) => n + r.total, 0)).toBe(84)
    const perSite = objectiveAttainment(mhipEvaluation, { by: ['site'], unknown: 'not-attained' })
    expect(rows.map((r) => [r.group, r.attained, r.total])).toEqual(perSite.map((r) => [r.site, r.attained, r.total]))
    expect(rows.map((r) => r.units)).toEqual(mhipEvaluation.sites.map((s) => s.units.length))
  })

  it('refuses an unknown attribute, naming the option', () => {
    const r = objectiveAttainmentByGroupEither(mhipEvaluation, { by: { attribute: 'region' } })
    expect(E.isLeft(r) && r.left.map((p) => `${p.where}: ${p.expected}`)).toEqual([
      'objectiveAttainmentByGroup › by › attribute: an attribute declared in this evaluation (none is declared)',
    ])
  })
})
