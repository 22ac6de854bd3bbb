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
 * @example
 * describePolicy(DEFAULT_POLICY, emhipScale)
 * //=> ['Not applicable: left out of the denominator', 'Unrated: left out of the denominator',
 * //    'Counted: one item per unit × standard (criteria rolled up by all-met-else-partly: …)',
 * //    'Attained: Met only', 'Totals: pooled (Σk / Σn)', 'Intervals: Wilson score, 95%']
 */
export const describePolicy = (policy: ResolvedPolicy, scale: RatingScale): string[] => {
  const [best, second] = scale.levels
  const worst = scale.levels[scale.levels.length - 1]
  const worstLabel = worst?.label ?? 'the worst level'
  const attained =
    policy.attained === 'top'
      ? `${best?.label ?? 'the best level'} only`
      : policy.attained === 'top-two'
        ? `${best?.label ?? 'the best level'} or ${second?.label ?? 'the second level'}`
        : `each level weighted by its score (${scale.levels.map((l) => `${l.label} ${l.score}`).join(', ')}), rescaled to 0–1`
  const rule = policy.rollupRule.description === '' ? policy.rollup : `${policy.rollup}: ${policy.rollupRule.description}`
  return [
    `Not applicable: ${policy.notApplicable === 'exclude' ? 'left out of the denominator' : `counted as ${worstLabel}`}`,
    `Unrated: ${policy.unrated === 'exclude' ? 'left out of the denominator' : policy.unrated === 'not-met' ? `counted as ${worstLabel}` : 'refused (an error)'}`,
    policy.count === 'standards'
      ? `Counted: one item per unit × standard (an explicit standard rating wins; otherwise criteria rolled up by ${rule})`
      : 'Counted: one item per unit × criterion',
    `Attained: ${attained}`,
    `Totals: ${policy.total === 'pooled' ? 'pooled (Σk / Σn over every item)' : 'mean of the standards’ proportions'}`,
    `Intervals: ${policy.interval === 'wilson' ? 'Wilson score' : 'Clopper–Pearson exact'}, ${Math.round(policy.confidence * 1000) / 10}%`,
  ]
}
