/**
 * What both whole-document reports (HTML and Markdown) start from: the
 * resolved policies, the attainment result, the data problems, and the
 * document's counts.
 * @module
 */
import * as E from '../model/either.js'
import { decodeEvaluation } from '../document/decode.js'
import type { Evaluation } from '../model/evaluation.js'
import { orThrow, type Problem, type Result } from '../model/problem.js'
import { evaluationArgProblems } from '../model/options.js'
import { DEFAULT_UNKNOWN_POLICY, type UnknownPolicy } from '../objectives/policy.js'
import { attainmentEither, type AttainmentResult } from '../standards/attainment.js'
import { resolvePolicyEither, type DenominatorPolicy, type ResolvedPolicy } from '../standards/policy.js'
import { findScope } from './attainment-table.js'

/** What a report says when a part cannot be shown (the HTML and Markdown reports say the same). */
export const NOT_COMPUTED = 'Standards attainment could not be computed; see Data problems below.'
export const NO_RATINGS = 'This document holds no standard ratings, so there is no standards attainment to show.'
export const NO_OBJECTIVES = 'This document records no objectives.'
export const NOT_SUMMARISED = 'Objectives could not be summarised; see Data problems below.'

/** Options of the whole-document reports. Defaults are in brackets. */
export interface ReportOptions {
  /** The report's heading [the evaluation's title]. */
  readonly title?: string
  /** The denominator policy of the standards figures [the standards module's defaults]. */
  readonly policy?: DenominatorPolicy
  /** What an unknown attained objective count counts as [`'bounds'`]. */
  readonly unknown?: UnknownPolicy
  /** The round shown, or `null` for all rounds together [`null`]. */
  readonly round?: string | null
}

/** How much a document holds. */
export interface DocumentCounts {
  readonly sites: number
  readonly units: number
  readonly rounds: number
  readonly ratings: number
  /** Objectives: the totals of the count cells plus the individually listed ones. */
  readonly objectives: number
}

/**
 * Count what a document holds.
 * @param ev - the evaluation.
 * @returns its numbers of sites, units, rounds, ratings and objectives.
 * @example
 * documentCounts(mhipEvaluation) //=> { sites: 4, units: 15, rounds: 1, ratings: 0, objectives: 84 }
 */
export const documentCounts = (ev: Evaluation): DocumentCounts => {
  let units = 0
  let ratings = 0
  let objectives = 0
  for (const s of ev.sites)
    for (const u of s.units) {
      units++
      for (const r of Object.keys(u.ratings))
        ratings += Object.keys(u.ratings[r as keyof typeof u.ratings] ?? {}).length
      objectives += u.objectives.length + u.objectiveCells.reduce((n, c) => n + c.total, 0)
    }
  return { sites: ev.sites.length, units, rounds: ev.rounds.length, ratings, objectives }
}

/**
 * Document counts in words.
 * @param c - counts from {@link documentCounts}.
 * @returns the counts in words.
 * @example
 * describeCounts(documentCounts(mhipEvaluation)) //=> '4 sites, 15 units, 1 round, 0 ratings, 84 objectives'
 */
export const describeCounts = (c: DocumentCounts): string => {
  const plural = (n: number, w: string) => `${n} ${w}${n === 1 ? '' : 's'}`
  return [
    plural(c.sites, 'site'),
    plural(c.units, 'unit'),
    plural(c.rounds, 'round'),
    plural(c.ratings, 'rating'),
    plural(c.objectives, 'objective'),
  ].join(', ')
}

/** Everything a whole-document report needs, computed once. */
export interface ReportInputs {
  readonly title: string
  readonly policy: ResolvedPolicy
  /** The policy as given (the further instruments' attainment is computed under it). */
  readonly policyOptions: DenominatorPolicy | undefined
  readonly unknown: UnknownPolicy
  readonly round: string | null
  readonly result: Result<AttainmentResult>
  /** `decodeEvaluation`'s problems and the attainment's, if any. */
  readonly problems: readonly Problem[]
  readonly counts: DocumentCounts
  /** Whether the scope shown has any standard rated (or not applicable). */
  readonly hasRatings: boolean
}

/**
 * Resolve a report's options and compute its inputs. Only an invalid policy
 * is a `Left`; problems in the data are part of the inputs.
 * @param ev - the evaluation.
 * @param options - title, denominator policy, unknown policy, round.
 * @returns `Right` with what the report shows, or `Left` with the problems of the options.
 * @example
 * reportInputsEither(mhipEvaluation) //=> right({ title: 'External evaluation …', unknown: 'bounds', hasRatings: false, problems: [], … })
 */
export const reportInputsEither = (ev: Evaluation, options: ReportOptions = {}): Result<ReportInputs> => {
  const notEv = evaluationArgProblems('report', ev)
  if (notEv.length > 0) return E.left(notEv)
  const policy = resolvePolicyEither(options.policy)
  if (E.isLeft(policy)) return policy
  const round = options.round ?? null
  const decoded = decodeEvaluation(ev)
  const result = attainmentEither(ev, options.policy)
  const scope = E.isRight(result) ? findScope(result.right, { round, site: null }) : undefined
  return E.right({
    title: options.title ?? ev.title,
    policy: policy.right,
    policyOptions: options.policy,
    unknown: options.unknown ?? DEFAULT_UNKNOWN_POLICY,
    round,
    result,
    problems: [...(E.isLeft(decoded) ? decoded.left : []), ...(E.isLeft(result) ? result.left : [])],
    counts: documentCounts(ev),
    hasRatings: scope !== undefined && scope.total.items + scope.total.na > 0,
  })
}

/**
 * Resolve a report's options and compute its inputs. Only an invalid policy
 * is a `Left`; problems in the data are part of the inputs.
 *
 * The throwing form of {@link reportInputsEither}: the same result, returned directly,
 * for notebooks and scripts.
 * @param ev
 * @param options
 * @returns the result (`ReportInputs`), as {@link reportInputsEither}
 * gives it in its `Right`.
 * @throws {RealistError} when {@link reportInputsEither} gives `Left`: the error's
 * `problems` are those problems, and its message lists them (`[realist-eval] reportInputs: …`).
 * @example
 * reportInputs(mhipEvaluation).hasRatings //=> false
 */
export const reportInputs = (ev: Evaluation, options: ReportOptions = {}): ReportInputs =>
  orThrow('reportInputs', reportInputsEither(ev, options))
