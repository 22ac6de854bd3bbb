import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { report } from '../../src/cli/commands/report.js'
import type { CliEnv } from '../../src/cli/env.js'
import { addCmoElement } from '../../src/cmo/edits/elements.js'
import { applyEdits, edit } from '../../src/edit/define.js'
import type { Evaluation } from '../../src/model/evaluation.js'
import {
  assumptionRows,
  minimise,
  qcaHypothesisEdits,
  qcaHypothesisEditsEither,
  qcaRows,
  qcaRowsEither,
  solutionRows,
  truthTable,
  truthTableRows,
} from '../../src/qca/index.js'
import {
  qcaSolutionTable,
  qcaTruthTableTable,
  qcaXyPlotSvg,
  qcaXyPlotSvgEither,
  renderHtml,
  renderMarkdown,
} from '../../src/report/index.js'
import { evaluationOf, tinyFramework } from '../standards/support.js'
import { mhipEvaluation } from '../../src/data/mhip/index.js'
import { KROOK, KROOK_CONDITIONS } from './fixtures/krook.js'
import { LC, LIPSET_CONDITIONS } from './fixtures/lipset-crisp.js'

// Four sites rated on standard B1 only (one rating per unit), with site attributes.
// Attainment of B1 by hand: s1 2 of 2 met, s2 1 of 2, s3 0 of 1, s4 1 of 1.
const withAttributes = (ev: Evaluation, values: Record<string, Record<string, string | number>>): Evaluation => ({
  ...ev,
  attributes: [
    { id: 'engagement', label: 'Engagement', on: 'site', kind: 'numeric', unit: 'points' },
    {
      id: 'partnership',
      label: 'Partnership',
      on: 'site',
      kind: 'categorical',
      categories: ['integrated', 'separate'],
    },
  ] as unknown as Evaluation['attributes'],
  sites: ev.sites.map((s) => ({ ...s, attributes: values[s.id] as never })),
})
const base = evaluationOf(tinyFramework, {
  s1: { u1: { r1: { B1: 'met' } }, u2: { r1: { B1: 'met' } } },
  s2: { u3: { r1: { B1: 'met' } }, u4: { r1: { B1: 'not-met' } } },
  s3: { u5: { r1: { B1: 'not-met' } } },
  s4: { u6: { r1: { B1: 'met' } } },
})
const ev = withAttributes(base, {
  s1: { engagement: 80, partnership: 'integrated' },
  s2: { engagement: 50, partnership: 'separate' },
  s3: { engagement: 20, partnership: 'integrated' },
  s4: { engagement: 65, partnership: 'separate' },
})

