/**
 * Small hand-built evaluations for the standards tests: ratings written as
 * `{ site: { unit: { round: { target: level } } } }`.
 */
import type { Evaluation } from '../../src/model/evaluation.js'
import type { Framework } from '../../src/model/framework.js'
import type { Rating } from '../../src/model/ratings.js'
import { asId } from '../../src/model/ids.js'
import { assembleEvaluation } from '../../src/model/new-evaluation.js'
import { emhipScale } from '../../src/data/emhip-framework.js'

export type Levels = Readonly<Record<string, string>>
export type Layout = Readonly<Record<string, Readonly<Record<string, Readonly<Record<string, Levels>>>>>>

export const ratingsOf = (levels: Levels): Record<string, Rating> => {
  const out: Record<string, Rating> = Object.create(null)
  for (const [target, level] of Object.entries(levels)) out[target] = { level: level as Rating['level'] }
  return out
}

export const evaluationOf = (framework: Framework, layout: Layout, rounds: readonly string[] = ['r1']): Evaluation =>
  assembleEvaluation({
    title: 'test',
    programme: { id: 'p', name: 'p' },
    framework,
    rounds: rounds.map((r) => ({ id: asId<'RoundId'>(r), label: r })),
    sites: Object.entries(layout).map(([site, units]) => ({
      id: asId<'SiteId'>(site),
      name: site,
      aliases: [],
      units: Object.entries(units).map(([unit, byRound]) => {
        const ratings: Record<string, Record<string, Rating>> = Object.create(null)
        for (const [round, levels] of Object.entries(byRound)) ratings[round] = ratingsOf(levels)
        return {
          id: asId<'UnitId'>(unit),
          name: unit,
          ratings: ratings as Evaluation['sites'][number]['units'][number]['ratings'],
          objectives: [],
          objectiveCells: [],
        }
      }),
    })),
  })

/**
 * A tiny framework on the E-MHIP scale: section A with standards A1 (criteria
 * a1, a2, a3) and A2 (criteria b1, b2); section B with standard B1 (no criteria).
 */
export const tinyFramework: Framework = {
  id: 'tiny',
  title: 'tiny',
  scale: emhipScale,
  sections: [
    {
      id: asId<'SectionId'>('A'),
      title: 'A',
      standards: [
        {
          id: asId<'StandardId'>('A1'),
          title: 'Standard A one',
          variants: [],
          criteria: ['a1', 'a2', 'a3'].map((c) => ({ id: asId<'CriterionId'>(c), text: `criterion ${c}` })),
        },
        {
          id: asId<'StandardId'>('A2'),
          title: 'Standard A two',
          variants: [],
          criteria: ['b1', 'b2'].map((c) => ({ id: asId<'CriterionId'>(c), text: `criterion ${c}` })),
        },
      ],
    },
    {
      id: asId<'SectionId'>('B'),
      title: 'B',
      standards: [{ id: asId<'StandardId'>('B1'), title: 'Standard B one', variants: [], criteria: [] }],
    },
  ],
}

/**
 * The policy dataset of attainment.test.ts (worked by hand in its header):
 * two sites, five units, one round on `tinyFramework`.
 */
export const policyDataset = (): Evaluation =>
  evaluationOf(tinyFramework, {
    s1: {
      u1: { r1: { A1: 'met', b1: 'met', b2: 'met', B1: 'met' } },
      u2: { r1: { a1: 'met', a2: 'partly', a3: 'not-met', A2: 'na', B1: 'partly' } },
      u3: { r1: { A1: 'not-met', b1: 'partly' } },
    },
    s2: {
      u4: { r1: { a1: 'na', a2: 'na', a3: 'na', b1: 'not-met', b2: 'not-met', B1: 'met' } },
      u5: { r1: { A1: 'partly', B1: 'na' } },
    },
  })
