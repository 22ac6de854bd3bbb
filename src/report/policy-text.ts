/**
 * The denominator policy in words, for the note under every attainment
 * table and the policy section of the HTML report: a percentage is only
 * meaningful with what was counted beside it.
 * @module
 */
import type { RatingScale } from '../model/scale.js'
import type { ResolvedPolicy } from '../standards/policy.js'

/**
 * One line per choice of a resolved denominator policy, in words, naming the
 * scale's own level labels.
 * @param policy - a resolved denominator policy.
 * @param scale - the scale counted on (its level labels are used).
 * @returns one line per choice.
 * @example
 * describePolicy(DEFAULT_POLICY, emhipScale)
 * //=> ['Not applicable: left out of the denominator', 'Unrated: left out of the denominator',
 * //    'Counted: one item per unit × standard (an explicit standard rating wins; otherwise criteria rolled up by all-met-else-partly: …)',
 * //    'Attained: Met only', 'Totals: pooled (Σk / Σn over every item)', 'Intervals: Wilson score, 95%']
 */
export const describePolicy = (policy: ResolvedPolicy, scale: RatingScale): string[] => {
  const [best, second] = scale.levels
  const worst = scale.levels[scale.levels.length - 1]
  const worstLabel = worst?.label ?? 'the worst level'
  const a = policy.attained
  const labels = (ids: readonly string[]): string => {
    const ls = ids.map((id) => scale.levels.find((l) => l.id === id)?.label ?? id)
    return ls.length <= 1 ? (ls[0] ?? '') : `${ls.slice(0, -1).join(', ')} or ${ls[ls.length - 1]}`
  }
  const ids = scale.levels.map((l): string => l.id)
  const attained =
    a === 'top'
      ? `${best?.label ?? 'the best level'} only`
      : a === 'top-two'
        ? `${best?.label ?? 'the best level'} or ${second?.label ?? 'the second level'}`
        : typeof a === 'object'
          ? 'top' in a
            ? labels(ids.slice(0, a.top))
            : 'atLeast' in a
              ? `${labels([a.atLeast])} or better (${labels(ids.slice(0, ids.indexOf(a.atLeast) + 1))})`
              : labels(a.levels)
          : `each level weighted by its score (${scale.levels.map((l) => `${l.label} ${l.score}`).join(', ')}), rescaled to 0–1`
  const raters =
    policy.raters === undefined || policy.raters === 'consensus'
      ? []
      : [
          `Raters: the consensus rating where one is recorded, otherwise ${
            typeof policy.raters === 'object'
              ? `rater ${policy.raters.rater}'s rating`
              : `the ${policy.raters} level of the raters' ratings${policy.raters === 'median' ? ' (an even count takes the worse middle level)' : ''}`
          }`,
        ]
  const rule =
    policy.rollupRule.description === '' ? policy.rollup : `${policy.rollup}: ${policy.rollupRule.description}`
  return [
    `Not applicable: ${policy.notApplicable === 'exclude' ? 'left out of the denominator' : `counted as ${worstLabel}`}`,
    `Unrated: ${policy.unrated === 'exclude' ? 'left out of the denominator' : policy.unrated === 'not-met' ? `counted as ${worstLabel}` : 'refused (an error)'}`,
    policy.count === 'standards'
      ? `Counted: one item per unit × standard (an explicit standard rating wins; otherwise criteria rolled up by ${rule})`
      : 'Counted: one item per unit × criterion',
    `Attained: ${attained}`,
    ...raters,
    `Totals: ${policy.total === 'pooled' ? 'pooled (Σk / Σn over every item)' : 'mean of the standards’ proportions'}`,
    `Intervals: ${policy.interval === 'wilson' ? 'Wilson score' : 'Clopper–Pearson exact'}, ${Math.round(policy.confidence * 1000) / 10}%`,
  ]
}
