import * as E from '../model/either.js'
import type { Evaluation } from '../model/evaluation.js'
import { orThrow, problem, type Problem, type Result } from '../model/problem.js'
import { excerptOrigins } from './attribution.js'
import { argShapeProblems } from './args.js'
import { evidenceProblems } from './validate.js'

/** The E-MHIP threshold: "if 3 different groups mentioned staff morale … a robust finding" (L487-L491). */
export const DEFAULT_MIN_GROUPS = 3

/** What triangulation is computed for. */
export type EvidenceTargetKind = 'configuration' | 'element'

/** Options of `triangulation`. */
export interface TriangulationOptions {
  /** Distinct stakeholder groups of supporting evidence needed to call a target robust. Default 3 (L487-L491). */
  readonly minGroups?: number
  /** Which targets to report: configurations, elements, or both (the default). */
  readonly of?: EvidenceTargetKind | 'both'
}

/** How well one configuration or element is supported across stakeholder groups. */
export interface Triangulation {
  /** Whether the target is a configuration or an element. */
  readonly kind: EvidenceTargetKind
  readonly id: string
  readonly label: string
  /** Distinct stakeholder groups with supporting excerpts, sorted. */
  readonly supportingGroups: readonly string[]
  /** Distinct stakeholder groups with contradicting excerpts, sorted (counted apart from support). */
  readonly contradictingGroups: readonly string[]
  /** Excerpts that support the target, with or without a group. */
  readonly supportingExcerpts: number
  /** Excerpts that contradict the target. */
  readonly contradictingExcerpts: number
  /** Supporting excerpts from a source alone (documents, surveys): counted, but they add no group. */
  readonly supportingWithoutGroup: number
  /** `supportingGroups.length >= minGroups`. */
  readonly robust: boolean
  /** The threshold `robust` was judged against. */
  readonly minGroups: number
}

/**
 * Problems with triangulation options.
 * @param options the options given to `triangulation`
 * @returns a problem for each bad option (`minGroups` not a whole number ≥ 1, `of` not a target kind); none when all are good
 * @example
 * triangulationOptionProblems({ minGroups: 0 })
 * //=> [{ where: 'options › minGroups', expected: 'a whole number ≥ 1', found: '0', … }]
 */
export const triangulationOptionProblems = (options: TriangulationOptions): Problem[] => {
  const out: Problem[] = []
  const n = options.minGroups
  if (n !== undefined && !(typeof n === 'number' && Number.isInteger(n) && n >= 1))
    out.push(problem(['minGroups'], 'a whole number ≥ 1', n, 'value', 'options › minGroups'))
  if (options.of !== undefined && !['configuration', 'element', 'both'].includes(options.of))
    out.push(problem(['of'], 'one of "configuration" | "element" | "both"', options.of, 'value', 'options › of'))
  return out
}

interface Tally {
  readonly support: Set<string>
  readonly contra: Set<string>
  supportN: number
  contraN: number
  noGroup: number
}

/**
 * Triangulation across stakeholder groups (E-MHIP L487-L491): for each
 * configuration and element, the distinct stakeholder groups whose
 * informants' excerpts support it and, counted separately, contradict it. A
 * target is robust when at least `minGroups` groups support it.
 *
 * Counting rules: a group counts once however many of its excerpts agree;
 * the group of an excerpt is its informant's; an excerpt from a document or
 * survey alone is counted in `supportingExcerpts` / `supportingWithoutGroup`
 * but adds no group; evidence for an element does not count for the
 * configurations that use it (link the excerpt to the configuration).
 *
 * Degenerate input: no excerpts gives every target zero groups and
 * `robust: false`; an evaluation with dangling evidence references, or bad
 * options, is a `Left` (counts over broken links would mislead).
 * @param ev the evaluation
 * @param options `{ minGroups = 3, of = 'both' }`
 * @returns one entry per target, configurations first, in document order
 * @example
 * // theoryEv: the MHIP programme theory with illustrative quotes (examples/programme-theory.ts)
 * // capacity-low-impact: Q1-Q4 from the mht-senior, mht-frontline, mht-middle and pct groups; Q5 (mht-middle) against
 * triangulationEither(theoryEv, { minGroups: 2 })
 * //=> right([{ kind: 'configuration', id: 'capacity-low-impact', label: 'Unready sites + too few skilled people + thin resources → low impact',
 * //            supportingGroups: ['mht-frontline', 'mht-middle', 'mht-senior', 'pct'], contradictingGroups: ['mht-middle'],
 * //            supportingExcerpts: 4, contradictingExcerpts: 1, supportingWithoutGroup: 0, robust: true, minGroups: 2 }, …])
 */