describe('qcaRows: sets from site attributes and attainment', () => {
  it('calibrates a numeric attribute, a categorical one and attainment, one row per site', () => {
    const { rows, raw } = qcaRows(ev, {
      sets: {
        ENG: { attribute: 'engagement', anchors: { full: 80, crossover: 50, non: 20 } },
        INT: { attribute: 'partnership', categories: ['integrated'] },
        B1: { attainment: 'B1' },
        MET: { attainment: 'B1', threshold: 0.75 },
      },
    })
    expect(raw.map((r) => [r['case'], r['ENG'], r['B1']])).toEqual([
      ['s1', 80, 1],
      ['s2', 50, 0.5],
      ['s3', 20, 0],
      ['s4', 65, 1],
    ])
    // Direct method: 80 and 20 are the anchors (log odds ±3), 50 the crossover, 65 halfway (log odds 1.5).
    expect(rows.map((r) => r['ENG'])).toEqual([
      1 / (1 + Math.exp(-3)),
      0.5,
      1 / (1 + Math.exp(3)),
      1 / (1 + Math.exp(-1.5)),
    ])
    expect(rows.map((r) => r['INT'])).toEqual([1, 0, 1, 0])
    expect(rows.map((r) => r['MET'])).toEqual([1, 0, 0, 1])
    // A site at the crossover (s2) is then reported by the truth table as in no row.
    expect(truthTable(rows, { conditions: ['ENG', 'INT'], outcome: 'MET' }).unassigned).toEqual([
      { case: 's2', conditions: ['ENG'] },
    ])
  })

  it('takes a context element through the standards it names', () => {
    const withCtx = edit(
      ev,
      addCmoElement({ element: { id: 'ctx', label: 'Context', role: 'context', standards: ['B1'] } }),
    )
    expect(qcaRows(withCtx, { sets: { C: { context: 'ctx' } } }).rows.map((r) => r['C'])).toEqual([1, 0.5, 0, 1])
  })

  it('refuses a missing attribute value, an unknown context and a bad set name, naming site and set', () => {
    const missing = withAttributes(base, { s1: { engagement: 80 }, s2: {}, s3: {}, s4: {} })
    const r = qcaRowsEither(missing, {
      sets: { ENG: { attribute: 'engagement', anchors: { full: 80, crossover: 50, non: 20 } } },
    })
    expect(E.isLeft(r) && r.left.map((p) => p.where)).toEqual([
      'qcaRows › sets › ENG › site s2',
      'qcaRows › sets › ENG › site s3',
      'qcaRows › sets › ENG › site s4',
    ])
    const c = qcaRowsEither(ev, { sets: { C: { context: 'nope' }, 'bad name': { attainment: 'total' } } })
    expect(E.isLeft(c) && c.left.map((p) => `${p.where}: ${p.expected}`)).toEqual([
      'qcaRows › sets › bad name: a set name (letters, digits, _ or .)',
    ])
    const d = qcaRowsEither(ev, { sets: { C: { context: 'nope' } } })
    expect(E.isLeft(d) && d.left.map((p) => `${p.where}: ${p.expected}`)).toEqual([
      'qcaRows › sets › C: a context element that names its standards',
    ])
    expect(() => qcaRows(undefined as never, { sets: {} })).toThrow(/qcaRows › evaluation/)
  })
})

