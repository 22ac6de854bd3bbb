/**
 * Observations: statements with no level, kept, reported and exported, never
 * counted. Their edits and tidy rows.
 * @module
 */
export {
  addObservation,
  removeObservation,
  type AddObservationArgs,
  type RemoveObservationArgs,
  type ObservationInput,
} from './edits.js'
export { observationRows, type ObservationRow } from './rows.js'
