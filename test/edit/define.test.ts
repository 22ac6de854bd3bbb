import { describe, expect, it } from 'vitest'
import * as E from 'fp-ts/lib/Either.js'
import { parseEvaluation } from '../../src/document/decode.js'
import type { Evaluation } from '../../src/model/evaluation.js'
import { problem, RealistError } from '../../src/model/problem.js'
import { applyEdit, applyEdits, defineEdit, edit } from '../../src/edit/define.js'
import { renameSite } from '../../src/edit/sites.js'
import { addUnit } from '../../src/edit/units.js'
import { rate } from '../../src/edit/ratings.js'
import { sampleDocument } from '../support/arbitraries.js'

const sample = (): Evaluation => parseEvaluation(sampleDocument())
const lines = (r: E.Either<readonly { where: string; expected: string; found: string; code: string }[], unknown>) =>
  E.isLeft(r) ? r.left.map((p) => `${p.where}: expected ${p.expected}, found ${p.found} [${p.code}]`) : 'accepted'

describe('defineEdit and applyEdit', () => {
  const retitle = defineEdit<{ title: string }>(
    'retitle',
    (_ev, { title }) =>
      title === '' ? [problem(['title'], 'a non-empty title', title, 'value', 'retitle › title')] : [],
    (draft, { title }) => {
      draft.title = title
    },
  )

  it('builds an edit value that records its op and args', () => {
    const e = retitle({ title: 'E-MHIP' })
    expect([e.op, e.args]).toEqual(['retitle', { title: 'E-MHIP' }])
  })

  it('applies the recipe when the check finds nothing, sharing the rest', () => {
    const ev = sample()
    const next = applyEdit(ev, retitle({ title: 'E-MHIP' }))
    expect(E.isRight(next) && next.right.title).toBe('E-MHIP')
    expect(E.isRight(next) && next.right.sites).toBe(ev.sites)
    expect(ev.title).toBe('Sample')
  })

  it('never runs the recipe when the check refuses', () => {
    let ran = false
    const spy = defineEdit<null>(
      'spy',
      () => [problem([], 'nothing', 1, 'value')],
      () => {
        ran = true
      },
    )
    expect(E.isLeft(applyEdit(sample(), spy(null)))).toBe(true)
    expect(ran).toBe(false)
  })
})

describe('applyEdits and edit', () => {
  it('apply edits in order, each checked against the state the previous ones left', () => {
    const next = edit(
      sample(),
      addUnit({ site: 'ss', id: 'older', name: 'Older people' }),
      rate({ unit: 'older', target: '2.4', level: 'partly' }),
    )
    expect((next.sites[0]!.units[2]!.ratings as any).r1).toEqual({ '2.4': { level: 'partly' } })
  })

  it('are all or nothing, naming the refused edit by position', () => {
    const ev = sample()
    const r = applyEdits(ev, [
      addUnit({ site: 'ss', id: 'older', name: 'Older people' }),
      rate({ unit: 'older', target: '2.4', level: 'good' }),
    ])
    expect(lines(r)).toEqual([
      'edit 2 (rate) › rate › level: expected a level of scale emhip (met | partly | not-met) or "na", found "good" [value]',
    ])
    expect(ev.sites[0]!.units).toHaveLength(2)
    expect(() => edit(ev, renameSite({ site: 'nowhere', name: 'x' }))).toThrowError(RealistError)
    expect(() => edit(ev, renameSite({ site: 'nowhere', name: 'x' }))).toThrowError(
      '[realist-eval] edit: 1 problem\n  - edit 1 (renameSite) › renameSite › site: expected the id of a site of this evaluation, found "nowhere"',
    )
  })

  it("holds every edit's arguments to the decoder's limits, so an edited document always decodes again", () => {
    const big = 'x'.repeat(10_000_000)
    const r = applyEdit(sample(), renameSite({ site: 'ss', name: big }))
    expect(lines(r)).toEqual([
      `renameSite › name: expected a string of at most 1000000 characters, found "${'x'.repeat(60)}…" (10000000 characters) [limit]`,
    ])
    // Keys and list lengths too; a limit problem comes alone (the other checks are not run).
    expect(
      lines(
        applyEdit(
          sample(),
          addUnit({ site: 'nope', id: 'u', name: 'U', aliases: Array.from({ length: 1_000_001 }, () => 'a') }),
        ),
      ),
    ).toEqual(['addUnit › aliases: expected at most 1000000 items, found an array of 1000001 [limit]'])
    // At the limit itself the edit goes through.
    expect(E.isRight(applyEdit(sample(), renameSite({ site: 'ss', name: 'x'.repeat(1_000_000) })))).toBe(true)
  })

  it('refuses arguments nested deeper than 54 (the document limit, 64, less what an edit adds) instead of overflowing', () => {
    let deep: unknown = 'leaf'
    for (let i = 0; i < 10_000; i++) deep = [deep]
    const ps = E.isLeft(
      applyEdit(sample(), rate({ unit: 'acute', target: '2.4', level: 'met', evidence: deep as never })),
    )
    expect(ps).toBe(true)
    expect(
      lines(applyEdit(sample(), rate({ unit: 'acute', target: '2.4', level: 'met', evidence: deep as never })))[0],
    ).toMatch(/^rate › evidence\[0\]\[0\].*: expected nesting at most 54 deep, found an array of 1 \[limit\]$/)
  })
})