describe('qcaRows with units as cases', () => {
  // Six units on three standards (A1, A2, B1). Unit attainment under the default policy (attained = met,
  // not applicable left out; A2 rolled up from its criteria b1, b2 by all-met-else-partly), by hand:
  // u1 A1 met, A2 (b1 met, b2 met) met, B1 met        -> 3 of 3 = 1
  // u2 A1 met, A2 na, B1 partly                        -> 1 of 2 = 0.5
  // u3 A1 not-met, B1 met                              -> 1 of 2 = 0.5
  // u4 A1 partly, A2 (b1 not-met, b2 not-met) not-met  -> 0 of 2 = 0
  // u5 B1 met                                          -> 1 of 1 = 1
  // u6 A1 not-met, B1 not-met                          -> 0 of 2 = 0
  const rated = evaluationOf(tinyFramework, {
    s1: {
      u1: { r1: { A1: 'met', b1: 'met', b2: 'met', B1: 'met' } },
      u2: { r1: { A1: 'met', A2: 'na', B1: 'partly' } },
    },
    s2: { u3: { r1: { A1: 'not-met', B1: 'met' } }, u4: { r1: { A1: 'partly', b1: 'not-met', b2: 'not-met' } } },
    s3: { u5: { r1: { B1: 'met' } }, u6: { r1: { A1: 'not-met', B1: 'not-met' } } },
  })
  const teams: Record<string, { size: number; lead: string }> = {
    u1: { size: 12, lead: 'nurse' },
    u2: { size: 4, lead: 'doctor' },
    u3: { size: 9, lead: 'nurse' },
    u4: { size: 3, lead: 'manager' },
    u5: { size: 15, lead: 'nurse' },
    u6: { size: 5, lead: 'doctor' },
  }
  const units: Evaluation = {
    ...rated,
    attributes: [
      { id: 'team-size', label: 'Team size', on: 'unit', kind: 'numeric', unit: 'people' },
      { id: 'lead', label: 'Led by', on: 'unit', kind: 'categorical', categories: ['nurse', 'doctor', 'manager'] },
      { id: 'engagement', label: 'Engagement', on: 'site', kind: 'numeric', unit: 'points' },
    ] as unknown as Evaluation['attributes'],
    sites: rated.sites.map((s, i) => ({
      ...s,
      attributes: { engagement: [80, 40, 70][i]! } as never,
      units: s.units.map((u) => ({
        ...u,
        attributes: { 'team-size': teams[u.id]!.size, lead: teams[u.id]!.lead } as never,
      })),
    })),
  }
  const sets = {
    BIG: { attribute: 'team-size', threshold: 8 },
    NURSE: { attribute: 'lead', categories: ['nurse'] },
    ENG: { attribute: 'engagement', threshold: 60 },
    ATT: { attainment: 'total' },
    MET: { attainment: 'total', threshold: 0.75 },
  } as const

  it("gives one row per unit, named site/unit, with unit attributes, its site's attributes and unit attainment", () => {
    const { rows, raw } = qcaRows(units, { cases: 'units', sets })
    expect(raw.map((r) => [r['case'], r['BIG'], r['NURSE'], r['ENG'], r['ATT']])).toEqual([
      ['s1/u1', 12, 'nurse', 80, 1],
      ['s1/u2', 4, 'doctor', 80, 0.5],
      ['s2/u3', 9, 'nurse', 40, 0.5],
      ['s2/u4', 3, 'manager', 40, 0],
      ['s3/u5', 15, 'nurse', 70, 1],
      ['s3/u6', 5, 'doctor', 70, 0],
    ])
    expect(rows.map((r) => [r['BIG'], r['NURSE'], r['ENG'], r['MET']])).toEqual([
      [1, 1, 1, 1],
      [0, 0, 1, 0],
      [1, 1, 0, 0],
      [0, 0, 0, 0],
      [1, 1, 1, 1],
      [0, 0, 1, 0],
    ])
    // The sites' rows pool their units: s1 4 of 5, s2 1 of 4, s3 1 of 3 (by hand from the table above).
    expect(qcaRows(units, { sets: { ATT: { attainment: 'total' } } }).rows.map((r) => r['ATT'])).toEqual([
      0.8,
      0.25,
      1 / 3,
    ])
  })

  it('feeds the truth table and minimisation: unit-level attainment (MET) where a big, nurse-led team meets an engaged site', () => {
    const { rows } = qcaRows(units, { cases: 'units', sets })
    const tt = truthTable(rows, { conditions: ['BIG', 'NURSE', 'ENG'], outcome: 'MET' })
    // Rows (BIG, NURSE, ENG): 111 holds u1, u5 (both MET); 110 holds u3 (not MET); 001 holds u2, u6; 000 holds u4.
    expect(tt.rows.filter((r) => r.n > 0).map((r) => [r.id, r.out, r.cases.join(',')])).toEqual([
      [1, 0, 's2/u4'],
      [2, 0, 's1/u2,s3/u6'],
      [7, 0, 's2/u3'],
      [8, 1, 's1/u1,s3/u5'],
    ])
    expect(minimise(tt).models.map((m) => m.expression)).toEqual(['BIG*NURSE*ENG'])
    // Parsimonious: the remainders 010, 011, 100 and 101 may be assumed positive. Row 111 is then covered by
    // BIG*ENG (101, 111) or by NURSE*ENG (011, 111), neither touching 000, 001 or 110: two models, both reported.
    expect(minimise(tt, { solution: 'parsimonious' }).models.map((m) => m.expression)).toEqual(['BIG*ENG', 'NURSE*ENG'])
  })

  it("reads each unit's objectives (E-MHIP Table 7: attained of all, unknown counted as not attained)", () => {
    const { rows } = qcaRows(mhipEvaluation, { cases: 'units', sets: { OBJ: { objectives: 'all' } } })
    const of = (c: string) => rows.find((r) => r['case'] === c)?.['OBJ']
    // South Staffordshire (Table 7): Acute care 0/1 + ?/2 -> 0 of 3; Values-based workforce 1/2 + 1/1 -> 2 of 3;
    // Access to information 1/2 + 2/3 -> 3 of 5.
    const ss = mhipEvaluation.sites[0]!
    const unit = (name: string) => `${ss.id}/${ss.units.find((u) => u.name === name)!.id}`
    expect(of(unit('Acute care'))).toBe(0)
    expect(of(unit('Values-based workforce'))).toBeCloseTo(2 / 3, 12)
    expect(of(unit('Access to information'))).toBeCloseTo(3 / 5, 12)
    expect(rows).toHaveLength(mhipEvaluation.sites.reduce((n, s) => n + s.units.length, 0))
  })

  it('refuses a unit attribute when the cases are sites, a unit without a value, and a bad cases option', () => {
    const r = qcaRowsEither(units, { sets: { BIG: { attribute: 'team-size', threshold: 8 } } })
    expect(E.isLeft(r) && r.left.map((p) => p.expected)).toEqual([
      'a site attribute declared in the evaluation (engagement)',
    ])
    const gap: Evaluation = {
      ...units,
      sites: units.sites.map((s, i) =>
        i === 1 ? { ...s, units: s.units.map((u) => ({ ...u, attributes: {} as never })) } : s,
      ),
    }
    const g = qcaRowsEither(gap, { cases: 'units', sets: { BIG: { attribute: 'team-size', threshold: 8 } } })
    expect(E.isLeft(g) && g.left.map((p) => [p.where, p.path.join('.')])).toEqual([
      ['qcaRows › sets › BIG › site s2 › unit u3', 'sites.1.units.0.attributes.team-size'],
      ['qcaRows › sets › BIG › site s2 › unit u4', 'sites.1.units.1.attributes.team-size'],
    ])
    const bad = qcaRowsEither(units, { cases: 'teams' as never, sets })
    expect(E.isLeft(bad) && bad.left.map((p) => p.where)).toEqual(['qcaRows › cases'])
  })
})

