/**
 * Programme theory end to end: `npm run example:theory`
 * (or `npx tsx examples/programme-theory.ts`).
 *
 * Loads the MHIP chapter 7 themes (E-MHIP L3043-L3068) and the Table 2
 * stakeholder groups (L610-L623) with the starting theory, then:
 * adds evidence from a few INVENTED informants, moves configurations
 * through their lifecycle (and shows an illegal move being refused), changes
 * an element's role (consultation events: mechanism → context, L2960-L2974),
 * prints the triangulation matrix, the diff between two theory versions and
 * between two perspectives, checks a quote register, and asks which
 * mechanisms were recorded where standard 1.1 was not met.
 *
 * ILLUSTRATIVE DATA: every informant, quote, register row and rating below is
 * invented to show the API. The report publishes no quotes by informant and
 * no unit ratings. The themes and stakeholder groups are the report's.
 * In your own project import from 'realist-eval' instead of the source paths.
 */
import * as E from 'fp-ts/lib/Either.js'
import { mhipEvaluation, MHIP_ROUND } from '../src/data/mhip/index.js'
import {
  addCmoElement,
  addEvidenceSource,
  addExcerpt,
  addInformant,
  addTheory,
  applyEdit,
  changeElementRole,
  cmoWhereStandard,
  commitTheoryVersion,
  edit,
  formatProblems,
  registerProblems,
  evaluationSites,
  rate,
  recordEditEither,
  reviseConfiguration,
  supportMatrix,
  theoryDiff,
  theoryDiffRows,
  transitionConfiguration,
  triangulation,
  triangulationRows,
  withMhipTheory,
  type ChangeLog,
  type Edit,
  type Evaluation,
} from '../src/index.js'
import { readRegister } from '../src/io/index.js'

