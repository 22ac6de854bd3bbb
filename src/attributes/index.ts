/**
 * Attributes of sites and units: their edits and descriptive statistics by
 * group. (Their types, codecs, accessor `attributeValue`, tidy `attributeRows`
 * and grouping `groupEntities` are in the model.)
 * @module
 */
export {
  declareAttribute,
  removeAttribute,
  setAttribute,
  clearAttribute,
  type DeclareAttributeArgs,
  type AttributeDeclarationInput,
  type BandInput,
  type RemoveAttributeArgs,
  type AttributeTargetArgs,
  type SetAttributeArgs,
} from './edits.js'
export { attributeStatsEither, attributeStats, type AttributeStatsOptions, type AttributeStatsRow } from './stats.js'