describe('a solution term saved as a CMO configuration hypothesis', () => {
  const tt = truthTable(LC, { conditions: LIPSET_CONDITIONS, outcome: 'SURV' })
  const solution = minimise(tt, { solution: 'parsimonious' })
  const theory = edit(
    ev,
    addCmoElement({ element: { id: 'developed', label: 'Developed', role: 'context' } }),
    addCmoElement({ element: { id: 'stable', label: 'Stable government', role: 'context' } }),
    addCmoElement({
      element: { id: 'legitimacy', label: 'Legitimacy', role: 'mechanism', resource: null, reasoning: null },
    }),
    addCmoElement({
      element: { id: 'survival', label: 'Democracy survives', role: 'outcome', intended: true, valence: 'positive' },
    }),
  )
  const options = {
    solution,
    term: 'DEV*STB',
    configuration: { id: 'qca-surv', mechanisms: ['legitimacy'], outcome: 'survival' },
    contexts: { DEV: 'developed', STB: 'stable' },
    source: { id: 'qca', title: 'QCA of Lipset' },
    excerpt: { id: 'qca-1', label: 'QCA1' },
  }

  it('adds the configuration, the source and a supporting note with the fit', () => {
    const next = edit(theory, ...qcaHypothesisEdits(theory, options))
    const c = next.configurations.find((x) => x.id === 'qca-surv')!
    expect([c.status, c.contexts, c.mechanisms, c.outcome, c.direction]).toEqual([
      'hypothesised',
      ['developed', 'stable'],
      ['legitimacy'],
      'survival',
      'fires',
    ])
    expect(c.label).toBe('DEV*STB → SURV (QCA)')
    const note = next.excerpts.find((x) => x.id === 'qca-1')!
    expect(note.links).toEqual([{ configuration: 'qca-surv', stance: 'supports' }])
    expect(note.text).toBe(
      'QCA parsimonious solution for SURV, model 1: DEV*STB. Consistency (inclS) 1.000, PRI 1.000, coverage (covS) 1.000, unique coverage 1.000. ' +
        'Cases: FI, IE, FR, SE, BE, CZ, NL, UK.',
    )
    expect(next.sources.find((s) => s.id === 'qca')).toEqual({ id: 'qca', kind: 'document', title: 'QCA of Lipset' })
  })

  it('reuses an existing source, and refuses a term not in the model or a literal without a context', () => {
    const once = edit(theory, ...qcaHypothesisEdits(theory, options))
    const again = qcaHypothesisEdits(once, {
      ...options,
      configuration: { ...options.configuration, id: 'qca-2' },
      excerpt: { id: 'qca-2', label: 'QCA2' },
    })
    expect(again.map((e) => e.op)).toEqual(['addConfiguration', 'addExcerpt'])
    const bad = qcaHypothesisEditsEither(theory, { ...options, term: 'DEV' })
    expect(E.isLeft(bad) && bad.left.map((p) => `${p.where}: ${p.expected}`)).toEqual([
      'qcaHypothesisEdits › term: a term of model 1 (DEV*STB)',
    ])
    const noCtx = qcaHypothesisEditsEither(theory, { ...options, contexts: { DEV: 'developed' } })
    expect(E.isLeft(noCtx) && noCtx.left.map((p) => p.where)).toEqual(['qcaHypothesisEdits › contexts › STB'])
    // The CMO checks still apply: a context id that is a mechanism is refused when applied.
    const wrongRole = applyEdits(
      theory,
      qcaHypothesisEdits(theory, { ...options, contexts: { DEV: 'legitimacy', STB: 'stable' } }),
    )
    expect(E.isLeft(wrongRole)).toBe(true)
  })
})

