import * as E from '../model/either.js'
import type { Evaluation, Site, Unit } from '../model/evaluation.js'
import type { Configuration, Mechanism, Outcome } from '../model/cmo.js'
import { orThrow, problem, type Problem, type Result } from '../model/problem.js'
import { NOT_APPLICABLE } from '../model/scale.js'
import { findLevel } from '../standards/levels.js'
import { findStandard } from '../standards/lookup.js'
import { rollupStandardEither, type RollupRule } from '../standards/rollup.js'
import * as t from 'io-ts'
import { ARG_FIELD, argShapeProblems } from './args.js'
import { excerptOrigins } from './attribution.js'
import { evidenceProblems, theoryProblems } from './validate.js'

/** Which units to look at: those whose rating of `standard` is one of `levels`. */
export interface StandardCondition {
  /** A standard id or wording, e.g. `"1.1"`. */
  readonly standard: string
  /** Level ids, labels or aliases (`"not met"`, `"NM"`), or `"na"`. Default: the worst level of the scale (E-MHIP: not met). */
  readonly levels?: readonly string[]
}

/** Options of `cmoWhereStandard`. */
export interface CmoWhereStandardOptions {
  /** The rating round. Default: the evaluation's last round. */
  readonly round?: string
  /** How criterion ratings roll up when the standard itself is unrated. Default: the standards module's default rule (all met, else partly). An explicit standard rating always wins. */
  readonly rule?: RollupRule
  /** Also report configurations with an empty scope (programme-wide hypotheses) for every matching unit. Default false. */
  readonly includeProgrammeWide?: boolean
}

/** One answer row: a unit meeting the condition × a configuration seen there × one of its mechanisms. */
export interface CmoWhereStandardRow {
  readonly site: string
  readonly siteName: string
  readonly unit: string
  readonly unitName: string
  /** The standard asked about, by id. */
  readonly standard: string
  /** The unit's level for the standard. */
  readonly level: string
  /** `'explicit'` or the roll-up rule's name. */
  readonly levelSource: string
  /** Null when nothing was recorded for this unit. */
  readonly configuration: string | null
  /** How the configuration is tied to the unit: its scope, supporting evidence from the unit's site, or both. */
  readonly matchedBy: 'scope' | 'evidence' | 'scope+evidence' | 'programme-wide' | null
  /** Whether the configuration's mechanisms `fires` or `fails` to fire; null when nothing was recorded. */
  readonly direction: Configuration['direction'] | null
  /** The configuration's lifecycle status (hypothesised, tested, supported, refined, refuted). */
  readonly status: Configuration['status'] | null
  /** One mechanism of the configuration, by element id (one row per mechanism). */
  readonly mechanism: string | null
  readonly mechanismLabel: string | null
  /** What the programme offered, in the mechanism's own words; null when not recorded. */
  readonly resource: string | null
  /** How people responded to the resource; null when not recorded. */
  readonly reasoning: string | null
  /** The configuration's outcome, by element id. */
  readonly outcome: string | null
  readonly outcomeLabel: string | null
  /** Whether the outcome is positive, negative or mixed. */
  readonly outcomeValence: Outcome['valence'] | null
  /** Whether the programme intended the outcome. */
  readonly outcomeIntended: boolean | null
}

const scopeMatches = (c: Configuration, site: Site, unit: Unit): boolean =>
  c.scope.units.includes(unit.id) || (c.scope.units.length === 0 && c.scope.sites.includes(site.id))

