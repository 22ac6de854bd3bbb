import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { mhipEvaluation } from '../../src/data/mhip/index.js'
import { objectiveAttainment, type ObjectiveAttainmentRow } from '../../src/objectives/index.js'

// The embedded dataset is checked cell for cell against the report's own text:
// test/data/mhip-table7.tsv holds L1885-L1906 of the reference text verbatim
// (tab-separated columns: site, workstream, then count + "Due to MHIP?" for
// analysis & planning, process, outcome, then impact). Nothing below is typed
// in from the dataset.
const lines = readFileSync(join(__dirname, 'mhip-table7.tsv'), 'utf8')
  .split('\n')
  .filter((l) => l !== '' && !l.startsWith('#'))
const FIRST_LINE = 1885
const strip = (s: string | undefined) =>
  (s ?? '')
    .replace(/<\/?b>/g, '')
    .replace(/\s+/g, '')
    .trim()
const TYPES = ['analysis-planning', 'process', 'outcome'] as const
const SITE_OF: Record<string, string> = {
  'South Staffordshire': 'south-staffordshire',
  Leicester: 'leicestershire',
  'South West Yorkshire': 'south-west-yorkshire',
  'South West London': 'south-west-london',
}

type Parsed = { line: number; site: string; name: string; cols: string[] }
const parsed: Parsed[] = []
let site = ''
lines.slice(2).forEach((l, k) => {
  const cols = l.split('\t')
  if (cols[0]!.trim() !== '' && !cols[0]!.includes('OVERALL')) site = SITE_OF[cols[0]!.trim()]!
  parsed.push({ line: FIRST_LINE + 2 + k, site, name: (cols[1] ?? '').trim(), cols })
})
// The fixture has no blank lines, so line = FIRST_LINE + index; check the two anchors we rely on.
it('fixture is the verbatim Table 7 (header at L1885, MHIP OVERALL at L1906)', () => {
  expect(lines[0]).toMatch(/^Site\tWorkstream\tAnalysis & planning/)
  expect(parsed.at(-1)!.cols[0]).toContain('MHIP OVERALL')
  expect(parsed.at(-1)!.line).toBe(1906)
})

const workstreamRows = parsed.filter((p) => /^\d+\./.test(p.name))
const totalRows = parsed.filter((p) => p.name.includes('TOTAL') || p.cols[0]!.includes('OVERALL'))
const units = mhipEvaluation.sites.flatMap((s) => s.units.map((u) => ({ site: s, unit: u })))

describe('embedded MHIP dataset = Table 7 cell for cell', () => {
  it('has the 15 workstreams of Table 7 in report order, in the right sites', () => {
    expect(workstreamRows).toHaveLength(15)
    expect(units.map((x) => x.site.id)).toEqual(workstreamRows.map((r) => r.site))
    // Names as printed, without the "1." numbering (SWY's parenthesis is kept in subUnits.note).
    units.forEach(({ unit }, k) => expect(workstreamRows[k]!.name.replace(/^\d+\.\s*/, '')).toContain(unit.name))
  })

  it.each(workstreamRows.map((r, k) => [r.line, r, k] as const))(
    'L%i: counts, attributions, impact and line reference',
    (line, row, k) => {
      const { unit } = units[k]!
      expect(unit.ref?.lines).toBe(`L${line}`)
      TYPES.forEach((type, t) => {
        const count = strip(row.cols[2 + 2 * t])
        const due = strip(row.cols[3 + 2 * t])
        const cell = unit.objectiveCells.find((c) => c.type === type)
        if (count === '') {
          // empty in the report = no objectives of that type = no cell
          expect(cell, `${unit.id} ${type}`).toBeUndefined()
          return
        }
        const [attained, total] = count.split('/')
        expect(cell, `${unit.id} ${type}`).toBeDefined()
        expect(cell!.attained).toBe(attained === '?' ? null : Number(attained))
        expect(cell!.total).toBe(Number(total))
        // blank "Due to MHIP?" = no attribution field; NA = 'na'
        expect(cell!.attribution).toBe(due === '' ? undefined : due.toLowerCase())
        expect(cell!.ref?.lines).toBe(`L${line}`)
      })
      const impactText = (row.cols[8] ?? '').trim()
      const [levelWord] = impactText.split(/[ ;]/)
      expect(unit.impact?.level).toBe(levelWord!.toLowerCase())
      expect(unit.impact?.qualifier).toBe(impactText.includes(' ') ? impactText : undefined)
    },
  )

  it('keeps every kind of mess the table has', () => {
    const cellOf = (siteId: string, unitId: string, type: string) =>
      mhipEvaluation.sites
        .find((s) => s.id === siteId)!
        .units.find((u) => u.id === unitId)!
        .objectiveCells.find((c) => c.type === type)!
    expect(cellOf('south-staffordshire', 'acute-care', 'outcome')).toMatchObject({
      attained: null,
      total: 2,
      attribution: 'low',
    }) // ?/2 Low, L1887
    expect('attribution' in cellOf('south-west-london', 'social-care-integration', 'analysis-planning')).toBe(false) // 4/5 blank, L1903
    expect(cellOf('south-west-yorkshire', 'service-development', 'process')).toMatchObject({
      attained: 0,
      total: 9,
      attribution: 'low',
    }) // 0/9 Low, L1899
    const swy = mhipEvaluation.sites[2]!.units[0]!
    expect(swy.subUnits?.count).toBe(9) // "including 9 new workstreams in year 2", L1899
    const acute = mhipEvaluation.sites[0]!.units[0]!
    expect(acute.impact?.level).toBe('na') // NA, L1887 ...
    expect(mhipEvaluation.sites[0]!.units[1]!.impact?.level).toBe('none') // ... vs None, L1888
  })
})

describe('aggregation reproduces every TOTAL row of Table 7 (report policy: ? = not attained)', () => {
  const bySiteType = objectiveAttainment(mhipEvaluation, { by: ['site', 'type'], unknown: 'not-attained' })
  const byType = objectiveAttainment(mhipEvaluation, { by: ['type'], unknown: 'not-attained' })
  const asText = (r: ObjectiveAttainmentRow) => (r.total === 0 ? '' : `${r.low}/${r.denominator}`)
  it.each(totalRows.map((r) => [r.line, r] as const))('L%i', (_line, row) => {
    const printed = TYPES.map((_, t) => strip(row.cols[2 + 2 * t]))
    const computed = row.cols[0]!.includes('OVERALL')
      ? TYPES.map((type) => asText(byType.find((r) => r.type === type)!))
      : TYPES.map((type) => asText(bySiteType.find((r) => r.site === row.site && r.type === type)!))
    expect(computed).toEqual(printed)
  })
  it('found all five TOTAL rows (4 sites + MHIP OVERALL, L1892-L1906)', () =>
    expect(totalRows.map((r) => r.line)).toEqual([1892, 1898, 1900, 1905, 1906]))
})