export const triangulationEither = (ev: Evaluation, options: TriangulationOptions = {}): Result<Triangulation[]> => {
  const shape = argShapeProblems(options, 'options')
  if (shape.length > 0) return E.left(shape)
  const problems = [
    ...triangulationOptionProblems(options).map((p) => ({ ...p, path: ['options', ...p.path] })),
    ...evidenceProblems(ev),
  ]
  if (problems.length > 0) return E.left(problems)
  const minGroups = options.minGroups ?? DEFAULT_MIN_GROUPS
  const of = options.of ?? 'both'
  const tallies = new Map<string, Tally>()
  const tallyOf = (key: string): Tally => {
    let t = tallies.get(key)
    if (t === undefined)
      tallies.set(key, (t = { support: new Set(), contra: new Set(), supportN: 0, contraN: 0, noGroup: 0 }))
    return t
  }
  for (const { excerpt, group } of excerptOrigins(ev))
    for (const link of excerpt.links) {
      const t = tallyOf(
        link.configuration !== undefined ? `configuration:${link.configuration}` : `element:${link.element}`,
      )
      if (link.stance === 'supports') {
        t.supportN++
        if (group === null) t.noGroup++
        else t.support.add(group)
      } else {
        t.contraN++
        if (group !== null) t.contra.add(group)
      }
    }
  const entry = (kind: EvidenceTargetKind, id: string, label: string): Triangulation => {
    const t = tallies.get(`${kind}:${id}`)
    const supportingGroups = [...(t?.support ?? [])].sort()
    return {
      kind,
      id,
      label,
      supportingGroups,
      contradictingGroups: [...(t?.contra ?? [])].sort(),
      supportingExcerpts: t?.supportN ?? 0,
      contradictingExcerpts: t?.contraN ?? 0,
      supportingWithoutGroup: t?.noGroup ?? 0,
      robust: supportingGroups.length >= minGroups,
      minGroups,
    }
  }
  return E.right([
    ...(of === 'element' ? [] : ev.configurations.map((c) => entry('configuration', c.id, c.label))),
    ...(of === 'configuration' ? [] : ev.elements.map((e) => entry('element', e.id, e.label))),
  ])
}

/**
 * Triangulation across stakeholder groups (E-MHIP L487-L491): for each
 * configuration and element, the distinct stakeholder groups whose
 * informants' excerpts support it and, counted separately, contradict it. A
 * target is robust when at least `minGroups` groups support it.
 *
 * The throwing form of {@link triangulationEither}: the same result, returned directly,
 * for notebooks and scripts.
 *
 * Degenerate input: no excerpts gives every target zero groups and
 * `robust: false`; an evaluation with dangling evidence references, or bad
 * options, is a an error (counts over broken links would mislead).
 * @param ev the evaluation
 * @param options `{ minGroups = 3, of = 'both' }`
 * @returns the result (`Triangulation[]`), as {@link triangulationEither}
 * gives it in its `Right`.
 * @throws {RealistError} when {@link triangulationEither} gives `Left`: the error's
 * `problems` are those problems, and its message lists them (`[realist-eval] triangulation: …`).
 * @example
 * // theoryEv: the MHIP programme theory with illustrative quotes (examples/programme-theory.ts)
 * // supporting groups: capacity-low-impact 4, energy-not-harnessed 2, prince2-culture 2, users-absent-low-impact 1
 * triangulation(theoryEv, { of: 'configuration' }).filter((t) => t.robust).map((t) => t.id) //=> ['capacity-low-impact']
 */
export const triangulation = (ev: Evaluation, options: TriangulationOptions = {}): Triangulation[] =>
  orThrow('triangulation', triangulationEither(ev, options))

/** One triangulation entry as a flat row. */
export interface TriangulationRow {
  readonly kind: EvidenceTargetKind
  readonly id: string
  readonly label: string
  /** How many distinct stakeholder groups support the target. */
  readonly supportingGroups: number
  /** How many distinct stakeholder groups contradict it. */
  readonly contradictingGroups: number
  /** The supporting groups, joined with ", ". */
  readonly groups: string
  readonly supportingExcerpts: number
  readonly contradictingExcerpts: number
  /** `supportingGroups >= minGroups`. */
  readonly robust: boolean
  /** The threshold `robust` was judged against. */
  readonly minGroups: number
}

/**
 * Flatten triangulation entries into tidy rows (group lists become a count and a joined string).
 * @param entries as `triangulation` returns them
 * @returns one row per entry, in the same order
 * @example
 * // theoryEv: the MHIP programme theory with illustrative quotes (examples/programme-theory.ts)
 * triangulationRows(triangulation(theoryEv, { of: 'configuration' }))[0]
 * //=> { kind: 'configuration', id: 'capacity-low-impact', label: '…', supportingGroups: 4, contradictingGroups: 1,
 * //     groups: 'mht-frontline, mht-middle, mht-senior, pct', supportingExcerpts: 4, contradictingExcerpts: 1, robust: true, minGroups: 3 }
 */
export const triangulationRows = (entries: readonly Triangulation[]): TriangulationRow[] =>
  entries.map((t) => ({
    kind: t.kind,
    id: t.id,
    label: t.label,
    supportingGroups: t.supportingGroups.length,
    contradictingGroups: t.contradictingGroups.length,
    groups: t.supportingGroups.join(', '),
    supportingExcerpts: t.supportingExcerpts,
    contradictingExcerpts: t.contradictingExcerpts,
    robust: t.robust,
    minGroups: t.minGroups,
  }))