/** A Markdown table with padded columns (kept local and small on purpose). */
const table = <R extends object>(rows: readonly R[], columns?: readonly string[]): string => {
  const header = columns ?? Object.keys(rows[0] ?? {})
  const cell = (r: R, h: string) => (r as Record<string, unknown>)[h]
  const cells = rows.map((r) =>
    header.map((h) => (cell(r, h) === null || cell(r, h) === undefined ? '–' : String(cell(r, h)))),
  )
  const widths = header.map((h, c) => Math.max(h.length, ...cells.map((r) => r[c]!.length)))
  const line = (xs: readonly string[]) => `| ${xs.map((x, c) => x.padEnd(widths[c]!)).join(' | ')} |`
  return [line(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...cells.map(line)].join('\n')
}
const section = (title: string, body: string) => console.log(`\n## ${title}\n\n${body}`)

// --- 1. The MHIP themes and the starting theory ------------------------------
let ev: Evaluation = withMhipTheory(mhipEvaluation)
const byRole = (role: string) => ev.elements.filter((e) => e.role === role).length
section(
  'Chapter 7 themes (L3043-L3068) and the starting theory',
  `${byRole('context')} contexts, ${byRole('mechanism')} mechanisms, ${byRole('outcome')} outcomes; ` +
    `${ev.stakeholderGroups.length} stakeholder groups (Table 2, ${ev.stakeholderGroups.reduce((n, g) => n + (g.count ?? 0), 0)} people).\n\n` +
    table(
      ev.configurations.map((c) => ({
        configuration: c.id,
        direction: c.direction,
        status: c.status,
        contexts: c.contexts.join(', '),
        mechanisms: c.mechanisms.join(', '),
        outcome: c.outcome,
      })),
    ),
)

// --- 2. Illustrative evidence --------------------------------------------------
const informants: [string, string, string | undefined][] = [
  ['inf-ss-01', 'mht-senior', 'south-staffordshire'],
  ['inf-ss-02', 'mht-frontline', 'south-staffordshire'],
  ['inf-le-01', 'mht-middle', 'leicestershire'],
  ['inf-le-02', 'service-users-carers', 'leicestershire'],
  ['inf-sy-01', 'pct', 'south-west-yorkshire'],
  ['inf-sl-01', 'mht-middle', 'south-west-london'],
  ['inf-sl-02', 'mht-frontline', 'south-west-london'],
  ['inf-nat-01', 'nimhe', undefined],
]
// [label, informant, configuration, stance, invented text]
const quotes: [string, string, string, 'supports' | 'contradicts', string][] = [
  ['Q1', 'inf-ss-01', 'capacity-low-impact', 'supports', 'We never had the people to carry it past planning.'],
  ['Q2', 'inf-ss-02', 'capacity-low-impact', 'supports', 'It landed on top of everything else we were doing.'],
  ['Q3', 'inf-le-01', 'capacity-low-impact', 'supports', 'Two of us did the training; nobody else had time.'],
  ['Q4', 'inf-sy-01', 'capacity-low-impact', 'supports', 'The PCT reorganisation swallowed the partnership work.'],
  ['Q5', 'inf-sl-01', 'capacity-low-impact', 'contradicts', 'Backfill meant our teams could take the work on.'],
  ['Q6', 'inf-sl-01', 'prince2-culture', 'supports', 'Everyone started talking in PIDs and highlight reports.'],
  ['Q7', 'inf-sl-02', 'prince2-culture', 'supports', 'The structure kept us going when the managers changed.'],
  [
    'Q8',
    'inf-le-02',
    'users-absent-low-impact',
    'supports',
    'We were invited to the big event and then heard nothing.',
  ],
  [
    'Q9',
    'inf-nat-01',
    'energy-not-harnessed',
    'supports',
    'The launch events were buzzing; six months later it had gone quiet.',
  ],
  ['Q10', 'inf-ss-01', 'energy-not-harnessed', 'supports', 'We could not keep all those partners round the table.'],
]
const evidence: Edit[] = [
  ...informants.map(([id, group, site]) =>
    addInformant({ item: { id, group, ...(site === undefined ? {} : { site }), role: 'illustrative informant' } }),
  ),
  addEvidenceSource({
    item: { id: 'visit-interviews', kind: 'interview', title: 'Site visit interviews (illustrative)' },
  }),
  ...quotes.map(([label, informant, configuration, stance, text]) =>
    addExcerpt({
      item: {
        id: label.toLowerCase(),
        label,
        kind: 'quote',
        text: `[illustrative] ${text}`,
        informant,
        source: 'visit-interviews',
        links: [{ configuration, stance }],
      },
    }),
  ),
]
ev = edit(ev, ...evidence)
section(
  'Illustrative evidence',
  `${ev.informants.length} invented informants (pseudonymous ids only), ${ev.excerpts.length} invented quotes.`,
)

// --- 3. Lifecycle, recorded in the change log ----------------------------------
let log: ChangeLog = []
const record = (e: Edit) => {
  const r = recordEditEither(ev, e, { who: 'analyst (illustrative)', when: '2026-01-15T10:00:00Z' })
  if (E.isLeft(r)) throw new Error(formatProblems(e.op, r.left))
  ev = r.right.evaluation
  log = [...log, r.right.entry]
}
record(
  transitionConfiguration({
    configuration: 'capacity-low-impact',
    to: 'tested',
    reason: 'examined against the four case studies',
    at: '2007-06',
  }),
)
record(
  transitionConfiguration({
    configuration: 'capacity-low-impact',
    to: 'supported',
    reason: 'fits three of four sites; South West London (backfill) is the contrast case',
    at: '2007-09',
  }),
)
record(
  transitionConfiguration({
    configuration: 'prince2-culture',
    to: 'tested',
    reason: 'South West London site visit',
    at: '2007-06',
  }),
)
record(
  reviseConfiguration({
    configuration: 'prince2-culture',
    changes: {
      contexts: ['local-leadership', 'insufficient-readiness'],
      label: 'Leads already trained in PRINCE 2 + its promotion → project-management culture',
    },
  }),
)
record(
  transitionConfiguration({
    configuration: 'prince2-culture',
    to: 'refined',
    reason:
      'the first Programme Lead was already trained in PRINCE 2 (L1469, L1702): prior context, not only an MHIP mechanism',
    at: '2007-09',
  }),
)
const illegal = applyEdit(
  ev,
  transitionConfiguration({ configuration: 'no-science-no-learning', to: 'supported', reason: 'looks right' }),
)
section(
  'Lifecycle: hypothesised → tested → supported | refined | refuted',
  table(
    ev.configurations.map((c) => ({
      configuration: c.id,
      status: c.status,
      history: c.statusHistory.map((h) => `${h.from}→${h.to}`).join(', ') || '–',
    })),
  ) +
    '\n\nAn illegal move is refused, nothing changes:\n\n' +
    (E.isLeft(illegal) ? formatProblems('transitionConfiguration', illegal.left) : 'accepted?!') +
    `\n\nChange log: ${log.length} entries, e.g. ${log[0]!.op} by ${log[0]!.who}: ${log[0]!.patches.length} patches (${log[0]!.patches.map((p) => `${p.op} ${p.path.join('.')}`).join('; ')})`,
)

// --- 4. Version 2, then a role change and version 3 ----------------------------------------
ev = edit(
  ev,
  addCmoElement({
    element: {
      id: 'consultation-events',
      label: 'Launch and consultation events',
      role: 'mechanism',
      resource: 'large stakeholder events',
      reasoning: 'stakeholders engaged and enthused',
      ref: { lines: 'L1310; L1958' },
    },
  }),
  reviseConfiguration({
    configuration: 'energy-not-harnessed',
    changes: { mechanisms: ['spur-to-action', 'partnership-difficult', 'consultation-events'] },
  }),
  commitTheoryVersion({ theory: 'emhip-research-team', note: 'after the site visits', at: '2007-09' }),
  changeElementRole({
    element: 'consultation-events',
    to: 'context',
    reason:
      'the energy the events generated is better seen as a condition for later work than as an MHIP mechanism (L2960-L2962)',
    at: '2007-12',
  }),
  commitTheoryVersion({ theory: 'emhip-research-team', note: 'after member checking', at: '2007-12' }),
)
const events = ev.elements.find((e) => e.id === 'consultation-events')!
section(
  'Role change: consultation events (L2960-L2974)',
  `now a ${events.role}; history:\n\n` +
    table(
      (events.roleHistory ?? []).map((h) => ({
        from: h.from,
        to: h.to,
        at: h.at,
        reason: h.reason,
        'previous fields': JSON.stringify(h.previous),
      })),
    ),
)

section(
  'Diff: research team v1 → v3',
  table(
    theoryDiffRows(
      theoryDiff(ev, { theory: 'emhip-research-team', version: 1 }, { theory: 'emhip-research-team', version: 3 }),
    ),
  ),
)
section(
  'Diff: research team v2 → v3 (the role change alone)',
  table(
    theoryDiffRows(
      theoryDiff(ev, { theory: 'emhip-research-team', version: 2 }, { theory: 'emhip-research-team', version: 3 }),
    ),
  ),
)

// --- 5. A second perspective ---------------------------------------------------------------
ev = edit(
  ev,
  addTheory({
    id: 'swl-leads',
    name: 'South West London leads (illustrative)',
    perspective: 'local programme leads',
    configurations: ['prince2-culture', 'capacity-low-impact'],
  }),
  commitTheoryVersion({ theory: 'swl-leads' }),
)
section(
  'Diff between perspectives: research team v3 → South West London leads v1',
  table(theoryDiffRows(theoryDiff(ev, { theory: 'emhip-research-team' }, { theory: 'swl-leads' }))),
)

// --- 6. Triangulation ------------------------------------------------------------------------
for (const minGroups of [2, 3]) {
  section(
    `Triangulation of configurations, robust = supported by ≥ ${minGroups} stakeholder groups (L487-L491)`,
    table(triangulationRows(triangulation(ev, { minGroups, of: 'configuration' })), [
      'id',
      'supportingGroups',
      'groups',
      'supportingExcerpts',
      'contradictingExcerpts',
      'robust',
    ]),
  )
}
section(
  'Support matrix: configuration × stakeholder group × site (excerpts)',
  table(supportMatrix(ev), ['id', 'group', 'site', 'supports', 'contradicts']),
)

// --- 7. Quote register check -----------------------------------------------------------------
// A register as reports print it (text form), read as it stands and checked against the sites.
const registerText = `# Capacity

Q11 [Ward Manager_2] S. Staffs
[illustrative] We never had the people.

Q11 [Ward Manager_2] Leics
[illustrative] Nobody had the time.

Q12 [Ward Manager_2] Kent
[illustrative] It sat on a shelf.

Q13 Service Director] Leicestershire
[illustrative] Good in places.

Q14
[illustrative] No attribution was printed for this one.

Q15 [Ward Manager_3] Leics
[illustrative] Nobody had the time.
`
const { register } = readRegister(registerText)
section(
  'Quote register check (illustrative register with one defect of each kind)',
  table(registerProblems(register, { sites: evaluationSites(ev) }), ['kind', 'label', 'line', 'message']),
)

// --- 8. Standards as context: where 1.1 was not met ------------------------------------------
ev = edit(
  ev,
  rate({ unit: 'acute-care', target: '1.1', level: 'not-met', round: MHIP_ROUND }),
  rate({ unit: 'voluntary-sector', target: '1.1', level: 'not-met', round: MHIP_ROUND }),
  rate({ unit: 'access', target: '1.1', level: 'met', round: MHIP_ROUND }),
)
section(
  'Where standard 1.1 (readiness) was not met: mechanisms recorded and outcomes (illustrative ratings)',
  table(cmoWhereStandard(ev, { standard: '1.1' }), [
    'site',
    'unit',
    'level',
    'configuration',
    'matchedBy',
    'mechanism',
    'outcome',
    'direction',
  ]),
)
