/**
 * Imports resolve names unambiguously: a cell that is one thing's id and
 * another thing's name is a problem at its line and column naming both, never
 * a silent pick; a cell written exactly as an id finds that thing when
 * nothing else is called by it; `exactIds` reads every cell as an exact id.
 * The documents are built by hand so that each collision is the one named.
 */
import { describe, expect, it } from 'vitest'
import { left, right } from '../support.js'
import { decodeEvaluation } from '../../../src/document/decode.js'
import { importObjectivesEither, importRatingsLongEither, importRatingsWideEither } from '../../../src/io/index.js'
import type { Evaluation } from '../../../src/model/evaluation.js'
import { sampleDocument } from '../../support/arbitraries.js'

type Doc = ReturnType<typeof sampleDocument> & Record<string, unknown>

/** The sample document (site ss with units acute and crisis, round r1, standards 1.1 and 2.4), changed by `edit`. */
const docWith = (edit: (d: Doc) => void): Evaluation => {
  const d = sampleDocument() as Doc
  for (const u of d.sites[0]!.units) u.ratings = {}
  edit(d)
  return right(decodeEvaluation(d))
}

const ratingOf = (ev: Evaluation, unit: string, round: string, target: string) =>
  (
    ev.sites.flatMap((s) => s.units).find((u) => u.id === unit)!.ratings as Record<
      string,
      Record<string, { level: string }>
    >
  )[round]?.[target]

describe('units', () => {
  // Unit acute is named "crisis-team"; unit crisis has the id… no: crisis's id is "crisis", and acute's name is "crisis".
  const ev = docWith((d) => {
    d.sites[0]!.units[0]!.name = 'crisis'
  })

  it('a cell that is one unit id and another unit name is a problem naming both, at its line and column', () => {
    const problems = left(importRatingsLongEither(ev, 'site,unit,standard,level\nss,crisis,1.1,met\n'))
    expect(problems).toHaveLength(1)
    expect(problems[0]).toMatchObject({ line: 2, column: 2, columnName: 'unit', code: 'duplicate' })
    expect(problems[0]!.expected).toContain('acute ("crisis")')
    expect(problems[0]!.expected).toContain('crisis ("Crisis resolution")')
    // Without a site column too.
    const noSite = left(importRatingsLongEither(ev, 'unit,standard,level\ncrisis,1.1,met\n'))
    expect(noSite[0]).toMatchObject({ line: 2, column: 1, code: 'duplicate' })
    expect(noSite[0]!.expected).toContain('ss › acute')
    expect(noSite[0]!.expected).toContain('ss › crisis')
  })

  it('an unconfusable name still resolves, and exactIds reads the cell as an id', () => {
    expect(
      ratingOf(
        right(importRatingsLongEither(ev, 'site,unit,standard,level\nss,Crisis resolution,1.1,met\n')),
        'crisis',
        'r1',
        '1.1',
      ),
    ).toEqual({ level: 'met' })
    const exact = right(
      importRatingsLongEither(ev, 'site,unit,standard,level\nss,crisis,1.1,met\n', { exactIds: true }),
    )
    expect(ratingOf(exact, 'crisis', 'r1', '1.1')).toEqual({ level: 'met' })
    expect(ratingOf(exact, 'acute', 'r1', '1.1')).toBeUndefined()
    // exactIds does not read names.
    expect(
      left(
        importRatingsLongEither(ev, 'site,unit,standard,level\nss,Crisis resolution,1.1,met\n', { exactIds: true }),
      )[0],
    ).toMatchObject({ line: 2, column: 2, code: 'reference' })
  })

  it('an id written exactly wins over another id that only reads alike', () => {
    const twins = docWith((d) => {
      d.sites[0]!.units[0]!.id = 'a.b'
      d.sites[0]!.units[1]!.id = 'a-b'
      d.sites[0]!.units[1]!.name = 'Other'
    })
    expect(
      ratingOf(right(importRatingsLongEither(twins, 'site,unit,standard,level\nss,a-b,1.1,met\n')), 'a-b', 'r1', '1.1'),
    ).toEqual({ level: 'met' })
    // Loosely ("A B") it could be either.
    expect(left(importRatingsLongEither(twins, 'site,unit,standard,level\nss,A B,1.1,met\n'))[0]).toMatchObject({
      line: 2,
      code: 'duplicate',
    })
  })
})

describe('rounds', () => {
  // The audit's case: round r1 is labelled "r2", the id of the other round.
  const ev = docWith((d) => {
    d.rounds = [
      { id: 'r1', label: 'r2', date: '2006-10-01' },
      { id: 'r2', label: 'Follow-up', date: '2007-10-01' },
    ]
  })

  it('a round cell that is one round id and another round label is a problem naming both', () => {
    const problems = left(importRatingsLongEither(ev, 'site,unit,round,standard,level\nss,acute,r2,1.1,met\n'))
    expect(problems).toHaveLength(1)
    expect(problems[0]).toMatchObject({ line: 2, column: 3, columnName: 'round', code: 'duplicate' })
    expect(problems[0]!.expected).toContain('r1 ("r2")')
    expect(problems[0]!.expected).toContain('r2 ("Follow-up")')
  })

  it('with exactIds the round is r2', () => {
    const ev2 = right(
      importRatingsLongEither(ev, 'site,unit,round,standard,level\nss,acute,r2,1.1,met\n', { exactIds: true }),
    )
    expect(ratingOf(ev2, 'acute', 'r2', '1.1')).toEqual({ level: 'met' })
    expect(ratingOf(ev2, 'acute', 'r1', '1.1')).toBeUndefined()
  })
})

