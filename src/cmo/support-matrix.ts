import * as E from '../model/either.js'
import type { Evaluation } from '../model/evaluation.js'
import { orThrow, problem, type Problem, type Result } from '../model/problem.js'
import { excerptOrigins } from './attribution.js'
import type { EvidenceTargetKind } from './triangulation.js'
import { argShapeProblems } from './args.js'
import { evidenceProblems } from './validate.js'

/** Options of `supportMatrix`. */
export interface SupportMatrixOptions {
  /** Rows for configurations (the default) or for elements. */
  readonly of?: EvidenceTargetKind
  /**
   * `true`: a row for every target × stakeholder group × site, zeros included
   * (a full grid for a heat map). Default `false`: only combinations with evidence.
   */
  readonly complete?: boolean
}

/** One cell of the support matrix: target × stakeholder group × site. */
export interface SupportRow {
  /** Whether the target is a configuration or an element. */
  readonly kind: EvidenceTargetKind
  readonly id: string
  readonly label: string
  /** The stakeholder group; null for excerpts from a document or survey alone. */
  readonly group: string | null
  readonly groupLabel: string | null
  /** The site; null for evidence with no site (national informants, national documents). */
  readonly site: string | null
  readonly siteName: string | null
  /** Excerpts supporting the target from this group at this site. */
  readonly supports: number
  /** Excerpts contradicting it, counted separately. */
  readonly contradicts: number
}

const optionProblems = (o: SupportMatrixOptions): Problem[] => [
  ...(o.of !== undefined && o.of !== 'configuration' && o.of !== 'element'
    ? [problem(['options', 'of'], 'one of "configuration" | "element"', o.of, 'value', 'options › of')]
    : []),
  ...(o.complete !== undefined && typeof o.complete !== 'boolean'
    ? [problem(['options', 'complete'], 'true or false', o.complete, 'shape', 'options › complete')]
    : []),
]

/**
 * The support matrix: for each configuration (or element), stakeholder group
 * and site, how many excerpts support it and how many contradict it, as tidy
 * rows (E-MHIP triangulated themes across groups and sites, L487-L491,
 * L610-L623).
 *
 * Degenerate input: no excerpts gives `[]` (or all-zero rows with
 * `complete: true`); dangling evidence references or bad options are a `Left`.
 * @param ev the evaluation
 * @param options `{ of = 'configuration', complete = false }`
 * @returns rows ordered by target (document order), then group (Table 2 order, no-group last), then site (document order, no-site last)
 * @example
 * // theoryEv: the MHIP programme theory with illustrative quotes (examples/programme-theory.ts)
 * // Q1, from a South Staffordshire senior manager, supports capacity-low-impact
 * supportMatrixEither(theoryEv)
 * //=> right([{ kind: 'configuration', id: 'capacity-low-impact', label: '…', group: 'mht-senior', groupLabel: 'Mental health Trust Senior management',
 * //            site: 'south-staffordshire', siteName: 'South Staffordshire', supports: 1, contradicts: 0 }, …])
 */
export const supportMatrixEither = (ev: Evaluation, options: SupportMatrixOptions = {}): Result<SupportRow[]> => {
  const shape = argShapeProblems(options, 'options')
  if (shape.length > 0) return E.left(shape)
  const problems = [...optionProblems(options), ...evidenceProblems(ev)]
  if (problems.length > 0) return E.left(problems)
  const kind = options.of ?? 'configuration'
  const targets = kind === 'configuration' ? ev.configurations : ev.elements
  const counts = new Map<string, { supports: number; contradicts: number }>()
  const key = (id: string, group: string | null, site: string | null) => JSON.stringify([id, group, site])
  let ungrouped = false
  let unsited = false
  for (const { excerpt, group, site } of excerptOrigins(ev))
    for (const link of excerpt.links) {
      const id = kind === 'configuration' ? link.configuration : link.element
      if (id === undefined) continue
      ungrouped ||= group === null
      unsited ||= site === null
      const k = key(id, group, site)
      const c = counts.get(k) ?? { supports: 0, contradicts: 0 }
      if (link.stance === 'supports') c.supports++
      else c.contradicts++
      counts.set(k, c)
    }
  const groups: (string | null)[] = [...ev.stakeholderGroups.map((g) => g.id as string), ...(ungrouped ? [null] : [])]
  const sites: (string | null)[] = [...ev.sites.map((s) => s.id as string), ...(unsited ? [null] : [])]
  const groupLabel = new Map(ev.stakeholderGroups.map((g) => [g.id as string, g.label]))
  const siteName = new Map(ev.sites.map((s) => [s.id as string, s.name]))
  const rows: SupportRow[] = []
  for (const t of targets)
    for (const group of groups)
      for (const site of sites) {
        const c = counts.get(key(t.id, group, site))
        if (c === undefined && options.complete !== true) continue
        rows.push({
          kind,
          id: t.id,
          label: t.label,
          group,
          groupLabel: group === null ? null : (groupLabel.get(group) ?? null),
          site,
          siteName: site === null ? null : (siteName.get(site) ?? null),
          supports: c?.supports ?? 0,
          contradicts: c?.contradicts ?? 0,
        })
      }
  return E.right(rows)
}

/**
 * The support matrix: for each configuration (or element), stakeholder group
 * and site, how many excerpts support it and how many contradict it, as tidy
 * rows (E-MHIP triangulated themes across groups and sites, L487-L491,
 * L610-L623).
 *
 * The throwing form of {@link supportMatrixEither}: the same result, returned directly,
 * for notebooks and scripts.
 *
 * Degenerate input: no excerpts gives `[]` (or all-zero rows with
 * `complete: true`); dangling evidence references or bad options are a an error.
 * @param ev the evaluation
 * @param options `{ of = 'configuration', complete = false }`
 * @returns the result (`SupportRow[]`), as {@link supportMatrixEither}
 * gives it in its `Right`.
 * @throws {RealistError} when {@link supportMatrixEither} gives `Left`: the error's
 * `problems` are those problems, and its message lists them (`[realist-eval] supportMatrix: …`).
 * @example
 * // theoryEv: the MHIP programme theory with illustrative quotes (examples/programme-theory.ts)
 * // complete: 5 configurations × 10 groups × (4 sites + no site) = 250 rows; without it, the 10 cells quoted
 * supportMatrix(theoryEv, { complete: true }).length //=> 250
 * supportMatrix(theoryEv).length //=> 10
 */
export const supportMatrix = (ev: Evaluation, options: SupportMatrixOptions = {}): SupportRow[] =>
  orThrow('supportMatrix', supportMatrixEither(ev, options))
