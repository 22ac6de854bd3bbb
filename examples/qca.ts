/**
 * Configurations as sets (QCA) over sites: `npm run example:qca`
 * (or `npx tsx examples/qca.ts`).
 *
 * Twelve MHIP-style pilot sites, each with context attributes and standards
 * ratings, are turned into calibrated sets (engagement by the direct method,
 * partnership type and clinical lead crisp, team size by the indirect
 * method, the share of standards met as the outcome); then the truth table, the conservative,
 * parsimonious and intermediate solutions, the necessity of each condition,
 * an XY plot, and one solution term saved as a CMO configuration hypothesis
 * with its consistency and coverage as evidence.
 *
 * INVENTED DATA: the twelve sites, their attributes (engagement index,
 * partnership type, team size, clinical lead) and their ratings are invented to show the
 * API. The E-MHIP report has four pilot sites and publishes none of these.
 * The framework (E-MHIP standards), the chapter 7 themes used for the
 * mechanism and outcome are the report's.
 * In your own project import from 'realist-eval' instead of the source paths.
 */
import { mhipEvaluation } from '../src/data/mhip/index.js'
import { withMhipTheory } from '../src/data/mhip-theory.js'
import { addCmoElement, addSite, addUnit, declareAttribute, edit, rate, setAttribute } from '../src/index.js'
import type { Evaluation } from '../src/model/evaluation.js'
import {
  assumptionRows,
  minimise,
  necessity,
  qcaHypothesisEdits,
  qcaRows,
  truthTable,
  type Expectation,
} from '../src/qca/index.js'
import {
  qcaSolutionTable,
  qcaTruthTableTable,
  qcaXyPlotSvg,
  renderMarkdown,
  markdownTable,
} from '../src/report/index.js'

// ---- INVENTED sites: engagement index (0-100), partnership, team size, and how many of 8 standards were met.
const SITES = [
  { id: 'site-a', engagement: 82, partnership: 'integrated', size: 'large', lead: 'yes', met: 7 },
  { id: 'site-b', engagement: 76, partnership: 'integrated', size: 'large', lead: 'yes', met: 7 },
  { id: 'site-c', engagement: 71, partnership: 'separate', size: 'large', lead: 'no', met: 3 },
  { id: 'site-d', engagement: 68, partnership: 'integrated', size: 'small', lead: 'yes', met: 6 },
  { id: 'site-e', engagement: 63, partnership: 'separate', size: 'small', lead: 'no', met: 3 },
  { id: 'site-f', engagement: 66, partnership: 'integrated', size: 'small', lead: 'no', met: 6 },
  { id: 'site-g', engagement: 35, partnership: 'separate', size: 'large', lead: 'no', met: 2 },
  { id: 'site-h', engagement: 41, partnership: 'separate', size: 'small', lead: 'yes', met: 2 },
  { id: 'site-i', engagement: 37, partnership: 'separate', size: 'small', lead: 'no', met: 1 },
  { id: 'site-j', engagement: 30, partnership: 'separate', size: 'medium', lead: 'no', met: 2 },
  { id: 'site-k', engagement: 26, partnership: 'separate', size: 'large', lead: 'no', met: 2 },
  { id: 'site-l', engagement: 19, partnership: 'separate', size: 'small', lead: 'no', met: 0 },
] as const
const STANDARDS = ['1.1', '1.2', '2.1', '2.2', '2.3', '2.4', '3.1', '3.2'] as const

const build = (): Evaluation => {
  let ev = withMhipTheory({ ...mhipEvaluation, sites: [] })
  for (const s of SITES) {
    ev = edit(
      ev,
      addSite({ id: s.id, name: `Site ${s.id.slice(-1).toUpperCase()} (invented)` }),
      addUnit({ site: s.id, id: `${s.id}-team`, name: 'Community team' }),
      ...STANDARDS.map((target, i) => rate({ unit: `${s.id}-team`, target, level: i < s.met ? 'met' : 'not-met' })),
    )
  }
  // Site attributes: declared once, a value per site.
  ev = edit(
    ev,
    declareAttribute({
      attribute: {
        id: 'engagement',
        label: 'Engagement index (invented)',
        on: 'site',
        kind: 'numeric',
        unit: 'points',
      },
    }),
    declareAttribute({
      attribute: {
        id: 'partnership',
        label: 'Partnership type (invented)',
        on: 'site',
        kind: 'categorical',
        categories: ['integrated', 'separate'],
      },
    }),
    declareAttribute({
      attribute: {
        id: 'size',
        label: 'Team size (invented)',
        on: 'site',
        kind: 'ordinal',
        order: ['small', 'medium', 'large'],
      },
    }),
    declareAttribute({
      attribute: {
        id: 'lead',
        label: 'Clinical lead in post (invented)',
        on: 'site',
        kind: 'categorical',
        categories: ['yes', 'no'],
      },
    }),
    ...SITES.flatMap((s) => [
      setAttribute({ site: s.id, attribute: 'engagement', value: s.engagement }),
      setAttribute({ site: s.id, attribute: 'partnership', value: s.partnership }),
      setAttribute({ site: s.id, attribute: 'size', value: s.size }),
      setAttribute({ site: s.id, attribute: 'lead', value: s.lead }),
    ]),
  )
  return ev
}

