import { describe, expect, it } from 'vitest'
import * as E from 'fp-ts/lib/Either.js'
import { parseEvaluation } from '../../src/document/decode.js'
import type { Evaluation } from '../../src/model/evaluation.js'
import { applyEdit, edit } from '../../src/edit/define.js'
import { addSite, removeSite, renameSite } from '../../src/edit/sites.js'
import { sampleDocument } from '../support/arbitraries.js'

const sample = (): Evaluation => parseEvaluation(sampleDocument())
const lines = (r: E.Either<readonly { where: string; expected: string; found: string; code: string }[], unknown>) =>
  E.isLeft(r) ? r.left.map((p) => `${p.where}: expected ${p.expected}, found ${p.found} [${p.code}]`) : 'accepted'

describe('site edits', () => {
  it('add, rename and remove a site', () => {
    const added = edit(sample(), addSite({ id: 'swl', name: 'South West London', aliases: ['SWL'] }))
    expect(added.sites[1]).toEqual({ id: 'swl', name: 'South West London', aliases: ['SWL'], units: [] })
    expect(edit(added, renameSite({ site: 'swl', name: 'SW London' })).sites[1]!.name).toBe('SW London')
    expect(edit(added, removeSite({ site: 'swl' })).sites.map((s) => s.id)).toEqual(['ss'])
  })

  it('refuses a taken site id and bad aliases', () => {
    expect(lines(applyEdit(sample(), addSite({ id: 'ss', name: 'Again', aliases: ['x', 3] as never })))).toEqual([
      'addSite › id: expected a site id not used yet, found "ss" [duplicate]',
      'addSite › aliases: expected a list of strings, found an array of 2 [shape]',
    ])
  })

  it('refuses to remove a site that has units, or that evidence names', () => {
    expect(lines(applyEdit(sample(), removeSite({ site: 'ss' })))).toEqual([
      'removeSite › site: expected a site without units (remove its 2 units first), found "ss" [consistency]',
    ])
    const doc = sampleDocument() as any
    doc.sites.push({ id: 'leics', name: 'Leicestershire', aliases: [], units: [] })
    doc.sources[0].site = 'leics'
    expect(lines(applyEdit(parseEvaluation(doc), removeSite({ site: 'leics' })))).toEqual([
      'removeSite › site: expected a site nothing refers to (source doc1 name it), found "leics" [reference]',
    ])
  })
})
