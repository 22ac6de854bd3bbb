/**
 * The value every agreement coefficient returns. A coefficient that cannot be
 * computed on the data is **undefined, with its reason** (`defined: false`,
 * `value: null`, `reason: "…"`), never NaN; a defined coefficient whose
 * standard error or interval cannot be had says why in `notes`.
 * @module
 */
import * as E from '../model/either.js'
import { problem, type Result } from '../model/problem.js'
import type { WeightsName } from './weights.js'

/** The coefficients of this module. */
export type CoefficientName =
  | 'percent-agreement'
  | 'cohen-kappa'
  | 'fleiss-kappa'
  | 'krippendorff-alpha'
  | 'gwet-ac1'
  | 'gwet-ac2'
  | 'brennan-prediger'

/** How the interval was built. */
export type AgreementIntervalMethod =
  /** Estimate ± z · asymptotic SE (normal). */
  | 'normal'
  /** Estimate ± t(n − 1) · SE, as irrCAC. */
  | 't'
  /** Percentile interval of a seeded bootstrap over units. */
  | 'bootstrap-percentile'

/** What every estimate says about the data behind it. */
export interface EstimateBase {
  readonly coefficient: CoefficientName
  readonly weights: WeightsName
  /** Units that entered the figure (for the multi-rater coefficients: units with at least one rating; Cohen: units both raters rated). */
  readonly units: number
  /** Units with at least two ratings: those whose ratings can be paired. */
  readonly pairableUnits: number
  /** Raters (matrix columns; for a count table, the largest number of ratings of one unit). */
  readonly raters: number
  /** Ratings that entered the figure. */
  readonly ratings: number
  /** Observed (weighted) agreement p_a, 0–1 (for alpha: 1 − D_o, the observed agreement). */
  readonly observed: number | null
  /** Chance agreement p_e, 0–1 (for alpha: 1 − D_e). */
  readonly expected: number | null
  /** Confidence level of the interval. */
  readonly confidence: number
}

/** A coefficient with a value. `se`, `lo`, `hi`, `z` and `p` are null when they cannot be had (see `notes`). */
export interface DefinedEstimate extends EstimateBase {
  readonly defined: true
  /** The coefficient: 1 is perfect agreement, 0 chance agreement (percent agreement: the proportion 0-1 of agreeing pairs). */
  readonly value: number
  /** Standard error (for kappa: the non-null asymptotic SE used for the interval). */
  readonly se: number | null
  /** Standard error under H0 (value = 0), when the test uses one (Cohen: Fleiss, Cohen & Everitt 1969; Fleiss: Fleiss, Nee & Landis 1979). */
  readonly se0: number | null
  /** Lower end of the interval (see `intervalMethod`). */
  readonly lo: number | null
  /** Upper end of the interval. */
  readonly hi: number | null
  readonly intervalMethod: AgreementIntervalMethod | null
  /** Test statistic against 0: value / SE under H0 (normal), or value / SE (t, with `df`). */
  readonly z: number | null
  /** Degrees of freedom when `z` is referred to Student's t; null for the normal. */
  readonly df: number | null
  /** Two-sided p-value of `z`. */
  readonly p: number | null
  /** Why a figure above is null, and other remarks. */
  readonly notes: readonly string[]
}

/** A coefficient that is undefined on these data, and why (for example 0/0). */
export interface UndefinedEstimate extends EstimateBase {
  readonly defined: false
  readonly value: null
  /** Why there is no value, in words (e.g. "all ratings are in one level: …, so κ = 0/0"). */
  readonly reason: string
  readonly se: null
  readonly se0: null
  readonly lo: null
  readonly hi: null
  readonly intervalMethod: null
  readonly z: null
  readonly df: null
  readonly p: null
  readonly notes: readonly string[]
}

/** An agreement coefficient: defined with its value and precision, or undefined with its reason. */
export type AgreementEstimate = DefinedEstimate | UndefinedEstimate

/**
 * Narrow an estimate to one with a value.
 * @param e an estimate
 * @returns whether `e.value` is a number
 * @example
 * isDefined(cohenKappaTable([[1, 0], [0, 1]], { scale: ['a', 'b'] })) //=> true
 */
export const isDefined = (e: AgreementEstimate): e is DefinedEstimate => e.defined

/** @internal */
export const undefinedEstimate = (
  base: EstimateBase,
  reason: string,
  notes: readonly string[] = [],
): UndefinedEstimate => ({
  ...base,
  defined: false,
  value: null,
  reason,
  se: null,
  se0: null,
  lo: null,
  hi: null,
  intervalMethod: null,
  z: null,
  df: null,
  p: null,
  notes,
})

/** Options every coefficient takes besides its scale and weights. */
export interface ConfidenceOptions {
  /** Confidence level of the interval, strictly between 0 and 1. Default 0.95. */
  readonly confidence?: number
}

/** The default confidence level. */
export const DEFAULT_AGREEMENT_CONFIDENCE = 0.95

/**
 * Check the confidence level.
 * @internal
 * @example
 * confidenceEither(undefined, 'fleissKappa') //=> right(0.95)
 */
export const confidenceEither = (confidence: unknown, fn: string): Result<number> => {
  if (confidence === undefined) return E.right(DEFAULT_AGREEMENT_CONFIDENCE)
  if (typeof confidence === 'number' && confidence > 0 && confidence < 1) return E.right(confidence)
  return E.left([
    problem(['confidence'], 'a confidence level strictly between 0 and 1', confidence, 'value', `${fn} › confidence`),
  ])
}

/** Tolerance under which 1 − p_e (or D_e) counts as zero: the coefficient is then 0/0 or x/0. @internal */
export const ZERO = 1e-12

/** The reason shared by every chance-corrected coefficient when chance agreement is 1. @internal */
export const ALL_ONE_LEVEL =
  'all ratings are in one level: observed and chance agreement are both 1, so the coefficient is 0/0 (agreement is perfect but cannot be told from chance)'

/** @internal */
export const NO_PAIRS = (raters: number): string =>
  raters === 1
    ? 'one rater: no unit has two ratings, so there is no pair of ratings to agree or disagree'
    : 'no pairable values: no unit has ratings from two or more raters'

/** @internal */
export const NO_UNITS = 'no units: there is nothing to compare'