describe('tidy rows and report tables', () => {
  const tt = truthTable(KROOK, { conditions: KROOK_CONDITIONS, outcome: 'WNP' })
  const pars = minimise(tt, { solution: 'parsimonious' })

  it('truth-table rows, complete with the remainders', () => {
    const rows = truthTableRows(tt, { complete: true })
    expect(rows).toHaveLength(32)
    expect(rows[3]).toEqual({
      row: 4,
      ES: 0,
      QU: 0,
      WS: 0,
      WM: 1,
      LP: 1,
      OUT: '1',
      n: 1,
      inclS: 1,
      PRI: 1,
      cases: 'NZ',
    })
    expect(rows[0]).toEqual({
      row: 1,
      ES: 0,
      QU: 0,
      WS: 0,
      WM: 0,
      LP: 0,
      OUT: '?',
      n: 0,
      inclS: null,
      PRI: null,
      cases: '',
    })
    expect(truthTableRows(tt)).toHaveLength(14)
  })

  it('solution rows: one per term per model; assumption rows per model', () => {
    const rows = solutionRows(pars)
    expect(rows.map((r) => `${r.model} ${r.term}`)).toEqual([
      '1 WS',
      '1 ES*WM',
      '1 QU*LP',
      '1 ~ES*LP',
      '2 WS',
      '2 ES*WM',
      '2 QU*LP',
      '2 WM*LP',
    ])
    expect(rows[3]!.essential).toBe(false)
    expect(assumptionRows(pars).filter((r) => r.model === 2)).toHaveLength(15)
    expect(assumptionRows(pars)[0]).toEqual({
      solution: 'parsimonious',
      model: 1,
      row: 2,
      configuration: '~ES*~QU*~WS*~WM*LP',
    })
  })

  it('renders the truth table and the solution as Markdown and HTML', () => {
    const md = renderMarkdown(qcaTruthTableTable(tt))
    expect(md).toContain('| row | ES | QU | WS | WM | LP | OUT | n | inclS | PRI | cases |')
    expect(md).toContain('| 11 | 0 | 1 | 0 | 1 | 0 | 0 | 4 | 0.000 | 0.000 | AU,GB,FR,IE |')
    expect(md).toContain('18 of 32 configurations are remainders')
    const sol = renderMarkdown(qcaSolutionTable(pars))
    expect(sol).toContain('| 1 | (\\~ES\\*LP) | 1.000 | 1.000 | 0.182 | 0.091 | NZ,DE |')
    expect(sol).toContain('| 2 | M2: WS + ES\\*WM + QU\\*LP + WM\\*LP | 1.000 | 1.000 | 1.000 | – |  |')
    expect(renderHtml(qcaSolutionTable(pars))).toContain('<caption>Parsimonious solution for WNP</caption>')
  })

  it('draws the XY plot: a point per case, the fit in the label, data text escaped', () => {
    const svg = qcaXyPlotSvg(KROOK, 'WS + ES*WM', 'WNP')
    expect(svg.startsWith('<svg')).toBe(true)
    expect((svg.match(/<circle /g) ?? []).length).toBe(22)
    // WS + ES*WM covers FI, DK, SE, NO, IS, ES, NL, BE: 8 of the 11 positive cases, no negative case.
    expect(svg).toContain('aria-label="XY plot of WS + ES*WM (x) against WNP (y): inclS 1.000, covS 0.727, 22 cases"')
    const evil = qcaXyPlotSvg([{ case: '<script>', A: 1, Y: 0 }], 'A', 'Y')
    expect(evil).not.toContain('<script>')
    expect(evil).toContain('&lt;script&gt;')
    const bad = qcaXyPlotSvgEither([{ case: 'a', A: 2, Y: 0 }], 'A', 'Y')
    expect(E.isLeft(bad)).toBe(true)
  })
})

