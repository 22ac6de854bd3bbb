import { describe, expect, it } from 'vitest'
import * as E from 'fp-ts/lib/Either.js'
import { parseEvaluation } from '../../src/document/decode.js'
import { edit } from '../../src/edit/define.js'
import { addRound } from '../../src/edit/rounds.js'
import { rate } from '../../src/edit/ratings.js'
import { compareRounds, compareRoundsEither } from '../../src/standards/compare.js'
import { compareGroups } from '../../src/standards/groups.js'
import { twoInstrumentDocument } from '../model/instruments-fixture.js'

// The two-instrument fixture (compliance: fully > almost > partly > not) with a second round r2:
//   round r1: site ss as a whole c2 almost; acute c2 fully (counted); acute c1 only by raters (ann almost, bob partly).
//   round r2: site ss c2 fully; acute c2 almost; acute c1 by ann fully, bob almost; crisis c2 not.
const doc = () =>
  edit(
    parseEvaluation(twoInstrumentDocument()),
    addRound({ id: 'r2', label: 'Follow-up' }),
    rate({ site: 'ss', instrument: 'compliance', target: 'c2', level: 'fully', round: 'r2' }),
    rate({ unit: 'acute', instrument: 'compliance', target: 'c2', level: 'almost', round: 'r2' }),
    rate({ unit: 'acute', instrument: 'compliance', target: 'c1', level: 'fully', round: 'r2', by: 'ann' }),
    rate({ unit: 'acute', instrument: 'compliance', target: 'c1', level: 'almost', round: 'r2', by: 'bob' }),
    rate({ unit: 'crisis', instrument: 'compliance', target: 'c2', level: 'not', round: 'r2' }),
  )

describe('compareRounds on another instrument', () => {
  it('pairs and moves on the chosen instrument, the site rated as a whole included', () => {
    const c = compareRounds(doc(), { from: 'r1', to: 'r2' }, { instrument: 'compliance' })
    // Rated in both rounds on compliance: the site as a whole and acute; crisis only in r2.
    expect(c.pairing.both).toBe(2)
    expect(c.pairing.onlyTo).toEqual([{ site: 'ss', unit: 'crisis' }])
    // Moves (consensus): the site c2 almost → fully (+1); acute c2 fully → almost (−1). acute c1 has no counted rating.
    expect(c.moves.map((m) => `${m.unit ?? 'site'} ${m.standard} ${m.from}→${m.to} ${m.steps}`)).toEqual([
      'site c2 almost→fully 1',
      'acute c2 fully→almost -1',
    ])
    // Under 'best', acute c1 counts ann: r1 almost (ann's best), r2 fully: one more move, +1.
    const best = compareRounds(doc(), { from: 'r1', to: 'r2' }, { instrument: 'compliance', raters: 'best' })
    expect(best.moves.map((m) => `${m.unit ?? 'site'} ${m.standard} ${m.steps}`)).toEqual([
      'site c2 1',
      'acute c1 1',
      'acute c2 -1',
    ])
    expect(best.policy.raters).toBe('best')
    // All sites, c2, attained = fully: r1 1/2 (acute), r2 1/2 (the site) among the paired.
    const all = c.changes.find((x) => x.site === null && x.standard === 'c2')!
    expect([all.from.k, all.from.n, all.to.k, all.to.n]).toEqual([1, 2, 1, 2])
  })

  it('refuses an unknown instrument, naming the instruments there are; the default is unchanged', () => {
    const r = compareRoundsEither(doc(), { from: 'r1', to: 'r2' }, { instrument: 'quality' })
    expect(E.isLeft(r) && r.left.map((p) => `${p.where}: ${p.expected}`)).toEqual([
      'policy › instrument: an instrument id of this evaluation ("emhip" | "compliance")',
    ])
    expect(JSON.stringify(compareRounds(doc(), { from: 'r1', to: 'r2' }, { instrument: 'emhip' }))).toBe(
      JSON.stringify(compareRounds(doc(), { from: 'r1', to: 'r2' })),
    )
  })

  it('compareGroups takes the instrument too: site against site on compliance c2 in round 2', () => {
    // Grouped by rated entity, round 2, c2, attained = fully: the site as a whole (fully) 1/1 against crisis (not) 0/1.
    const g = compareGroups(
      doc(),
      { by: 'unit', a: 'ss', b: 'crisis', standard: 'c2', round: 'r2' },
      { instrument: 'compliance' },
    )
    expect([g.a.k, g.a.n, g.b.k, g.b.n]).toEqual([1, 1, 0, 1])
  })
})
