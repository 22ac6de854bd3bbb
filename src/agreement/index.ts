/**
 * Inter-rater agreement.
 * @module
 */
export {
  percentAgreementEither,
  percentAgreement,
  percentAgreementCountsEither,
  percentAgreementCounts,
  percentAgreementTableEither,
  percentAgreementTable,
} from './percent-agreement.js'
export { cohenKappaEither, cohenKappa, cohenKappaTableEither, cohenKappaTable } from './cohen-kappa.js'
export {
  fleissKappaEither,
  fleissKappa,
  fleissKappaCountsEither,
  fleissKappaCounts,
  type FleissKappa,
  type LevelKappa,
} from './fleiss-kappa.js'
export {
  krippendorffAlphaEither,
  krippendorffAlpha,
  krippendorffAlphaCountsEither,
  krippendorffAlphaCounts,
  DEFAULT_REPLICATES,
  type AlphaLevel,
  type AlphaOptions,
} from './krippendorff-alpha.js'
export { gwetACEither, gwetAC, gwetACCountsEither, gwetACCounts } from './gwet-ac.js'
export {
  brennanPredigerEither,
  brennanPrediger,
  brennanPredigerCountsEither,
  brennanPredigerCounts,
} from './brennan-prediger.js'
export {
  isDefined,
  DEFAULT_AGREEMENT_CONFIDENCE,
  type AgreementEstimate,
  type DefinedEstimate,
  type UndefinedEstimate,
  type EstimateBase,
  type CoefficientName,
  type AgreementIntervalMethod,
  type ConfidenceOptions,
} from './result.js'
export type { ScaleOptions, WeightedOptions } from './options.js'
export type { AgreementScale, AgreementLevel, LevelKey } from './scale.js'
export type { WeightsOption, WeightsName } from './weights.js'
export type { RatingMatrix, CountTable, ContingencyTable } from './inputs.js'
export {
  agreementFromRatingsEither,
  agreementFromRatings,
  AGREEMENT_COEFFICIENTS,
  type RaterRating,
  type AgreementCoefficient,
  type AgreementFromRatingsOptions,
  type AgreementFigures,
  type AgreementRow,
} from './from-ratings.js'
export { agreementEither, agreement, type AgreementOptions } from './document.js'
