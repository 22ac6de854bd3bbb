/**
 * Realist programme theory: CMO elements and configurations with a checked
 * lifecycle, role changes kept in history, versioned theories per perspective
 * and their diffs, evidence with triangulation across stakeholder groups, links to standards and objectives, and the MHIP
 * chapter 7 themes as data.
 * @module
 */
export { STATUS_TRANSITIONS, canTransition, describeNextStatuses } from './lifecycle.js'
export { evidenceProblems, theoryProblems, MAX_LISTED_PROBLEMS } from './validate.js'
export { snapshotTheory } from './snapshot.js'
export type {
  PlainIds,
  ChangeStamp,
  AddCmoElementArgs,
  RoleFieldsInput,
  ChangeElementRoleArgs,
  ElementChanges,
  ReviseCmoElementArgs,
  RemoveCmoElementArgs,
  ConfigurationInput,
  AddConfigurationArgs,
  ConfigurationChanges,
  ReviseConfigurationArgs,
  TransitionConfigurationArgs,
  RemoveConfigurationArgs,
  AddTheoryArgs,
  TheoryMemberArgs,
  CommitTheoryVersionArgs,
  LinkExcerptArgs,
  TagContextStandardsArgs,
  TagOutcomeArgs,
} from './edits.js'
export {
  addCmoElement,
  addConfiguration,
  addEvidenceSource,
  addExcerpt,
  addInformant,
  addStakeholderGroup,
  addTheory,
  addToTheory,
  changeElementRole,
  commitTheoryVersion,
  linkExcerpt,
  removeCmoElement,
  removeConfiguration,
  removeFromTheory,
  reviseCmoElement,
  reviseConfiguration,
  tagContextStandards,
  tagOutcome,
  transitionConfiguration,
} from './edits.js'
export { theoryDiffEither, theoryDiff, theoryDiffRows } from './diff.js'
export type {
  TheoryRef,
  TheorySide,
  TheoryDiff,
  ConfigurationDiff,
  ConfigurationField,
  FieldChange,
  ElementRoleDiff,
  TheoryDiffRow,
} from './diff.js'
export {
  DEFAULT_MIN_GROUPS,
  triangulationEither,
  triangulation,
  triangulationRows,
  triangulationOptionProblems,
} from './triangulation.js'
export type { EvidenceTargetKind, TriangulationOptions, Triangulation, TriangulationRow } from './triangulation.js'
export { supportMatrixEither, supportMatrix } from './support-matrix.js'
export type { SupportMatrixOptions, SupportRow } from './support-matrix.js'
export { cmoWhereStandardEither, cmoWhereStandard } from './where-standard.js'
export type { StandardCondition, CmoWhereStandardOptions, CmoWhereStandardRow } from './where-standard.js'