/**
 * Answer "for sites where standard 1.1 was not met, which mechanisms were
 * recorded and what outcomes followed?" as tidy rows. Ratings are per unit
 * (E-MHIP: per workstream), so the answer is per unit within its site.
 *
 * A unit's standard level is its explicit standard rating, or else its
 * criterion ratings rolled up by `options.rule` (the standards module's
 * `rollupStandardEither`); an unrated unit never matches. A configuration is
 * recorded for a unit when its scope names the unit (or the site, with no
 * units listed), or when an excerpt from an informant or source at that site
 * supports it; `includeProgrammeWide` adds configurations with an empty scope.
 * Each configuration gives one row per mechanism; a matching unit with
 * nothing recorded gives one row of nulls, so it is not silently dropped.
 *
 * Degenerate input: no units match → `[]`. A `Left` for an unknown standard,
 * level or round, an evaluation without rounds, a roll-up that fails, or a
 * document with broken evidence or theory references.
 * @param ev the evaluation
 * @param condition `{ standard, levels? }`
 * @param options `{ round?, rule?, includeProgrammeWide = false }`
 * @returns `Right` of one row per matching unit and recorded mechanism (a row of nulls for a unit with nothing
 *   recorded), or `Left` of problems
 * @example
 * // theoryEv: 1.1 not met for acute-care (South Staffordshire), where a senior manager's quotes support
 * // capacity-low-impact and energy-not-harnessed; met for access
 * cmoWhereStandardEither(theoryEv, { standard: '1.1', levels: ['not met'] })
 * //=> right([{ site: 'south-staffordshire', unit: 'acute-care', standard: '1.1', level: 'not-met', levelSource: 'explicit',
 * //            configuration: 'capacity-low-impact', matchedBy: 'evidence', mechanism: 'too-few-personnel', outcome: 'low-impact', … }, …])
 */
export const cmoWhereStandardEither = (
  ev: Evaluation,
  condition: StandardCondition,
  options: CmoWhereStandardOptions = {},
): Result<CmoWhereStandardRow[]> => {
  const shape = [
    ...argShapeProblems(
      condition,
      'condition',
      t.intersection([t.type({ standard: ARG_FIELD.text }), t.partial({ levels: ARG_FIELD.texts })]),
    ),
    ...argShapeProblems(
      options,
      'options',
      t.partial({ round: ARG_FIELD.text, rule: ARG_FIELD.rule, includeProgrammeWide: ARG_FIELD.flag }),
    ),
  ]
  if (shape.length > 0) return E.left(shape)
  const problems: Problem[] = []
  const standard = findStandard(ev.framework, condition.standard)
  if (E.isLeft(standard))
    problems.push(
      ...standard.left.map((p) => ({ ...p, path: ['condition', 'standard'], where: 'condition › standard' })),
    )
  const scale = ev.framework.scale
  const worst = scale.levels[scale.levels.length - 1]
  const levels = new Set<string>()
  if (condition.levels === undefined) {
    if (worst !== undefined) levels.add(worst.id)
  } else
    condition.levels.forEach((l, i) => {
      if (l === NOT_APPLICABLE) return void levels.add(NOT_APPLICABLE)
      const found = findLevel(scale, l)
      if (E.isRight(found)) levels.add(found.right.id)
      else
        problems.push(
          ...found.left.map((p) => ({ ...p, path: ['condition', 'levels', i], where: `condition › levels[${i}]` })),
        )
    })
  const round = options.round ?? ev.rounds[ev.rounds.length - 1]?.id
  if (round === undefined || !ev.rounds.some((r) => r.id === round))
    problems.push(
      problem(
        ['options', 'round'],
        `a round of this evaluation (${ev.rounds.map((r) => r.id).join(', ') || 'none'})`,
        round,
        'reference',
        'options › round',
      ),
    )
  problems.push(...evidenceProblems(ev), ...theoryProblems(ev))
  if (problems.length > 0 || E.isLeft(standard) || round === undefined) return E.left(problems)

  const elements = new Map(ev.elements.map((e) => [e.id as string, e]))
  // Sites where an excerpt supports each configuration.
  const supportedAt = new Map<string, Set<string>>()
  for (const { excerpt, site } of excerptOrigins(ev))
    for (const l of excerpt.links)
      if (l.configuration !== undefined && l.stance === 'supports' && site !== null) {
        const s = supportedAt.get(l.configuration) ?? new Set<string>()
        s.add(site)
        supportedAt.set(l.configuration, s)
      }

  const rows: CmoWhereStandardRow[] = []
  for (const site of ev.sites)
    for (const unit of site.units) {
      const rated = rollupStandardEither(ev.framework, unit.ratings[round as never], standard.right.id, options.rule)
      if (E.isLeft(rated)) {
        problems.push(...rated.left.map((p) => ({ ...p, where: `site ${site.id} › unit ${unit.id} › ${p.where}` })))
        continue
      }
      const { level, source } = rated.right
      if (level === null || !levels.has(level)) continue
      const base = {
        site: site.id,
        siteName: site.name,
        unit: unit.id,
        unitName: unit.name,
        standard: standard.right.id,
        level,
        levelSource: source,
      }
      let recorded = 0
      for (const c of ev.configurations) {
        const byScope = scopeMatches(c, site, unit)
        const byEvidence = supportedAt.get(c.id)?.has(site.id) ?? false
        const wide = options.includeProgrammeWide === true && c.scope.sites.length === 0 && c.scope.units.length === 0
        if (!byScope && !byEvidence && !wide) continue
        const matchedBy =
          byScope && byEvidence ? 'scope+evidence' : byScope ? 'scope' : byEvidence ? 'evidence' : 'programme-wide'
        const out = elements.get(c.outcome) as Outcome
        for (const m of c.mechanisms) {
          const mech = elements.get(m) as Mechanism
          recorded++
          rows.push({
            ...base,
            configuration: c.id,
            matchedBy,
            direction: c.direction,
            status: c.status,
            mechanism: mech.id,
            mechanismLabel: mech.label,
            resource: mech.resource,
            reasoning: mech.reasoning,
            outcome: out.id,
            outcomeLabel: out.label,
            outcomeValence: out.valence,
            outcomeIntended: out.intended,
          })
        }
      }
      if (recorded === 0)
        rows.push({
          ...base,
          configuration: null,
          matchedBy: null,
          direction: null,
          status: null,
          mechanism: null,
          mechanismLabel: null,
          resource: null,
          reasoning: null,
          outcome: null,
          outcomeLabel: null,
          outcomeValence: null,
          outcomeIntended: null,
        })
    }
  return problems.length > 0 ? E.left(problems) : E.right(rows)
}

