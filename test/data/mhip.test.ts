import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { emhipFramework } from '../../src/data/emhip-framework.js'
import { getSiteByName, mhipEvaluation, mhipObjectiveTypes, resolveSite } from '../../src/data/mhip/index.js'
import { encodeEvaluation } from '../../src/model/codec.js'
import { decodeEvaluation } from '../../src/document/decode.js'
import { RealistError } from '../../src/model/problem.js'
import { objectiveProblems } from '../../src/objectives/index.js'

describe('mhipEvaluation as a document', () => {
  it('is sound: no objective problems, and it survives JSON encode → decode unchanged', () => {
    expect(objectiveProblems(mhipEvaluation)).toEqual([])
    const decoded = decodeEvaluation(JSON.parse(JSON.stringify(encodeEvaluation(mhipEvaluation))))
    expect(E.isRight(decoded) ? [] : decoded.left).toEqual([])
    expect(JSON.parse(JSON.stringify(E.isRight(decoded) ? decoded.right : null))).toEqual(
      JSON.parse(JSON.stringify(mhipEvaluation)),
    )
  })

  it('uses the E-MHIP framework, one round and no ratings (the report publishes none per unit)', () => {
    expect(mhipEvaluation.framework).toBe(emhipFramework)
    expect(mhipEvaluation.rounds.map((r) => r.id)).toEqual(['mhip-2008'])
    for (const s of mhipEvaluation.sites) for (const u of s.units) expect(Object.keys(u.ratings)).toEqual([])
  })

  it('has the three objective types of L1875-L1879 in Table 7 column order', () => {
    expect(mhipObjectiveTypes.map((t) => t.label)).toEqual([
      'Analysis & planning',
      'Process changes',
      'Outcome changes',
    ])
    expect(mhipEvaluation.objectiveTypes).toBe(mhipObjectiveTypes)
  })

  it('has 4 sites with 5, 5, 1 and 4 workstreams (DOMAIN §2; Table 7 L1887-L1904)', () => {
    expect(mhipEvaluation.sites.map((s) => [s.name, s.units.length])).toEqual([
      ['South Staffordshire', 5],
      ['Leicestershire', 5],
      ['South West Yorkshire', 1],
      ['South West London', 4],
    ])
  })
})

describe('site names the report uses resolve to one site', () => {
  it.each([
    ['SSHT', 'south-staffordshire'], // L359
    ['South Staffordshire Healthcare NHS Trust', 'south-staffordshire'], // L347
    ['South Staffs', 'south-staffordshire'], // L1286
    ['S. Staffs', 'south-staffordshire'], // L2126
    ['Leicester', 'leicestershire'], // Table 7, L1893
    ['LPT', 'leicestershire'], // L359
    ['Leicestershire Partnership NHS Trust', 'leicestershire'], // L808
    ['Leics', 'leicestershire'], // L2126
    ['SWYMHT', 'south-west-yorkshire'], // L880
    ['SW Yorks', 'south-west-yorkshire'], // L2126
    ['South West Yorkshire Mental Health NHS Trust', 'south-west-yorkshire'], // L350
    ['SWLSG', 'south-west-london'], // L359
    ['SWLSTG', 'south-west-london'], // L1322
    ["South West London & St George's Mental Health NHS Trust", 'south-west-london'], // L896
    ['south west london and st. george’s mental health nhs trust', 'south-west-london'], // L349, curly apostrophe, lower case
  ])('%s → %s', (name, id) => {
    expect(getSiteByName(mhipEvaluation, name).id).toBe(id)
  })

  it('an unknown name is a Left naming the sites, and the throwing form says the same', () => {
    const r = resolveSite(mhipEvaluation, 'Kent')
    expect(E.isLeft(r) && r.left[0]).toMatchObject({ code: 'reference', found: '"Kent"', where: 'site' })
    expect(E.isLeft(r) && r.left[0]!.expected).toContain('South West London')
    expect(() => getSiteByName(mhipEvaluation, 'Kent')).toThrow(RealistError)
    expect(() => getSiteByName(mhipEvaluation, 'Kent')).toThrow(
      /^\[realist-eval\] getSiteByName: 1 problem\n {2}- site: expected a site id, name or alias/,
    )
  })

  it('a name shared by two sites is refused as ambiguous, not resolved to the first', () => {
    const ev = {
      ...mhipEvaluation,
      sites: mhipEvaluation.sites.map((s) => ({ ...s, aliases: [...s.aliases, 'Pilot'] })),
    }
    const r = resolveSite(ev, 'pilot')
    expect(E.isLeft(r) && r.left[0]).toMatchObject({ code: 'duplicate' })
  })
})