describe('CLI: report --table qca-truth-table | qca-solution', () => {
  const run = (...args: string[]) => {
    const out: string[] = []
    const err: string[] = []
    const env: CliEnv = {
      stdout: (t) => out.push(t),
      stderr: (t) => err.push(t),
      readFile: (p) => {
        if (p === 'doc.json') return new TextEncoder().encode(JSON.stringify(ev))
        throw Object.assign(new Error('no file'), { code: 'ENOENT' })
      },
      writeFile: () => undefined,
      stderrIsTTY: false,
      now: () => 0,
    }
    const code = report(args, env)
    return { code, out: out.join(''), err: err.join('') }
  }
  const spec = JSON.stringify({
    sets: { HIGH: { attribute: 'engagement', threshold: 60 }, MET: { attainment: 'B1', threshold: 0.75 } },
    conditions: ['HIGH'],
    outcome: 'MET',
  })

  it('prints the truth table as CSV and the solution as Markdown', () => {
    const tt = run('doc.json', '--format', 'csv', '--table', 'qca-truth-table', '--qca', spec)
    expect(tt.err).toBe('')
    expect(tt.code).toBe(0)
    // HIGH: s1 (80) and s4 (65) in; s2 (50) and s3 (20) out. MET: s1 and s4.
    expect(tt.out.trim().split('\n')).toEqual([
      'row,HIGH,OUT,n,inclS,PRI,cases',
      '1,0,0,2,0,0,"s2,s3"',
      '2,1,1,2,1,1,"s1,s4"',
    ])
    const sol = run('doc.json', '--table', 'qca-solution', '--qca', spec)
    expect(sol.code).toBe(0)
    expect(sol.out).toContain('**Conservative solution for MET**')
    expect(sol.out).toContain('| 1 | M1: HIGH |')
  })

  it('exits 2 without a spec, and 1 with the problems of a bad one', () => {
    expect(() => run('doc.json', '--table', 'qca-solution')).toThrow(/needs --qca/)
    const bad = run(
      'doc.json',
      '--table',
      'qca-solution',
      '--qca',
      JSON.stringify({ sets: { X: { attribute: 'none', categories: ['a'] } }, conditions: ['X'], outcome: 'X' }),
    )
    expect(bad.code).toBe(1)
    expect(bad.err).toContain(
      'qcaRows › sets › X: expected a site attribute declared in the evaluation (engagement, partnership), found "none"',
    )
  })
})

describe('qcaRows: the outcome from objective outcomes', () => {
  it('takes each site share of objectives attained; weighted by the site totals they give the published 37 of 84', async () => {
    const { mhipEvaluation } = await import('../../src/data/mhip/index.js')
    const { objectiveAttainment } = await import('../../src/objectives/attainment.js')
    const { raw } = qcaRows(mhipEvaluation, { sets: { OBJ: { objectives: 'all' } } })
    const totals = objectiveAttainment(mhipEvaluation, { by: ['site'], unknown: 'not-attained' })
    // E-MHIP L1910: "37 of the 84 objectives were achieved" (unknowns counted as not attained).
    const attained = raw.reduce(
      (n, r) => n + Number(r['OBJ']) * totals.find((t) => t.site === r['case'])!.denominator,
      0,
    )
    expect(attained).toBeCloseTo(37, 9)
    expect(totals.reduce((n, t) => n + t.denominator, 0)).toBe(84)
    const bad = qcaRowsEither(mhipEvaluation, { sets: { OBJ: { objectives: 'no-such-type' } } })
    expect(E.isLeft(bad) && bad.left.map((p) => p.expected)).toEqual(['an objective type of the evaluation, or "all"'])
  })
})