/**
 * Answer "for sites where standard 1.1 was not met, which mechanisms were
 * recorded and what outcomes followed?" as tidy rows. Ratings are per unit
 * (E-MHIP: per workstream), so the answer is per unit within its site.
 *
 * The throwing form of {@link cmoWhereStandardEither}: the same result, returned directly,
 * for notebooks and scripts.
 *
 * Degenerate input: no units match → `[]`. A an error for an unknown standard,
 * level or round, an evaluation without rounds, a roll-up that fails, or a
 * document with broken evidence or theory references.
 * @param ev the evaluation
 * @param condition `{ standard, levels? }`
 * @param options `{ round?, rule?, includeProgrammeWide = false }`
 * @returns the result (`CmoWhereStandardRow[]`), as {@link cmoWhereStandardEither}
 * gives it in its `Right`.
 * @throws {RealistError} when {@link cmoWhereStandardEither} gives `Left`: the error's
 * `problems` are those problems, and its message lists them (`[realist-eval] cmoWhereStandard: …`).
 * @example
 * // theoryEv: 1.1 not met for acute-care and voluntary-sector; the configurations their sites' quotes support
 * cmoWhereStandard(theoryEv, { standard: '1.1' }).map((r) => `${r.unit}: ${r.configuration} (${r.mechanism})`)
 * //=> ['acute-care: capacity-low-impact (too-few-personnel)', 'acute-care: capacity-low-impact (insufficient-resources)',
 * //    'acute-care: energy-not-harnessed (spur-to-action)', 'acute-care: energy-not-harnessed (partnership-difficult)',
 * //    'voluntary-sector: capacity-low-impact (too-few-personnel)', 'voluntary-sector: capacity-low-impact (insufficient-resources)',
 * //    'voluntary-sector: users-absent-low-impact (little-user-involvement)', 'voluntary-sector: users-absent-low-impact (nimhe-support-inconsistent)']
 */
export const cmoWhereStandard = (
  ev: Evaluation,
  condition: StandardCondition,
  options: CmoWhereStandardOptions = {},
): CmoWhereStandardRow[] => orThrow('cmoWhereStandard', cmoWhereStandardEither(ev, condition, options))