describe('sites', () => {
  const ev = docWith((d) => {
    d.sites.push({
      id: 'north',
      name: 'Northern',
      aliases: [],
      units: [{ id: 'n1', name: 'N one', ratings: {}, objectives: [], objectiveCells: [] }],
    })
    d.sites[0]!.aliases = ['North']
  })

  it('a site cell that is one site id and another site alias is a problem naming both', () => {
    const problems = left(importRatingsLongEither(ev, 'site,unit,standard,level\nnorth,n1,1.1,met\n'))
    expect(problems[0]).toMatchObject({ line: 2, column: 1, columnName: 'site', code: 'duplicate' })
    expect(problems[0]!.expected).toContain('north ("Northern")')
    expect(problems[0]!.expected).toContain('ss ("South Staffordshire")')
    expect(
      ratingOf(
        right(importRatingsLongEither(ev, 'site,unit,standard,level\nnorth,n1,1.1,met\n', { exactIds: true })),
        'n1',
        'r1',
        '1.1',
      ),
    ).toEqual({ level: 'met' })
  })
})

describe('standards and criteria', () => {
  // Standard 2.4 is titled "1.1.1", the id of a criterion of 1.1.
  const ev = docWith((d) => {
    d.framework.sections[1]!.standards[0]!.title = '1.1.1'
  })

  it('a target cell that is one id and another wording is a problem naming both (long and wide)', () => {
    const long = left(importRatingsLongEither(ev, 'site,unit,standard,level\nss,acute,1.1.1,met\n'))
    expect(long[0]).toMatchObject({ line: 2, column: 3, code: 'duplicate' })
    expect(long[0]!.expected).toContain('1.1.1 ("First criterion")')
    expect(long[0]!.expected).toContain('2.4 ("1.1.1")')
    const wide = left(importRatingsWideEither(ev, 'site,unit,1.1.1\nss,acute,met\n'))
    expect(wide[0]).toMatchObject({ line: 1, column: 3, code: 'duplicate' })
    expect(
      ratingOf(
        right(importRatingsLongEither(ev, 'site,unit,standard,level\nss,acute,1.1.1,met\n', { exactIds: true })),
        'acute',
        'r1',
        '1.1.1',
      ),
    ).toEqual({ level: 'met' })
  })

  it('"Standard 2.4" still finds 2.4 by its id', () => {
    expect(
      ratingOf(
        right(importRatingsLongEither(ev, 'site,unit,standard,level\nss,acute,Standard 2.4,met\n')),
        'acute',
        'r1',
        '2.4',
      ),
    ).toEqual({ level: 'met' })
  })
})

describe('levels', () => {
  // The decoder refuses a level name shared by two levels; not applicable is not a level, so a level may be called like it.
  it('a level called like not applicable is ambiguous with it', () => {
    const na = docWith((d) => {
      d.framework.scale.levels[2]!.aliases = ['N/A']
    })
    const problems = left(importRatingsLongEither(na, 'site,unit,standard,level\nss,acute,1.1,n/a\n'))
    expect(problems[0]).toMatchObject({ line: 2, column: 4, code: 'duplicate' })
    expect(problems[0]!.expected).toContain('not-met ("Not met")')
    expect(problems[0]!.expected).toContain('na ("not applicable")')
    // With exactIds the cell is not-met's id or "na", exactly.
    expect(
      ratingOf(
        right(importRatingsLongEither(na, 'site,unit,standard,level\nss,acute,1.1,na\n', { exactIds: true })),
        'acute',
        'r1',
        '1.1',
      ),
    ).toEqual({ level: 'na' })
  })
})

describe('objective types', () => {
  const ev = docWith((d) => {
    d.objectiveTypes = [
      { id: 'process', label: 'outcome' },
      { id: 'outcome', label: 'Outcome change' },
    ]
    d.sites[0]!.units[0]!.objectiveCells = []
  })

  it('a type cell that is one type id and another type label is a problem naming both', () => {
    const problems = left(importObjectivesEither(ev, 'site,unit,type,attained,total\nss,acute,outcome,1,2\n'))
    expect(problems[0]).toMatchObject({ line: 2, column: 3, code: 'duplicate' })
    expect(problems[0]!.expected).toContain('process ("outcome")')
    const exact = right(
      importObjectivesEither(ev, 'site,unit,type,attained,total\nss,acute,outcome,1,2\n', { exactIds: true }),
    )
    expect(exact.sites[0]!.units[0]!.objectiveCells).toEqual([{ type: 'outcome', attained: 1, total: 2 }])
  })
})
