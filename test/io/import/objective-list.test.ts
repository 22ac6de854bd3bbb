import { describe, expect, it } from 'vitest'
import { right, left } from '../support.js'
import { mhipEvaluation } from '../../../src/data/mhip/index.js'
import {
  importObjectiveList,
  importObjectiveListEither,
  readObjectiveStatusEither,
} from '../../../src/io/import/objective-list.js'
import { objectiveListRows } from '../../../src/io/export/document-rows.js'
import { toCsv } from '../../../src/io/csv/write.js'
import { objectiveAttainment } from '../../../src/objectives/attainment.js'
import type { Evaluation } from '../../../src/model/evaluation.js'
import { RealistError } from '../../../src/model/problem.js'
import { deepFreeze } from '../../hardening/support.js'

/** The MHIP sites and units with no objective cells, objectives or impacts. */
const bare: Evaluation = {
  ...mhipEvaluation,
  sites: mhipEvaluation.sites.map((s) => ({
    ...s,
    units: s.units.map(({ impact: _impact, ...u }) => ({ ...u, objectiveCells: [], objectives: [] })),
  })),
}

// Leicestershire's rows of E-MHIP Table 7 (reference L1895-L1902): workstream, type, attained, total.
const LEICESTERSHIRE: readonly (readonly [string, string, number, number])[] = [
  ['Adult community mental health services', 'Analysis & planning', 1, 3],
  ['Adult community mental health services', 'Outcome changes', 0, 1],
  ['Psychodynamic psychotherapy services', 'Analysis & planning', 1, 2],
  ['Psychodynamic psychotherapy services', 'Process changes', 2, 3],
  ['Psychodynamic psychotherapy services', 'Outcome changes', 1, 1],
  ['Voluntary sector', 'Analysis & planning', 1, 3],
  ['Voluntary sector', 'Process changes', 1, 1],
  ['Services for black and minority ethnic communities', 'Analysis & planning', 1, 2],
  ['Services for black and minority ethnic communities', 'Process changes', 0, 1],
  ['Services for black and minority ethnic communities', 'Outcome changes', 0, 1],
  ["Older persons' services", 'Analysis & planning', 1, 1],
  ["Older persons' services", 'Process changes', 0, 1],
  ["Older persons' services", 'Outcome changes', 0, 2],
]

/** The same counts as individual objectives, one row each, as an evaluator's spreadsheet would list them. */
const listCsv = (): string => {
  const lines = ['Trust,Workstream,Ref,Type,Achieved?,Objective,Due to MHIP?']
  let n = 0
  for (const [unit, type, attained, total] of LEICESTERSHIRE)
    for (let i = 0; i < total; i++) {
      n++
      lines.push(
        `Leicestershire,"${unit}",L-${n},${type},${i < attained ? 'Achieved' : 'Not achieved'},"Objective ${n}",${i < attained ? 'High' : ''}`,
      )
    }
  return lines.join('\n') + '\n'
}

