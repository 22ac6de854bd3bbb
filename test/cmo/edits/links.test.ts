import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { applyEdit } from '../../../src/edit/define.js'
import { tagContextStandards, tagOutcome } from '../../../src/cmo/index.js'
import { apply, base } from '../fixtures.js'

const wheres = (r: E.Either<readonly { where: string }[], unknown>) =>
  E.isLeft(r) ? r.left.map((p) => p.where) : ['accepted']

describe('tagging contexts with standards and outcomes with objective types', () => {
  it('tags a context with standards found by id or wording, keeping existing tags once', () => {
    // Table 5 wording of 1.2 (DOMAIN.md §2, L1230)
    const ev = apply(
      base(),
      tagContextStandards({
        element: 'ready',
        standards: ['1.1', 'The existing organisational structure is supportive of change'],
      }),
    )
    expect(ev.elements[0]).toMatchObject({ id: 'ready', standards: ['1.1', '1.2'] })
  })

  it('tags an outcome with objective types', () => {
    const ev = apply(
      base(),
      tagOutcome({ element: 'low', objectiveTypes: ['outcome', 'process'] }),
      tagOutcome({ element: 'low', objectiveTypes: ['outcome'] }),
    )
    expect(ev.elements[4]).toMatchObject({ id: 'low', objectiveTypes: ['outcome', 'process'] })
  })

  it('refuses the wrong role, an unknown standard and an unknown objective type or objective', () => {
    expect(wheres(applyEdit(base(), tagContextStandards({ element: 'events', standards: ['1.1'] })))).toEqual([
      'tagContextStandards › element',
    ])
    expect(wheres(applyEdit(base(), tagContextStandards({ element: 'ready', standards: ['1.1', '9.9'] })))).toEqual([
      'tagContextStandards › standards[1]',
    ])
    expect(wheres(applyEdit(base(), tagOutcome({ element: 'ready', objectiveTypes: ['outcome'] })))).toEqual([
      'tagOutcome › element',
    ])
    expect(
      wheres(applyEdit(base(), tagOutcome({ element: 'low', objectiveTypes: ['nope'], objectives: ['o9'] }))),
    ).toEqual(['tagOutcome › objectiveTypes[0]', 'tagOutcome › objectives[0]'])
  })
})