const ev = build()
const out: string[] = ['# QCA over twelve invented MHIP-style sites', '']

// ---- 1. Calibrated sets, one row per site.
const { rows, raw } = qcaRows(ev, {
  sets: {
    ENG: { attribute: 'engagement', anchors: { full: 75, crossover: 50, non: 25 } },
    INT: { attribute: 'partnership', categories: ['integrated'] },
    LARGE: { attribute: 'size', memberships: { small: 0, medium: 0.67, large: 1 } },
    LEAD: { attribute: 'lead', categories: ['yes'] },
    MET: { attainment: 'total', anchors: { full: 0.85, crossover: 0.6, non: 0.25 } },
  },
})
out.push('## Calibrated sets', '')
out.push(
  markdownTable(
    rows.map((r, i) => ({
      site: r['case'],
      engagement: raw[i]!['ENG'],
      ENG: Number(r['ENG']).toFixed(2),
      INT: r['INT'],
      LARGE: r['LARGE'],
      LEAD: r['LEAD'],
      'share met': Number(raw[i]!['MET']).toFixed(3),
      MET: Number(r['MET']).toFixed(2),
    })),
  ),
  '',
)

// ---- 2. The truth table.
const conditions = ['ENG', 'INT', 'LARGE', 'LEAD']
const tt = truthTable(rows, { conditions, outcome: 'MET', inclusionCut: 0.8 })
out.push('## Truth table', '', renderMarkdown(qcaTruthTableTable(tt, { complete: true })), '')

// ---- 3. The three solutions (the presence of each condition is expected to help).
const directions: Record<string, Expectation> = { ENG: 1, INT: 1, LARGE: 1, LEAD: 1 }
const solutions = (['conservative', 'parsimonious', 'intermediate'] as const).map((solution) =>
  minimise(tt, { solution, directions }),
)
for (const s of solutions) {
  out.push(`## ${s.solution[0]!.toUpperCase()}${s.solution.slice(1)} solution`, '')
  out.push(s.models.map((m, i) => `M${i + 1}: ${m.expression} -> ${s.outcome}`).join('\n'), '')
  out.push(renderMarkdown(qcaSolutionTable(s)), '')
  const sa = assumptionRows(s)
  out.push(
    `Simplifying assumptions: ${sa.length === 0 ? 'none' : sa.map((a) => `row ${a.row} ${a.configuration}`).join('; ')}`,
    '',
  )
}

// ---- 4. Necessity of each condition, and the XY plot of the parsimonious solution.
out.push('## Necessity', '')
out.push(
  markdownTable(
    conditions.map((c) => {
      const n = necessity(rows, c, 'MET')
      return { condition: c, inclN: n.inclN!.toFixed(3), RoN: n.ron!.toFixed(3), covN: n.covN!.toFixed(3) }
    }),
  ),
  '',
)
const intermediate = solutions[2]!
const svg = qcaXyPlotSvg(rows, intermediate.models[0]!.expression, 'MET')
out.push('## XY plot', '', svg.match(/aria-label="([^"]*)"/)![1]!, `(${svg.length} characters of SVG)`, '')

// ---- 5. One term saved as a CMO configuration hypothesis, its fit as evidence.
const term = intermediate.models[0]!.terms[0]!
const theory = withMhipTheory(mhipEvaluation)
const mechanism = theory.elements.find((e) => e.role === 'mechanism')!.id
const outcome = theory.elements.find((e) => e.role === 'outcome')!.id
const withContexts = edit(
  ev,
  addCmoElement({
    element: { id: 'engaged-staff', label: 'Staff engaged with the programme (invented index)', role: 'context' },
  }),
  addCmoElement({
    element: { id: 'integrated-partnership', label: 'Integrated health and social care partnership', role: 'context' },
  }),
  addCmoElement({ element: { id: 'large-team', label: 'Large community team', role: 'context' } }),
)
const saved = edit(
  withContexts,
  ...qcaHypothesisEdits(withContexts, {
    solution: intermediate,
    term: term.term,
    configuration: { id: 'qca-met', mechanisms: [mechanism], outcome },
    contexts: { ENG: 'engaged-staff', INT: 'integrated-partnership' },
    source: { id: 'qca-analysis', title: 'QCA of site context and standards met (invented data)' },
    excerpt: { id: 'qca-note-1', label: 'QCA1' },
  }),
)
const cfg = saved.configurations.find((c) => c.id === 'qca-met')!
const note = saved.excerpts.find((x) => x.id === 'qca-note-1')!
out.push('## Saved as a CMO hypothesis', '')
out.push(
  `Configuration ${cfg.id} (${cfg.status}): ${cfg.label}; contexts ${cfg.contexts.join(', ')}; scope ${cfg.scope.sites.join(', ')}`,
)
out.push(`Evidence ${note.label} (${note.kind}, ${note.links[0]!.stance}): ${note.text}`, '')

console.log(out.join('\n'))