describe('importObjectiveListEither', () => {
  it("imports Leicestershire's 22 objectives listed one by one; attainment gives Table 7's 9 of 22 and 5/11, 3/6, 1/5 by type", () => {
    const ev = right(importObjectiveListEither(bare, listCsv()))
    const site = objectiveAttainment(ev, { by: ['site'] }).find((r) => r.site === 'leicestershire')!
    expect([site.attained, site.total]).toEqual([9, 22]) // L1896-L1902 site total
    const byType = objectiveAttainment(ev, { by: ['site', 'type'] }).filter((r) => r.site === 'leicestershire')
    const of = (type: string) => byType.find((r) => r.type === type)!
    expect([of('analysis-planning').attained, of('analysis-planning').total]).toEqual([5, 11])
    expect([of('process').attained, of('process').total]).toEqual([3, 6])
    expect([of('outcome').attained, of('outcome').total]).toEqual([1, 5])
    const unit = ev.sites.find((s) => s.id === 'leicestershire')!.units.find((u) => u.id === 'voluntary-sector')!
    // Rows 1-4 are Adult community services, 5-10 Psychodynamic psychotherapy: Voluntary sector's are 11-14.
    expect(unit.objectives.map((o) => [o.id, o.type, o.status, o.attribution])).toEqual([
      ['L-11', 'analysis-planning', 'attained', 'high'],
      ['L-12', 'analysis-planning', 'not-attained', undefined],
      ['L-13', 'analysis-planning', 'not-attained', undefined],
      ['L-14', 'process', 'attained', 'high'],
    ])
    expect(unit.objectives[0]!.text).toBe('Objective 11')
  })

  it('replaces an objective the unit already has (same id) and adds the rest; the base is unchanged', () => {
    const base = deepFreeze(
      right(importObjectiveListEither(bare, 'Workstream,Id,Type,Status\nVoluntary sector,v-1,process,no\n')),
    )
    const before = JSON.stringify(base)
    const next = right(
      importObjectiveListEither(
        base,
        'Workstream,Id,Type,Status\nVoluntary sector,v-1,process,yes\nVoluntary sector,v-2,outcome,?\n',
      ),
    )
    const unit = next.sites.flatMap((s) => s.units).find((u) => u.id === 'voluntary-sector')!
    expect(unit.objectives.map((o) => [o.id, o.status])).toEqual([
      ['v-1', 'attained'],
      ['v-2', 'unknown'],
    ])
    expect(JSON.stringify(base)).toBe(before)
  })

  it('reports every bad row with its line and column, and changes nothing', () => {
    const csv = [
      'Workstream,Id,Type,Status,Due to MHIP?',
      'Voluntary sector,v-1,process,maybe,', // line 2: status
      'Voluntary sector,v-1,process,yes,', // line 3: id used on line 2
      'Nowhere,v-3,process,yes,', // line 4: unknown unit
      'Voluntary sector,v-4,strategy,yes,', // line 5: unknown type
      'Voluntary sector,,process,yes,', // line 6: blank id
      'Voluntary sector,__proto__,process,yes,', // line 7: reserved id
      'Voluntary sector,v-8,process,yes,very', // line 8: attribution
      'Voluntary sector,v-9,,yes,', // line 9: blank type
    ].join('\n')
    const problems = left(importObjectiveListEither(bare, csv))
    const at = problems.map((p) => `${p.line}:${p.columnName ?? ''}:${p.code}`)
    expect(at).toEqual([
      '2:Status:value',
      '3:Id:duplicate',
      '4:Workstream:reference',
      '5:Type:reference',
      '6:Id:shape',
      '7:Id:value',
      '8:Due to MHIP?:value',
      '9:Type:shape',
    ])
    expect(problems[1]!.expected).toBe('an objective id not used before in the file (line 2 has it)')
  })

  it('refuses an id another unit uses, and a type the unit records as a count cell', () => {
    const ids = left(
      importObjectiveListEither(
        right(importObjectiveListEither(bare, 'Workstream,Id,Type,Status\nVoluntary sector,x-1,process,yes\n')),
        'Workstream,Id,Type,Status\nAccess,x-1,process,yes\n',
      ),
    )
    expect(ids).toHaveLength(1)
    expect(ids[0]).toMatchObject({
      line: 2,
      columnName: 'Id',
      code: 'duplicate',
      expected: 'an objective id not used by another unit (leicestershire › voluntary-sector has it)',
    })
    // The embedded dataset records Access's analysis & planning as a count cell (11 of 17).
    const cells = left(
      importObjectiveListEither(mhipEvaluation, 'Workstream,Id,Type,Status\nAccess,a-1,Analysis & planning,yes\n'),
    )
    expect(cells).toHaveLength(1)
    expect(cells[0]).toMatchObject({ line: 2, columnName: 'Type', code: 'consistency' })
  })

  it('round-trips through objectiveListRows → toCsv → import (formula-guarded text included)', () => {
    const withFormula =
      listCsv() + 'Leicestershire,Voluntary sector,L-99,Outcome changes,unknown,"=HYPERLINK(""http://x"")",na\n'
    const ev = right(importObjectiveListEither(bare, withFormula))
    const csv = toCsv(objectiveListRows(ev))
    expect(csv).toContain(`"'=HYPERLINK(""http://x"")"`)
    const back = right(importObjectiveListEither(bare, csv, { stripFormulaGuard: true }))
    const listed = (e: Evaluation) => e.sites.flatMap((s) => s.units.map((u) => [u.id, u.objectives]))
    expect(listed(back)).toEqual(listed(ev))
    expect(objectiveListRows(back)).toHaveLength(23)
    expect(objectiveListRows(back).find((r) => r.id === 'L-99')).toEqual({
      site: 'leicestershire',
      unit: 'voluntary-sector',
      id: 'L-99',
      type: 'outcome',
      status: 'unknown',
      text: '=HYPERLINK("http://x")',
      attribution: 'na',
      ref: null,
    })
  })

  it('the throwing form throws a RealistError listing the problems', () => {
    expect(() => importObjectiveList(bare, 'Workstream,Id,Type,Status\nVoluntary sector,v-1,process,maybe\n')).toThrow(
      RealistError,
    )
    expect(() => importObjectiveList(bare, 'Workstream,Type,Status\nVoluntary sector,process,yes\n')).toThrow(/id/)
  })
})

describe('readObjectiveStatus', () => {
  it('reads the usual spellings in any case', () => {
    for (const [text, status] of [
      ['Attained', 'attained'],
      ['ACHIEVED', 'attained'],
      ['yes', 'attained'],
      ['Not attained', 'not-attained'],
      ['not-met', 'not-attained'],
      ['No', 'not-attained'],
      ['?', 'unknown'],
      ['Unknown', 'unknown'],
      ["Don't know", 'unknown'],
    ] as const)
      expect(readObjectiveStatusEither(text)).toEqual({ _tag: 'Right', right: status })
    expect(readObjectiveStatusEither('')._tag).toBe('Left')
    expect(readObjectiveStatusEither('partly')._tag).toBe('Left')
  })
})
